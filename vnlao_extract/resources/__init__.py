"""The packaged rule and dictionary files (JSONL), read and checked by :mod:`vnlao_extract.rules`
(``rules.load_package``, ``rules.load_user``)."""

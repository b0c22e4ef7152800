"""The packaged rule and dictionary files (JSONL). They are read and checked by :mod:`vnlao_extract.rules`
(``rules.load_package``, ``rules.load_user``); ``load_package_jsonl`` stays only for ``merge/rules.py``."""
from __future__ import annotations

from ..rules import load_package


def load_package_jsonl(name: str) -> list[dict]:
    """Validated rows of a JSONL file shipped in vnlao_extract/resources (the same as ``rules.load_package``)."""
    return load_package(name)

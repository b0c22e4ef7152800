"""Per-Doc token facts as plain lists, written once and read by every later component (the one module of them).

Reading a custom attribute through ``token._`` costs far more than indexing a list, and the rules look at
the same facts many times, so the component that finds a fact stores one list per Doc:

- ``doc._.ignored_mask``: ``list[bool]``, True for tokens outside the article body (``vnlao_article``)
- ``doc._.lex_labels``: ``list[str]``, the lexicon label of each token or "" (``vnlao_lexicon``)
- ``doc._.lex_entries``: ``list[dict | None]``, the lexicon row of each token (``vnlao_lexicon``)
- ``doc._.lex_phrases``: ``list[tuple[int, int, dict]]``, (start, end, row) of each lexicon phrase
  (``vnlao_lexicon``; ``doc._.lexicon`` gives them as Spans, made when first read)

Rules read them through :func:`ignored_mask`, :func:`lex_labels`, :func:`lex_entries` and
:func:`lex_phrases`, which also work on a Doc that did not go through those components. ``token._.ignored``, ``token._.lex`` and
``token._.lex_entry`` read the same lists, for users and patterns that work token by token.
"""
from __future__ import annotations

from spacy.attrs import IDX, LOWER, ORTH
from spacy.tokens import Doc, Token


def ignored_mask(doc: Doc) -> list[bool]:
    return doc._.ignored_mask or [False] * len(doc)


def lex_labels(doc: Doc) -> list[str]:
    return doc._.lex_labels or [""] * len(doc)


def lex_entries(doc: Doc) -> list[dict | None]:
    return doc._.lex_entries or [None] * len(doc)


def lex_phrases(doc: Doc) -> list[tuple[int, int, dict]]:
    """(start, end, row) of every lexicon phrase, in text order: ``doc._.lexicon`` without the Spans."""
    return doc._.lex_phrases or []


def lower_words(doc: Doc) -> list[str]:
    """The lowercase form of every token, computed once per Doc."""
    cached = doc.user_data.get(("vnlao", "lower"))
    if cached is None or len(cached) != len(doc):
        # from the array, not token by token: making a Token object per word costs more than the lookup
        strings = doc.vocab.strings
        cached = doc.user_data[("vnlao", "lower")] = [strings[key] for key in doc.to_array(LOWER).tolist()]
    return cached


def keep_text(doc: Doc, text: str) -> Doc:
    """The Doc, told the text it was made from (the tokenizer keeps every character, so it is ``doc.text``)."""
    doc.user_data[("vnlao", "text")] = (len(doc), text)
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy joins it token by token on every read)."""
    cached = doc.user_data.get(("vnlao", "text"))
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[("vnlao", "text")] = (len(doc), doc.text)
    return cached[1]


def orth_ids(doc: Doc) -> list[int]:
    """The ORTH hash of every token (its exact text), computed once per Doc."""
    cached = doc.user_data.get(("vnlao", "orth"))
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data[("vnlao", "orth")] = doc.to_array(ORTH).tolist()
    return cached


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token (``token.idx``), computed once per Doc."""
    cached = doc.user_data.get(("vnlao", "idx"))
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data[("vnlao", "idx")] = doc.to_array(IDX).tolist()
    return cached


def _doc_fact(name: str):
    """Getter and setter of a Doc fact kept under its own ``user_data`` key, so that the token getters
    below read it with one lookup (the Matcher calls them for every token it runs on)."""
    key = ("vnlao", name)

    def getter(doc: Doc):
        return doc.user_data.get(key)

    def setter(doc: Doc, value) -> None:
        doc.user_data[key] = value

    return getter, setter


def _token_fact(name: str, empty):
    key = ("vnlao", name)

    def getter(token: Token):
        values = token.doc.user_data.get(key)
        return values[token.i] if values else empty

    def setter(token: Token, value) -> None:  # a user's component may still set a fact token by token
        values = token.doc.user_data.get(key)
        if not values:
            values = token.doc.user_data[key] = [empty] * len(token.doc)
        values[token.i] = value

    return getter, setter


for _name in ("ignored_mask", "lex_labels", "lex_entries", "lex_phrases"):
    if not Doc.has_extension(_name):
        _getter, _setter = _doc_fact(_name)
        Doc.set_extension(_name, getter=_getter, setter=_setter)
# "" rather than None for ``lex``: the Matcher cannot compare a None extension value with a string.
for _name, _list, _empty in (("ignored", "ignored_mask", False), ("lex", "lex_labels", ""),
                             ("lex_entry", "lex_entries", None)):
    if not Token.has_extension(_name):
        _getter, _setter = _token_fact(_list, _empty)
        Token.set_extension(_name, getter=_getter, setter=_setter)

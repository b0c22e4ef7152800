"""The one reader of what a spaCy Matcher pattern token accepts and how many Doc tokens it takes.

Windowed matching (``windowed.py``) only needs a sound over-approximation: every token the Matcher accepts
must be accepted here (keys this reader does not know only narrow what a token accepts, so they are
ignored), and a token's repeat bounds are exact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

WORD_KEYS = ("LOWER", "ORTH", "TEXT")
FIXED_REPEATS = {None: (1, 1), "1": (1, 1), "?": (0, 1), "!": (1, 1), "*": (0, None), "+": (1, None)}


def _upper_keys(token: dict) -> dict:
    return {key.upper() if isinstance(key, str) else key: value for key, value in token.items()}


def _string_list(value) -> list[str] | None:
    """The words of ``"x"`` or ``{"IN": [...]}``; None for anything else (a regex, a number ...)."""
    if isinstance(value, dict) and list(value) == ["IN"]:
        value = value["IN"]
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def repeats(token: dict) -> tuple[int, int | None]:
    """(fewest, most) Doc tokens a pattern token takes, from its "OP" as the Matcher reads it; most is None
    when unbounded. A negated token ("!") takes one token that it does not match."""
    op = _upper_keys(token).get("OP")
    if op in FIXED_REPEATS:
        return FIXED_REPEATS[op]
    fewest, _, most = op[1:-1].partition(",") if "," in op else (op[1:-1], "", op[1:-1])
    return int(fewest or 0), (int(most) if most else None)


@dataclass(frozen=True)
class TokenSpec:
    """What one pattern token may accept: the words of its LOWER/ORTH/TEXT lists (lowercased; all of them
    must hold), its LOWER regular expressions, its ``_.lex`` labels and the boolean custom attributes it
    requires (``_: {"title_office": true}``); a negated token ("!") accepts anything."""
    words: frozenset[str] | None = None
    regexes: tuple[re.Pattern, ...] = ()
    labels: frozenset[str] | None = None
    flags: frozenset[str] = frozenset()
    most: int | None = 1
    fewest: int = 1
    negated: bool = False
    word_lists: tuple[frozenset[str], ...] = field(default=(), compare=False)

    @property
    def accepts_anything(self) -> bool:
        return self.negated or (self.words is None and not self.regexes and self.labels is None and not self.flags)

    @property
    def once(self) -> bool:
        """Takes exactly one Doc token that it tests (an anchor can only be such a token)."""
        return (self.fewest, self.most) == (1, 1) and not self.negated

    def accepts_word(self, word: str) -> bool:
        if self.negated:
            return True
        if self.words is not None and word not in self.words:
            return False
        for regex in self.regexes:  # a loop, not all(...): called for every anchor candidate of a Doc
            if not regex.search(word):
                return False
        return True

    def accepts(self, word: str, label: str = "", flags: frozenset[str] | set[str] = frozenset()) -> bool:
        if self.negated:
            return True
        return (self.accepts_word(word) and (self.labels is None or label in self.labels)
                and self.flags <= set(flags))


def read_token(token: dict) -> TokenSpec:
    """The :class:`TokenSpec` of a pattern token (a dict as in a Matcher pattern)."""
    return _read_token(_freeze(token))


def _freeze(value):
    if isinstance(value, dict):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("__list__", tuple(_freeze(v) for v in value))
    return value


def _thaw(value):
    if isinstance(value, tuple) and value[:1] == ("__list__",):
        return [_thaw(v) for v in value[1]]
    if isinstance(value, tuple):
        return {k: _thaw(v) for k, v in value}
    return value


@lru_cache(maxsize=4096)
def _read_token(frozen) -> TokenSpec:
    spec = _upper_keys(_thaw(frozen))
    fewest, most = repeats(spec)
    lists = tuple(frozenset(word.lower() for word in words) for words in
                  (_string_list(spec.get(key)) for key in WORD_KEYS if key in spec) if words is not None)
    words = frozenset.intersection(*lists) if lists else None
    lower = spec.get("LOWER")
    regexes = (re.compile(lower["REGEX"]),) if isinstance(lower, dict) and isinstance(lower.get("REGEX"), str) else ()
    labels, flags = None, set()
    custom = spec.get("_") if isinstance(spec.get("_"), dict) else {}
    for name, value in custom.items():
        if name == "lex":
            labels = frozenset(_string_list(value) or ()) if _string_list(value) is not None else None
        elif value is True:
            flags.add(name)
    return TokenSpec(words, regexes, labels, frozenset(flags), most, fewest, spec.get("OP") == "!", lists)


def token_words(token: dict) -> set[str] | None:
    """The lowercase words a pattern token can match when it names a word or a word list, else None (the
    first of LOWER, ORTH, TEXT that does; a negated token names none)."""
    spec = read_token(token)
    if spec.negated or not spec.word_lists:
        return None
    upper = _upper_keys(token)
    for key in WORD_KEYS:
        words = _string_list(upper.get(key))
        if words is not None:
            return {word.lower() for word in words}
    return None


@dataclass(frozen=True)
class SpecUnion:
    """What any of several pattern tokens may accept (a sound over-approximation: or over their tests)."""
    words: frozenset[str]
    labels: frozenset[str]
    flags: frozenset[str]
    regexes: tuple[re.Pattern, ...]
    anything: bool

    @classmethod
    def of(cls, tokens: list[dict]) -> SpecUnion:
        specs = [read_token(token) for token in tokens]
        anything = any(spec.accepts_anything for spec in specs)
        words, labels, flags, regexes = set(), set(), set(), []
        for spec in specs:
            if spec.flags:
                flags |= spec.flags
            elif spec.labels is not None:
                labels |= spec.labels
            elif spec.words is not None:
                words |= spec.words
            else:
                regexes += spec.regexes
        return cls(frozenset(words), frozenset(labels), frozenset(flags), tuple(regexes), anything)

    def accepts(self, word: str, label: str, has_flag) -> bool:
        """``has_flag(name)`` says whether the token has a boolean custom attribute."""
        return (self.anything or word in self.words or label in self.labels
                or any(has_flag(name) for name in self.flags) or any(rx.search(word) for rx in self.regexes))

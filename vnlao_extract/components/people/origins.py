"""What a name's words tell of its country and of the word news uses alone for it (the shared Lexicon's
``name_origins``, from ``resources/name_origins.jsonl``)."""
from __future__ import annotations

from ...registry import fold
from ...rules.lexicon import Lexicon, load_lexicon
from .model import folded


def vietnamese_families(lexicon: Lexicon | None = None) -> frozenset[str]:
    """The folded Vietnamese family names (of the package's Lexicon unless one is given)."""
    lexicon = lexicon or load_lexicon()
    return frozenset(fold(w) for w in lexicon.family_names.get("VN", ()))


def all_families(lexicon: Lexicon | None = None) -> frozenset[str]:
    """The folded family names (a name's first word) of every country."""
    lexicon = lexicon or load_lexicon()
    return frozenset(fold(w) for words in lexicon.family_names.values() for w in words)


class NameOrigins:
    """The rows of ``name_origins.jsonl``, folded, tried in order."""

    def __init__(self, rows: list[dict]):
        self.rows = []
        for row in rows:
            self.rows.append((row["country"], row.get("short_form", "first"),
                              {fold(w) for w in row.get("family_names", [])},
                              {fold(w) for w in row.get("last_names", [])},
                              tuple(fold(w) for w in row.get("last_suffixes", []))))

    @classmethod
    def load(cls, lexicon: Lexicon | None = None) -> "NameOrigins":
        return cls((lexicon or load_lexicon()).name_origins)

    def of(self, words: list[str]) -> tuple[str, str] | None:
        """(country, short form: "first"|"last"|"none") for a name of two words or more, or None."""
        if len(words) < 2:
            return None
        first, last = folded(words[0]), folded(words[-1])
        for country, short, families, lasts, suffixes in self.rows:
            if first in families or last in lasts or _has_suffix(last, suffixes):
                return country, short
        return None

    def family(self, word: str) -> str | None:
        """The country whose family names (first word) include ``word``."""
        word = folded(word)
        return next((country for country, _, families, _, _ in self.rows if word in families), None)


def _has_suffix(word: str, suffixes: tuple[str, ...]) -> bool:
    """An ending of a longer word ("Chanthawong"), never the whole word ("Wong" is a name of many origins)."""
    return any(len(word) > len(suffix) and word.endswith(suffix) for suffix in suffixes)

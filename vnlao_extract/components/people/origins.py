"""What a name's words tell of its country and of the word news uses alone for it
(``resources/name_origins.jsonl``)."""
from __future__ import annotations

from ...registry import fold
from ...rules import load_package
from .model import folded

ORIGINS_FILE = "name_origins.jsonl"


def vietnamese_families() -> frozenset[str]:
    """The folded Vietnamese family names."""
    return frozenset(fold(w) for row in load_package(ORIGINS_FILE) if row["country"] == "VN"
                     for w in row.get("family_names", []))


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
    def load(cls) -> "NameOrigins":
        return cls(load_package(ORIGINS_FILE))

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

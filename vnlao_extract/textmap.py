"""Text repair that keeps meaning, and the map from the repaired text back to the user's.

The pipeline reads the repaired text: LF line ends, NFC, invisible characters dropped (or a space where
they stood between two words), long unspaced punctuation runs broken (spaCy's tokenizer is quadratic on
them). Every record's offsets are mapped back through a :class:`TextMap`, so that they index the text
as the user decoded it. What counts as invisible, and the run length, are data (text_repair.jsonl).
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from .rules import load_package

_NEWLINES = re.compile(r"\r\n?")
# NFC never composes across an ASCII character: each (ASCII?, non-ASCII run) is normalized alone.
_NON_ASCII_SEGMENT = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


@dataclass
class OffsetMap:
    """One repair pass: the changed segments, as parallel arrays of [new_start, new_end) -> [old_start, old_end)."""

    new_starts: array = field(default_factory=lambda: array("q"))
    new_ends: array = field(default_factory=lambda: array("q"))
    old_starts: array = field(default_factory=lambda: array("q"))
    old_ends: array = field(default_factory=lambda: array("q"))

    def add(self, new_start: int, new_end: int, old_start: int, old_end: int) -> None:
        for column, value in zip((self.new_starts, self.new_ends, self.old_starts, self.old_ends),
                                 (new_start, new_end, old_start, old_end)):
            column.append(value)

    def start(self, n: int) -> int:
        """Where a span starting at ``n`` starts in the old text (after anything dropped just before)."""
        i = bisect_right(self.new_starts, n) - 1
        if i < 0:
            return n
        if n < self.new_ends[i]:
            return self.old_starts[i] + min(n - self.new_starts[i], self.old_ends[i] - self.old_starts[i])
        return n + self.old_ends[i] - self.new_ends[i]

    def end(self, n: int) -> int:
        """Where a span ending at ``n`` ends in the old text (before anything dropped just after)."""
        i = bisect_left(self.new_ends, n)
        if i < len(self.new_ends) and self.new_starts[i] < n:
            if n == self.new_ends[i]:
                return self.old_ends[i]
            return self.old_starts[i] + min(n - self.new_starts[i], self.old_ends[i] - self.old_starts[i])
        if i == 0:
            return n
        return n + self.old_ends[i - 1] - self.new_ends[i - 1]


@dataclass
class TextMap:
    """The passes a text went through; maps offsets in the final text to the original."""

    passes: list[OffsetMap] = field(default_factory=list)

    def start(self, n: int) -> int:
        for offset_map in reversed(self.passes):
            n = offset_map.start(n)
        return n

    def end(self, n: int) -> int:
        for offset_map in reversed(self.passes):
            n = offset_map.end(n)
        return n

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.start(start), self.start(start)
        return self.start(start), self.end(end)


def substitute(pattern: re.Pattern, replace: Callable[[re.Match], str], text: str) -> tuple[str, OffsetMap]:
    """``pattern.sub(replace, text)`` and the map of what changed (linear in the text)."""
    pieces, offset_map = [], OffsetMap()
    last = shift = 0
    for match in pattern.finditer(text):
        new = replace(match)
        old = match.group()
        if new == old:
            continue
        pieces.append(text[last:match.start()])
        new_start = match.start() + shift
        offset_map.add(new_start, new_start + len(new), match.start(), match.end())
        pieces.append(new)
        shift += len(new) - len(old)
        last = match.end()
    if last == 0:
        return text, offset_map
    pieces.append(text[last:])
    return "".join(pieces), offset_map


@lru_cache(maxsize=1)
def _settings() -> tuple[re.Pattern | None, str, int]:
    """(invisible characters as a class, those that mark a word boundary, punctuation run length)."""
    rows = load_package("text_repair.jsonl")
    invisible = "".join(chr(int(r["char"][2:], 16)) for r in rows if "char" in r)
    boundary = "".join(chr(int(r["char"][2:], 16)) for r in rows if r.get("as") == "boundary")
    run = next(int(r["value"]) for r in rows if r.get("setting") == "punctuation_run")
    pattern = re.compile("[" + re.escape(invisible) + "]+") if invisible else None
    return pattern, boundary, run


def _invisible_replacement(text: str, boundary: str) -> Callable[[re.Match], str]:
    def replace(match: re.Match) -> str:
        if not any(c in boundary for c in match.group()):
            return ""
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if before.isspace() or after.isspace() or unicodedata.category(after).startswith("M"):
            return ""  # no word to separate, or inside one (before a combining mark)
        return " "
    return replace


def _broken_run(length: int) -> Callable[[re.Match], str]:
    def replace(match: re.Match) -> str:
        run = match.group()
        return " ".join(run[i:i + length] for i in range(0, len(run), length))
    return replace


def repair_text(text: str) -> tuple[str, TextMap]:
    """The text the pipeline reads, and the map of its offsets back to ``text``."""
    invisible, boundary, run = _settings()
    text_map = TextMap()

    def apply(pattern, replace) -> None:
        nonlocal text
        text, offset_map = substitute(pattern, replace, text)
        if len(offset_map.new_starts):
            text_map.passes.append(offset_map)

    if "\r" in text:
        apply(_NEWLINES, lambda m: "\n")
    if invisible is not None and invisible.search(text):
        apply(invisible, _invisible_replacement(text, boundary))
    if not unicodedata.is_normalized("NFC", text):
        apply(_NON_ASCII_SEGMENT, lambda m: unicodedata.normalize("NFC", m.group()))
    apply(_punctuation_run(run), _broken_run(run))
    return text, text_map


@lru_cache(maxsize=4)
def _punctuation_run(length: int) -> re.Pattern:
    return re.compile(r"[^\w\s]{%d,}" % (length + 1))


def remap_offsets(record, text_map: TextMap):
    """The record with every ``start_char``/``end_char`` pair and ``mentions`` pair mapped through
    ``text_map`` (in place; also returned). Any field of that shape is mapped, wherever it is."""
    if not text_map.passes:
        return record
    stack = [record]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("start_char"), int) and isinstance(item.get("end_char"), int):
                item["start_char"], item["end_char"] = text_map.span(item["start_char"], item["end_char"])
            mentions = item.get("mentions")
            if isinstance(mentions, list):
                item["mentions"] = [_mapped_pair(pair, text_map) for pair in mentions]
            stack.extend(v for k, v in item.items() if k != "mentions" and isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
    return record


def _mapped_pair(pair, text_map: TextMap):
    if isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, int) for x in pair):
        return list(text_map.span(*pair))
    return pair

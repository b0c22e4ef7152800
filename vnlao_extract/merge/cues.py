"""Date cues a record leaves in its sentences when its article has no date: weekdays and year-less days.

Without a published date the extractor cannot place "on Thursday" or "on June 10-11" in a year, so the
record has neither; a timeline can, against the sibling articles that date the same event.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..normalize import MONTHS, month_number
from ..rules import load_package
from .rules import settings

_DASH = r"\s*(?:-|–|—|to|and)\s*"


@lru_cache(maxsize=1)
def _weekday_re() -> re.Pattern:
    return re.compile(r"\b(" + "|".join(settings().weekdays) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _month_day_res() -> tuple[re.Pattern, re.Pattern]:
    # month names as written in running text: capitalised ("May 5", never "may 5")
    months = "|".join(sorted((re.escape(m.capitalize()) for m in MONTHS), key=len, reverse=True))
    no_year = r"(?!\s*,?\s*\d{4})"
    month_first = re.compile(rf"\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:{_DASH}(\d{{1,2}}))?\b{no_year}")
    day_first = re.compile(rf"\b(\d{{1,2}})(?:{_DASH}(\d{{1,2}}))?\s+({months})\b\.?{no_year}")
    return month_first, day_first


def weekday(sentence: Optional[str]) -> Optional[int]:
    """The weekday a sentence names ("held talks on Thursday"), Monday 0, if it names exactly one."""
    found = {m.group(1).lower() for m in _weekday_re().finditer(sentence or "")}
    return settings().weekdays.index(found.pop()) if len(found) == 1 else None


def month_day(sentence: Optional[str]) -> Optional[list[int]]:
    """[month, first day, last day] of the one year-less day or range a sentence names ("June 10-11")."""
    month_first, day_first = _month_day_res()
    found = set()
    for m in month_first.finditer(sentence or ""):
        found.add((month_number(m.group(1)), int(m.group(2)), int(m.group(3) or m.group(2))))
    for m in day_first.finditer(sentence or ""):
        found.add((month_number(m.group(3)), int(m.group(1)), int(m.group(2) or m.group(1))))
    found = {f for f in found if f[0] and 1 <= f[1] <= f[2] <= 31}
    return list(found.pop()) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _tense_words() -> frozenset:
    lists = {row["words"]: row["list"] for row in load_package("date_patterns.jsonl") if "words" in row}
    return frozenset(w.lower() for name in ("past_cues", "future_cues") for w in lists.get(name, ()))


def tense_free(sentence: Optional[str]) -> bool:
    """Whether a sentence has no word of tense ("will", "paid", "last", ...: the dates file's cue lists): a
    year-less date in it was placed in the nearest year by guess, not by what the sentence says."""
    words = re.findall(r"[\w'-]+", (sentence or "").lower())
    return not any(w in _tense_words() for w in words)

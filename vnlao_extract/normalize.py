"""Date normalization: dateparser on matched strings only, cached, with the published date as base.

Pure functions; no spaCy. ``search_dates`` is never used: it reads ordinals like "the 14th" as dates.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({abbr.lower(): number for number, abbr in enumerate(calendar.month_abbr) if abbr})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}

_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"}


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


@lru_cache(maxsize=4096)
def _dateparser_parse(text: str, base: dt.date | None) -> dt.datetime | None:
    import dateparser  # imported on first use: it is slow to import and --help must stay fast

    settings = dict(_SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    return dateparser.parse(text, languages=["en"], settings=settings)


def parse_loose_date(text: str, base: dt.date | None = None) -> dt.date | None:
    """A single written date ("Jan. 15, 2021", "5 February 2026", "yesterday") as a date, or None."""
    parsed = _dateparser_parse(" ".join(text.replace(",", " ").split()), base)
    return parsed.date() if parsed else None


@dataclass(frozen=True)
class Point:
    """One end of a written date: what was written of it."""
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"


# A date this close to the published day keeps the nearest year whatever the tense says: stories
# are dated by time zone and by desk, and "on Monday" may be the day before or after the stamp.
TENSE_SLACK_DAYS = 3
# Year-less dates are written about the months around a story; the tense never reaches further.
TENSE_REACH_DAYS = 250


def nearest_year(month: int, day: int | None, published: dt.date, direction: int = 0) -> int:
    """The year that puts a year-less month/day closest to the published date; ``direction`` -1 or +1
    (from the tense of the sentence) prefers the nearest one in the past or in the future."""
    def offset(year: int) -> int:
        try:
            if day is None:  # a month: its first day if ahead, its last day if behind
                first = dt.date(year, month, 1)
                last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
                return (first - published).days if first > published else min(0, (last - published).days)
            return (dt.date(year, month, day) - published).days
        except ValueError:
            return 10**6
    years = (published.year - 1, published.year, published.year + 1)
    nearest = min(years, key=lambda y: abs(offset(y)))
    if direction == 0 or abs(offset(nearest)) <= TENSE_SLACK_DAYS or offset(nearest) * direction >= 0:
        return nearest
    fitting = [y for y in years if offset(y) * direction >= -TENSE_SLACK_DAYS and abs(offset(y)) <= TENSE_REACH_DAYS]
    return min(fitting, key=lambda y: abs(offset(y))) if fitting else nearest


def resolve_point(point: Point, published: dt.date | None, direction: int = 0) -> str | None:
    """ISO text at the precision written (``2026``, ``2026-02``, ``2026-02-05``), or None if impossible."""
    year = point.year
    if year is None:
        if published is None or point.month is None:
            return None
        year = nearest_year(point.month, point.day, published, direction)
    if point.month is None:
        return f"{year:04d}"
    if point.day is None:
        return f"{year:04d}-{point.month:02d}"
    try:  # every part is already known: only its validity ("February 30") is left to check
        return dt.date(year, point.month, point.day).isoformat()
    except ValueError:
        return None


def nearest_weekday(weekday: int, published: dt.date, direction: int = 0) -> dt.date:
    """The given weekday nearest the published date; direction -1/+1 restricts to past/future."""
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    if direction < 0:
        return published - dt.timedelta(days=back)
    if direction > 0:
        return published + dt.timedelta(days=forward or 7)
    return published - dt.timedelta(days=back) if back <= forward else published + dt.timedelta(days=forward)


RELATIVE_UNITS = {"day": "day", "morning": "day", "afternoon": "day", "evening": "day", "night": "day",
                  "week": "day", "month": "month", "year": "year"}


def resolve_relative(text: str, published: dt.date | None) -> str | None:
    """"last month", "next year", "yesterday", "this morning" against the published date; None also when
    the result would fall outside the calendar Python can hold (years 1-9999)."""
    try:
        return _resolve_relative(text, published)
    except (OverflowError, ValueError):
        return None


def add_days(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days``; None past the ends of the calendar (years 1-9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def near_calendar_edge(day: dt.date | None) -> bool:
    """True for a date within a year of 0001-01-01 or 9999-12-31: dates placed against it may fall
    outside the calendar, and are then skipped."""
    return day is not None and not (dt.date.min.year < day.year < dt.date.max.year)


def _resolve_relative(text: str, published: dt.date | None) -> str | None:
    if published is None:
        return None
    words = text.lower().split()
    if any(w in ("today", "tonight") for w in words) or (words[:1] == ["this"] and words[-1] in
                                                         ("morning", "afternoon", "evening")):
        return published.isoformat()
    unit = next((RELATIVE_UNITS[w] for w in reversed(words) if w in RELATIVE_UNITS), "day")
    if words[-1] == "yesterday" or words[-1] == "tomorrow":
        unit = "day"
    phrase = " ".join(w for w in words if w not in ("earlier", "later", "the"))
    if phrase.startswith("this "):
        parsed = published
    else:
        parsed = parse_loose_date(phrase.replace("morning", "").replace("afternoon", ""), published)
    if parsed is None:
        return None
    return {"day": parsed.isoformat(), "month": parsed.isoformat()[:7], "year": parsed.isoformat()[:4]}[unit]

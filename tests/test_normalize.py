"""Date normalization at the ends of the calendar: skipped (None), never an exception."""
from __future__ import annotations

import datetime as dt

import pytest

from vnlao_extract.normalize import near_calendar_edge, resolve_relative


@pytest.mark.parametrize("text, published", [
    ("next year", dt.date(9999, 12, 31)), ("tomorrow", dt.date(9999, 12, 31)), ("next month", dt.date(9999, 12, 5)),
    ("yesterday", dt.date(1, 1, 1)), ("last year", dt.date(1, 6, 1)), ("last month", dt.date(1, 1, 20)),
])
def test_relative_dates_past_the_calendar_are_skipped(text, published):
    assert resolve_relative(text, published) is None


@pytest.mark.parametrize("text, published, expected", [
    ("yesterday", dt.date(9999, 12, 31), "9999-12-30"), ("tomorrow", dt.date(1, 1, 1), "0001-01-02"),
    ("last month", dt.date(2026, 3, 9), "2026-02"),
])
def test_relative_dates_inside_the_calendar_still_resolve(text, published, expected):
    assert resolve_relative(text, published) == expected


@pytest.mark.parametrize("day, expected", [(dt.date(1, 1, 1), True), (dt.date(9999, 12, 31), True),
                                           (dt.date(2, 1, 1), False), (dt.date(2026, 2, 2), False), (None, False)])
def test_near_calendar_edge(day, expected):
    assert near_calendar_edge(day) is expected

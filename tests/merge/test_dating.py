"""Dating rules of the timeline: the year of a year-less day in an article without a date."""
from __future__ import annotations

import datetime as dt

import pytest

from vnlao_extract.merge.dating import sibling_year


def _span(first: str, last: str | None = None) -> tuple[int, int]:
    return dt.date.fromisoformat(first).toordinal(), dt.date.fromisoformat(last or first).toordinal()


@pytest.mark.parametrize("monthday, weekday, spans, year", [
    # "PUTRAJAYA, April 16 -- ... on Wednesday", beside his visit of April 14-15, 2025
    ([4, 16, 16], 2, [_span("2025-04-14", "2025-04-15")], 2025),
    ([4, 16, 16], None, [_span("2025-04-14", "2025-04-15")], 2025),
    # the named weekday must fall on that day in the year found (April 16, 2025 is a Wednesday)
    ([4, 16, 16], 4, [_span("2025-04-14", "2025-04-15")], None),
    # across the new year: "January 3" beside a visit of late December
    ([1, 3, 3], None, [_span("2025-12-28", "2025-12-30")], 2026),
    # events of two years near those days: no one year
    ([4, 16, 16], None, [_span("2025-04-14"), _span("2024-04-20")], None),
    # nothing dated within the window
    ([4, 16, 16], None, [_span("2025-09-01")], None),
    ([2, 30, 30], None, [_span("2025-02-10")], None),
])
def test_the_year_of_a_day_is_the_one_its_siblings_are_dated_in(monthday, weekday, spans, year):
    assert sibling_year(monthday, weekday, spans, 60) == year

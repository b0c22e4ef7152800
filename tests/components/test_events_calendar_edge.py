"""Event dates placed against a published date at the ends of the calendar never cost the article
(a weekday a week on, a visit's last day counted from its first). Texts written for these tests."""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.normalize import add_days


@pytest.mark.parametrize("text, published", [
    ("President Joko Widodo will visit Laos on Thursday.", datetime.date(9999, 12, 31)),
    ("President Joko Widodo paid a three-day visit to Laos from December 30.", datetime.date(9999, 12, 31)),
    ("President Joko Widodo concluded his three-day visit to Laos on January 1.", datetime.date(1, 1, 2)),
])
def test_an_event_at_the_calendar_edge_keeps_its_article(extract, text, published):
    record = extract("Visit news\n\n" + text, published)
    assert record["error"] is None and [e["type"] for e in record["events"]] == ["visit"]


@pytest.mark.parametrize("day, days, expected", [
    (datetime.date(2026, 2, 5), 1, datetime.date(2026, 2, 6)),
    (datetime.date(2026, 2, 5), -5, datetime.date(2026, 1, 31)),
    (datetime.date(9999, 12, 31), 1, None),
    (datetime.date(1, 1, 1), -1, None),
])
def test_add_days(day, days, expected):
    assert add_days(day, days) == expected

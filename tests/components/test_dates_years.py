"""Year-less dates whose year the next words tell ("September last year") and weekday spans ("from Monday
to Wednesday"), on texts written for these tests."""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.components.dates import with_year

PUBLISHED = datetime.date(2025, 10, 8)  # a Wednesday


def spans(record: dict) -> list[tuple[str, str | None]]:
    return [(d["start"], d["end"]) for d in record["dates"]]


@pytest.mark.parametrize("text, expected", [
    ("The minister visited Phnom Penh in September last year.", [("2024-09", None)]),
    ("The two sides met on March 3-5 last year in Vientiane.", [("2024-03-03", "2024-03-05")]),
    ("The summit opened on 12 November last year.", [("2024-11-12", None)]),
    ("The forum will open in January next year.", [("2026-01", None)]),
    ("The exhibition closed in early March this year.", [("2025-03", None)]),
    # a date with its year written keeps it
    ("The leaders met in September 2023, last year's host said.", [("2023-09", None)]),
])
def test_the_year_told_after_a_date(extract, text, expected):
    assert spans(extract(text, PUBLISHED)) == expected


@pytest.mark.parametrize("text, expected", [
    ("The delegation toured the province from Monday to Wednesday.", [("2025-10-06", "2025-10-08")]),
    ("Talks were held between Monday and Tuesday.", [("2025-10-06", "2025-10-07")]),
    # two days named apart stay two dates
    ("The ministers met on Monday and again on Tuesday.", [("2025-10-06", None), ("2025-10-07", None)]),
])
def test_weekday_spans(extract, text, expected):
    assert spans(extract(text, PUBLISHED)) == expected


@pytest.mark.parametrize("start, end, year, expected", [
    ("2025-09", None, 2024, ("2024-09", None)),
    ("2025-12-30", "2026-01-02", 2024, ("2024-12-30", "2025-01-02")),
    ("2025-02-28", None, 2024, ("2024-02-28", None)),
    ("2024-02-29", None, 2023, ("2024-02-29", None)),  # no such day: left as it was
])
def test_with_year(start, end, year, expected):
    assert with_year(start, end, year) == expected


def test_a_visit_last_september_is_not_last_week(extract):
    text = ("Prime Minister Hun Manet visited Phnom Penh last week, following his previous visit to Vietnam in "
            "September last year.")
    visits = [e["start"] for e in extract(text, PUBLISHED)["events"] if e["type"] == "visit"]
    assert "2024-09" in visits and "2025-09" not in visits, visits


@pytest.mark.parametrize("text, expected", [
    # a tense word after the date counts within its clause only
    ("Prime Minister Pham Minh Chinh meets Prime Minister Sonexay Siphandone on Friday to discuss trade, the "
     "foreign ministry said.", [("2025-10-10", None)]),
    # a span's end is read from its start
    ("The ministers will meet between Monday and Tuesday.", [("2025-10-13", "2025-10-14")]),
])
def test_weekdays_and_their_tense(extract, text, expected):
    assert spans(extract(text, PUBLISHED)) == expected

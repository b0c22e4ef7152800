"""Dates as the outlets of the region write them: ranges within and across months, day before or after
the month, ordinals, abbreviations with dots, ISO and numeric dates, weekdays placed by the tense of
their sentence, and relative phrases that are no calendar date.

Every text here is written for these tests.
"""
from __future__ import annotations

import datetime

import pytest

D = datetime.date
PUB = D(2024, 3, 1)  # a Friday


def dates(record: dict) -> list[str]:
    return [d["start"] + (f"/{d['end']}" if d["end"] else "") for d in record["dates"]]


# (published, text, the dates field in order of first mention)
WRITTEN = [
    (PUB, "The forum will take place from 10 to 12 March in Vientiane, the organisers said.",
     ["2024-03-10/2024-03-12"]),
    (PUB, "The ministers met on March 10-12, 2024 in Hanoi to prepare the summit.", ["2024-03-10/2024-03-12"]),
    (PUB, "The ministers will meet on March 10–12 in Hanoi to prepare the summit.", ["2024-03-10/2024-03-12"]),
    (D(2023, 11, 20), "The delegation visited Cambodia from November 28 to December 2, officials said.",
     ["2023-11-28/2023-12-02"]),
    (D(2023, 11, 20), "A second trip is planned from 30 November to 3 December 2023, officials said.",
     ["2023-11-30/2023-12-03"]),
    (D(2018, 12, 28), "From December 30, 2018 to January 2, 2019, the delegation toured three provinces of Laos.",
     ["2018-12-30/2019-01-02"]),
    (PUB, "The conference was held on 28 February - 1 March 2024 in Hanoi with many guests.",
     ["2024-02-28/2024-03-01"]),
    (PUB, "The meeting took place on Feb. 28-29 in Vientiane, and the forum was on Sept. 3, 2023.",
     ["2024-02-28/2024-02-29", "2023-09-03"]),
    (D(2019, 4, 15), "The ASEAN ministers will convene on 20-21 June, 2019 in Bangkok for two days.",
     ["2019-06-20/2019-06-21"]),
    (PUB, "They will meet again between 10 and 12 March in Phnom Penh, the ministry said.",
     ["2024-03-10/2024-03-12"]),
    (PUB, "The forum runs from March 10 through 12 in Hanoi, the organisers said.", ["2024-03-10/2024-03-12"]),
    (PUB, "The talks are set for the 5th of March, and the signing for March 7th, officials said.",
     ["2024-03-05", "2024-03-07"]),
    (D(2025, 6, 2), "The accord was signed on 2025-05-30 in Hanoi, the ministry said.", ["2025-05-30"]),
    (PUB, "The deal was signed on 29/02/2024 in Vientiane, the ministry said.", ["2024-02-29"]),
    (PUB, "On Monday, 4 March 2024, the leaders will meet in Hanoi, the ministry said.", ["2024-03-04"]),
    (D(2016, 2, 10), "The agreement was signed in February 2016 and renewed on Feb 9, officials said.",
     ["2016-02", "2016-02-09"]),
    (PUB, "The expo is held on 10th-12th April in Vientiane, and the forum on 20th–22nd May in Hanoi.",
     ["2024-04-10/2024-04-12", "2024-05-20/2024-05-22"]),
    (PUB, "The meeting was held on 28th December, 2023, and the next one on December 28th, 2024.",
     ["2023-12-28", "2024-12-28"]),
    (D(2020, 7, 1), "The contract runs until end-2021, and the road will be done by mid-2022, officials said.",
     ["2021", "2022"]),
    (PUB, "The plan covers the 2021–2025 period and the 2026-30 period, the ministry said.",
     ["2021/2025", "2026/2030"]),
]


@pytest.mark.parametrize("published, text, expected", WRITTEN)
def test_regional_dates(extract, published, text, expected):
    assert dates(extract(text, published)) == expected


# (text, expected) weekdays around a Friday: the tense of the sentence, before or after the weekday
WEEKDAYS = [
    ("The leaders met on Tuesday, and the ministers held talks in Hanoi, officials said.", ["2024-02-27"]),
    ("On Wednesday the ministers will sign the accord in Hanoi, officials said.", ["2024-03-06"]),
    ("On Wednesday the ministers signed the accord in Hanoi, officials said.", ["2024-02-28"]),
    ("The president will arrive in Vientiane next Tuesday for a two-day visit, officials said.", ["2024-03-05"]),
]


@pytest.mark.parametrize("text, expected", WEEKDAYS)
def test_weekdays_by_tense(extract, text, expected):
    assert dates(extract(text, PUB)) == expected


# a day with no month written is placed only by the story's own month, like "yesterday": no calendar date
NOT_CALENDAR_DATES = [
    "The minister arrived on the 5th and left on the 7th, officials said in a statement.",
    "The 5th plenum of the Party Central Committee opened in Hanoi, officials said in a statement.",
    "The visit will take place early next month, the ministry said in a statement.",
    "The report is due by the end of this month, the ministry said in a statement.",
    "The ministers will meet later this week in Hanoi, the ministry said in a statement.",
]


@pytest.mark.parametrize("text", NOT_CALENDAR_DATES)
def test_relative_phrases_are_no_calendar_dates(extract, text):
    assert dates(extract(text, PUB)) == []

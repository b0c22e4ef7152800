"""Congresses dated by the days the text gives them, on texts written for these tests."""
from __future__ import annotations

import datetime

import pytest


@pytest.mark.parametrize("text, published, expected", [
    ("The 11th National Congress of the Lao People's Revolutionary Party opened in Vientiane on Wednesday "
     "and will run until Jan. 15.", datetime.date(2021, 1, 13), [(11, "LPRP", "2021-01-13", "2021-01-15")]),
    ("The 20th National Congress of the Communist Party of China is scheduled to open in Beijing on "
     "October 16, 2022.", datetime.date(2022, 9, 1), [(20, "CPC", "2022-10-16", None)]),
    ("The 14th National Congress of the Communist Party of Vietnam opened on January 19 and closed on "
     "January 23.", datetime.date(2026, 1, 24), [(14, "CPV", "2026-01-19", "2026-01-23")]),
    # a later date of another clause is no end
    ("The 12th National Congress of the Communist Party of Vietnam opened on January 21. Leaders met on "
     "January 25.", datetime.date(2016, 1, 26), [(12, "CPV", "2016-01-21", None)]),
])
def test_congress_days(extract, text, published, expected):
    record = extract(text, published)
    assert [(c["ordinal"], c["party"], c["start"], c["end"]) for c in record["congresses"]] == expected

"""Dates: every calendar date in the body, normalized to ISO at the precision written.

Every text here is written for these tests, in the ways diplomatic news writes dates.
"""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.components.dates import parse_points
from vnlao_extract.matching import matched_spans
from vnlao_extract.matching.semantics import read_token
from vnlao_extract.normalize import Point, nearest_weekday, nearest_year, resolve_point

D = datetime.date
PUB = D(2026, 2, 2)  # a Monday


def dates(record: dict) -> list[str]:
    return [d["start"] + (f"/{d['end']}" if d["end"] else "") for d in record["dates"]]


def relative(record: dict) -> list[str]:
    return [d["start"] for d in record["relative_dates"]]


# (text, published, the dates field in order of first mention)
WRITTEN_DATES = [
    ("The foreign ministers will meet in Vientiane on Jan. 5 to prepare the summit.", PUB, ["2026-01-05"]),
    ("The railway agreement was signed in Kunming on 5 February 2026 by both ministers.", PUB, ["2026-02-05"]),
    ("The Thai premier is due in Phnom Penh on Feb 5-6 for an official visit.", PUB, ["2026-02-05/2026-02-06"]),
    ("The Thai premier is due in Phnom Penh on February 5 to 6 for an official visit.", PUB,
     ["2026-02-05/2026-02-06"]),
    ("The Lao delegation toured three provinces from Feb. 28 to March 2 this year.", PUB,
     ["2026-02-28/2026-03-02"]),
    ("The two armies reviewed their joint plans for the 2021-2025 period in Hanoi.", PUB, ["2021/2025"]),
    ("Both ministries drafted a cooperation strategy for 2021–2030 last week.", PUB, ["2021/2030"]),
    ("The agreement covers the 2021–25 period and was renewed for 2026-30 in Vientiane.", PUB,
     ["2021/2025", "2026/2030"]),
    ("The report for 2026-01 was filed with the 2019-20 accounts and the 2026-12 plan.", PUB,
     ["2026-01", "2019/2020", "2026-12"]),
    ("The new border gate opened in late January and the bridge will follow in early 2027.", PUB,
     ["2026-01", "2027"]),
    ("The expressway is expected to open to traffic by mid-2026, the minister said.", PUB, ["2026"]),
    ("The first train left Vientiane on 3rd March 2025 and the second on the 5th of April.", PUB,
     ["2025-03-03", "2026-04-05"]),
    ("The first train left Vientiane on March 3rd, 2025, and the next one is due in Sept. 2026.", PUB,
     ["2025-03-03", "2026-09"]),
    ("The trade fair took place from December 30, 2025 to January 2, 2026 in Nanning.", PUB,
     ["2025-12-30/2026-01-02"]),
    ("The trade fair took place on 30 December 2025 – 2 January 2026 in Nanning.", PUB,
     ["2025-12-30/2026-01-02"]),
    ("The trade fair took place from December 30 to January 2, 2026 in Nanning, officials said.", PUB,
     ["2025-12-30/2026-01-02"]),
    ("The forum will be held between 5 and 6 March in Bangkok, the ministry announced.", PUB,
     ["2026-03-05/2026-03-06"]),
    ("Between 2016 and 2020 the two sides signed more than forty cooperation documents.", PUB, ["2016/2020"]),
    ("The plan was signed on 02/02/2026 and took effect on 2026-02-10 in both countries.", PUB,
     ["2026-02-02", "2026-02-10"]),
    ("Laos will chair the bloc in 2024, after the summit held in October, 2023 in Jakarta.", PUB,
     ["2024", "2023-10"]),
]


@pytest.mark.parametrize("text,published,expected", WRITTEN_DATES)
def test_written_dates(extract, text, published, expected):
    assert dates(extract(text, published)) == expected


# Relative expressions go to relative_dates, never to dates.
RELATIVE = [
    ("Bilateral trade rose sharply last month, the Lao customs department reported.", PUB, [], ["2026-01"]),
    ("The two governments will review the railway project next year, officials said.", PUB, [], ["2027"]),
    ("The Lao minister arrived in Hanoi yesterday for a three-day working visit.", PUB, [], ["2026-02-01"]),
    ("The two sides signed six documents last year and plan more in March 2026.", PUB, ["2026-03"], ["2025"]),
]


@pytest.mark.parametrize("text,published,expected,expected_relative", RELATIVE)
def test_relative_dates_are_kept_apart(extract, text, published, expected, expected_relative):
    record = extract(text, published)
    assert dates(record) == expected
    assert relative(record) == expected_relative


# A weekday is the one nearest the published date; "last"/"next" pick the past or the future one.
WEEKDAYS = [
    ("The two leaders held talks in Vientiane on Thursday, state media reported.", D(2026, 2, 6), ["2026-02-05"]),
    ("The two leaders will hold talks in Vientiane on Thursday, state media reported.", D(2026, 2, 3),
     ["2026-02-05"]),
    ("The Lao president received the envoy on Sunday at the Presidential Palace.", D(2026, 2, 2), ["2026-02-01"]),
    ("The ministers met last Thursday and will meet again next Monday, officials said.", D(2026, 2, 10),
     ["2026-02-05", "2026-02-16"]),
    # the calendar date next to a weekday says it all, even when the weekday is far from publication
    ("The leaders met on Thursday, February 5, and again on February 9 (Monday) in Hanoi.", D(2026, 2, 20),
     ["2026-02-05", "2026-02-09"]),
]


@pytest.mark.parametrize("text,published,expected", WEEKDAYS)
def test_weekdays(extract, text, published, expected):
    assert dates(extract(text, published)) == expected


# Year-less dates take the year nearest the published date; without one they are dropped.
YEARLESS = [
    ("The Lao prime minister will visit Hanoi from January 2-4 to co-chair the annual meeting.", D(2025, 12, 28),
     ["2026-01-02/2026-01-04"]),
    ("The Lao prime minister visited Hanoi on December 20 to co-chair the annual meeting.", D(2026, 1, 3),
     ["2025-12-20"]),
    ("The Lao prime minister will visit Hanoi on June 10 to co-chair the annual meeting.", D(2026, 2, 2),
     ["2026-06-10"]),
    ("The border market will open from December 30 to January 2 for the holidays, officials said.", D(2026, 7, 1),
     ["2026-12-30/2027-01-02"]),
    ("The border market was open from December 30 to January 2 for the holidays, officials said.", D(2026, 7, 1),
     ["2025-12-30/2026-01-02"]),
    ("The border market was open from December 30 to January 2 for the holidays, officials said.", D(2026, 1, 20),
     ["2025-12-30/2026-01-02"]),
    ("The Lao prime minister will visit Hanoi from January 2-4 and hold talks on Friday.", None, []),
    ("The Lao prime minister will visit Hanoi in late March and again in 2027.", None, ["2027"]),
]


@pytest.mark.parametrize("text,published,expected", YEARLESS)
def test_yearless_dates(extract, text, published, expected):
    assert dates(extract(text, published)) == expected


# Numbers that are not dates (and one that is).
NOT_DATES = [
    ("Despite COVID-19, exports grew by 10–15% in the first quarter, the ministry said.", PUB, []),
    ("The 14th Congress marked 40 years of renewal and the 100th anniversary of the Party.", PUB, []),
    ("The session gathered 1,586 delegates and 2025 guests in the capital, officials said.", PUB, []),
    ("Bilateral trade reached US$2.92 billion, a record for the two neighbours, officials said.", PUB, []),
    ("The AIPA-45 meeting in Vientiane adopted a joint communique, officials said.", PUB, []),
    # "Resolution No. 2030" numbers a document; it does not name the year 2030.
    ("The ministry carried out Resolution No. 2030 of the government, officials said.", PUB, []),
    ("The decree, Decision 2026, was signed by the prime minister, officials said.", PUB, []),
    ("The new hotline 2026 serves Lao workers in Vietnam, officials said.", PUB, []),
    ("Two-way trade reached 2.6 billion USD in 2025, up 12 percent year on year.", PUB, ["2025"]),
    ("About 2030 officers took part in the joint drill, the Lao army said.", PUB, []),
]


@pytest.mark.parametrize("text,published,expected", NOT_DATES)
def test_numbers_that_are_not_dates(extract, text, published, expected):
    assert dates(extract(text, published)) == expected


# The pure functions under the component.
@pytest.mark.parametrize("words,expected", [
    (["February", "5", "-", "6"], [Point(None, 2, 5), Point(None, 2, 6)]),
    (["5", "-", "6", "February", "2026"], [Point(2026, 2, 5), Point(2026, 2, 6)]),
    (["December", "30", "to", "January", "2", "2026"], [Point(2025, 12, 30), Point(2026, 1, 2)]),
    (["December", "30", "2025", "to", "January", "2"], [Point(2025, 12, 30), Point(2026, 1, 2)]),
    (["Feb.", "28", "to", "March", "2"], [Point(None, 2, 28), Point(None, 3, 2)]),
])
def test_parse_points(words, expected):
    assert parse_points(words) == expected


@pytest.mark.parametrize("point,published,expected", [
    (Point(2026, 2, 5), None, "2026-02-05"),
    (Point(2026, 2), None, "2026-02"),
    (Point(2026), None, "2026"),
    (Point(None, 1, 2), D(2025, 12, 28), "2026-01-02"),
    (Point(None, 12, 20), D(2026, 1, 3), "2025-12-20"),
    (Point(None, 2, 30), D(2026, 1, 3), None),
    (Point(None, 3, 1), None, None),
])
def test_resolve_point(point, published, expected):
    assert resolve_point(point, published) == expected


@pytest.mark.parametrize("month,day,published,expected", [
    (1, 2, D(2025, 12, 28), 2026),
    (12, 30, D(2026, 1, 2), 2025),
    (7, 1, D(2026, 2, 2), 2026),
])
def test_nearest_year(month, day, published, expected):
    assert nearest_year(month, day, published) == expected


@pytest.mark.parametrize("weekday,published,direction,expected", [
    (3, D(2026, 2, 6), 0, D(2026, 2, 5)),   # Thursday, from a Friday
    (3, D(2026, 2, 3), 0, D(2026, 2, 5)),   # Thursday, from a Tuesday
    (0, D(2026, 2, 10), 1, D(2026, 2, 16)),  # next Monday, from a Tuesday
    (3, D(2026, 2, 10), -1, D(2026, 2, 5)),  # last Thursday, from a Tuesday
])
def test_nearest_weekday(weekday, published, direction, expected):
    assert nearest_weekday(weekday, published, direction) == expected


TENSE_CASES = [
    # (text, published, expected dates) — the sentence's tense places year-less dates and weekdays
    ("The minister recalled that the two leaders met in April.", "2018-11-20", ["2018-04"]),
    ("The prime minister will travel to Bangkok in April for the summit.", "2018-11-20", ["2019-04"]),
    ("The delegation visited the border province on June 28.", "2024-01-10", ["2023-06-28"]),
    ("Officials said the forum is scheduled to open on January 3.", "2023-12-28", ["2024-01-03"]),
    ("The two ministers held a phone call on Monday.", "2025-06-12", ["2025-06-09"]),
    ("The chairwoman will receive the guests on Monday.", "2025-06-12", ["2025-06-16"]),
    ("In a statement on November 2, the ministry welcomed the news.", "2022-11-04", ["2022-11-02"]),
]


@pytest.mark.parametrize("text,published,expected", TENSE_CASES)
def test_tense_places_yearless_dates(extract, text, published, expected):
    import datetime as dt

    record = extract(text, dt.date.fromisoformat(published))
    assert [d["start"] for d in record["dates"]] == expected


# The Matcher runs only on the windows around anchor words (month, weekday and year names, numeric and
# relative dates): texts with dates at the Doc's edges, side by side, and in long ranges.
WINDOW_TEXTS = [
    "2026",
    "From 30 December 2025 – 2 January 2026 the fair ran, and on Monday, February 2, it closed.",
    "Yesterday the minister said the 2021-25 plan, due by mid-2026, ends on 02/02/2026 or 2026-02-10.",
    "In late January, next week and early 2027, then from December 30 to January 2, 2026 and March 3rd",
]


@pytest.mark.parametrize("text", WINDOW_TEXTS)
def test_windows_find_what_the_whole_doc_finds(nlp, text):
    finder = nlp.get_pipe("vnlao_dates")
    doc = nlp.get_pipe("vnlao_lexicon")(nlp.make_doc(text))  # no article layout: all of it is body
    matcher = finder.matcher
    whole = [(s.start, s.end, row["id"]) for s, row in matched_spans(doc, matcher.matcher, matcher.rows)]
    assert whole and [(s.start, s.end, row["id"]) for s, row in matcher(doc)] == whole


def test_every_date_pattern_has_an_anchor(nlp):
    assert not nlp.get_pipe("vnlao_dates").matcher.everywhere


@pytest.mark.parametrize("token,word,label,expected", [
    ({"LOWER": {"IN": ["may", "june"]}, "IS_TITLE": True}, "may", "", True),
    ({"TEXT": {"IN": ["May"]}}, "june", "", False),
    ({"LOWER": {"REGEX": "^20[0-9][0-9]$"}}, "2026", "", True),
    ({"LOWER": {"REGEX": "^20[0-9][0-9]$"}}, "1999", "", False),
    ({"_": {"lex": "party"}, "OP": "+"}, "cpv", "party", True),
    ({"_": {"lex": {"IN": ["place", "nationality"]}}}, "lao", "party", False),
    ({"TEXT": {"REGEX": "^[A-Z]+$"}}, "who", "", True),  # not decided from the lowercase form: kept
])
def test_token_test_accepts_what_the_matcher_may(token, word, label, expected):
    assert read_token(token).accepts(word, label) is expected

"""Visitors found in the further ways news writes them, on short texts written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from vnlao_extract.registry import fold


def visits(record: dict) -> list[dict]:
    return [e for e in record["events"] if e["type"] == "visit"]


def visitors(record: dict) -> list[str]:
    return [fold(e["actors"][0]) for e in visits(record)]


@pytest.mark.parametrize("published, text, visitor, status", [
    # presence in the host country
    ("2024-03-05", "Japanese Prime Minister Fumio Kishida arrived in Hanoi on March 5.", "fumio kishida", "ongoing"),
    ("2024-03-05", "Cambodian Prime Minister Hun Manet arrived at Noi Bai International Airport on Tuesday "
                   "evening.", "hun manet", None),
    ("2024-03-05", "Thai Prime Minister Srettha Thavisin is in Vientiane for talks with his Lao counterpart.",
     "srettha thavisin", "ongoing"),
    ("2024-03-05", "Malaysian Prime Minister Anwar Ibrahim is in the capital for a two-day stay.",
     "anwar ibrahim", "ongoing"),
    # a role abroad
    ("2023-09-08", "Prime Minister Pham Minh Chinh attended the 42nd ASEAN Summit in Singapore.", "pham minh chinh",
     "completed"),
    # an unnamed visitor in a headline-like sentence, named later
    ("2022-09-05", "Prime Minister Han Duck-soo met the visiting Lao deputy prime minister in Seoul. Lao Deputy "
                   "Prime Minister Saleumxay Kommasith thanked him.", "saleumxay kommasith", None),
    # a definite first mention names the sentence's subject
    ("2025-05-16", "Prime Minister Paetongtarn Shinawatra said that this first official visit would open a new "
                   "chapter.", "paetongtarn shinawatra", None),
    # "his previous visit": the last sentence's subject
    ("2025-12-01", "President Ferdinand Marcos praised the ties. His previous visit took place in May.",
     "ferdinand marcos", "completed"),
])
def test_visitor_found(extract, published, text, visitor, status):
    record = extract(text, dt.date.fromisoformat(published))
    assert visitor in visitors(record), record["events"]
    if status:
        assert [e["status"] for e in visits(record) if fold(e["actors"][0]) == visitor] == [status]


@pytest.mark.parametrize("text, not_visitor", [
    # a leader at home is not a visitor
    ("Lao Prime Minister Sonexay Siphandone arrived in Vientiane after the trip.", "sonexay siphandone"),
    # the host named after "paid a courtesy visit to" is no visitor of "her trip"
    ("Within the framework of her trip, the Australian minister paid a courtesy visit to Lao Prime Minister "
     "Sonexay Siphandone.", "sonexay siphandone"),
    # "his visit to Russia" where only a Russian is named: not the Russian's
    ("Talks are scheduled between Russian Foreign Minister Sergey Lavrov and the Vietnamese minister during his "
     "first official visit to Russia.", "sergey lavrov"),
])
def test_not_the_visitor(extract, text, not_visitor):
    record = extract(text, dt.date(2024, 3, 5))
    assert not_visitor not in visitors(record), record["events"]


@pytest.mark.parametrize("text, visitor, host, place", [
    ("At the invitation of President Thongloun Sisoulith, Prime Minister Hun Manet paid an official visit on "
     "May 3.", "hun manet", "thongloun sisoulith", "Laos"),
    ("President Xi Jinping invited Prime Minister Hun Manet to pay an official visit.", "hun manet",
     "xi jinping", "China"),
    ("Hun Manet's state visit, hosted by General Secretary To Lam, began on Monday.", "hun manet", "to lam",
     "Vietnam"),
    ("Prime Minister Hun Manet paid an official visit to Laos.", "hun manet", None, "Laos"),
])
def test_host_and_its_country(extract, text, visitor, host, place):
    found = [e for e in visits(extract(text, dt.date(2024, 5, 3))) if fold(e["actors"][0]) == visitor]
    assert len(found) == 1, found
    assert (fold(found[0]["host"]) if found[0]["host"] else None, found[0]["place"]) == (host, place)


@pytest.mark.parametrize("text, start, status", [
    # published on a Wednesday: a call told with no tense word was held, so "Saturday" is the one before
    ("In a phone call on Saturday, Prime Minister Anwar Ibrahim and President Joko Widodo discussed trade.",
     "2024-06-08", "completed"),
    ("The phone call between Prime Minister Anwar Ibrahim and President Joko Widodo on Saturday focused on "
     "trade.", "2024-06-08", "completed"),
    ("Prime Minister Anwar Ibrahim will hold a phone call with President Joko Widodo on Saturday.",
     "2024-06-15", "planned"),
])
def test_phone_call_weekday(extract, text, start, status):
    calls = [e for e in extract(text, dt.date(2024, 6, 12))["events"] if e["type"] == "phone_call"]
    assert [(c["start"], c["status"]) for c in calls] == [(start, status)]


@pytest.mark.parametrize("text, published, start, status", [
    ("On the second day of his official visit to Japan, Prime Minister Anwar Ibrahim met business leaders on "
     "Tuesday, May 14.", "2024-05-15", "2024-05-13", "ongoing"),
    ("On the third day of his state visit to France, President Joko Widodo met students on June 5.", "2019-06-20",
     "2019-06-03", "completed"),
    ("On the first day of his working visit to Laos, Prime Minister Hun Manet met investors on March 3.",
     "2024-03-03", "2024-03-03", "ongoing"),
])
def test_the_nth_day_of_a_visit(extract, text, published, start, status):
    visits = [e for e in extract(text, dt.date.fromisoformat(published))["events"] if e["type"] == "visit"]
    assert [(v["start"], v["status"]) for v in visits] == [(start, status)], visits


@pytest.mark.parametrize("text, visitor", [
    ("Secretary of State Antony Blinken arrived in the Lao capital on Friday morning.", "antony blinken"),
    ("Foreign Minister Saleumxay Kommasith, who is in the Cambodian capital for talks, met students.",
     "saleumxay kommasith"),
])
def test_a_visit_to_a_capital_named_by_nationality(extract, text, visitor):
    visits = [e for e in extract(text, dt.date(2024, 7, 26))["events"] if e["type"] == "visit"]
    assert [fold(v["actors"][0]) for v in visits] == [visitor], visits


@pytest.mark.parametrize("text, published, expected", [
    # the date of the speaking is not the visit's
    ("Prime Minister Shigeru Ishiba will visit Vietnam, the foreign ministry said on Wednesday.", "2025-04-23",
     [(None, "planned")]),
    # a visit dated to a week keeps no dateline day
    ("HANOI, April 23, 2025 - Prime Minister Shigeru Ishiba will visit Vietnam next week.", "2025-04-23",
     [(None, "planned")]),
    # a visit to come and one dated and done, to one country, are two
    ("President Yoon Suk Yeol will pay a state visit to Cambodia. Yoon last visited Cambodia in November 2022.",
     "2024-05-01", [(None, "planned"), ("2022-11", "completed")]),
    # leaving on the last day
    ("Prime Minister Hun Manet left Hanoi on Friday afternoon, concluding his two-day official visit to Vietnam.",
     "2024-12-13", [("2024-12-12", "completed")]),
])
def test_visit_dates_and_status(extract, text, published, expected):
    visits = [e for e in extract(text, dt.date.fromisoformat(published))["events"] if e["type"] == "visit"]
    assert [(v["start"], v["status"]) for v in visits] == expected, visits


@pytest.mark.parametrize("text, published, expected", [
    ("Prime Minister Lee Hsien Loong concluded his official visit to Vietnam on Wednesday. Lee arrived in "
     "Hanoi on Monday evening.", "2023-08-30", [("2023-08-28", "completed")]),
    ("General Secretary Nguyen Phu Trong is the first foreign leader to visit China since the congress.",
     "2022-10-31", [(None, "ongoing")]),
])
def test_visit_status_told_by_its_words(extract, text, published, expected):
    visits = [e for e in extract(text, dt.date.fromisoformat(published))["events"] if e["type"] == "visit"]
    assert [(v["start"], v["status"]) for v in visits] == expected, visits


@pytest.mark.parametrize("text, published, expected", [
    ("Prime Minister Sonexay Siphandone will lead a Lao delegation to the 46th ASEAN Summit in Kuala Lumpur "
     "from May 26 to 27.", "2025-05-20", [("sonexay siphandone", "2025-05-26", "Kuala Lumpur")]),
    ("Politburo member Tran Cam Tu led a high-level delegation of the Communist Party of Vietnam to Laos on "
     "May 18.", "2025-05-20", [("tran cam tu", "2025-05-18", "Laos")]),
])
def test_leading_a_delegation_abroad_is_a_visit(extract, text, published, expected):
    visits = [e for e in extract(text, dt.date.fromisoformat(published))["events"] if e["type"] == "visit"]
    assert [(fold(v["actors"][0]), v["start"], v["place"]) for v in visits] == expected, visits


def test_leaving_after_a_two_day_visit_dates_its_last_day(extract):
    text = "Prime Minister Anwar Ibrahim left Hanoi on Tuesday after a two-day official visit to Vietnam."
    visits = [e for e in extract(text, dt.date(2023, 12, 13))["events"] if e["type"] == "visit"]
    assert [(v["start"], v["end"], v["status"]) for v in visits] == [("2023-12-11", "2023-12-12", "completed")]


def test_an_office_named_as_a_possessive_is_its_holder(extract):
    text = ("Indonesian President's state visit to Vietnam, March 10-11, 2025\n\n"
            "President Prabowo held talks with General Secretary To Lam in Hanoi.")
    visits = [e for e in extract(text, dt.date(2025, 3, 11))["events"] if e["type"] == "visit"]
    assert [(v["actors"], v["start"]) for v in visits] == [(["Prabowo Subianto"], "2025-03-10")], visits


def test_a_previous_visit_is_never_the_visit_of_the_article(extract):
    text = ("When Prime Minister Pham Minh Chinh visited Phnom Penh last week, trade led the agenda. It followed "
            "his previous visit to Cambodia in September last year.")
    visits = [e for e in extract(text, dt.date(2025, 9, 23))["events"] if e["type"] == "visit"]
    assert [(v["start"], v["place"]) for v in visits] == [(None, "Phnom Penh"), ("2024-09", "Cambodia")], visits


def test_a_date_of_the_main_clause_is_not_the_visit_after_after(extract):
    text = ("Prime Minister Sonexay Siphandone returned to Vientiane on Thursday evening after attending the 46th "
            "ASEAN Summit in Malaysia.")
    visits = [e for e in extract(text, dt.date(2025, 5, 30))["events"] if e["type"] == "visit"]
    assert [(v["start"], v["place"]) for v in visits] == [(None, "Malaysia")], visits


@pytest.mark.parametrize("text, published, expected", [
    # the object of "with" is no traveller, whatever words lead its name
    ("President Vladimir Putin held talks with Vietnamese leader To Lam, the last leg of an Asian tour.",
     "2024-06-20", [("vladimir putin", "completed")]),
    ("President Ferdinand Marcos Jr. said he looks forward to attending the ASEAN Summit in Kuala Lumpur.",
     "2025-01-15", [("ferdinand marcos jr.", "planned")]),
])
def test_traveller_and_tense(extract, text, published, expected):
    visits = [e for e in extract(text, dt.date.fromisoformat(published))["events"] if e["type"] == "visit"]
    assert [(fold(v["actors"][0]), v["status"]) for v in visits] == expected, visits


@pytest.mark.parametrize("text, expected", [
    ("The visit of Prime Minister Pham Minh Chinh to Laos was delayed by two hours on Monday because of fog.",
     [("2025-03-03", "completed")]),
    ("Prime Minister Pham Minh Chinh paid an official visit to Laos last week. Last week's visit by Prime "
     "Minister Pham Minh Chinh to Laos produced 12 agreements.", [(None, "completed")]),
    ("Prime Minister Pham Minh Chinh conducted a visit to Laos from Thursday to Saturday.",
     [("2025-02-27", "completed")]),
])
def test_visits_of_the_review(extract, text, expected):
    visits = [e for e in extract(text, dt.date(2025, 3, 5))["events"] if e["type"] == "visit"]
    assert [(v["start"], v["status"]) for v in visits] == expected, visits
    if "Thursday to Saturday" in text:
        assert visits[0]["end"] == "2025-03-01"

"""People records: stable ids, written and registry aliases apart, every event actor a person, actor_ids.

Every text here is written for these tests.
"""
from __future__ import annotations

import pytest

from vnlao_extract.registry import fold

import datetime

D = datetime.date.fromisoformat
HEAD = "Leaders meet in the capital\n\n"


def by_name(record: dict, name: str) -> dict:
    return next(p for p in record["people"] if fold(p["name"]) == fold(name))


@pytest.mark.parametrize("text, name, expected_id", [
    ("Prime Minister Sonexay Siphandone opened the new railway station in Vientiane on Monday morning.",
     "Sonexay Siphandone", "sonexay-siphandone"),
    ("Deputy Minister Khamla Vongphachanh opened the new railway station in Vientiane on Monday morning.",
     "Khamla Vongphachanh", "khamla-vongphachanh"),
    ("Deputy Minister Trần Văn Đức opened the new bridge in Hà Tĩnh province on Monday morning.",
     "Trần Văn Đức", "tran-van-duc"),
])
def test_every_person_has_a_stable_id(extract, text, name, expected_id):
    first, second = extract(HEAD + text, D("2024-03-04")), extract(HEAD + text, D("2024-03-04"))
    assert by_name(first, name)["id"] == by_name(second, name)["id"] == expected_id


def test_registry_forms_the_article_did_not_write_are_registry_aliases(extract):
    record = extract(HEAD + "Prime Minister Sonexay Siphandone received the delegation in Vientiane on Monday. "
                            "Sonexay said the two countries would stay close.", D("2024-11-04"))
    person = by_name(record, "Sonexay Siphandone")
    assert person["aliases"] == ["Sonexay"]
    assert person["registry_aliases"] == ["Sonxay Siphandone"]


@pytest.mark.parametrize("text, published", [
    ("Prime Minister Pham Minh Chinh held talks with Cambodian Prime Minister Hun Manet in Hanoi on Monday.",
     D("2024-12-10")),
    ("Thai Prime Minister Srettha Thavisin paid an official visit to Laos from March 3 to 4, meeting "
     "Lao Prime Minister Sonexay Siphandone.", D("2024-03-05")),
])
def test_actor_ids_run_parallel_to_actors_and_name_people(extract, text, published):
    record = extract(HEAD + text, published)
    ids = {p["id"] for p in record["people"]}
    assert record["events"]
    for event in record["events"]:
        assert len(event["actor_ids"]) == len(event["actors"])
        assert set(event["actor_ids"]) <= ids
        for name, ident in zip(event["actors"], event["actor_ids"]):
            person = next(p for p in record["people"] if p["id"] == ident)
            assert fold(name) in {fold(person["name"]), *map(fold, person["aliases"])}


def test_an_actor_known_only_from_the_registry_is_a_person(extract):
    record = extract(HEAD + "Prime Minister Hun Manet held talks with his Lao counterpart in Phnom Penh on "
                            "Monday, focusing on trade and border roads.", D("2024-06-10"))
    names = {fold(p["name"]) for p in record["people"]}
    for event in record["events"]:
        assert {fold(a) for a in event["actors"]} <= names


@pytest.mark.parametrize("text, published, expected", [
    # planned after the death: no actor, no event
    ("President Kaysone Phomvihane will pay a state visit to Vietnam next week, officials said on Monday.",
     D("2025-03-04"), []),
    # two actors, one dead by then: the living one stays
    ("President Thongloun Sisoulith and General Secretary Nguyen Phu Trong will hold talks in Vientiane "
     "next week, officials said.", D("2025-03-04"), [["Thongloun Sisoulith"]]),
    # dated before the death: kept
    ("In 1977, President Kaysone Phomvihane paid a visit to Hanoi.", D("2025-03-04"), [["Kaysone Phomvihane"]]),
])
def test_nobody_acts_after_their_death(extract, text, published, expected):
    record = extract(HEAD + text, published)
    assert [e["actors"] for e in record["events"]] == expected
    for event in record["events"]:
        assert len(event["actor_ids"]) == len(event["actors"])


@pytest.mark.parametrize("text, published, expected", [
    ("President Trump received Prime Minister Albanese at the White House on Monday to discuss trade.",
     D("2025-10-21"), {"Trump": "donald-trump", "Albanese": "anthony-albanese"}),
    ("Prime Minister Ishiba welcomed President Prabowo in Tokyo on Monday for talks on defence.",
     D("2025-03-04"), {"Ishiba": "shigeru-ishiba", "Prabowo": "prabowo-subianto"}),
    ("Foreign Minister Lavrov met Mr Jaishankar in Moscow on Monday to discuss energy deals.",
     D("2024-03-04"), {"Lavrov": "sergey-lavrov", "Jaishankar": "subrahmanyam-jaishankar"}),
    # not prime minister in 2018: the registry does not make him one
    ("President Trump received Prime Minister Albanese at the White House on Monday to discuss trade.",
     D("2018-06-04"), {"Trump": "donald-trump"}),
])
def test_a_surname_after_a_title_is_the_registry_holder_on_that_day(extract, text, published, expected):
    record = extract(HEAD + text, published)
    found = {alias: p["id"] for p in record["people"] for alias in p["aliases"]}
    assert found == expected

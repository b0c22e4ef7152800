"""Names known by their origin that speak or are set off after a title; their countries.

Every text here is written for these tests.
"""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.registry import fold

HEAD = "Officials comment\n\n"
DAY = datetime.date(2023, 5, 8)


@pytest.mark.parametrize("text, name, country, title", [
    ("The plan will be signed in June, the ministry's spokeswoman, Anna Petrova, said on Thursday.",
     "Anna Petrova", "RU", "spokeswoman"),
    ("Talks will resume next month, the embassy's spokesman, Dmitry Sokolov, told reporters in Hanoi.",
     "Dmitry Sokolov", "RU", "spokesman"),
    ("Choi Sung-ho, a trade official, said Korean investors wanted more flights to Vientiane.",
     "Choi Sung-ho", "KR", None),
    ("Rajesh Sharma said the Indian side would open a new consulate in the city next year.",
     "Rajesh Sharma", "IN", None),
])
def test_people_of_known_origin_who_speak(extract, text, name, country, title):
    found = {fold(p["name"]): p for p in extract(HEAD + text, DAY)["people"]}
    person = found[fold(name)]
    assert person["country"] == country
    if title:
        assert title in person["titles"]


@pytest.mark.parametrize("text", [
    "The Lenovo laptops, Acer screens and Samsung phones were sold at the fair on Monday.",
    "Visitors toured the Hermitage and the Pushkin museum during the long weekend in the city.",
])
def test_capitalised_words_that_do_not_speak_are_no_people(extract, text):
    assert extract(HEAD + text, DAY)["people"] == []

"""Registry names glued or misspelt, royal and military titles, honorifics of the region, appositions.

Every text here is written for these tests.
"""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.components.people.variants import edit_distance
from vnlao_extract.registry import fold

HEAD = "Leaders meet in the capital\n\n"
DAY = datetime.date(2024, 3, 4)


def people(extract, text: str, day=DAY) -> list[dict]:
    return extract(HEAD + text, day)["people"]


@pytest.mark.parametrize("text, registry_id, written", [
    ("President ThonglounSisoulith received the delegation in Vientiane on Monday to discuss trade.",
     "thongloun-sisoulith", "ThonglounSisoulith"),
    ("Prime Minister Sonexay Siphandon received the delegation in Vientiane on Monday to discuss trade.",
     "sonexay-siphandone", "Sonexay Siphandon"),
    ("President Thong Loun Sisoulith received the delegation in Vientiane on Monday to discuss trade.",
     "thongloun-sisoulith", "Thong Loun Sisoulith"),
    ("Foreign Minister Saleumxay Kommasit held talks in Hanoi on Monday on border roads and power lines.",
     "saleumxay-kommasith", "Saleumxay Kommasit"),
    ("Prime Minister Anthony Albanesse arrived in Jakarta on Monday for talks on trade and climate.",
     "anthony-albanese", "Anthony Albanesse"),
])
def test_glued_and_misspelt_registry_names_are_the_registry_person(extract, text, registry_id, written):
    found = people(extract, text)
    assert [p["registry_id"] for p in found] == [registry_id]
    assert written in found[0]["aliases"] or found[0]["name"] == written


@pytest.mark.parametrize("text, name", [
    ("Foreign Minister Wang Yu met the delegation in Vientiane on Monday to discuss trade.", "Wang Yu"),
    ("Deputy Minister Pham Minh Chanh met the delegation in Vientiane on Monday to discuss trade.",
     "Pham Minh Chanh"),
])
def test_short_or_vietnamese_names_one_letter_away_are_other_people(extract, text, name):
    found = people(extract, text)
    assert [p["name"] for p in found] == [name] and found[0]["registry_id"] is None


@pytest.mark.parametrize("a, b, limit, distance", [
    ("sisoulith", "sisulith", 2, 1), ("kommasit", "kommasith", 1, 1), ("abc", "abc", 1, 0),
    ("phomvihane", "phomvihan", 2, 1), ("abcdef", "uvwxyz", 2, 3),
])
def test_edit_distance_is_bounded(a, b, limit, distance):
    assert edit_distance(a, b, limit) == distance


@pytest.mark.parametrize("text, name, title", [
    ("Senior General Min Aung Hlaing received the ASEAN envoy in Naypyitaw on Monday.", "Min Aung Hlaing",
     "Senior General"),
    ("Sultan Hassanal Bolkiah welcomed the Vietnamese delegation in Bandar Seri Begawan on Monday.",
     "Hassanal Bolkiah", "Sultan"),
    ("Crown Prince Hussein bin Abdullah toured the new port in Aqaba with Japanese investors on Monday.",
     "Hussein bin Abdullah", "Crown Prince"),
    ("Emperor Naruhito hosted a banquet for the visiting Vietnamese President at the Imperial Palace.",
     "Naruhito", "Emperor"),
    ("State Counsellor Daw Aung San Suu Kyi met the Lao delegation in Naypyitaw on Monday.",
     "Aung San Suu Kyi", "State Counsellor"),
])
def test_royal_and_military_titles(extract, text, name, title):
    found = {fold(p["name"]): p for p in people(extract, text, datetime.date(2019, 6, 3))}
    assert title in found[fold(name)]["titles"]


@pytest.mark.parametrize("text, name, title", [
    ("Deputy Prime Minister Saleumxay Kommasith, who doubles as foreign minister, said Laos valued the ties.",
     "Saleumxay Kommasith", "foreign minister"),
    ("Dato Mohamad Hasan, Minister of Foreign Affairs of Malaysia, said ASEAN would meet in Kuala Lumpur.",
     "Mohamad Hasan", "Minister of Foreign Affairs of Malaysia"),
])
def test_appositions_and_regional_honorifics(extract, text, name, title):
    found = {fold(p["name"]): p for p in people(extract, text)}
    assert title in found[fold(name)]["titles"]

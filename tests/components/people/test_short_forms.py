"""The word news uses alone for a person named in full before: registry people whose entry lists no short
form, and names whose last word is only the ending of some country's family names.

Every text here is written for these tests.
"""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.components.people.origins import NameOrigins
from vnlao_extract.registry import fold

HEAD = "Ministers meet\n\n"


@pytest.mark.parametrize("text, day, full, alone", [
    # registry entries with no "short" forms: the surname still stands for them later
    ("Australian Foreign Minister Penny Wong arrived in Hanoi on Monday. Wong then met business leaders.",
     datetime.date(2024, 4, 2), "Penny Wong", "Wong"),
    ("Singapore's Prime Minister Lawrence Wong toured the port. Later, Wong addressed students.",
     datetime.date(2025, 3, 10), "Lawrence Wong", "Wong"),
    # not in the registry, no known origin: the last word too
    ("Swedish Foreign Minister Maria Lindqvist reached Vientiane on Friday. Lindqvist said the talks went well.",
     datetime.date(2024, 6, 7), "Maria Lindqvist", "Lindqvist"),
])
def test_a_surname_alone_is_the_person_named_before(extract, text, day, full, alone):
    people = {fold(p["name"]): p for p in extract(HEAD + text, day)["people"]}
    assert list(people) == [fold(full)]
    assert alone in people[fold(full)]["aliases"]


@pytest.mark.parametrize("words, country", [
    (["Penny", "Wong"], None),                 # "wong" is an ending of Thai family names, not one itself
    (["Somchai", "Chanthawong"], "TH"),
    (["Phumtham", "Wechayachai"], "TH"),
])
def test_a_family_name_ending_needs_a_longer_word(words, country):
    origin = NameOrigins.load().of(words)
    assert (origin[0] if origin else None) == country

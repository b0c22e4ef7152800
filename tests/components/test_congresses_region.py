"""Congresses of the ruling parties of the region, numbered as the outlets of each country number them:
digits, words and Roman numerals; the party before, after or inside the phrase; not a congress when the
number belongs to a Central Committee, a legislature or a summit.

Every text here is written for these tests.
"""
from __future__ import annotations

import datetime

import pytest

D = datetime.date


def congresses(record: dict) -> list[tuple[int, str]]:
    return [(c["ordinal"], c["party"]) for c in record["congresses"]]


# (published, text, [(ordinal, party)] in order of first mention)
WRITTEN = [
    (D(2021, 2, 1), "The 13th National Party Congress of the Communist Party of Vietnam closed in Hanoi on Monday.",
     [(13, "CPV")]),
    (D(2016, 1, 28), "The CPV's 12th National Congress took place in Hanoi from January 20 to 28, officials said.",
     [(12, "CPV")]),
    (D(2026, 1, 20), "The 14th National Congress of the Communist Party of Vietnam opened in Hanoi on January 19.",
     [(14, "CPV")]),
    (D(2021, 1, 6), "Vietnam's XIII Party Congress will open on January 25, and delegates are arriving in Hanoi.",
     [(13, "CPV")]),
    (D(2021, 1, 15), "The Lao People's Revolutionary Party's 11th National Congress was held in Vientiane this week.",
     [(11, "LPRP")]),
    (D(2016, 1, 25), "At the Tenth Congress of the Lao People's Revolutionary Party, a new Politburo was elected.",
     [(10, "LPRP")]),
    (D(2025, 12, 1), "Laos is preparing for the 12th National Congress of the LPRP, which opens early next year.",
     [(12, "LPRP")]),
    (D(2021, 1, 6), "Laos will hold the XI Congress of the LPRP in January, the Lao news agency reported.",
     [(11, "LPRP")]),
    (D(2022, 10, 24), "The Party's 20th National Congress of the Communist Party of China concluded in Beijing.",
     [(20, "CPC")]),
    (D(2017, 10, 20), "Xi Jinping delivered a report to the 19th National Congress of the Communist Party of China.",
     [(19, "CPC")]),
    (D(2021, 1, 12), "North Korea's Workers' Party of Korea wrapped up its 8th Party Congress on Tuesday, state media said.",
     [(8, "WPK")]),
    (D(2021, 1, 6), "The Eighth Congress of the Workers' Party of Korea opened in Pyongyang on Tuesday, state media said.",
     [(8, "WPK")]),
    (D(2021, 3, 3), "The 8th Congress of the Communist Party of Cuba will run for four days in Havana, officials said.",
     [(8, "PCC")]),
    (D(2020, 8, 10), "The Communist Party of Vietnam's 13th Congress is slated for early 2021, officials said in Hanoi.",
     [(13, "CPV")]),
]


@pytest.mark.parametrize("published, text, expected", WRITTEN)
def test_regional_congresses(extract, published, text, expected):
    assert congresses(extract(text, published)) == expected


NOT_CONGRESSES = [
    "The fifth plenum of the 13th Party Central Committee opened in Hanoi, and members discussed personnel.",
    "Members of the 20th CPC Central Committee attended the plenary session in Beijing this week.",
    "The 10th Congress of the Vietnam Fatherland Front opened in Hanoi with a thousand delegates.",
    "The 44th ASEAN Summit will be held in October, and the 15th National Assembly held its 7th session.",
    "The Cambodian People's Party held an extraordinary congress in Phnom Penh, party officials said.",
]


@pytest.mark.parametrize("text", NOT_CONGRESSES)
def test_not_party_congresses(extract, text):
    assert congresses(extract(text, D(2024, 5, 1))) == []

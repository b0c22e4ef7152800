"""Trade targets: money amounts that are goals for trade, never achieved figures, aid, loans or investment.

Every text here is written for these tests, in the ways the news states trade goals and results.
"""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.matching import matched_spans
from vnlao_extract.components.trade import amount_value, _words

PUB = datetime.date(2026, 2, 2)
B = 1_000_000_000


def targets(record: dict) -> list[tuple[float, str]]:
    return [(t["value"], t["currency"]) for t in record["trade_targets"]]


TARGETS = [
    ("The two sides aim to raise two-way trade to US$5 bn in the coming years.", [(5 * B, "USD")]),
    ("Both countries strive for bilateral trade of 5 billion USD by 2030, officials said.", [(5 * B, "USD")]),
    ("They agreed on a target of USD 5 billion in bilateral trade turnover.", [(5 * B, "USD")]),
    ("They expect two-way trade to reach $5bn by 2028, officials said.", [(5 * B, "USD")]),
    ("Both sides will work towards five billion dollars in two-way trade.", [(5 * B, "USD")]),
    ("Vietnam and Laos pursue the goal of VND 100 trillion in bilateral trade.", [(100_000 * B, "VND")]),
    ("The two countries set a target of 20 billion yuan in bilateral trade by 2027.", [(20 * B, "CNY")]),
    ("Thailand and Laos set a target of 500 billion baht in cross-border trade by 2027.", [(500 * B, "THB")]),
    ("Laos and Vietnam set a target of 80 trillion kip in bilateral trade by 2030.", [(80_000 * B, "LAK")]),
    ("Laos and China aim to lift trade to CNY 50 billion, and to THB 300 billion with Thailand.",
     [(50 * B, "CNY"), (300 * B, "THB")]),
    ("Both sides target bilateral trade of USD5 billion, VND100 trillion and RMB5bn in the coming years.",
     [(5 * B, "USD"), (100_000 * B, "VND"), (5 * B, "CNY")]),
    ("The two countries target bilateral trade of 500 billion Thai baht and 80 trillion Lao kip.",
     [(500 * B, "THB"), (80_000 * B, "LAK")]),
    ("Bilateral trade is expected to hit the US$10-billion mark, toward a 20-billion-USD target for two-way trade.",
     [(10 * B, "USD"), (20 * B, "USD")]),
    ("Both sides agreed to raise bilateral trade to 1 billion US dollars, officials said.", [(1 * B, "USD")]),
    ("The two sides target raising bilateral trade to 5 billion U.S. dollars by 2030.", [(5 * B, "USD")]),
    ("Bilateral trade is targeted to reach 3 billion USD in 2026, officials said.", [(3 * B, "USD")]),
    ("Trade between the two countries is targeted at USD 2 billion next year.", [(2 * B, "USD")]),
    ("The leaders set a goal of doubling bilateral trade to 10 billion USD by 2030.", [(10 * B, "USD")]),
    ("The two countries' trade target is US$5 billion, while trade was US$2 billion in 2025.", [(5 * B, "USD")]),
    ("The two sides aim to raise trade to over US$5 billion and attract US$3 billion in investment.",
     [(5 * B, "USD")]),
    ("The two countries aim to bring trade to 25 billion USD by 2025, and 30 billion USD by 2030.",
     [(25 * B, "USD"), (30 * B, "USD")]),
    ("The two sides will work to increase bilateral trade by 15 percent a year and to bring it to 3 billion "
     "USD by 2028.", [(3 * B, "USD")]),
    ("The two sides set the goal of US$ 1.5 billion in trade turnover and US$ 5 billion in Vietnamese "
     "investment.", [(1.5 * B, "USD")]),
    ("They have set a target of increasing two-way trade value to around $1.2 billion this year.",
     [(1.2 * B, "USD")]),
    ("Vietnam and Laos will work to raise investment and trade to US$10 billion, officials said.",
     [(10 * B, "USD")]),
    ("The US$5 billion two-way trade target set for 2025 has not been met, officials said.", [(5 * B, "USD")]),
    ("Officials said the 3 billion USD goal for bilateral trade is within reach.", [(3 * B, "USD")]),
]


@pytest.mark.parametrize("text,expected", TARGETS)
def test_targets(extract, text, expected):
    assert targets(extract(text, PUB)) == expected


# A goal next to a result in the same sentence: only the goal.
MIXED = [
    ("Bilateral trade surpassed US$3 billion last year, and the two sides aim to raise it to US$5 billion.",
     [(5 * B, "USD")]),
    ("Trade between the two countries rose to US$2 billion in 2025, and they target US$3 billion this year.",
     [(3 * B, "USD")]),
    ("The two countries want to boost trade turnover, which reached US$1.8 billion in 2025, to US$3 billion.",
     [(3 * B, "USD")]),
    ("They aim to raise bilateral trade to 5 billion USD, up from 2.6 billion USD in 2025.", [(5 * B, "USD")]),
    ("The two countries target trade of 20 billion USD, compared with 15 billion USD last year.",
     [(20 * B, "USD")]),
    ("Trade between the two nations totalled 1.2 billion USD in 2025 and the two sides aim for 2 billion USD.",
     [(2 * B, "USD")]),
    ("Two-way trade doubled to US$2 billion last year and is projected to hit US$3 billion in 2027.",
     [(3 * B, "USD")]),
    ("Vietnam pledged to provide 100 billion VND to Laos and will raise trade to 5 billion USD.",
     [(5 * B, "USD")]),
    ("The leaders agreed to lift bilateral trade from about 8 billion USD in 2023 to 11 billion USD by 2026.",
     [(11 * B, "USD")]),
]


@pytest.mark.parametrize("text,expected", MIXED)
def test_goal_beside_a_result(extract, text, expected):
    assert targets(extract(text, PUB)) == expected


# Achieved figures, growth, aid, loans and investment are never targets.
NOT_TARGETS = [
    "Bilateral trade reached 2.6 billion USD in 2025, up 12 percent year on year.",
    "Two-way trade hit US$2.9 billion last year, up from US$2.5 billion in 2024.",
    "Two-way trade was estimated at 1.5 billion USD last year and stood at 400 million USD in January.",
    "Bilateral trade grew by 15 percent to 3 billion USD in 2025, officials said.",
    "Two-way trade rose 20 percent to reach US$2 billion last year, officials said.",
    "Trade turnover reached US$1.8 billion in the first 11 months of 2025, an increase of 10 percent.",
    "China's trade with Laos stood at 8 billion USD last year, and the two sides pledged to raise it further.",
    "Bilateral trade has reached nearly US$2 billion, far short of the two countries' potential.",
    "Bilateral trade exceeded US$3 billion in 2025 for the first time, officials said.",
    "Two-way trade rose from US$2 billion in 2024 to US$3 billion in 2025, customs data showed.",
    "The two sides aim to raise bilateral trade by 20 percent next year, officials said.",
    "Vietnam provided US$50 million in aid and a loan of 20 million USD to Laos to boost trade.",
    "Vietnamese investment in Laos totalled 5.5 billion USD, and both sides aim to boost trade.",
    "Vietnam will provide a non-refundable aid package of VND 500 billion to Laos to promote trade.",
    "Bilateral trade reached US$2 billion last year. Vietnam aims to raise its investment in Laos to US$10 "
    "billion.",
    "China will extend a loan of 5 billion yuan to Laos to build a new trade centre in Vientiane.",
    "The two sides aim to attract US$3 billion in investment and boost trade and tourism.",
    "The Lao government plans to spend 2 trillion kip on its roads, while its exports keep rising.",
]


@pytest.mark.parametrize("text", NOT_TARGETS)
def test_not_targets(extract, text):
    assert targets(extract(text, PUB)) == []


@pytest.mark.parametrize("tokens,expected", [
    (["US$", "5", "bn"], (5 * B, "USD")),
    (["5", "billion", "USD"], (5 * B, "USD")),
    (["USD", "5", "billion"], (5 * B, "USD")),
    (["$", "5bn"], (5 * B, "USD")),
    (["five", "billion", "dollars"], (5 * B, "USD")),
    (["VND", "100", "trillion"], (100_000 * B, "VND")),
    (["1,340", "million", "USD"], (1.34 * B, "USD")),
    (["USD5", "billion"], (5 * B, "USD")),
    (["RMB5bn"], (5 * B, "CNY")),
    (["500", "billion", "Thai", "baht"], (500 * B, "THB")),
    (["US$", "10", "-", "billion"], (10 * B, "USD")),
    (["20", "-", "billion", "-", "USD"], (20 * B, "USD")),
    (["5", "billion"], None),
])
def test_amount_value(tokens, expected):
    assert amount_value(tokens, _words()) == expected


# The Matcher runs only around currency words, as far as the numbers, scales and currency adjectives
# around them can reach.
WINDOW_TEXTS = [
    "US$5 bn",
    "Trade hit USD5bn, 500 billion Thai baht and five hundred billion US dollars, near the US$10-billion mark.",
    "They set a 5-billion-USD target and VND 100 trillion by 2030, up from 80 trillion kip",
]


@pytest.mark.parametrize("text", WINDOW_TEXTS)
def test_windows_find_what_the_whole_doc_finds(nlp, text):
    finder = nlp.get_pipe("vnlao_trade")
    doc = nlp.get_pipe("vnlao_lexicon")(nlp.make_doc(text))  # no article layout: all of it is body
    matcher = finder.matcher
    whole = [(s.start, s.end, row["id"]) for s, row in matched_spans(doc, matcher.matcher, matcher.rows)]
    assert whole and [(s.start, s.end, row["id"]) for s, row in matcher(doc)] == whole


def test_every_money_pattern_has_an_anchor(nlp):
    assert not nlp.get_pipe("vnlao_trade").matcher.everywhere


@pytest.mark.parametrize("text, expected", [
    ("The sides hope two-way trade will hit 3 billion dollars in the next three years.", [(3e9, "USD")]),
    ("Bilateral trade would reach US$5 billion if the railway opens, the ministers said.", [(5e9, "USD")]),
    ("Two-way trade hit US$2 billion last year.", []),
])
def test_a_result_verb_after_a_modal_is_a_goal(extract, text, expected):
    record = extract(text)
    assert [(t["value"], t["currency"]) for t in record["trade_targets"]] == expected

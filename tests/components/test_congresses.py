"""Congresses: numbered party congresses, with the party named or taken from context, and their dates.

Every text here is written for these tests, in the ways the news names party congresses.
"""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.components.congresses import ordinal_value
from vnlao_extract.matching import matched_spans

PUB = datetime.date(2026, 2, 2)


def congresses(record: dict) -> list[tuple[int, str]]:
    return [(c["ordinal"], c["party"]) for c in record["congresses"]]


NAMED = [
    ("The Party's 14th National Congress elected a new Central Committee in Hanoi, officials said.",
     [(14, "CPV")]),
    ("Vietnam will carry out the resolution throughout the 13th National Party Congress term, officials said.",
     [(13, "CPV")]),
    ("Laos successfully organised the 12th LPRP Congress in Vientiane, officials said.", [(12, "LPRP")]),
    ("The CPV's 13th National Congress set out the country's development goals until 2030.", [(13, "CPV")]),
    ("Xi Jinping was re-elected at the 20th CPC National Congress in Beijing, officials said.", [(20, "CPC")]),
    ("Hun Sen chaired the 7th Congress of the Cambodian People's Party in Phnom Penh, officials said.",
     [(7, "CPP")]),
    ("The resolution of the Thirteenth National Congress of the Communist Party of Vietnam was discussed.",
     [(13, "CPV")]),
    ("The Lao People's Revolutionary Party held its Eleventh National Congress in Vientiane, officials said.",
     [(11, "LPRP")]),
    ("The 10th Congress of the Lao People's Revolutionary Youth Union elected its new leaders in Vientiane.",
     [(10, "LPRYU")]),
    ("The 12th LPRP National Congress and the 14th CPV National Congress were both held in January.",
     [(12, "LPRP"), (14, "CPV")]),
    ("The 13th Congress of the Communist Party of Vietnam and the 11th Congress of the Lao People's "
     "Revolutionary Party were both held in early 2021.", [(13, "CPV"), (11, "LPRP")]),
    ("The CPV 14th National Congress opened on January 19 in Hanoi, officials said.", [(14, "CPV")]),
    ("The Lao delegation attended the 14th Vietnamese Party Congress, after the 12th Lao Party Congress.",
     [(14, "CPV"), (12, "LPRP")]),
    ("The 10th Congress of the Cambodian People's Party Central Committee elected new leaders.", [(10, "CPP")]),
]


@pytest.mark.parametrize("text,expected", NAMED)
def test_named_congresses(extract, text, expected):
    assert congresses(extract(text, PUB)) == expected


# "the 14th Party Congress": the country or party nearest to it in the sentence, else in the ones before.
FROM_CONTEXT = [
    ("Vietnam has just concluded the 14th Party Congress, which elected a new leadership.", [(14, "CPV")]),
    ("The Lao leader briefed his Vietnamese counterpart on the outcomes of the 12th Party Congress in "
     "Vientiane.", [(12, "LPRP")]),
    ("Laos held its party congress in January. The 12th Party Congress elected a new leadership.",
     [(12, "LPRP")]),
    ("China's 20th Party Congress and Cambodia's 7th Party Congress were discussed in Beijing.",
     [(20, "CPC"), (7, "CPP")]),
    ("Cambodia's ruling party will hold its 8th congress in 2028, officials said.", [(8, "CPP")]),
    ("The 14th National Party Congress of Vietnam opened in Hanoi, officials said.", [(14, "CPV")]),
    ("The Chinese president congratulated Laos on the success of the 11th Party Congress.", [(11, "LPRP")]),
    ("Laos sent a delegation to the 14th National Congress in Hanoi, officials said.", [(14, "CPV")]),
    ("The 8th Party Congress opened on Monday with 800 delegates. They came from all provinces of Cambodia.",
     [(8, "CPP")]),
]


@pytest.mark.parametrize("text,expected", FROM_CONTEXT)
def test_party_from_context(extract, text, expected):
    assert congresses(extract(text, PUB)) == expected


# Not party congresses. The Vietnam Fatherland Front, the women's and trade unions, the Lao Front for
# National Development are mass organisations, not parties: their congresses are left out.
NOT_CONGRESSES = [
    "The Presidium includes members of the 13th Politburo, the Lao delegation said in Hanoi.",
    "The 45th General Assembly of AIPA will open in Vientiane next week, officials said.",
    "The 15th National Assembly of Vietnam opened its first session in Hanoi, officials said.",
    "The 42nd meeting of the Intergovernmental Committee was held in Hanoi, officials said.",
    "The 9th Congress of the Vietnam Fatherland Front was held in Hanoi to elect a new leadership.",
    "The Vietnam Fatherland Front's 10th Congress and the VFF 10th National Congress were held in Hanoi.",
    "The 13th National Congress of the Vietnam Women's Union opened in Hanoi, officials said.",
    "The 5th Congress of the Lao Front for National Development was held in Vientiane, officials said.",
    "The Lao People's Revolutionary Youth Union held its congress in Vientiane to elect its new leaders.",
    "The 118th US Congress approved a bill on Southeast Asia in Washington, officials said.",
    "The 118th Congress of the United States approved a bill on Southeast Asia, officials said.",
]


@pytest.mark.parametrize("text", NOT_CONGRESSES)
def test_not_party_congresses(extract, text):
    assert congresses(extract(text, PUB)) == []


# (text, [(ordinal, party, start, end)])
DATED = [
    ("Laos held the 12th National Congress of the Lao People's Revolutionary Party from January 6-8 in "
     "Vientiane.", [(12, "LPRP", "2026-01-06", "2026-01-08")]),
    ("The 14th National Congress of the Communist Party of Vietnam was held from January 19 to 23, 2026 in "
     "Hanoi.", [(14, "CPV", "2026-01-19", "2026-01-23")]),
    ("The 14th National Congress of the CPV, held in Hanoi from January 19-23, elected a new leadership.",
     [(14, "CPV", "2026-01-19", "2026-01-23")]),
    ("Vietnam convened the 14th National Party Congress from January 19-23.",
     [(14, "CPV", "2026-01-19", "2026-01-23")]),
    ("The 14th National Party Congress of Vietnam opened in Hanoi on January 19, officials said.",
     [(14, "CPV", "2026-01-19", None)]),
    ("The 14th National Congress of the Party opened in Hanoi on January 19, officials said.",
     [(14, "CPV", "2026-01-19", None)]),
    # a month is not a start date, and a date far away is not the congress's
    ("The Communist Party of China held its 20th National Congress in October 2022, officials said.",
     [(20, "CPC", None, None)]),
    ("The 12th LPRP Congress elected a new Politburo, and the Lao president visited Hanoi on January 26.",
     [(12, "LPRP", None, None)]),
]


@pytest.mark.parametrize("text,expected", DATED)
def test_congress_dates(extract, text, expected):
    record = extract(text, PUB)
    assert [(c["ordinal"], c["party"], c["start"], c["end"]) for c in record["congresses"]] == expected


@pytest.mark.parametrize("word,expected", [
    ("14th", 14), ("1st", 1), ("22nd", 22), ("3rd", 3), ("Thirteenth", 13), ("twelfth", 12),
    ("twenty-first", 21), ("Politburo", None), ("45", None),
])
def test_ordinal_value(word, expected):
    assert ordinal_value(word) == expected


# The Matcher runs only around the word "congress", as far as party names and ordinals before and after it
# can reach.
WINDOW_TEXTS = [
    "The Lao People's Revolutionary Party's 12th National Congress",
    "Laos held the 12th National Congress of the Lao People's Revolutionary Party from January 6-8.",
    "The 14th Vietnamese Party Congress and the 13th Communist Party of Vietnam National Congress met.",
]


@pytest.mark.parametrize("text", WINDOW_TEXTS)
def test_windows_find_what_the_whole_doc_finds(nlp, text):
    finder = nlp.get_pipe("vnlao_congresses")
    doc = nlp.get_pipe("vnlao_lexicon")(nlp.make_doc(text))  # no article layout: all of it is body
    matcher = finder.matcher
    whole = [(s.start, s.end, row["id"]) for s, row in matched_spans(doc, matcher.matcher, matcher.rows)]
    assert whole and [(s.start, s.end, row["id"]) for s, row in matcher(doc)] == whole


def test_every_congress_pattern_has_an_anchor(nlp):
    assert not nlp.get_pipe("vnlao_congresses").matcher.everywhere


# Spelled-out, hyphenated and Roman ordinals; other parties' congresses, named or from a country that has a
# ruling party; ordinals no party reaches are a legislature.
OTHER_ORDINALS_AND_PARTIES = [
    ("Delegates gathered for the Fourteenth National Congress of the Communist Party of Vietnam in Hanoi.",
     [(14, "CPV")]),
    ("The XIV National Congress of the Communist Party of Vietnam closed in Hanoi on Friday.", [(14, "CPV")]),
    ("The 14th (XIV) National Congress of the CPV adopted its political report, delegates said.",
     [(14, "CPV")]),
    ("Beijing prepared for the Twenty-first National Congress of the Communist Party of China.", [(21, "CPC")]),
    ("The XXth Congress of the CPC re-elected its general secretary in Beijing.", [(20, "CPC")]),
    ("Pyongyang opened the 9th Congress of the Workers' Party of Korea on Sunday, state media said.",
     [(9, "WPK")]),
    ("North Korea convened its Eighth Party Congress in Pyongyang, state media reported.", [(8, "WPK")]),
    ("Havana hosted the 8th Congress of the Communist Party of Cuba in April, delegates said.", [(8, "PCC")]),
    ("The Japanese Communist Party held its 29th Congress in Atami, party officials said.", [(29, "JCP")]),
    ("Vietnam's leaders watched as the 118th Congress of the United States opened in Washington.", []),
]


@pytest.mark.parametrize("text,expected", OTHER_ORDINALS_AND_PARTIES)
def test_other_ordinals_and_parties(extract, text, expected):
    assert congresses(extract(text, PUB)) == expected


@pytest.mark.parametrize("word, expected", [("XIV", 14), ("XIVth", 14), ("IX", 9), ("XXI", 21), ("V", 5),
                                            ("I", None), ("IIII", None), ("Fourteenth", 14),
                                            ("twenty-second", 22), ("thirtieth", 30)])
def test_ordinal_values_of_every_spelling(word, expected):
    assert ordinal_value(word) == expected


def test_repeated_congresses_cost_linear_work(nlp):
    """ "14th Congress " x N with no party anywhere: the matcher's windows and the party look-ups grow with N,
    not with its square."""
    from vnlao_extract.components import congresses as module

    finder = nlp.get_pipe("vnlao_congresses")
    work = {}
    for n in (1000, 2000):
        doc = nlp("14th Congress " * n)
        windows = finder.matcher.windows(doc)
        work[n] = sum(end - start for start, end, _ in windows)
        assert doc._.congresses == []
        assert module.PartyWords(doc, finder.country_party).positions == []
        named = nlp("14th Congress " * n + "of the party opened in Vietnam.")
        assert [(c.ordinal, c.party) for c in named._.congresses] == [(14, "CPV")]
    assert work[2000] <= 2.2 * work[1000]

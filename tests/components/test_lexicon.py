"""Lexicon: the labels the rules reason about, on words as news writes them."""
from __future__ import annotations

import pytest

from vnlao_extract.rules import load_lexicon


def _labels(doc):
    return {span.text: row["label"] for span, row in doc._.lexicon}


@pytest.mark.parametrize(
    "text, phrase, label, country",
    [
        ("He flew from Vientiane to Hanoi on Monday.", "Vientiane", "place", "LA"),
        ("Both sides praised the Lao PDR and its people.", "Lao PDR", "place", "LA"),
        ("Laos's economy grew faster this year.", "Laos's", "nationality", "LA"),
        ("Laos’ economy grew faster this year.", "Laos’", "nationality", "LA"),
        ("Cambodia’s leaders met in the capital.", "Cambodia’s", "nationality", "KH"),
        ("Việt Nam's exports rose again.", "Việt Nam's", "nationality", "VN"),
        ("Viet Nam's exports rose again.", "Viet Nam's", "nationality", "VN"),
        ("The Laotian delegation arrived early.", "Laotian", "nationality", "LA"),
        ("Thai tourists filled the hotels.", "Thai", "nationality", "TH"),
        ("The Lao People's Revolutionary Party leads the state.", "Lao People's Revolutionary Party", "party", "LA"),
        ("The Communist Party of Vietnam was founded in 1930.", "Communist Party of Vietnam", "party", "VN"),
        ("Leaders of the Cambodian People's Party attended.", "Cambodian People's Party", "party", "KH"),
        ("Residents of Ho Chi Minh City voted.", "Ho Chi Minh City", "place", "VN"),
        ("Flights to Luang Prabang resumed.", "Luang Prabang", "place", "LA"),
        ("Farmers in Savannakhet planted rice.", "Savannakhet", "place", "LA"),
    ],
)
def test_places_nationalities_parties(nlp, text, phrase, label, country):
    doc = nlp(text)
    found = {span.text: row for span, row in doc._.lexicon}
    assert phrase in found, list(found)
    assert found[phrase]["label"] == label
    assert found[phrase].get("country") == country


@pytest.mark.parametrize(
    "text, phrase, role",
    [
        ("The Chairwoman of the National Assembly spoke.", "Chairwoman of the National Assembly", "na_chair"),
        ("The President of the National Assembly spoke.", "President of the National Assembly", "na_chair"),
        ("The Deputy Prime Minister spoke.", "Deputy Prime Minister", "deputy_prime_minister"),
        ("The Vice Premier spoke.", "Vice Premier", "deputy_prime_minister"),
        ("The Politburo member spoke.", "Politburo member", "politburo_member"),
        ("The Permanent member of the Secretariat spoke.", "Permanent member of the Secretariat",
         "secretariat_member"),
        ("The Minister of Foreign Affairs spoke.", "Minister of Foreign Affairs", "foreign_minister"),
        ("The Secretary-General spoke.", "Secretary-General", "general_secretary"),
        ("The State Councilor spoke.", "State Councilor", "other"),
        ("The Standing Deputy Prime Minister spoke.", "Standing Deputy Prime Minister", "deputy_prime_minister"),
        ("The Chargé d'Affaires spoke.", "Chargé d'Affaires", "ambassador"),
        ("The Secretary of State spoke.", "Secretary of State", "secretary"),
    ],
)
def test_offices(nlp, text, phrase, role):
    doc = nlp(text)
    found = {span.text: row for span, row in doc._.lexicon}
    assert phrase in found, list(found)
    assert found[phrase]["label"] == "office" and found[phrase]["role"] == role


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Samdech Techo Hun Sen arrived.", "Samdech Techo"),
        ("Samdech Akka Moha Sena Padei Techo Hun Sen arrived.", "Samdech Akka Moha Sena Padei Techo"),
        ("Samdech Moha Bovor Thipadei Hun Manet arrived.", "Samdech Moha Bovor Thipadei"),
        ("H.E. Sok Chenda Sophea arrived.", "H.E."),
        ("Lok Chumteav Men Sam An arrived.", "Lok Chumteav"),
        ("Madam Pany Yathotou arrived.", "Madam"),
        ("Mr. Sonexay Siphandone arrived.", "Mr."),
        ("Ms. Nguyễn Thị Thanh arrived.", "Ms."),
        ("Excellency Kao Kim Hourn arrived.", "Excellency"),
    ],
)
def test_honorifics(nlp, text, phrase):
    assert _labels(nlp(text)).get(phrase) == "honorific"


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Vientiane Times reported the news.", "Vientiane Times"),
        ("Wattay International Airport was busy.", "Wattay International Airport"),
        ("Guests gathered at the Peace Palace.", "Peace Palace"),
    ],
)
def test_organisation_and_place_names_are_labelled(nlp, text, phrase):
    doc = nlp(text)
    covered = {t.i for span, _ in doc._.lexicon for t in span}
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert span is not None and all(t.i in covered for t in span)


def test_longest_phrase_wins(nlp):
    doc = nlp("The Lao People's Revolutionary Party congress opened.")
    spans = [span.text for span, _ in doc._.lexicon]
    assert "Lao People's Revolutionary Party" in spans and "Lao" not in spans


def test_token_attributes(nlp):
    doc = nlp("Lao Prime Minister Sonexay Siphandone met Mr. Bounmy.")
    assert doc[0]._.lex == "nationality" and doc[0]._.lex_entry["country"] == "LA"
    assert doc[1]._.lex == doc[2]._.lex == "office"
    assert doc[3]._.lex == "" and doc[3]._.lex_entry is None


def test_rows_are_well_formed():
    for row in load_lexicon().rows:
        assert row["label"] in {"office", "party", "place", "nationality", "honorific", "reference", "org",
                                "common"}, row
        assert row["phrases"] and all(isinstance(p, str) and p.strip() == p for p in row["phrases"]), row
        if row["label"] in ("nationality", "party"):
            assert len(row["country"]) == 2, row
        if row["label"] == "office":
            assert row.get("role"), row


@pytest.mark.parametrize("word", ["Street", "Museum", "University", "Airport", "Times", "Trail", "Thought", "Bridge"])
def test_name_tails(nlp, word):
    doc = nlp(f"They walked to the Nguyen Hue {word} together.")
    token = next(t for t in doc if t.text == word)
    assert token._.lex == "common" and token._.lex_entry.get("kind") == "name_tail"


@pytest.mark.parametrize(
    "text, phrase, role",
    [
        ("He met the Vietnamese Party chief yesterday.", "the Vietnamese Party chief", "general_secretary"),
        ("He met the Lao premier yesterday.", "the Lao premier", "prime_minister"),
        ("He met the Chinese top legislator yesterday.", "the Chinese top legislator", "na_chair"),
        ("He met the Lao leader yesterday.", "the Lao leader", None),
    ],
)
def test_reference_phrases(nlp, text, phrase, role):
    doc = nlp(text)
    found = {span.text: row for span, row in doc._.lexicon if row["label"] == "reference"}
    assert phrase in found and found[phrase].get("role") == role


@pytest.mark.parametrize("text, word", [("Lok Chumteav Men Sam An arrived.", "An"),
                                        ("Sr Lt Gen Nguyen Tan Cuong arrived.", "Nguyen")])
def test_name_words_are_not_labelled(nlp, text, word):
    doc = nlp(text)
    assert next(t for t in doc if t.text == word)._.lex in ("", "common")


@pytest.mark.parametrize("text", [
    "Prime Minister Sonexay Siphandone of the Lao PDR flew to Ho Chi Minh City.",
    "Nothing of note here.",
    "",
])
def test_lexicon_spans_are_the_phrases(nlp, text):
    from vnlao_extract.matching import lex_labels, lex_phrases

    doc = nlp(text)
    phrases = lex_phrases(doc)
    assert [(span.start, span.end, row) for span, row in doc._.lexicon] == phrases
    assert all(span.label_ == row["label"] for span, row in doc._.lexicon)
    assert doc._.lexicon is doc._.lexicon  # made once
    assert [label for label in lex_labels(doc) if label] == [row["label"] for s, e, row in phrases for _ in range(s, e)]


def test_setting_lexicon_spans_sets_the_phrases(nlp):
    from vnlao_extract.matching import lex_phrases

    doc = nlp("The talks in Vientiane ended.")
    row = {"label": "place", "country": "LA"}
    doc._.lexicon = [(doc[3:4], row)]
    assert lex_phrases(doc) == [(3, 4, row)] and doc._.lexicon[0][0].text == "Vientiane"


@pytest.mark.parametrize("text", [
    "Residents of Ho Chi Minh City met the Prime Minister of the Lao People's Revolutionary Party.",
    "The Communist Party of Vietnam and the Lao PDR, Laos's partner; the National Assembly of Viet Nam.",
    "General Secretary and President To Lam of Vietnam visited Vientiane Capital.",
])
def test_overlapping_phrases_keep_the_longest_then_the_label_order(nlp, text):
    from vnlao_extract.components.lexicon import LABEL_PRIORITY

    tagger = nlp.get_pipe("vnlao_lexicon")
    doc = nlp.make_doc(text)
    rank = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    raw = [(start, end, tagger._row_of[match_id]) for match_id, start, end in tagger.matcher(doc)]
    taken, expected = set(), []
    for start, end, row in sorted(raw, key=lambda m: (m[0] - m[1], m[0], rank.get(m[2]["label"], len(rank)))):
        if start not in taken and end - 1 not in taken:
            taken.update(range(start, end))
            expected.append((start, end, row))
    assert any(a[0] < b[1] and b[0] < a[1] for a in raw for b in raw if a != b)  # the text has overlaps
    assert tagger.match(doc) == sorted(expected, key=lambda m: m[0])

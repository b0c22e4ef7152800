"""The events package's pure functions, called directly on Docs of short texts of our own."""
from __future__ import annotations

import datetime as dt

import pytest

from vnlao_extract.components.events.facts import DocFacts
from vnlao_extract.components.events.model import Event, same_time
from vnlao_extract.components.events.occasions import absorb_parts, anaphoric, is_ordinal, splits


@pytest.mark.parametrize("word, expected", [
    ("45th", True), ("1st", True), ("22nd", True), ("second", True), ("45", False), ("the", False),
])
def test_is_ordinal(word, expected):
    assert is_ordinal(word) == expected


@pytest.mark.parametrize("text, trigger, expected", [
    ("In the meeting, they spoke.", "meeting", True),
    ("During the courtesy meeting, they spoke.", "meeting", True),
    ("His official talks went well.", "talks", True),
    ("The 45th meeting opened.", "meeting", False),
    ("They held a meeting.", "meeting", False),
])
def test_anaphoric(nlp, text, trigger, expected):
    doc = nlp(text)
    i = next(t.i for t in doc if t.lower_ == trigger)
    assert anaphoric(DocFacts(doc), doc[i:i + 1]) == expected


@pytest.mark.parametrize("text, trigger, expected", [
    ("He paid courtesy calls to the leaders.", "calls", True),
    ("He met the leaders separately.", "met", True),
    ("He met the leaders.", "met", False),
])
def test_splits(nlp, text, trigger, expected):
    doc = nlp(text)
    i = next(t.i for t in doc if t.lower_ == trigger)
    assert splits(DocFacts(doc), doc[i:i + 1]) == expected


def test_absorb_parts_folds_a_briefing_into_the_meeting(nlp):
    doc = nlp("A met B. A briefed B.")
    meeting = Event("meeting", ["A", "B"], mentions=[(doc[1:2], "meeting")])
    briefing = Event("briefing", ["A"], mentions=[(doc[5:6], "briefing")])
    talks = Event("talks", ["C"], mentions=[(doc[5:6], "talks")])
    assert absorb_parts([meeting, briefing, talks]) == [meeting, talks]
    assert len(meeting.mentions) == 2


@pytest.mark.parametrize("a, b, expected", [
    (("2024-05-03", None), ("2024-05-05", None), True),
    (("2024-05-03", None), ("2024-05-20", None), False),
    (("2024-05", None), ("2024-05-20", None), True),
    ((None, None), ("2024-05-20", None), True),
])
def test_same_time(a, b, expected):
    assert same_time(*a, *b) == expected


@pytest.mark.parametrize("text", [
    "The leaders met. They signed three deals.\n\nA new paragraph starts here",
    "One sentence only",
    "",
])
def test_facts_sentence_is_the_token_sentence(nlp, text):
    doc = nlp(text)
    facts = DocFacts(doc)
    assert [facts.sentence(i) for i in range(len(doc))] == [(t.sent.start, t.sent.end) for t in doc]
    if len(doc):
        assert facts.sentence(len(doc)) == (doc[-1].sent.start, len(doc))  # past the end: the last sentence

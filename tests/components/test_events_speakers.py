"""Who reports an event is no party to it ("X said the meeting ..."), unless the speaking is placed at the
occasion ("X said at the talks that ..."). Every text here is written for these tests."""
from __future__ import annotations

import datetime

import pytest

HEAD = "Officials comment\n\n"
DAY = datetime.date(2024, 9, 12)


def actors_of(record, kind):
    return [e["actors"] for e in record["events"] if e["type"] == kind]


@pytest.mark.parametrize("text, kind, speaker", [
    ("Deputy Foreign Minister Anna Kovacs said the ceremony marking the anniversary drew many guests.",
     "ceremony", "Anna Kovacs"),
    ("Spokesman Pham Thu Hang told reporters that the meeting in Hanoi went well.",
     "meeting", "Pham Thu Hang"),
    ("Minister Somsak Inthavong, stressed the signing of the accords opens a new chapter.",
     "signing", "Somsak Inthavong"),
])
def test_a_speaker_is_no_party_of_the_event_reported(extract, text, kind, speaker):
    # nobody else is named, so the event has no actor and is left out (every event has one)
    assert actors_of(extract(HEAD + text, DAY), kind) == []


@pytest.mark.parametrize("text, kind, parties", [
    ("Spokeswoman Maria Ortiz said the meeting between President Joko Widodo and President Yoon Suk Yeol "
     "was warm.", "meeting", {"Joko Widodo", "Yoon Suk Yeol"}),
    ("Ambassador Nguyen Van Binh noted that the talks of Prime Minister Hun Manet with Prime Minister "
     "Sonexay Siphandone covered energy.", "talks", {"Hun Manet", "Sonexay Siphandone"}),
])
def test_the_parties_named_stay_without_the_speaker(extract, text, kind, parties):
    found = actors_of(extract(HEAD + text, DAY), kind)
    assert found and set(found[0]) == parties


@pytest.mark.parametrize("text, kind, speaker", [
    ("Prime Minister Hun Manet said at the talks with Prime Minister Sonexay Siphandone that trade would grow.",
     "talks", "Hun Manet"),
    ("President Joko Widodo said during the meeting with President Yoon Suk Yeol that ties were strong.",
     "meeting", "Joko Widodo"),
])
def test_a_speaker_at_the_occasion_is_a_party(extract, text, kind, speaker):
    record = extract(HEAD + text, DAY)
    assert any(speaker in actors for actors in actors_of(record, kind))


@pytest.mark.parametrize("text, kind, parties", [
    ("Foreign Minister Wang Yi will hold talks with his Thai counterpart, Maris Sangiampongsa, on October 3, "
     "the ministry's spokesman, Lin Jian, said on Friday.", "talks", {"Wang Yi", "Maris Sangiampongsa"}),
    ('"Negotiations are scheduled between Foreign Minister Penny Wong and Foreign Minister Sugiono next week," '
     "Anna Berg told reporters.", "talks", {"Penny Wong", "Sugiono"}),
])
def test_a_speaker_after_the_trigger_is_no_party(extract, text, kind, parties):
    found = actors_of(extract(HEAD + text, DAY), kind)
    assert found and set(found[0]) == parties, found


def test_a_verb_whose_subject_follows_keeps_the_person_before(extract):
    text = "President Luong Cuong held talks with King Norodom Sihamoni, said the presidential office."
    found = actors_of(extract(HEAD + text, DAY), "talks")
    assert found and set(found[0]) == {"Luong Cuong", "Norodom Sihamoni"}, found


def test_a_speaker_at_the_occasion_after_the_trigger_is_its_party(extract):
    text = ("At talks between the two presidents, President Luong Cuong affirmed that Vietnam values the ties "
            "with President Prabowo Subianto.")
    found = actors_of(extract(HEAD + text, DAY), "talks")
    assert found and "Luong Cuong" in found[0], found

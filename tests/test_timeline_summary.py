"""Summaries and their combine: associative, commutative, any partition gives the same timeline."""
from __future__ import annotations

import json
from functools import reduce

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnlao_extract.merge import EMPTY, build_timeline, combine, combine_all, finish, summarize

LEADERS = [("Tô Lâm", "to-lam"), ("To Lam", "to-lam"), ("Hun Manet", "hun-manet"),
           ("Sonexay Siphandone", "sonexay-siphandone"), ("Nguyen Van Ba", None)]
PLACES = [None, "Laos", "Vientiane", "Lao PDR", "Cambodia", "Phnom Penh", "Hanoi"]
DAYS = [None, "2025-03-10", "2025-03-11", "2025-04", "2026-03-10"]


@st.composite
def records(draw, source):
    people = draw(st.lists(st.sampled_from(LEADERS), min_size=1, max_size=3, unique_by=lambda p: p[0]))
    events = []
    for n in range(draw(st.integers(0, 3))):
        actors = draw(st.lists(st.sampled_from([p[0] for p in people]), min_size=1, max_size=2, unique=True))
        sentence = draw(st.sampled_from(["They held talks on Tuesday.", "The visit went well.", "They met."]))
        events.append({"type": draw(st.sampled_from(["visit", "talks", "meeting", "signing"])), "actors": actors,
                       "start": draw(st.sampled_from(DAYS)), "end": None, "place": draw(st.sampled_from(PLACES)),
                       "status": draw(st.sampled_from([None, "planned", "completed"])), "subtype": None,
                       "mentions": [[n * 40, n * 40 + 5]],
                       "evidence": {"start_char": n * 40, "end_char": n * 40 + 5, "text": sentence[5:10],
                                    "sentence": sentence, "rule": "test"}})
    return {"source": source, "published": draw(st.sampled_from([None, "2025-03-09", "2025-03-12"])),
            "error": draw(st.sampled_from([None, None, None, "extract: broken"])),
            "people": [{"name": name, "aliases": [], "titles": [], "country": None, "registry_id": rid}
                       for name, rid in people],
            "congresses": [], "events": events}


batches = st.integers(1, 6).flatmap(lambda n: st.tuples(*[records(f"{i}.txt") for i in range(n)]))


def _bytes(timeline: dict) -> str:
    return json.dumps(timeline, ensure_ascii=False, sort_keys=False)


@settings(max_examples=60, deadline=None)
@given(batches, st.randoms(use_true_random=False), st.data())
def test_any_partition_and_order_of_summaries_gives_the_same_timeline(batch, rng, data):
    expected = _bytes(build_timeline(batch))
    summaries = [summarize(r) for r in batch]
    rng.shuffle(summaries)
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(summaries) - 1)), max_size=3)))
    parts = [summaries[a:b] for a, b in zip([0, *cuts], [*cuts, len(summaries)])]
    partials = [reduce(combine, part, EMPTY) for part in parts if part]
    rng.shuffle(partials)
    assert _bytes(finish(reduce(combine, partials, EMPTY))) == expected


@settings(max_examples=60, deadline=None)
@given(batches)
def test_combine_is_associative_and_commutative(batch):
    a, b, c = (reduce(combine, [summarize(r) for r in batch[i::3]], EMPTY) for i in range(3))
    assert combine(a, b) == combine(b, a)
    assert combine(combine(a, b), c) == combine(a, combine(b, c))
    assert combine(a, EMPTY) == a
    assert combine_all([c, a, b]) == combine(combine(a, b), c)


def _record(source, events, published="2025-03-10"):
    people = [{"name": "Hun Manet", "aliases": ["Manet"], "registry_id": "hun-manet", "titles": [], "country": "KH"},
              {"name": "Phạm Minh Chính", "aliases": [], "registry_id": "pham-minh-chinh", "titles": [], "country": "VN"}]
    return {"source": source, "published": published, "people": people, "congresses": [], "events": events}


def _event(kind, actors, at, sentence, start=None, place=None, trigger=None):
    trigger = trigger or kind
    offset = sentence.index(trigger)
    return {"type": kind, "actors": actors, "start": start, "end": None, "place": place, "status": None,
            "subtype": None, "mentions": [[at + offset, at + offset + len(trigger)]],
            "evidence": {"start_char": at + offset, "end_char": at + offset + len(trigger), "text": trigger,
                         "sentence": sentence, "rule": "test"}}


S1 = "Hun Manet arrived for a visit to Vietnam."
S2 = "Hun Manet will visit Laos next year."
S3 = "Manet and Phạm Minh Chính held talks."
S4 = "Manet and Phạm Minh Chính held talks during the visit to Vietnam on Tuesday."


@pytest.mark.parametrize("events, anchored_to", [
    # the nearest event of shared actors told before it
    ([_event("visit", ["Hun Manet"], 0, S1, place="Vietnam"), _event("visit", ["Hun Manet"], 50, S2, place="Laos",
                                                                     trigger="visit"),
      _event("talks", ["Hun Manet", "Phạm Minh Chính"], 100, S3)], 1),
    # a visit named in the same sentence wins over the nearest one before it
    ([_event("visit", ["Hun Manet"], 0, S2, place="Laos", trigger="visit"),
      _event("talks", ["Hun Manet", "Phạm Minh Chính"], 50, S4),
      _event("visit", ["Hun Manet"], 50, S4, place="Vietnam", trigger="visit")], 2),
    # no event of shared actors before or beside it: none
    ([_event("talks", ["Hun Manet", "Phạm Minh Chính"], 0, S3)], None),
    # undated talks in the lede belong to the visit the article tells after them
    ([_event("talks", ["Hun Manet", "Phạm Minh Chính"], 0, S3), _event("visit", ["Hun Manet"], 50, S1,
                                                                      place="Vietnam")], 1),
])
def test_a_mention_belongs_to_an_event_of_its_article(events, anchored_to):
    rows = [row for _, row in summarize(_record("a.txt", events))["mentions"]]
    talks = next(r for r in rows if r["type"] == "talks")
    expected = None if anchored_to is None else "a.txt#%d#visit" % events[anchored_to]["evidence"]["start_char"]
    assert talks.get("anchor") == expected


@pytest.mark.parametrize("sentence, weekday", [
    ("They met for talks on Thursday.", 3), ("On monday they met.", 0),
    ("They met on Monday and on Tuesday.", None), ("They met.", None),
])
def test_weekday_cue(sentence, weekday):
    row = summarize(_record("a.txt", [_event("meeting", ["Hun Manet"], 0, sentence, trigger="met")]))["mentions"][0][1]
    assert row.get("weekday") == weekday


def test_an_undated_meeting_of_the_talks_leaders_is_those_talks():
    record = _record("a.txt", [_event("talks", ["Hun Manet", "Phạm Minh Chính"], 0, S3),
                               _event("meeting", ["Phạm Minh Chính", "Hun Manet"], 60, "The two also met.",
                                      trigger="met")])
    rows = [row for _, row in summarize(record)["mentions"]]
    assert [r["type"] for r in rows] == ["talks"] and len(rows[0]["evidence"]) == 2


def test_actors_are_people_not_spellings():
    record = _record("a.txt", [_event("talks", ["Manet", "Phạm Minh Chính"], 0, S3)])
    assert summarize(record)["mentions"][0][1]["actors"] == ("hun-manet", "pham-minh-chinh")

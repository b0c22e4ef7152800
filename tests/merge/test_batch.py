"""The timeline of a batch written for these tests (tests/data/timeline_batch/): six visits of 2025, each told
by several outlets in different styles, and distractor visits by the same leaders. Scored with the shared
timeline scorer when ../shared is present, and checked pair by pair without it."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import vnlao_extract as vx
from vnlao_extract.merge.rules import resolve_place

from ..conftest import SHARED

BATCH = Path(__file__).resolve().parent.parent / "data" / "timeline_batch"
GOLD = json.loads((BATCH / "gold-timeline.json").read_text(encoding="utf-8"))
GOLD_BY_ID = {e["id"]: e for e in GOLD["events"]}
SCORER = SHARED / "eval" / "score_timeline.py"


@pytest.fixture(scope="module")
def timeline():
    records = list(vx.extract_files([str(BATCH)], jobs=1))
    return vx.timeline(records)


def _name(source: str) -> str:
    return Path(source).name


def _fold(name: str) -> str:
    from vnlao_extract.registry import fold

    return fold(name)


def _same_kind(timeline: dict, gold: dict) -> list[dict]:
    """The merged events of the gold event's type whose actors hold its first actor (the visitor)."""
    return [e for e in timeline["timeline"]
            if e["type"] == gold["type"] and _fold(gold["actors"][0]) in {_fold(a) for a in e["actors"]}]


def _matched(timeline: dict, gold_id: str) -> list[dict]:
    """The merged events that stand for a gold one: its type, visitor, start and country."""
    gold = GOLD_BY_ID[gold_id]
    country = resolve_place(gold["place"]).country
    return [e for e in _same_kind(timeline, gold) if e["start"] == gold["start"]
            and e["place_country"] in (country, None)]


def test_the_batch_holds_only_articles_the_gold_lists():
    assert sorted(p.name for p in BATCH.glob("*.txt")) == GOLD["corpus"]


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not present")
def test_the_shared_scorer_finds_each_visit_once_with_its_sources(timeline):
    spec = importlib.util.spec_from_file_location("score_timeline", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    result, errors = scorer.score(GOLD, timeline["timeline"])
    assert result["events"]["f1"] >= 0.9, errors
    assert result["sources"]["f1"] >= 0.9, errors
    dates = result["dates"]
    assert dates["exact_span"] >= 0.9 * dates["dated_matched"], errors       # the best span of the reports
    assert dates["inferred_exact"] >= 0.9 * dates["inferred"], errors        # dated by a sibling article


@pytest.mark.parametrize("gold_id", [
    "chinh-visit-cambodia-2025",        # announcement, dateline agency copy, wrap-up, "last week" feature
    "thongloun-visit-china",            # "from Tuesday to Thursday", "returned on Thursday"
    "prabowo-visit-vietnam",            # dated only by a headline naming an office: "Indonesian President's"
    "paetongtarn-visit-laos",           # "yesterday", "wrapped up"
    "xi-visit-vietnam-2025",
    "sonexay-visit-singapore-2025",     # day-first dates of a press release
])
def test_one_visit_told_by_several_outlets_is_one_event(timeline, gold_id):
    gold = GOLD_BY_ID[gold_id]
    events = _matched(timeline, gold_id)
    assert len(events) == 1, [(e["start"], e["sources"]) for e in _same_kind(timeline, gold)]
    assert events[0]["end"] == gold["end"]
    assert set(gold["sources"]) <= {_name(s) for s in events[0]["sources"]}
    country = events[0]["place_country"]
    fragments = [e for e in _same_kind(timeline, gold) if e is not events[0] and e["place_country"] == country
                 and {_name(s) for s in e["sources"]} <= set(gold["sources"])]
    assert not fragments, [(e["start"], e["sources"]) for e in fragments]


@pytest.mark.parametrize("one, other", [
    ("chinh-visit-cambodia-2025", "chinh-visit-cambodia-2024"),       # same leader and country, a year apart
    ("thongloun-visit-china", "thongloun-visit-cambodia"),            # same leader, another country that month
    ("prabowo-visit-vietnam", "to-lam-visit-indonesia"),              # the host's return visit
    ("paetongtarn-visit-laos", "paetongtarn-visit-cambodia-postponed"),
    ("xi-visit-vietnam-2025", "xi-visit-vietnam-2023"),
    ("xi-visit-vietnam-2025", "xi-visit-malaysia"),                   # two countries of one tour
    ("sonexay-visit-singapore-2025", "sonexay-visit-singapore-2023"),
])
def test_distinct_trips_of_the_same_leaders_stay_apart(timeline, one, other):
    for mine, theirs in ((one, other), (other, one)):
        events = _matched(timeline, mine)
        assert len(events) == 1
        only_theirs = set(GOLD_BY_ID[theirs]["sources"]) - set(GOLD_BY_ID[mine]["sources"])
        assert not only_theirs & {_name(s) for s in events[0]["sources"]}


def test_each_article_is_listed_once_per_event(timeline):
    for event in timeline["timeline"]:
        assert len(event["sources"]) == len(set(event["sources"]))

"""Cluster-level rules of the timeline: how the span of a merged visit is set."""
from __future__ import annotations

import pytest

from vnlao_extract.merge import build_timeline

PEOPLE = [{"name": "Pham Minh Chinh", "aliases": [], "titles": [], "country": "VN", "registry_id": "pham-minh-chinh"},
          {"name": "Hun Manet", "aliases": [], "titles": [], "country": "KH", "registry_id": "hun-manet"}]


def _event(kind, actors, start, end, place, at):
    sentence = "A sentence of the test."
    return {"type": kind, "actors": actors, "start": start, "end": end, "place": place, "status": "completed",
            "mentions": [[at, at + 5]], "evidence": {"start_char": at, "end_char": at + 5, "text": "sente",
                                                     "sentence": sentence, "rule": "test"}}


@pytest.mark.parametrize("visit, talks, talks_place, expected", [
    # "ended his visit on September 20 ... held talks on September 19": the visit covers both days
    (("2024-09-20", None), "2024-09-19", None, ("2024-09-19", "2024-09-20")),
    (("2024-09-20", None), "2024-09-21", "Phnom Penh", ("2024-09-20", "2024-09-21")),
    # two days away is another occasion; a visit with a span of its own keeps it
    (("2024-09-20", None), "2024-09-18", None, ("2024-09-20", None)),
    (("2024-09-15", "2024-09-16"), "2024-09-14", None, ("2024-09-15", "2024-09-16")),
    # talks somewhere else do not stretch the visit
    (("2024-09-20", None), "2024-09-19", "Hanoi", ("2024-09-20", None)),
])
def test_a_one_day_visit_stretches_over_the_next_day_of_its_own_talks(visit, talks, talks_place, expected):
    record = {"source": "a.txt", "published": "2024-09-22", "people": PEOPLE, "congresses": [], "error": None,
              "events": [_event("visit", ["Pham Minh Chinh"], *visit, "Cambodia", 0),
                         _event("talks", ["Pham Minh Chinh", "Hun Manet"], talks, None, talks_place, 40)]}
    visits = [e for e in build_timeline([record])["timeline"] if e["type"] == "visit"]
    assert [(v["start"], v["end"]) for v in visits] == [expected]


def _record(source, published, events, dates=()):
    people = [{"name": "Prabowo Subianto", "aliases": [], "titles": [], "country": "ID",
               "registry_id": "prabowo-subianto"},
              {"name": "Tô Lâm", "aliases": [], "titles": [], "country": "VN", "registry_id": "to-lam"},
              {"name": "Xi Jinping", "aliases": [], "titles": [], "country": "CN", "registry_id": "xi-jinping"}]
    return {"source": source, "published": published, "people": people, "congresses": [], "error": None,
            "events": [_event(*e, 40 * n) for n, e in enumerate(events)],
            "dates": [{"text": text, "start": start, "end": end, "kind": "absolute"} for text, start, end in dates]}


VISIT_IN_MARCH = _record("a.txt", "2025-03-10", [("visit", ["Prabowo Subianto"], "2025-03-10", "2025-03-11",
                                                  "Vietnam")])


@pytest.mark.parametrize("sentence, written, month, joined", [
    # "the trip returns Prabowo's visit in March" (written in October): the extractor's guess of the year
    # may be the next March; the March before holds his visit, so the report is of that one
    ("The trip returns his visit in March.", "March", "2026-03", True),
    ("The trip returns his visit in March.", "March", "2024-03", True),
    # a year written out is the year meant, and so is the one a word of tense chose
    ("The trip returns his visit in March 2026.", "March 2026", "2026-03", False),
    ("He will visit Vietnam again in March.", "March", "2026-03", False),
    # two years away is never a guess of the nearest March
    ("The trip returns his visit in March.", "March", "2027-03", False),
])
def test_a_month_written_without_a_year_may_be_the_nearest_one_either_way(sentence, written, month, joined):
    recall = _record("b.txt", "2025-10-08", [("visit", ["Prabowo Subianto"], month, None, "Việt Nam")],
                     [(written, month, None)])
    recall["events"][0]["evidence"]["sentence"] = sentence
    visits = [e["sources"] for e in build_timeline([VISIT_IN_MARCH, recall])["timeline"] if e["type"] == "visit"]
    assert sorted(visits) == ([["a.txt", "b.txt"]] if joined else [["a.txt"], ["b.txt"]])


@pytest.mark.parametrize("dates, joined", [
    # an article without a date whose headline says "March 10-11, 2025": its talks are the March ones
    ([("March 10-11, 2025", "2025-03-10", "2025-03-11")], "a.txt"),
    ([("2025", "2025", None)], None),                      # both talks are in 2025: still two to choose from
    ([("June 2, 2025", "2025-06-02", None)], None),        # a date of neither
    ([], None),
])
def test_an_undated_article_joins_the_event_its_own_full_dates_touch(dates, joined):
    talks_march = _record("a.txt", "2025-03-10", [("talks", ["Tô Lâm", "Prabowo Subianto"], "2025-03-10", None,
                                                   "Hanoi")])
    talks_april = _record("b.txt", "2025-04-14", [("talks", ["Tô Lâm", "Xi Jinping"], "2025-04-14", None, "Hanoi")])
    undated = _record("c.txt", None, [("talks", ["Tô Lâm"], None, None, None)], dates)
    timeline = build_timeline([talks_march, talks_april, undated])
    holding = [e["sources"] for e in timeline["timeline"] if "c.txt" in e["sources"]]
    assert holding == ([sorted([joined, "c.txt"])] if joined else [["c.txt"]])


def _told(source, published, start, end, place, sentence):
    record = _record(source, published, [("visit", ["Xi Jinping"], start, end, place)])
    record["events"][0]["evidence"]["sentence"] = sentence
    return record


TWO_YEARS = [("a.txt", "2025-04-14", "2025-04-14", "2025-04-15", "Vietnam"),
             ("b.txt", "2024-04-20", "2024-04-19", "2024-04-20", "Cambodia")]


@pytest.mark.parametrize("weekday, siblings, expected", [
    # a dateline-only article ("PUTRAJAYA, April 16 -- ..."): the year of his visit next door
    ("", TWO_YEARS[:1], ("2025-04-16", ["a.txt"])),
    # his visits near April 16 in two years: which year is unknown ...
    ("", TWO_YEARS, (None, None)),
    # ... unless the weekday it names falls on April 16 in only one of them
    (" on Wednesday", TWO_YEARS, ("2025-04-16", ["a.txt"])),
])
def test_a_dateline_day_takes_the_year_of_its_peoples_other_events(weekday, siblings, expected):
    dateline = _told("c.txt", None, None, None, "Malaysia",
                     f"PUTRAJAYA, April 16 -- Anwar Ibrahim welcomed the visiting Xi Jinping{weekday}.")
    records = [_told(s, p, a, b, place, "A visit.") for s, p, a, b, place in siblings] + [dateline]
    visit = next(e for e in build_timeline(records)["timeline"] if e["sources"] == ["c.txt"])
    assert (visit["start"], visit.get("date_from")) == expected


def _visit_with_talks(source, talks_days, with_visit=True):
    people = [{"name": "Sonexay Siphandone", "aliases": [], "titles": [], "country": "LA",
               "registry_id": "sonexay-siphandone"},
              {"name": "Lawrence Wong", "aliases": [], "titles": [], "country": "SG", "registry_id": "lawrence-wong"}]
    events = [_event("visit", ["Sonexay Siphandone"], "2025-05-28", "2025-05-29", "Singapore", 0)] if with_visit else []
    events += [_event("talks", ["Lawrence Wong", "Sonexay Siphandone"], day, None, "Singapore", 40 * (n + 1))
               for n, day in enumerate(talks_days)]
    return {"source": source, "published": "2025-05-30", "people": people, "congresses": [], "error": None,
            "events": events}


@pytest.mark.parametrize("reports, expected", [
    # two outlets a day apart on the talks of one visit: one talks, on the day most reports give
    ([("a.txt", ["2025-05-28"], True), ("b.txt", ["2025-05-28"], True), ("c.txt", ["2025-05-29"], True)],
     [("2025-05-28", ["a.txt", "b.txt", "c.txt"])]),
    # without a visit they belong to, a day apart is two talks
    ([("a.txt", ["2025-05-28"], False), ("c.txt", ["2025-05-29"], False)],
     [("2025-05-28", ["a.txt"]), ("2025-05-29", ["c.txt"])]),
    # an article that tells talks on both days: two talks
    ([("a.txt", ["2025-05-28", "2025-05-29"], True), ("b.txt", ["2025-05-28"], True)],
     [("2025-05-28", ["a.txt", "b.txt"]), ("2025-05-29", ["a.txt"])]),
    # two days apart is never one
    ([("a.txt", ["2025-05-28"], True), ("c.txt", ["2025-05-30"], True)],
     [("2025-05-28", ["a.txt"]), ("2025-05-30", ["c.txt"])]),
])
def test_reports_of_one_visit_a_day_apart_are_one_event(reports, expected):
    timeline = build_timeline([_visit_with_talks(*report) for report in reports])
    talks = sorted((e["start"], e["sources"]) for e in timeline["timeline"] if e["type"] == "talks")
    assert talks == expected


@pytest.mark.parametrize("places, expected", [
    # one state visit, reported from the capital by one outlet and from a second city by another
    (["Vietnam", "Hanoi", "Ho Chi Minh City"], [["a.txt", "b.txt", "c.txt"]]),
    (["Vietnam", "Hanoi", "Vientiane"], [["a.txt", "b.txt"], ["c.txt"]]),
])
def test_a_visit_reported_from_two_cities_of_its_country_is_one(places, expected):
    records = [_record(source, "2025-06-09", [("visit", ["Xi Jinping"], "2025-06-09", None, place)])
               for source, place in zip(["a.txt", "b.txt", "c.txt"], places)]
    visits = sorted(e["sources"] for e in build_timeline(records)["timeline"])
    assert visits == expected


@pytest.mark.parametrize("published, status, joined", [
    ("2025-09-11", "planned", True),      # announced before it: the coming visit
    ("2025-09-18", "completed", True),    # told after it: the visit just made
    ("2025-09-11", "completed", False),   # "his previous visit", told before the coming one: another visit
    ("2025-09-25", "planned", False),     # "will visit" after it is over: another visit
])
def test_an_undated_report_joins_only_a_visit_its_status_allows(published, status, joined):
    dated = {"source": "a.txt", "published": "2025-09-15", "people": PEOPLE, "congresses": [], "error": None,
             "events": [_event("visit", ["Pham Minh Chinh"], "2025-09-15", "2025-09-16", "Cambodia", 0)]}
    undated = {"source": "b.txt", "published": published, "people": PEOPLE, "congresses": [], "error": None,
               "events": [{**_event("visit", ["Pham Minh Chinh"], None, None, "Cambodia", 0), "status": status}]}
    visits = sorted(e["sources"] for e in build_timeline([dated, undated])["timeline"])
    assert visits == ([["a.txt", "b.txt"]] if joined else [["a.txt"], ["b.txt"]])

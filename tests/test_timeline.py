"""`build_timeline` on short articles written for these tests: each real event once, with its sources."""
from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from vnlao_extract.merge import build_timeline

# (source, published, text): three outlets report one visit; the third has no date and says "on Tuesday".
HUN_MANET_VISIT = [
    ("a.txt", "2025-03-02", "PHNOM PENH — Cambodian Prime Minister Hun Manet will pay an official visit to Vietnam "
                            "from March 10 to 11 at the invitation of Prime Minister Phạm Minh Chính."),
    ("b.txt", "2025-03-10", "HANOI — Prime Minister Pham Minh Chinh held talks with Cambodian Prime Minister Hun "
                            "Manet in Hanoi on March 10 as part of his official visit to Viet Nam."),
    ("c.txt", None, "HANOI — Prime Minister Phạm Minh Chính held talks with Cambodian Prime Minister Hun Manet in "
                    "Hà Nội on Tuesday as part of his official visit to Việt Nam."),
]
TALKS_A_YEAR_EARLIER = ("d.txt", "2024-03-12", "HANOI — Prime Minister Pham Minh Chinh held talks with Cambodian "
                                               "Prime Minister Hun Manet in Hanoi on March 11, 2024.")
OTHER_VISITOR_SAME_WEEK = ("e.txt", "2025-03-09", "VIENTIANE — Lao Prime Minister Sonexay Siphandone will pay an "
                                                  "official visit to Vietnam from March 12 to 13.")


def _records(extract, articles):
    return [extract(text, dt.date.fromisoformat(day) if day else None, source) for source, day, text in articles]


def _events(timeline, kind):
    return [e for e in timeline["timeline"] if e["type"] == kind]


@pytest.fixture(scope="module")
def records(extract):
    return _records(extract, [*HUN_MANET_VISIT, TALKS_A_YEAR_EARLIER, OTHER_VISITOR_SAME_WEEK])


def test_one_visit_from_three_outlets_is_one_event_with_three_sources(records):
    visits = [e for e in _events(build_timeline(records), "visit") if "Hun Manet" in e["actors"]]
    assert len(visits) == 1
    assert visits[0]["sources"] == ["a.txt", "b.txt", "c.txt"]
    assert (visits[0]["start"], visits[0]["end"], visits[0]["place_country"]) == ("2025-03-10", "2025-03-11", "VN")


def test_two_leaders_visiting_in_the_same_week_stay_two(records):
    visits = _events(build_timeline(records), "visit")
    assert sorted(v["actors"][0] for v in visits) == ["Hun Manet", "Sonexay Siphandone"]


@pytest.mark.parametrize("start, sources", [
    ("2024-03-11", ["d.txt"]),                    # the same leaders' talks a year earlier stay apart
    ("2025-03-11", ["c.txt"]),                    # "on Tuesday" inside the visit its siblings date March 10-11
    ("2025-03-10", ["b.txt"]),
])
def test_the_same_leaders_talks_are_told_apart_by_date(records, start, sources):
    talks = {e["start"]: e for e in _events(build_timeline(records), "talks")}
    assert talks[start]["sources"] == sources
    assert set(talks[start]["actor_ids"]) == {"pham-minh-chinh", "hun-manet"}


def test_a_weekday_is_dated_from_the_sibling_articles(records):
    talks = [e for e in _events(build_timeline(records), "talks") if e["sources"] == ["c.txt"]][0]
    assert talks["start"] == "2025-03-11" and talks["end"] is None
    assert talks["date_from"] == ["a.txt", "b.txt"]


def test_actors_use_the_corpus_wide_name(records):
    timeline = build_timeline(records)
    names = {name for e in timeline["timeline"] for name in e["actors"]}
    assert "Phạm Minh Chính" in names and "Pham Minh Chinh" not in names
    person = next(p for p in timeline["people"] if p["registry_id"] == "pham-minh-chinh")
    assert person["name"] == "Phạm Minh Chính" and "Pham Minh Chinh" in person["aliases"]
    assert person["sources"] == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_any_input_order_gives_the_same_bytes(records):
    expected = json.dumps(build_timeline(records), ensure_ascii=False)
    for seed in range(4):
        shuffled = list(records)
        random.Random(seed).shuffle(shuffled)
        assert json.dumps(build_timeline(shuffled), ensure_ascii=False) == expected


@pytest.mark.parametrize("articles, kind, expected_sources", [
    # an undated mention joins the one dated visit of that leader and place near its article's date,
    # not the visit of a year before
    ([("f.txt", "2025-06-01", "HANOI — Lao President Thongloun Sisoulith will pay a state visit to Vietnam on "
                              "June 10-11."),
      ("g.txt", "2024-06-20", "HANOI — Lao President Thongloun Sisoulith paid a state visit to Vietnam on "
                              "June 12-13, 2024."),
      ("h.txt", "2025-06-05", "VIENTIANE — Officials prepared the upcoming state visit to Vietnam by President "
                              "Thongloun Sisoulith.")],
     "visit", [["f.txt", "h.txt"], ["g.txt"]]),
    # an article without a date: its year-less "June 10-11" picks the visit of the year that has those days
    ([("f.txt", "2025-06-01", "HANOI — Lao President Thongloun Sisoulith will pay a state visit to Vietnam on "
                              "June 10-11."),
      ("g.txt", "2024-06-20", "HANOI — Lao President Thongloun Sisoulith paid a state visit to Vietnam on "
                              "June 12-13, 2024."),
      ("m.txt", None, "HANOI — Lao President Thongloun Sisoulith pays a state visit to Vietnam on June 10-11.")],
     "visit", [["f.txt", "m.txt"], ["g.txt"]]),
    # a date read from a sentence that tells two visits is the first one's; the other joins its own visit
    ([("n.txt", "2025-05-15", "PHNOM PENH — Cambodian Prime Minister Hun Manet will pay an official visit to "
                              "the Lao PDR on May 20-21."),
      ("o.txt", "2025-05-21", "HANOI — Cambodian Prime Minister Hun Manet will pay an official visit to Vietnam "
                              "on May 24-25 after his visit to Laos.")],
     "visit", [["n.txt", "o.txt"], ["o.txt"]]),
    # one outlet's "meeting" of the same two leaders on the same day is the other's talks
    ([("i.txt", "2025-09-03", "BEIJING — General Secretary Tô Lâm held talks with General Secretary Xi Jinping in "
                              "Beijing on September 2."),
      ("j.txt", "2025-09-03", "BEIJING — General Secretary To Lam met General Secretary Xi Jinping in Beijing on "
                              "September 2.")],
     "talks", [["i.txt", "j.txt"]]),
])
def test_merging(extract, articles, kind, expected_sources):
    events = _events(build_timeline(_records(extract, articles)), kind)
    assert sorted(e["sources"] for e in events) == expected_sources


def test_error_records_are_counted_never_merged(records):
    broken = {"source": "x.txt", "error": "extract: x.txt: file is empty", "events": [], "people": []}
    timeline = build_timeline([*records, broken])
    assert (timeline["articles"], timeline["errors"]) == (len(records) + 1, 1)
    assert all("x.txt" not in e["sources"] for e in timeline["timeline"])


def test_congresses_are_merged_and_dated_where_any_article_dates_them(extract):
    timeline = build_timeline(_records(extract, [
        ("k.txt", "2026-01-10", "VIENTIANE — Delegates attended the 12th National Congress of the Lao People's "
                                "Revolutionary Party from January 6-8."),
        ("l.txt", "2026-02-01", "HANOI — The leaders reviewed the outcomes of the 12th LPRP Congress.")]))
    assert [(c["ordinal"], c["party"], c["start"], c["end"], c["sources"]) for c in timeline["congresses"]] == [
        (12, "LPRP", "2026-01-06", "2026-01-08", ["k.txt", "l.txt"])]


def test_a_signing_concluding_sibling_dated_talks_takes_their_day(extract):
    timeline = build_timeline(_records(extract, [
        ("p.txt", "2025-04-05", "HANOI — Lao Prime Minister Sonexay Siphandone will pay an official visit to "
                                "Vietnam from April 8 to 9."),
        ("q.txt", None, "HANOI — Prime Minister Phạm Minh Chính held talks with Lao Prime Minister Sonexay "
                        "Siphandone in Hanoi on Tuesday as part of his official visit to Vietnam. Concluding the "
                        "talks, the two leaders witnessed the exchange of several cooperation documents.")]))
    by_type = {e["type"]: e for e in timeline["timeline"]}
    assert (by_type["talks"]["start"], by_type["talks"]["date_from"]) == ("2025-04-08", ["p.txt"])
    assert (by_type["signing"]["start"], by_type["signing"]["place"]) == ("2025-04-08", "Hanoi")
    assert by_type["visit"]["sources"] == ["p.txt", "q.txt"]


def test_a_meeting_with_other_leaders_is_not_the_talks(extract):
    timeline = build_timeline(_records(extract, [
        ("r.txt", "2025-04-08", "HANOI — Prime Minister Pham Minh Chinh held talks with Lao Prime Minister "
                                "Sonexay Siphandone in Hanoi on April 8."),
        ("s.txt", "2025-04-08", "HANOI — Lao Prime Minister Sonexay Siphandone met National Assembly Chairman "
                                "Tran Thanh Man in Hanoi on April 8.")]))
    kinds = sorted((e["type"], tuple(sorted(e["actor_ids"]))) for e in timeline["timeline"])
    assert kinds == [("meeting", ("sonexay-siphandone", "tran-thanh-man")),
                     ("talks", ("pham-minh-chinh", "sonexay-siphandone"))]


def test_the_timeline_fits_its_published_schema(records):
    from vnlao_extract.schema import Timeline

    Timeline.model_validate(build_timeline(records))


TOUR = ("t.txt", "2025-04-10", "BEIJING — Chinese President Xi Jinping will pay state visits to Vietnam, Malaysia "
                               "and Cambodia from April 14 to 18.")


TOUR_SPAN = {"start": "2025-04-14", "end": "2025-04-18"}


@pytest.mark.parametrize("legs, expected", [
    # a tour's span dates none of its legs: each takes the days its own reports give
    ([("u.txt", "2025-04-14", "HANOI — Chinese President Xi Jinping is on a state visit to Vietnam from April 14 "
                              "to 15."),
      ("w.txt", "2025-04-16", "KUALA LUMPUR — Chinese President Xi Jinping is on a state visit to Malaysia from "
                              "April 15 to 17.")],
     [("KH", None, None, TOUR_SPAN, ["t.txt"]), ("MY", "2025-04-15", "2025-04-17", None, ["t.txt", "w.txt"]),
      ("VN", "2025-04-14", "2025-04-15", None, ["t.txt", "u.txt"])]),
    # told alone, each leg lies within the tour's span
    ([], [("KH", None, None, TOUR_SPAN, ["t.txt"]), ("MY", None, None, TOUR_SPAN, ["t.txt"]),
          ("VN", None, None, TOUR_SPAN, ["t.txt"])]),
])
def test_a_tour_span_dates_no_leg_of_its_own(extract, legs, expected):
    visits = _events(build_timeline(_records(extract, [TOUR, *legs])), "visit")
    assert sorted((v["place_country"], v["start"], v["end"], v.get("within"), v["sources"]) for v in visits) \
        == expected

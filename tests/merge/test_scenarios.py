"""Short batches of the ways outlets report one visit, run through the whole pipeline and the merge."""
from __future__ import annotations

import datetime as dt

import pytest

from vnlao_extract.merge import build_timeline

SCENARIOS = {
    # the visit cut short: "from June 10 to 12" planned, "concluded on June 11" done
    "cut_short": ([("a", "2025-06-05", "HANOI — Lao Prime Minister Sonexay Siphandone will pay an official visit to "
                                       "Vietnam from June 10 to 12."),
                   ("b", "2025-06-12", "HANOI — Lao Prime Minister Sonexay Siphandone concluded his official visit to "
                                       "Vietnam on June 11, a day earlier than planned.")],
                  [("VN", "2025-06-10", "2025-06-12", ["a", "b"])]),
    # "next week" in an announcement, and the same visit a year before
    "next_week": ([("a", "2025-06-03", "VIENTIANE — Prime Minister Sonexay Siphandone will pay an official visit to "
                                       "Vietnam next week, the foreign ministry said."),
                   ("b", "2025-06-10", "HANOI — Lao Prime Minister Sonexay Siphandone began an official visit to "
                                       "Vietnam on June 10-11."),
                   ("c", "2024-06-20", "HANOI — Lao Prime Minister Sonexay Siphandone paid an official visit to "
                                       "Vietnam on June 18-19, 2024.")],
                  [("VN", "2024-06-18", "2024-06-19", ["c"]), ("VN", "2025-06-10", "2025-06-11", ["a", "b"])]),
    # a month-only announcement
    "month_only": ([("a", "2025-05-20", "VIENTIANE — Prime Minister Sonexay Siphandone is expected to visit Vietnam "
                                        "in June."),
                    ("b", "2025-06-10", "HANOI — Lao Prime Minister Sonexay Siphandone began an official visit to "
                                        "Vietnam on June 10-11.")],
                   [("VN", "2025-06-10", "2025-06-11", ["a", "b"])]),
    # two visits to one country three weeks apart; a report after the second, undated
    "weeks_apart": ([("a", "2025-06-03", "VIENTIANE — Vietnamese Prime Minister Pham Minh Chinh paid a working visit "
                                         "to Laos on June 2."),
                     ("b", "2025-06-24", "VIENTIANE — Prime Minister Pham Minh Chinh is paying an official visit to "
                                         "Laos from June 24 to 25."),
                     ("c", "2025-06-27", "Vietnamese businesses welcomed the outcomes of Prime Minister Pham Minh "
                                         "Chinh's visit to Vientiane.")],
                    [("LA", "2025-06-02", None, ["a"]), ("LA", "2025-06-24", "2025-06-25", ["b", "c"])]),
    # one state visit told from the capital and from a second city
    "two_cities": ([("a", "2025-06-05", "HANOI — Lao President Thongloun Sisoulith will pay a state visit to Vietnam "
                                        "from June 9 to 11."),
                    ("b", "2025-06-09", "HANOI — Lao President Thongloun Sisoulith arrived in Hanoi on Monday, "
                                        "starting his state visit."),
                    ("c", "2025-06-11", "Lao President Thongloun Sisoulith's visit to Ho Chi Minh City on June 11 "
                                        "included a stop at a hi-tech park.")],
                   [("VN", "2025-06-09", "2025-06-11", ["a", "b", "c"])]),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_reports_of_one_visit_become_one_event(extract, name):
    articles, expected = SCENARIOS[name]
    records = [extract(text, dt.date.fromisoformat(day), source) for source, day, text in articles]
    visits = [e for e in build_timeline(records)["timeline"] if e["type"] == "visit"]
    assert sorted((v["place_country"], v["start"], v["end"], v["sources"]) for v in visits) == expected

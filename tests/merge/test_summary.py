"""Per-article rules of `summarize`: which date a mention row keeps."""
from __future__ import annotations

import pytest

from vnlao_extract.merge import summarize

PEOPLE = [{"name": "Paetongtarn Shinawatra", "aliases": [], "titles": [], "country": "TH",
           "registry_id": "paetongtarn-shinawatra"},
          {"name": "Hun Manet", "aliases": [], "titles": [], "country": "KH", "registry_id": "hun-manet"}]


def _event(kind, actors, start, status, at, sentence):
    return {"type": kind, "actors": actors, "start": start, "end": None, "place": None, "status": status,
            "mentions": [[at, at + 5]], "evidence": {"start_char": at, "end_char": at + 5, "text": sentence[:5],
                                                     "sentence": sentence, "rule": "test"}}


def _record(published, visit_start, talks_start, talks_status):
    sentence = "She will visit on that day for talks, the office said on Thursday."
    return {"source": "a.txt", "published": published, "people": PEOPLE, "congresses": [], "error": None,
            "events": [_event("visit", ["Paetongtarn Shinawatra"], visit_start, "planned", 0, sentence),
                       _event("talks", ["Paetongtarn Shinawatra", "Hun Manet"], talks_start, talks_status, 30,
                              sentence)]}


@pytest.mark.parametrize("published, visit_start, talks_start, talks_status, kept", [
    # planned talks of a visit still ahead, dated on the report's day: the reporting clause's date
    ("2025-06-05", "2025-06-18", "2025-06-05", "planned", None),
    ("2025-06-05", "2025-06-18", "2025-06-04", "planned", None),
    # talks dated inside or after the coming visit keep their date
    ("2025-06-05", "2025-06-18", "2025-06-18", "planned", "2025-06-18"),
    # a report of talks already held keeps its date, whatever visit it hangs on
    ("2025-06-05", "2025-06-18", "2025-06-05", "completed", "2025-06-05"),
    # the visit has begun by the article's day: talks that day are that visit's
    ("2025-06-18", "2025-06-18", "2025-06-18", "planned", "2025-06-18"),
    # no article date: nothing to compare with
    (None, "2025-06-18", "2025-06-05", "planned", "2025-06-05"),
])
def test_a_planned_event_dated_by_its_report_day_loses_that_date(published, visit_start, talks_start,
                                                                   talks_status, kept):
    rows = {row.type: row for _, row in summarize(_record(published, visit_start, talks_start, talks_status))
            ["mentions"]}
    assert rows["talks"].start == kept
    assert rows["visit"].start == visit_start

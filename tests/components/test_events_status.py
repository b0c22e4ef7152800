"""Event status as of the published date (components/events/status.py), called directly, and through texts."""
from __future__ import annotations

import datetime as dt

import pytest

from vnlao_extract.components.events.status import status

TODAY = dt.date(2024, 6, 12)


@pytest.mark.parametrize("published, kind, start, end, tense, expected", [
    # dates against the published date
    (TODAY, "visit", "2024-06-20", None, None, "planned"),
    (TODAY, "meeting", "2024-06-01", None, "planned", "completed"),
    (TODAY, "visit", "2024-06-11", "2024-06-13", None, "ongoing"),
    # a one-day event of the published day is done, unless said to come
    (TODAY, "signing", "2024-06-12", None, None, "completed"),
    (TODAY, "phone_call", "2024-06-12", None, "planned", "planned"),
    (TODAY, "visit", "2024-06-12", None, None, "ongoing"),
    # no date: the tense, else a visit is under way and anything else is done
    (TODAY, "talks", None, None, "planned", "planned"),
    (TODAY, "talks", None, None, None, "completed"),
    (TODAY, "briefing", None, None, None, "completed"),
    (TODAY, "visit", None, None, None, "ongoing"),
    (None, "visit", None, None, None, "ongoing"),
    # no published date: a trip dated to the month only is told once done
    (None, "visit", "2021-08", None, None, "completed"),
    (None, "visit", "2021-08-03", None, None, "ongoing"),
    (None, "visit", "2021-08", None, "planned", "planned"),
])
def test_status(published, kind, start, end, tense, expected):
    assert status(published, kind, start, end, tense) == expected


@pytest.mark.parametrize("published, text, kind, expected", [
    ("2022-03-09", "Malaysian Prime Minister Ismail Sabri Yaakob held talks with Prime Minister Prayut "
                   "Chan-o-cha in Bangkok.", "talks", "completed"),
    ("2022-03-09", "Singapore's Prime Minister Lee Hsien Loong will hold talks with Indonesian President "
                   "Joko Widodo.", "talks", "planned"),
    (None, "Cambodian Foreign Minister Prak Sokhonn chaired a meeting with Japanese Foreign Minister "
           "Yoshimasa Hayashi.", "meeting", "completed"),
    ("2019-11-04", "Vietnamese Defence Minister Ngo Xuan Lich said Thailand was the first country to visit "
                   "in his new term, as he met Thai Prime Minister Prayut Chan-o-cha.", "meeting", "completed"),
])
def test_status_from_texts(extract, published, text, kind, expected):
    record = extract(text, dt.date.fromisoformat(published) if published else None)
    found = [e for e in record["events"] if e["type"] == kind]
    assert found and found[0]["status"] == expected, record["events"]


@pytest.mark.parametrize("text", [
    "The visit of President Yoon Suk Yeol to Vietnam was postponed.",
    "President Yoon Suk Yeol's visit to Vietnam has been postponed due to the storm.",
    "The state visit by President Yoon Suk Yeol was rescheduled for the autumn.",
])
def test_a_visit_put_off_is_still_to_come(extract, text):
    visits = [e for e in extract(text, dt.date(2024, 5, 6))["events"] if e["type"] == "visit"]
    assert [v["status"] for v in visits] == ["planned"], visits


@pytest.mark.parametrize("text, status", [
    ("Prime Minister Hun Manet is scheduled to pay courtesy calls on President Vo Van Thuong and Chairman "
     "Vuong Dinh Hue, and hold bilateral talks with Prime Minister Pham Minh Chinh.", "planned"),
    ("Prime Minister Hun Manet will visit the port, meet business leaders and sign a memorandum with Prime "
     "Minister Pham Minh Chinh.", "planned"),
    # no word of plan before: the bare verb tells nothing
    ("Prime Minister Hun Manet arrived in Hanoi and held talks with Prime Minister Pham Minh Chinh.", "completed"),
])
def test_a_bare_verb_shares_the_plan_of_its_sentence(extract, text, status):
    events = [e for e in extract(text, dt.date(2023, 12, 8))["events"] if e["type"] in ("talks", "signing")]
    assert events and {e["status"] for e in events} == {status}, events

"""The event record of the events component and the date arithmetic of merging mentions."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span

from ...matching import evidence
from .cues import CUES

MERGE_DAYS = CUES.scope("window.merge_days")


@dataclass
class Event:
    type: str
    actors: list = field(default_factory=list)  # Person objects, or registry names (str)
    start: str | None = None
    end: str | None = None
    place: str | None = None
    place_country: str | None = None
    status: str | None = None
    subtype: str | None = None
    documents: int | None = None
    mentions: list[tuple[Span, str]] = field(default_factory=list)
    tense: str | None = None  # status from the words around the first mention (not output)
    host: object = None  # a visit's host: a Person, or a registry name (str)
    previous: bool = False  # told as an earlier trip ("his previous visit"): never one with another (not output)

    def actor_names(self) -> list[str]:
        return [a if isinstance(a, str) else a.name for a in self.actors]

    def as_record(self) -> dict:
        span, rule = self.mentions[0]
        record = {"type": self.type, "actors": self.actor_names(), "start": self.start, "end": self.end,
                  "place": self.place, "status": self.status, "subtype": self.subtype}
        if self.documents is not None:
            record["documents"] = self.documents
        if self.type == "visit":
            record["host"] = self.host if self.host is None or isinstance(self.host, str) else self.host.name
        record["evidence"] = evidence(span, rule)
        record["mentions"] = [[s.start_char, s.end_char] for s, _ in self.mentions]
        return record


def day(iso: str) -> dt.date | None:
    return dt.date.fromisoformat(iso) if len(iso) == 10 else None


def same_time(start_a: str | None, end_a: str | None, start_b: str | None, end_b: str | None) -> bool:
    """Dates that can be one trip: either undated, one a prefix of the other ("2024-01" and "2024-01-08"),
    or day dates within MERGE_DAYS of each other's span."""
    if not start_a or not start_b:
        return True
    if len(start_a) != len(start_b):
        short, long_ = sorted((start_a, start_b), key=len)
        return long_.startswith(short)
    if start_a == start_b:
        return True
    a0, a1, b0, b1 = (day(x) for x in (start_a, end_a or start_a, start_b, end_b or start_b))
    if None in (a0, a1, b0, b1):
        return False
    return (b0 - a1).days <= MERGE_DAYS and (a0 - b1).days <= MERGE_DAYS

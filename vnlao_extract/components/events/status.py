"""An event's status (planned / ongoing / completed) as of the article's published date."""
from __future__ import annotations

import datetime as dt

from .cues import CUES
from .model import day

ONGOING_DAYS = CUES.scope("window.ongoing_days")


def status(published: dt.date | None, kind: str, start: str | None, end: str | None,
           tense: str | None) -> str | None:
    """From the dates against the published date where they tell, else from the tense. A visit is
    ongoing on its days; one that began a few days ago with no end given is ongoing when the text says so."""
    if published is None or not start:
        return tense
    today = published.isoformat()
    last = end or start
    if start > today[:len(start)]:
        return "planned"
    if last < today[:len(last)]:
        recent = day(start) is not None and (published - day(start)).days <= ONGOING_DAYS
        return "ongoing" if kind == "visit" and end is None and tense == "ongoing" and recent else "completed"
    if len(start) == 10 and (end or kind == "visit"):
        return "ongoing"
    return tense or ("ongoing" if kind == "visit" else None)


def congress_status(published: dt.date | None, start: str, end: str | None) -> str | None:
    if not published:
        return None
    iso = published.isoformat()
    return "planned" if start > iso else "completed" if (end or start) < iso else "ongoing"

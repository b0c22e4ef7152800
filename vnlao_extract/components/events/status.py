"""An event's status (planned / ongoing / completed) as of the article's published date."""
from __future__ import annotations

import datetime as dt

from .cues import CUES
from .model import day

ONGOING_DAYS = CUES.scope("window.ongoing_days")
DEFAULT = {kind: row["id"].rsplit(".", 1)[1] for row in CUES.rows.values() if row["category"] == "status.default"
           for kind in row.get("words", [])}
DEFAULT_OTHER = "completed"


def status(published: dt.date | None, kind: str, start: str | None, end: str | None,
           tense: str | None) -> str | None:
    """From the dates against the published date where they tell, else from the tense, else what news
    tells without one: a visit the article speaks of is under way, any other event is done. A visit is
    ongoing on its days; one that began a few days ago with no end given is ongoing when the text says so;
    a one-day event of the published day is done unless the text says it is to come."""
    if not start:
        return tense or DEFAULT.get(kind, DEFAULT_OTHER)
    if published is None:  # "his visit in August": a trip dated to less than its day is told once done
        return tense or (DEFAULT.get(kind, DEFAULT_OTHER) if len(start) == 10 else DEFAULT_OTHER)
    today = published.isoformat()
    last = end or start
    if start > today[:len(start)]:
        return "planned"
    if last < today[:len(last)]:
        recent = day(start) is not None and (published - day(start)).days <= ONGOING_DAYS
        return "ongoing" if kind == "visit" and end is None and tense == "ongoing" and recent else "completed"
    if len(start) == 10 and (end or kind == "visit"):
        return "ongoing"
    if len(start) == 10:
        return "planned" if tense == "planned" else "completed"
    return tense or DEFAULT.get(kind, DEFAULT_OTHER)


def congress_status(published: dt.date | None, start: str, end: str | None) -> str | None:
    if not published:
        return None
    iso = published.isoformat()
    return "planned" if start > iso else "completed" if (end or start) < iso else "ongoing"

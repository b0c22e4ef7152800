"""From matched triggers to events: one event per real occasion, mentions of one trip or one talks merged."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import parties as pt
from . import visitor as vis
from .facts import DocFacts
from .model import Event, same_time
from .place import more_destinations, place, place_of
from .status import congress_status, status
from .when import date_for, dates


def add_events(facts: DocFacts, found: list[tuple[Span, dict]], events: list[Event]) -> None:
    clause_triggers = [s for s, r in found if r.get("frame") != "visit"]
    visit_triggers = [s for s, r in found if r.get("frame") == "visit"]
    last_visit: Event | None = None
    for span, row in found:
        if row.get("frame") == "visit":
            last_visit = add_visit(facts, span, row, visit_triggers, events, last_visit)
            continue
        same_type = [s for s, r in found if r["type"] == row["type"]]
        limits = pt.limits(facts, span, clause_triggers)
        start, end, status_, tense = dates(facts, span, row["type"], limits, pt.limits(facts, span, same_type))
        actors = pt.parties(facts, span, clause_triggers) or pt.the_two(facts, span)
        if not actors and row["type"] == "talks" and last_visit is not None:
            actors = list(last_visit.actors[:1])
        if not actors:
            continue
        where, country = place(facts, span, limits[1], "parties")
        event = Event(row["type"], actors, start, end, where, country, status_, None,
                      pt.documents(facts, span) if row["type"] == "signing" else None,
                      [(span, row["id"])], tense)
        merge_other(events, event)


def add_visit(facts: DocFacts, span: Span, row: dict, triggers: list[Span], events: list[Event],
              last_visit: Event | None) -> Event | None:
    """Add the visit of one trigger (and its other destinations); returns the last visit."""
    limits = pt.limits(facts, span, triggers)
    start, end, status_, tense = dates(facts, span, "visit", limits, limits)
    where, country = place(facts, span, limits[1], "visit")
    actor, how = vis.visitor(facts, span, country)
    if actor is None:
        if how == "definite" and last_visit is not None and last_visit.start is None and start:
            last_visit.start, last_visit.end = start, end
            last_visit.status = status(facts.published, "visit", start, end, last_visit.tense or tense)
        return last_visit
    event = Event("visit", [actor], start, end, where, country, status_, vis.subtype(facts, span), None,
                  [(span, f"{row['id']}:{how}")], tense)
    last_visit = merge_visit(facts, events, event)
    for i in more_destinations(facts, span, country, limits[1]):
        destination = facts.doc[i:i + 1]
        date = date_for(facts, destination, i, limits[1], "visit")
        start, end = (date.start, date.end) if date else (event.start, event.end)
        where, country = place_of(facts, i)
        more = Event("visit", [actor], start, end, where, country,
                     status(facts.published, "visit", start, end, tense), event.subtype, None,
                     [(destination, f"{row['id']}:{how}+destination")], tense)
        last_visit = merge_visit(facts, events, more)
    return last_visit


def merge_visit(facts: DocFacts, events: list[Event], event: Event) -> Event:
    """Join a visit to an earlier mention of the same trip (visitor, country, dates), else add it."""
    for other in events:
        if other.type != "visit" or other.actors[0] != event.actors[0]:
            continue
        if other.place_country and event.place_country and other.place_country != event.place_country:
            continue
        if not same_time(other.start, other.end, event.start, event.end):
            continue
        join_dates(other, event)
        other.place = other.place or event.place
        other.place_country = other.place_country or event.place_country
        other.subtype = other.subtype or event.subtype
        other.tense = other.tense or event.tense
        other.status = status(facts.published, "visit", other.start, other.end, other.tense) or event.status
        other.mentions += event.mentions
        return other
    events.append(event)
    return event


def join_dates(other: Event, event: Event) -> None:
    """The most precise dates of two mentions of one trip; two day ranges become their union."""
    if not event.start:
        return
    if not other.start or len(event.start) > len(other.start):
        other.start, other.end = event.start, event.end
        return
    if len(event.start) < len(other.start) or event.start == other.start and not event.end:
        return
    points = sorted(p for p in (other.start, other.end, event.start, event.end) if p)
    other.start, other.end = points[0], (points[-1] if points[-1] != points[0] else None)


def merge_other(events: list[Event], event: Event) -> None:
    for other in events:
        if other.type != event.type or not set(map(id, other.actors)) & set(map(id, event.actors)):
            continue
        if other.start and event.start and other.start != event.start:
            continue
        other.actors += [a for a in event.actors if a not in other.actors]
        other.start, other.end = other.start or event.start, other.end or event.end
        other.place = other.place or event.place
        other.status = other.status or event.status
        other.documents = other.documents or event.documents
        other.mentions += event.mentions
        return
    events.append(event)


def congress_events(doc: Doc) -> list[Event]:
    """A ``congress`` event for every congress the text dates."""
    return [Event("congress", [], congress.start, congress.end, None, None,
                  congress_status(doc._.published, congress.start, congress.end),
                  f"{congress.ordinal} {congress.party}", None, [(congress.span, congress.rule)])
            for congress in doc._.congresses if congress.start]

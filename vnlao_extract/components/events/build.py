"""From matched triggers to events: one event per real occasion, mentions of one trip or one talks merged."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from . import parties as pt
from . import visitor as vis
from .facts import DocFacts
from .cues import CUES
from .model import Event, day, same_time
from .occasions import OCCASION_REACH, absorb_parts, actor_key, add_occasion, anaphoric, done_and_to_come, drop_the_dead, splits
from .place import more_destinations, place, place_of
from .status import congress_status, status
from .when import date_for, dates, same_day

SIGNING_OCCASIONS = CUES.words("signing.occasions")
SPLIT_TYPES = CUES.words("split.types")
SPLIT_RULES = CUES.words("split.rules")
GUEST_WORDS = CUES.words("ceremony.guest_words")
PAIR_EVENTS = CUES.scope("the_two.occasions")
PAIR_OCCASIONS = CUES.words("the_two.occasions")
PAIR_SENTENCES = CUES.scope("the_two.sentences")
PLACE_REACH = CUES.scope("place.after.stop")
FRAMED_PLANNED_DAYS = CUES.scope("window.framed_planned_days")


def add_events(facts: DocFacts, found: list[tuple[Span, dict]], events: list[Event]) -> None:
    by_sentence: dict[tuple[int, int], list[tuple[Span, dict]]] = {}
    for span, row in found:  # every rule reads the other triggers of the trigger's sentence only
        by_sentence.setdefault(facts.sentence(span.start), []).append((span, row))
    last_visit: Event | None = None
    for span, row in found:
        local = by_sentence[facts.sentence(span.start)]
        if row.get("frame") == "visit":
            visit_triggers = [s for s, r in local if r.get("frame") == "visit"]
            last_visit = add_visit(facts, span, row, visit_triggers, events, last_visit)
            continue
        clause_triggers = [s for s, r in local if r.get("frame") != "visit"]
        for event in parties_events(facts, span, row, local, clause_triggers, events, last_visit):
            add_occasion(facts, events, event, anaphoric(facts, span))
    events[:] = drop_the_dead(absorb_parts(events), facts.published)
    plan_framing_visits(facts, events)


def plan_framing_visits(facts: DocFacts, events: list[Event]) -> None:
    """A visit told with neither date nor tense, in the sentence of an event planned days ahead ("talks are
    scheduled on the 27th ... in the framework of his first visit"), is planned: the event is part of it."""
    if facts.published is None:
        return
    planned = {facts.sentence(s.start) for other in events if other.type != "visit" and planned_ahead(facts, other)
               for s, _ in other.mentions}
    for visit in events:
        if visit.type == "visit" and not visit.start and not visit.tense and \
                planned & {facts.sentence(span.start) for span, _ in visit.mentions}:
            visit.status = "planned"


def planned_ahead(facts: DocFacts, event: Event) -> bool:
    first = day(event.start) if event.start else None
    return (event.status == "planned" and first is not None
            and (first - facts.published).days > FRAMED_PLANNED_DAYS)


def parties_events(facts: DocFacts, span: Span, row: dict, found: list, clause_triggers: list[Span],
                   events: list[Event], last_visit: Event | None) -> list[Event]:
    """The events of one parties-frame trigger: one, or one per person after it ("paid courtesy calls to
    A and B"), or none when it names no one and nothing before tells who."""
    kind = row["type"]
    visits = pt.visits_of_other_clauses(facts, span, [s for s, r in found if r.get("frame") == "visit"])
    same_type = [s for s, r in found if r["type"] == kind]
    limits = pt.limits(facts, span, clause_triggers)
    date_limits = pt.before_relative_clause(facts, span, pt.limits(facts, span, clause_triggers + visits))
    fallback = pt.before_relative_clause(facts, span, pt.limits(facts, span, same_type + visits))
    start, end, status_, tense = dates(facts, span, kind, date_limits, fallback)
    if start is None and anaphoric(facts, span) and kind in facts.unclaimed:
        # "X and Y signed MOUs on Thursday. The signings were witnessed by ...": the date told just before
        start, end = facts.unclaimed.pop(kind)
        status_ = status(facts.published, kind, start, end, tense)
    if start is None and same_day(facts, span):
        start, end, status_ = day_of_last(facts, events, kind, tense, (start, end, status_))
    groups = party_groups(facts, span, row, clause_triggers, events, limits[0])
    if not groups[0] and kind == "talks" and last_visit is not None:
        groups = [list(last_visit.actors[:1])]
    if kind == "signing" and (not groups[0] or start is None):
        occasion = last_occasion(events, groups[0])  # "After the talks, the two witnessed the exchange of ..."
        if occasion is not None:
            groups = groups if groups[0] else [list(occasion.actors)]
            if start is None and occasion.start and tense != "planned":
                start, end = occasion.start, occasion.end
                status_ = status(facts.published, kind, start, end, tense)
    if guest_visit(last_visit, start, end) and set(facts.lower[span.start:span.end]) & GUEST_WORDS and \
            all(len(group) < 2 for group in groups):  # "hosted a welcome ceremony for X" names its guest
        guest = last_visit.actors[0]  # a welcome ceremony has its guest, the visitor
        groups = [[guest] + [a for a in group if a is not guest] for group in groups]
    if not any(groups) and start:
        facts.unclaimed[kind] = (start, end)
    where, country = place(facts, span, limits[1], "parties")
    documents = pt.documents(facts, span) if kind == "signing" else None
    return [Event(kind, actors, start, end, where, country, status_, None, documents, [(span, row["id"])], tense)
            for actors in groups if actors]


def party_groups(facts: DocFacts, span: Span, row: dict, clause_triggers: list[Span], events: list[Event],
                 clause_start: int) -> list[list]:
    """The people of each occasion a trigger tells: one group, or one per person named after it ("paid
    courtesy calls on A and B", "A, B and C received X"); "the two leaders" of the clause are a pair."""
    kind = row["type"]
    subject, own = pt.sides(facts, span, clause_triggers, kind)
    if subject and len(own) > 1 and (splits(facts, span) or kind in SPLIT_TYPES or row["id"] in SPLIT_RULES):
        return [pt.actors_of(subject + [person]) for person in own]
    if own and len(subject) > 1 and kind in SPLIT_TYPES:
        return [pt.actors_of([person] + own) for person in subject]
    pair = recent_pair(facts, events, span)  # "..., after which the two leaders witnessed the signing"
    named = pt.parties(facts, span, clause_triggers, kind, (subject, own))
    return [(len(named) < 2 and pt.the_two(facts, span, pair, clause_start)) or named or pt.the_two(facts, span, pair)]


def guest_visit(visit: Event | None, start: str | None, end: str | None) -> bool:
    """Whether the visit told last is the trip of an event with these dates (an undated event: one not
    done before the article's time, not "his previous visit in 2019")."""
    if visit is None:
        return False
    if start and visit.start:
        return same_time(visit.start, visit.end, start, end)
    return visit.status != "completed" or not visit.start


def day_of_last(facts: DocFacts, events: list[Event], kind: str, tense: str | None, default: tuple) -> tuple:
    """(start, end, status) of "on the same day": the day of the latest event dated to one day (a trip's span
    of days told after the day's talks names no one day)."""
    last = next((e for e in reversed(events) if e.start and len(e.start) == 10 and not e.end), None)
    if last is None:
        return default
    start = last.start
    return start, None, status(facts.published, kind, start, None, tense)


def recent_pair(facts: DocFacts, events: list[Event], trigger: Span) -> list:
    """The people of the occasion "the two sides" are the parties of: the talks, else the meeting, told last
    in the trigger's sentence or the PAIR_SENTENCES before (none when there was none)."""
    earliest = facts.sentence(trigger.start)[0]
    for _ in range(PAIR_SENTENCES):
        earliest = facts.sentence(earliest - 1)[0] if earliest > 0 else earliest
    recent = [e for e in events[-PAIR_EVENTS:] if e.type in PAIR_OCCASIONS and len(e.actors) > 1
              and any(earliest <= s.start < trigger.start for s, _ in e.mentions)]
    chosen = next((e for e in reversed(recent) if e.type == "talks"), recent[-1] if recent else None)
    return list(chosen.actors) if chosen else []


def last_occasion(events: list[Event], signers: list) -> Event | None:
    """The talks or meeting told last where a signing took place: the last one of the signers when it names
    them ("The two ministers signed a plan" after their talks and a courtesy call), else the last one."""
    occasions = (e for e in reversed(events) if e.type in SIGNING_OCCASIONS)
    if not signers:
        return next(occasions, None)
    keys = set(map(actor_key, signers))
    return next((e for e in occasions if len(signers) > 1 and keys <= set(map(actor_key, e.actors))), None)


def add_visit(facts: DocFacts, span: Span, row: dict, triggers: list[Span], events: list[Event],
              last_visit: Event | None) -> Event | None:
    """Add the visit of one trigger (and its other destinations); returns the last visit."""
    limits = pt.limits(facts, span, triggers)
    start, end, status_, tense = dates(facts, span, "visit", limits, limits)
    where, country = place(facts, span, limits[1], "visit")
    actor, how = vis.visitor(facts, span, country)
    if actor is None and how == "definite" and last_visit is None:
        actor, how = vis.first_mention_visitor(facts, span, country), "first_mention"
    if actor is not None and how == "subject" and country and home_country(actor) == country and \
            in_a_city(facts, span, limits[1]):
        actor = None  # "Lao Prime Minister X arrived in Vientiane": a leader at home visits no one
    if actor is None:
        if how == "definite" and last_visit is not None and last_visit.start is None and start:
            last_visit.start, last_visit.end = start, end
            last_visit.status = status(facts.published, "visit", start, end, last_visit.tense or tense)
        return last_visit
    host = vis.host_of(facts, span, actor)
    if where is None and host is not None and home_country(host) in facts.country_names:
        country = home_country(host)  # "during the visit": the host's country
        where = facts.country_names[country]
    event = Event("visit", [actor], start, end, where, country, status_, vis.subtype(facts, span), None,
                  [(span, f"{row['id']}:{how}")], tense, host, vis.told_as_previous(facts, span))
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


def in_a_city(facts: DocFacts, span: Span, limit: int) -> bool:
    """Whether the trigger's place is a city (not a country: "X paid a visit to Laos" is kept as written)."""
    for i in range(span.start, min(limit, span.end + PLACE_REACH)):
        if facts.labels[i] == "place":
            return (facts.entries[i] or {}).get("kind") == "city"
    return False


def home_country(actor) -> str | None:
    """The registry's country of a person where it knows them (it is dated, titles in a text may mislead),
    else the person's."""
    known = getattr(actor, "actor", None)
    return getattr(known, "country", None) or getattr(actor, "country", None)


def merge_visit(facts: DocFacts, events: list[Event], event: Event) -> Event:
    """Join a visit to an earlier mention of the same trip (visitor, country, dates), else add it."""
    for other in events[-OCCASION_REACH:]:
        if other.type != "visit" or other.actors[0] != event.actors[0]:
            continue
        if other.place_country and event.place_country and other.place_country != event.place_country:
            continue
        if not same_time(other.start, other.end, event.start, event.end):
            continue
        if done_and_to_come(other, event) or other.previous != event.previous:
            continue  # "will pay a state visit to China" and "last visited China in May 2016"
        join_dates(other, event)
        country_name = facts.country_names.get(other.place_country or event.place_country or "")
        other.place = country_name if country_name in (other.place, event.place) else other.place or event.place
        other.place_country = other.place_country or event.place_country
        other.subtype = other.subtype or event.subtype
        other.tense = other.tense or event.tense
        other.host = other.host or event.host
        told_done = "completed" in (other.status, event.status)
        other.status = status(facts.published, "visit", other.start, other.end, other.tense) or event.status
        if told_done and other.status == "ongoing" and facts.published and \
                (other.end or other.start) == facts.published.isoformat():
            other.status = "completed"  # "concluded his visit on Wednesday", its last day, in Wednesday's paper
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


def congress_events(doc: Doc) -> list[Event]:
    """A ``congress`` event for every congress the text dates."""
    return [Event("congress", [], congress.start, congress.end, None, None,
                  congress_status(doc._.published, congress.start, congress.end),
                  f"{congress.ordinal} {congress.party}", None, [(congress.span, congress.rule)])
            for congress in doc._.congresses if congress.start]

"""One event per real occasion: mentions of one occasion are joined ("X received Y" and "Y met X", "the
talks" after the talks), distinct occasions are kept apart (two numbered summits in one sentence, three
hosts meeting one visitor), and a mention that is part of another occasion (a briefing given at a
meeting) is folded into it."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from .cues import CUES
from .facts import DocFacts
from .model import Event

FAMILY = {kind: row["id"].split(".", 1)[1] for row in CUES.rows.values() if row["category"] == "occasion.family"
          for kind in row.get("words", [])}
DETERMINERS = CUES.words("anaphora.determiners")
ANAPHORA_REACH = CUES.scope("anaphora.determiners")
ADJECTIVES = CUES.words("anaphora.adjectives")
ANAPHORA_TYPES = CUES.words("anaphora.types")
OWN_PARTIES = CUES.words("anaphora.own_parties")
ORDINAL_SUFFIXES = CUES.words("ordinal.suffixes")
ORDINAL_WORDS = CUES.words("ordinal.words")
SPLIT_PLURALS = CUES.words("split.plural_triggers")
SPLIT_WORDS = CUES.words("split.words")
KIND_TYPES = CUES.words("kind.types")
KIND_REACH = CUES.scope("kind.types")
KIND_OF = CUES.words("kind.of_words")
KIND_OF_WORD = {word: row["id"] for row in CUES.rows.values() if row["category"] == "occasion.kind"
                for word in row.get("words", [])}
OCCASION_REACH = CUES.scope("window.occasions")
ABSORBED_BY = {row["id"].split(".", 1)[1]: row.get("words", []) for row in CUES.rows.values()
               if row["category"] == "occasion.absorbed_by"}


def family(kind: str) -> str:
    return FAMILY.get(kind, kind)


def actor_key(actor) -> object:
    return actor if isinstance(actor, str) else id(actor)


def actor_keys(event: Event) -> set:
    return {actor_key(a) for a in event.actors}


def is_ordinal(word: str) -> bool:
    return word in ORDINAL_WORDS or (word[:-2].isdigit() and word[-2:] in ORDINAL_SUFFIXES)


def anaphoric(facts: DocFacts, span: Span) -> bool:
    """ "the talks", "during the meetings", "in the courtesy meeting", "his talks": a definite mention
    (not a numbered one, "the 45th Summit")."""
    lower = facts.lower
    start = facts.sentence(span.start)[0]
    if lower[span.start] in DETERMINERS:  # a trigger row that holds its determiner ("the bilateral talk")
        return not any(is_ordinal(word) for word in lower[span.start:span.end])
    i, skipped = span.start - 1, 0
    while i >= start and lower[i] in ADJECTIVES and skipped < ANAPHORA_REACH:
        i, skipped = i - 1, skipped + 1
    if i < start or lower[i] not in DETERMINERS:
        return False
    return not any(is_ordinal(word) for word in lower[i:span.end])


def splits(facts: DocFacts, span: Span) -> bool:
    """ "paid courtesy calls to A and B", "met A and B separately": one occasion per person after the trigger."""
    sentence = facts.sentence(span.start)
    return facts.lower[span.end - 1] in SPLIT_PLURALS or any(
        word in SPLIT_WORDS for word in facts.lower[sentence[0]:sentence[1]])


def span_kinds(facts: DocFacts, span: Span) -> set[str]:
    """The kinds of occasion a mention's words name: from its determiner to the trigger, and an "of" phrase
    after it ("the 48th meeting of the Joint Committee", "the high-level meeting")."""
    lower = facts.lower
    sentence = facts.sentence(span.start)
    start = span.start
    while start > sentence[0] and span.start - start < ANAPHORA_REACH and lower[start - 1] not in DETERMINERS:
        start -= 1
    words = lower[start:span.end]
    if span.end < sentence[1] and lower[span.end] in KIND_OF:
        words += lower[span.end + 1:min(sentence[1], span.end + 1 + KIND_REACH)]
    return {KIND_OF_WORD[w] for w in words if w in KIND_OF_WORD}


def event_kinds(facts: DocFacts, event: Event) -> set[str]:
    """The kinds all of an event's mentions name (read once per mention: an event may gather hundreds)."""
    if event.type not in KIND_TYPES:
        return set()
    read, kinds = facts.kinds.get(id(event), (0, set()))
    if read < len(event.mentions):
        kinds = kinds.union(*(span_kinds(facts, span) for span, _ in event.mentions[read:]))
        facts.kinds[id(event)] = (len(event.mentions), kinds)
    return kinds


def kinds_agree(facts: DocFacts, a: Event, b: Event, strict: bool = False) -> bool:
    """Whether two mentions may be of one occasion by the kinds their words name: a definite one naming none
    ("the meeting") may be of any; ``strict``ly, for a mention that does not refer back, both name the
    same kinds or none ("X attended the G20 summit" and "X met Y" are two)."""
    kinds_a, kinds_b = event_kinds(facts, a), event_kinds(facts, b)
    if strict:
        return kinds_a == kinds_b or bool(kinds_a & kinds_b)
    return not kinds_a or not kinds_b or bool(kinds_a & kinds_b)


def done_and_to_come(a: Event, b: Event) -> bool:
    """One mention is of an event to come, the other of one dated and done: two occasions (an undated
    "completed" may only be a tense word read wrong)."""
    done = [e for e in (a, b) if e.status == "completed" and e.start]
    return bool(done) and {a.status, b.status} == {"planned", "completed"}


def dates_agree(a: Event, b: Event) -> bool:
    return not a.start or not b.start or a.start == b.start


def same_sentence(facts: DocFacts, a: Event, b: Event) -> bool:
    return facts.sentence(a.mentions[0][0].start) == facts.sentence(b.mentions[0][0].start)


def join(other: Event, event: Event, add_actors: bool = True) -> None:
    """Fold ``event`` into ``other``: its mentions, and what ``other`` lacked."""
    if add_actors:
        keys = actor_keys(other)
        other.actors += [a for a in event.actors if actor_key(a) not in keys]
    other.start, other.end = other.start or event.start, other.end or event.end
    other.place = other.place or event.place
    other.status = other.status or event.status
    other.documents = other.documents or event.documents
    other.mentions += event.mentions


def names_own_parties(facts: DocFacts, span: Span) -> bool:
    return span.end < len(facts.lower) and facts.lower[span.end] in OWN_PARTIES


def referent(facts: DocFacts, events: list[Event], event: Event) -> Event | None:
    """The occasion a definite mention refers to: the latest of its family (one whose people it shares
    when it names parties of its own: "the meeting between A and B"), else the latest talks or meeting
    whose people it names only."""
    keys = actor_keys(event)
    across = not names_own_parties(facts, event.mentions[0][0])
    for other in reversed(events[-OCCASION_REACH:]):
        if other.type == "visit" or not dates_agree(other, event) or not kinds_agree(facts, other, event):
            continue
        if family(other.type) == family(event.type) and (across or not keys or keys & actor_keys(other)):
            return other  # "the talks" of a type told before, naming no parties of its own, are those
        if across and event.type in ANAPHORA_TYPES and other.type in ANAPHORA_TYPES and keys <= actor_keys(other):
            return other
    return None


def add_occasion(facts: DocFacts, events: list[Event], event: Event, definite: bool) -> None:
    """Add a parties-frame event, or join it to the occasion it is a mention of."""
    if definite:
        other = referent(facts, events, event)
        if other is not None:
            join(other, event, add_actors=False)
            return
    keys = actor_keys(event)
    for other in events[-OCCASION_REACH:]:
        if family(other.type) != family(event.type) or not dates_agree(other, event):
            continue
        if not kinds_agree(facts, other, event, strict=True) or done_and_to_come(other, event):
            continue  # "X had a talk with Y ... X will have a talk with Z": one done, one to come
        if not (keys <= actor_keys(other) or actor_keys(other) <= keys) or same_sentence(facts, other, event):
            continue
        join(other, event)
        return
    events.append(event)


def absorb_parts(events: list[Event]) -> list[Event]:
    """Fold each mention that is part of another occasion (a briefing at a meeting, a meeting within the
    talks of the same people) into it."""
    absorbed: set[int] = set()
    for k, event in enumerate(events):
        hosts = ABSORBED_BY.get(event.type)
        if not hosts:
            continue
        keys = actor_keys(event)
        near = events[max(0, k - OCCASION_REACH):k + OCCASION_REACH]
        whole = next((o for o in near if o is not event and id(o) not in absorbed and o.type in hosts
                      and keys <= actor_keys(o) and dates_agree(o, event)), None)
        if whole is not None:
            join(whole, event, add_actors=False)
            absorbed.add(id(event))
    return [e for e in events if id(e) not in absorbed]


def drop_the_dead(events: list[Event], published) -> list[Event]:
    """No one acts in an event after their death (the registry knows it): "a ceremony marking Kaysone's
    birth anniversary" has no Kaysone among its actors; an event left with no one is dropped."""
    kept = []
    for event in events:
        day = first_day(event.start) if event.start else published  # a past event ("his 1977 visit") stays
        if day is not None:
            event.actors = [a for a in event.actors if not dead_on(a, day)]
        if event.actors or event.type == "congress":
            kept.append(event)
    return kept


def first_day(iso: str) -> dt.date:
    return dt.date.fromisoformat((iso + "-01-01")[:10])


def dead_on(actor, day) -> bool:
    known = getattr(actor, "actor", None)
    return known is not None and known.dead_on(day)

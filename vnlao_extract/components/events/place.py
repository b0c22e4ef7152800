"""Where an event is: the place a trigger names or stands near, and a trip's further destinations."""
from __future__ import annotations

from spacy.tokens import Span

from .cues import CUES
from .facts import DocFacts

PLACE_CUES = CUES.words("place.cues")
VISIT_PLACE_CUES = CUES.words("place.cues.visit")
PLACE_STOP = CUES.words("place.after.stop")
PLACE_AFTER_REACH = CUES.scope("place.after.stop")
PLACE_BEFORE_CUES = CUES.words("place.before.cues")
NEAR_BEFORE = CUES.scope("window.near_before")
CLAUSE_BREAKS = CUES.words("clause.breaks")
LIST_FOLLOWERS = CUES.words("list.followers")
DESTINATION_REACH = CUES.scope("list.followers")
PLACE_LABELS = ("place", "nationality")
DESTINATION_KINDS = ("country", "city")


def place(facts: DocFacts, trigger: Span, limit: int, frame: str) -> tuple[str | None, str | None]:
    """(place, country): "the Lao visit", "visit to Laos", "talks in Hanoi", "arrived in Hanoi for a visit"."""
    sentence = facts.sentence(trigger.start)
    lower, labels = facts.lower, facts.labels
    if trigger.start > sentence[0] and lower[trigger.start - 1] == "to" and \
            facts.doc[max(sentence[0], trigger.start - 2):trigger.start].text.lower() == "country to":
        # "chose Laos as the first country to visit"
        for i in reversed(range(sentence[0], trigger.start)):
            if labels[i] == "place":
                return place_of(facts, i)
    inside = [i for i in range(trigger.start, trigger.end) if labels[i] == "place"]
    if inside:  # "travel to Laos", "attended the ASEAN Summit in Singapore"
        cued = [i for i in inside if i > trigger.start and lower[i - 1] in VISIT_PLACE_CUES]
        return place_of(facts, (cued or inside)[0])
    if trigger.start > sentence[0] and labels[trigger.start - 1] in PLACE_LABELS and \
            lower[trigger.end - 1] != "visiting":
        return place_of(facts, trigger.start - 1)
    region = None  # "a delegation to the ASEAN Summit in Kuala Lumpur": a trip goes to the city, not to ASEAN
    for i in range(trigger.end, min(limit, trigger.end + PLACE_AFTER_REACH)):
        if labels[i] == "place":
            if frame != "visit" or (facts.entries[i] or {}).get("kind") != "region":
                return place_of(facts, i)
            region = i if region is None else region
        if lower[i] in PLACE_STOP:
            break
    if region is not None:
        return place_of(facts, region)
    cues = VISIT_PLACE_CUES if frame == "visit" else PLACE_CUES
    for i in range(trigger.end, clause_end(facts, trigger, limit, cues)):
        if labels[i] == "place" and lower[i - 1] in cues:
            return place_of(facts, i)
    for i in reversed(range(max(sentence[0], trigger.start - NEAR_BEFORE), trigger.start)):
        if labels[i] == "place" and i > 0 and lower[i - 1] in PLACE_BEFORE_CUES:
            return place_of(facts, i)
    return None, None


def clause_end(facts: DocFacts, trigger: Span, limit: int, cues: frozenset[str]) -> int:
    """Where the clause after the trigger ends: at ``limit`` or a clause break not followed by one of ``cues``."""
    lower = facts.lower
    end = trigger.end
    while end < limit and not (lower[end] in CLAUSE_BREAKS and
                               (end + 1 >= len(lower) or lower[end + 1] not in cues)):
        end += 1
    return end


def place_of(facts: DocFacts, i: int) -> tuple[str, str | None]:
    entry = facts.entries[i] or {}
    return place_name(facts, i), entry.get("country")


def place_name(facts: DocFacts, i: int) -> str:
    """The words of the lexicon phrase at token ``i`` (its tokens share one row), a nationality as its country."""
    row = facts.entries[i]
    if row is None:
        return facts.doc[i].text
    start, end = i, i + 1
    while start > 0 and facts.entries[start - 1] is row:
        start -= 1
    while end < len(facts.entries) and facts.entries[end] is row:
        end += 1
    text = facts.doc[start:end].text
    return facts.country_names.get(row["country"], text) if row["label"] == "nationality" else text


def more_destinations(facts: DocFacts, trigger: Span, place_country: str | None, limit: int) -> list[int]:
    """ "visited Laos on March 10 and Cambodia on March 12": the places after the first one, joined
    by "and" or a comma, each in another country (their token indices)."""
    found, seen = [], {place_country}
    sentence_end = facts.sentence(trigger.start)[1]
    for i in range(trigger.end, min(limit, trigger.end + DESTINATION_REACH)):
        if facts.labels[i] != "place" or facts.lower[i - 1] not in ("and", ","):
            continue
        if i + 1 < sentence_end and facts.lower[i + 1] not in LIST_FOLLOWERS and not facts.doc[i + 1].is_punct:
            continue  # "..., and China expressed": a new clause, not a destination
        entry = facts.entries[i] or {}
        if entry.get("kind") in DESTINATION_KINDS and entry.get("country") not in seen:
            seen.add(entry.get("country"))
            found.append(i)
    return found

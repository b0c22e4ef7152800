"""Events: visits, talks, meetings, receptions, ceremonies, signings, phone calls and briefings,
found by trigger patterns (``resources/event_patterns.jsonl`` plus a user's ``--patterns`` files),
with actors (the visitor first), dates, place and status.

Adds to the Doc:
- ``doc._.events``: list of :class:`Event`, one per real event (mentions of the same visit or talks
  are merged), in order of first mention. Congresses with dates are added as ``congress`` events.

How a trigger becomes an event:
- ``visit`` frame: the visitor comes from the first cue that applies: a possessive ("Lâm's visit",
  "the latter's visit"), "by X" / "of X" right after the trigger, "visiting X", "invited X to visit",
  "X, who is on a visit", a possessive pronoun ("concluded his visit", "thanked X for his visit",
  "During his visit, X ..."), the object of "welcomed", else the subject (a "he" subject is the previous
  sentence's). Hosts ("at the invitation of Y", "hosted by Y", the one who invites) are never the
  visitor; among several candidates one not from the destination country is preferred. "the visit"
  with no visitor refers back to the last visit (and may give it its date); generic plurals ("mutual
  visits", "exchange of visits") give nothing. One visitor's mentions of a trip to one country a few
  days apart are one visit; "visited Laos on May 3 and Cambodia on May 5" is two.
- ``parties`` frame: the sentence is split at the other parties triggers; a trigger's people are its
  subject (the names right before it, else the sentence's first ones, else "he") and the names after it.
- ``block`` frame: a phrase that is never an event ("exchange of visits"); triggers inside it are dropped.
- dates: the first date after the trigger in its clause, else one just before it, else a date opening
  the sentence ("On June 1, ..."); a trigger in a background clause ("since X's visit, ...") only takes
  a date from that clause, "ahead of his visit" none from before it. "a three-day visit" fills the end
  (back from the last day when it is "concluded"); a bare weekday moves a week to agree with the tense.
  Status comes from the dates against the published date, else from tense words.

The package is pure functions over a per-Doc :class:`~.facts.DocFacts`: ``candidates`` (people and their
roles), ``visitor``, ``parties``, ``place``, ``when`` (dates, tense), ``status``, ``build`` (one event per
occasion). Their cue words and window sizes are rows of ``resources/cues/events.jsonl`` (``cues``).
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...matching.anchors import AnchoredMatcher
from ...rules import expand_classes, lexicon_of, load_package, load_user
from .build import add_events, congress_events
from .facts import DocFacts
from .model import Event  # noqa: F401  (the record type, imported from here by users)

class EventFinder:
    """Finds events; see the package docstring. The trigger patterns run only around the words they need
    (:class:`~vnlao_extract.matching.anchors.AnchoredMatcher`); the rules read the Doc through :class:`DocFacts`."""

    def __init__(self, nlp: Language, name: str, pattern_files: list[str]):
        self.name = name
        rows = load_package("event_patterns.jsonl")
        for path in pattern_files:
            rows += load_user(path, "patterns")
        _, patterns = expand_classes(rows)
        self.matcher = AnchoredMatcher(nlp.vocab, patterns, nlp.Defaults.stop_words)
        self.country_names = lexicon_of(nlp).country_names

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        """The triggers of the Doc with their rows: blocked phrases dropped, overlaps resolved."""
        found = [(span[row.get("trim", 0):], row) for span, row in self.matcher(doc)]
        blocked = {i for s, r in found if r.get("frame") == "block" for i in range(s.start, s.end)}
        found = [(s, r) for s, r in found
                 if r.get("frame") != "block" and not blocked.intersection(range(s.start, s.end))]
        return keep_longest(found)

    def set_annotations(self, doc: Doc, found) -> None:
        events: list[Event] = []
        if found:
            add_events(DocFacts(doc, self.country_names), found, events)
        events += congress_events(doc)
        doc._.events = events

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


def keep_longest(found: list[tuple[Span, dict]]) -> list[tuple[Span, dict]]:
    """Overlapping triggers of one kind (visit, or parties) keep the longest; a visit trigger inside a
    parties one ("courtesy visits") is dropped, a parties trigger inside a visit one ("attended the summit
    in Jakarta") kept: both events happened."""
    rows = {(s.start, s.end): r for s, r in found}
    visits = filter_spans([s for s, r in found if r.get("frame") == "visit"])
    others = filter_spans([s for s, r in found if r.get("frame") != "visit"])
    others = sorted(others, key=lambda s: s.start)  # filter_spans leaves them apart: one can hold a visit
    starts = [o.start for o in others]
    visits = [s for s in visits if not inside(s, others, starts)]
    kept = sorted(visits + others, key=lambda s: (s.start, s.end))
    return [(s, rows[(s.start, s.end)]) for s in kept]


def inside(span: Span, others: list[Span], starts: list[int]) -> bool:
    """Whether ``span`` lies within one of ``others`` (not overlapping each other, sorted by start)."""
    k = bisect_right(starts, span.start) - 1
    return k >= 0 and span.end <= others[k].end


if not Doc.has_extension("events"):
    Doc.set_extension("events", default=[])


@Language.factory("vnlao_events", default_config={"pattern_files": []},
                  assigns=["doc._.events"],
                  requires=["doc._.dates", "doc._.person_mentions", "doc._.references", "doc._.lexicon",
                            "doc._.congresses", "doc._.published"])
def make_event_finder(nlp: Language, name: str, pattern_files: list[str]) -> EventFinder:
    return EventFinder(nlp, name, pattern_files)

"""Events: visits, talks, meetings, receptions, ceremonies, signings, phone calls and briefings,
found by trigger patterns (``resources/event_patterns.jsonl`` plus a user's ``--patterns`` files),
with actors (the visitor first), dates, place and status.

Adds to the Doc:
- ``doc._.events``: list of :class:`Event`, one per real event (mentions of the same visit or talks
  are merged), in order of first mention. Congresses with dates are added as ``congress`` events.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import load_package_jsonl, load_user_jsonl
from .patterns import build_matcher, evidence, expand_classes, matched_spans

PLANNED = {"will", "would", "upcoming", "forthcoming", "scheduled", "expected", "plans", "planned", "ahead",
           "invited", "to", "set", "shall", "next", "coming", "prepare", "prepares", "preparing"}
ONGOING = {"is", "are", "currently", "visiting", "beginning", "begins", "now", "underway", "arrived",
           "arrives", "part"}
COMPLETED = {"paid", "held", "made", "had", "recent", "recently", "concluded", "visited", "met", "received",
             "co-chaired", "last", "previous", "earlier", "following", "after", "wrapped", "ended", "was", "were",
             "signed", "hosted", "welcomed", "conducted"}
OBJECT_CUES = {"on", "to", "with", "of", "for", "at", "from", "met", "meets", "received", "receives", "welcomed",
               "welcomes", "greeted", "hosted", "invited", "congratulated", "thanked", "urged", "told", "and"}
WELCOME_VERBS = {"welcomed", "welcomes", "greeted", "received", "hosted", "welcome"}
DEFINITE = {"the", "this", "that", "his", "her", "its", "their", "such"}
DOCUMENT_NOUNS = {"documents", "agreements", "memoranda", "mous", "deals", "accords", "contracts", "protocols"}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "several": None, "many": None}


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

    def actor_names(self) -> list[str]:
        return [a if isinstance(a, str) else a.name for a in self.actors]

    def as_record(self) -> dict:
        span, rule = self.mentions[0]
        record = {"type": self.type, "actors": self.actor_names(), "start": self.start, "end": self.end,
                  "place": self.place, "status": self.status, "subtype": self.subtype}
        if self.documents is not None:
            record["documents"] = self.documents
        record["evidence"] = evidence(span, rule)
        record["mentions"] = [[s.start_char, s.end_char] for s, _ in self.mentions]
        return record


class EventFinder:
    """Finds events; see the module docstring."""

    def __init__(self, nlp: Language, name: str, pattern_files: list[str]):
        self.name = name
        rows = load_package_jsonl("event_patterns.jsonl")
        for path in pattern_files:
            rows += load_user_jsonl(path, "patterns")
        _, patterns = expand_classes(rows)
        self.matcher, self.rows = build_matcher(nlp.vocab, patterns)

    # -- helpers over the Doc ---------------------------------------------------------------------
    @staticmethod
    def _mentions_in(doc: Doc, start: int, end: int):
        return [m for m in doc._.person_mentions if start <= m.span.start and m.span.end <= end]

    @staticmethod
    def _mention_start(doc: Doc, mention) -> int:
        """Where the mention's noun phrase begins: before its titles and honorifics."""
        start = min([mention.span.start] + [t.start for t in mention.titles if t.start < mention.span.start])
        while start > 0 and (doc[start - 1]._.lex in ("honorific", "nationality") or doc[start - 1].lower_ == "the"):
            start -= 1
        return start

    def _is_object(self, doc: Doc, mention) -> bool:
        start = self._mention_start(doc, mention)
        return start > 0 and doc[start - 1].lower_ in OBJECT_CUES

    def _references_in(self, doc: Doc, start: int, end: int):
        return [r for r in doc._.references if start <= r.span.start and r.span.end <= end and
                (r.person or r.registry_name)]

    # -- visits -----------------------------------------------------------------------------------
    def _visitor(self, doc: Doc, trigger: Span):
        sentence = trigger.sent
        head = trigger[-1]
        before = self._mentions_in(doc, sentence.start, trigger.start)
        after = self._mentions_in(doc, trigger.end, sentence.end)
        # "Lâm's state visit", "the Lao leader's recent visit"
        for candidate in reversed(before + self._references_in(doc, sentence.start, trigger.start)):
            gap = doc[candidate.span.end:trigger.start]
            if len(gap) <= 4 and gap and gap[0].text in ("'s", "’s", "'", "’"):
                return self._actor(candidate), "possessive"
        # "the visit to Laos by General Secretary To Lam"
        window = doc[trigger.end:min(sentence.end, trigger.end + 20)]
        by = next((t for t in window if t.lower_ == "by"), None)
        if by is not None:
            after_by = [m for m in after if m.span.start > by.i] + self._references_in(doc, by.i, sentence.end)
            if after_by:
                return self._actor(min(after_by, key=lambda m: m.span.start)), "by"
        # "his visiting Vietnamese counterpart H.E. Nguyen Xuan Phuc"
        if head.lower_ == "visiting":
            if after and after[0].span.start - trigger.end <= 4:
                return self._actor(after[0]), "visiting"
            if not (trigger.start > 0 and doc[trigger.start - 1].lower_ in ("is", "are", "was", "were")):
                return None, None
        # "invited H.E. Bounnhang Vorachith to pay a visit to Cambodia"
        invite = next((t for t in doc[sentence.start:trigger.start] if t.lower_ in ("invited", "invites", "invite")), None)
        if invite is not None:
            invited = [m for m in before if m.span.start > invite.i]
            if invited:
                return self._actor(invited[0]), "invitation"
        # "Hun Manet, who is currently on a visit to Vietnam"
        who = [t for t in doc[sentence.start:trigger.start] if t.lower_ == "who"]
        if who:
            near = [m for m in before if m.span.end <= who[-1].i]
            if near:
                return self._actor(near[-1]), "relative_clause"
        if self._definite(doc, trigger) and not self._has_verb_subject(doc, trigger):
            return None, "definite"
        subjects = [m for m in before if not self._is_object(doc, m) and not self._after_invitation(doc, m)]
        welcome = any(t.lower_ in WELCOME_VERBS for t in doc[sentence.start:trigger.start])
        if welcome and before and self._is_object(doc, before[-1]):
            return self._actor(before[-1]), "welcomed"
        if subjects:
            return self._actor(subjects[-1]), "subject"
        return None, None

    @staticmethod
    def _actor(mention_or_reference):
        person = getattr(mention_or_reference, "person", None)
        return person if person is not None else getattr(mention_or_reference, "registry_name", None)

    @staticmethod
    def _after_invitation(doc: Doc, mention) -> bool:
        window = doc[max(0, mention.span.start - 12):mention.span.start].text.lower()
        return "invitation of" in window or "hosted by" in window

    @staticmethod
    def _definite(doc: Doc, trigger: Span) -> bool:
        return trigger.start > 0 and doc[trigger.start - 1].lower_ in DEFINITE | {"'s", "’s"}

    @staticmethod
    def _has_verb_subject(doc: Doc, trigger: Span) -> bool:
        window = {t.lower_ for t in doc[max(trigger.sent.start, trigger.start - 6):trigger.start]}
        return bool(window & {"paid", "pay", "pays", "paying", "making", "make", "made", "on", "during", "concluding",
                              "conclude", "concluded", "beginning", "began", "begin", "for"} and
                    not window & {"during", "concluding", "conclude", "concluded"})

    def _place(self, doc: Doc, trigger: Span) -> tuple[str | None, str | None]:
        sentence = trigger.sent
        if doc[max(sentence.start, trigger.start - 2):trigger.start].text.lower() == "country to":
            # "chose Laos as the first country to visit"
            for token in reversed(doc[sentence.start:trigger.start]):
                if token._.lex == "place":
                    return self._place_name(doc, token), (token._.lex_entry or {}).get("country")
        prev = doc[trigger.start - 1] if trigger.start > sentence.start else None
        if prev is not None and prev._.lex in ("place", "nationality"):
            entry = prev._.lex_entry or {}
            return self._place_name(doc, prev), entry.get("country")
        for token in doc[trigger.end:min(sentence.end, trigger.end + 6)]:
            if token._.lex == "place":
                return self._place_name(doc, token), (token._.lex_entry or {}).get("country")
            if token.lower_ in ("by", "with", "at", "from", "on") or token.text in (",", ";"):
                break
        for token in reversed(doc[max(sentence.start, trigger.start - 8):trigger.start]):
            if token._.lex == "place" and token.i > 0 and doc[token.i - 1].lower_ in ("in", "to"):
                return self._place_name(doc, token), (token._.lex_entry or {}).get("country")
        return None, None

    @staticmethod
    def _place_name(doc: Doc, token) -> str:
        for span, row in doc._.lexicon:
            if span.start <= token.i < span.end:
                if row["label"] == "nationality":
                    return next((p for p in load_package_jsonl("lexicon.jsonl") if p["label"] == "place" and
                                 p.get("kind") == "country" and p["country"] == row["country"]), {"phrases": [span.text]})["phrases"][0]
                return span.text
        return token.text

    # -- dates and status -------------------------------------------------------------------------
    @staticmethod
    def _date_for(doc: Doc, trigger: Span, triggers: list[Span]):
        """The date nearest after the trigger (before the next trigger of its type), else just before it."""
        sentence = trigger.sent
        later = [t.start for t in triggers if t.start > trigger.start and t.sent == sentence]
        earlier = [t.end for t in triggers if t.end <= trigger.start and t.sent == sentence]
        limit_after = min(later) if later else sentence.end
        limit_before = max(earlier) if earlier else sentence.start
        usable = [d for d in doc._.dates if d.precision != "year" and sentence.start <= d.span.start < sentence.end
                  and not any(t.lower_ == "since" for t in doc[max(sentence.start, d.span.start - 4):d.span.start])]
        after = [d for d in usable if trigger.end <= d.span.start < limit_after]
        if after:
            return after[0]
        near = max(limit_before, trigger.start - 8)
        before = [d for d in usable if near <= d.span.start and d.span.end <= trigger.start]
        return before[-1] if before else None

    @staticmethod
    def _status(doc: Doc, trigger: Span, start: str | None, end: str | None) -> str | None:
        published = doc._.published
        if published is not None and start:
            today = published.isoformat()[:len(start)]
            last = (end or start)
            if start > today:
                return "planned"
            if last[:len(today)] < published.isoformat()[:len(last)]:
                return "completed"
            if start < today <= last[:len(today)] and end:
                return "ongoing"
        window = [t.lower_ for t in doc[max(trigger.sent.start, trigger.start - 8):trigger.end]]
        if any(w in PLANNED for w in window):
            return "planned"
        if any(w in COMPLETED for w in window):
            return "completed"
        if any(w in ONGOING for w in window):
            return "ongoing"
        return None

    # -- building ---------------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        found = matched_spans(doc, self.matcher, self.rows)
        rows = {(s.start, s.end): r for s, r in found}
        return [(s, rows[(s.start, s.end)]) for s in filter_spans([s for s, _ in found])]

    def set_annotations(self, doc: Doc, found) -> None:
        triggers_of: dict[str, list[Span]] = {}
        for span, row in found:
            triggers_of.setdefault(row["type"], []).append(span)
        events: list[Event] = []
        last_visit: Event | None = None
        for span, row in found:
            date = self._date_for(doc, span, triggers_of[row["type"]])
            start, end = (date.start, date.end) if date else (None, None)
            if row.get("frame") == "visit":
                actor, how = self._visitor(doc, span)
                if actor is None:
                    if how == "definite" and last_visit is not None and last_visit.start is None and start:
                        last_visit.start, last_visit.end = start, end
                        last_visit.status = self._status(doc, span, start, end) or last_visit.status
                    continue
                place, country = self._place(doc, span)
                event = Event("visit", [actor], start, end, place, country, self._status(doc, span, start, end),
                              self._subtype(span), None, [(span, f"{row['id']}:{how}")])
                last_visit = self._merge_visit(events, event)
                continue
            actors = [m.person for m in self._mentions_in(doc, span.sent.start, span.sent.end)]
            actors = list(dict.fromkeys(a for a in actors if a is not None))
            if not actors and row["type"] == "talks" and last_visit is not None:
                actors = list(last_visit.actors[:1])
            if not actors:
                continue
            place, country = self._place(doc, span)
            event = Event(row["type"], actors, start, end, place, country, self._status(doc, span, start, end),
                          None, self._documents(doc, span) if row["type"] == "signing" else None,
                          [(span, row["id"])])
            self._merge_other(events, event)
        events += self._congress_events(doc)
        doc._.events = events

    @staticmethod
    def _subtype(span: Span) -> str | None:
        return next((t.lower_ for t in span if t.lower_ in ("state", "official", "working", "friendship")), None)

    @staticmethod
    def _documents(doc: Doc, span: Span) -> int | None:
        window = doc[span.start:min(span.sent.end, span.end + 8)]
        for token in window:
            if token.lower_ in DOCUMENT_NOUNS:
                for previous in reversed(doc[span.start:token.i]):
                    if previous.like_num and previous.text.isdigit():
                        return int(previous.text)
                    if previous.lower_ in NUMBER_WORDS:
                        return NUMBER_WORDS[previous.lower_]
        return None

    @staticmethod
    def _merge_visit(events: list[Event], event: Event) -> Event:
        for other in events:
            if other.type != "visit" or other.actors[0] != event.actors[0]:
                continue
            if other.place_country and event.place_country and other.place_country != event.place_country:
                continue
            if other.start and event.start and other.start != event.start:
                continue
            other.start, other.end = other.start or event.start, other.end or event.end
            other.place = other.place or event.place
            other.place_country = other.place_country or event.place_country
            other.subtype = other.subtype or event.subtype
            if event.start and not other.status or event.start and event.status:
                other.status = event.status or other.status
            other.mentions += event.mentions
            return other
        events.append(event)
        return event

    @staticmethod
    def _merge_other(events: list[Event], event: Event) -> None:
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

    @staticmethod
    def _congress_events(doc: Doc) -> list[Event]:
        events = []
        for congress in doc._.congresses:
            if congress.start:
                published = doc._.published
                status = None
                if published:
                    iso = published.isoformat()
                    status = ("planned" if congress.start > iso else
                              "completed" if (congress.end or congress.start) < iso else "ongoing")
                events.append(Event("congress", [], congress.start, congress.end, None, None, status,
                                    f"{congress.ordinal} {congress.party}", None, [(congress.span, congress.rule)]))
        return events

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


if not Doc.has_extension("events"):
    Doc.set_extension("events", default=[])


@Language.factory("vnlao_events", default_config={"pattern_files": []})
def make_event_finder(nlp: Language, name: str, pattern_files: list[str]) -> EventFinder:
    return EventFinder(nlp, name, pattern_files)

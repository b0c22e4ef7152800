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
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import load_package_jsonl, load_user_jsonl
from .anchors import AnchoredMatcher
from .patterns import evidence, expand_classes
from .tokens import lex_entries, lex_labels, lower_words

PLANNED = {"will", "would", "upcoming", "forthcoming", "scheduled", "expected", "plans", "planned", "ahead",
           "invited", "set", "shall", "next", "coming", "prepare", "prepares", "preparing", "invites", "invite"}
ONGOING = {"is", "are", "currently", "visiting", "beginning", "begins", "began", "started", "starts", "now",
           "underway", "arrived", "arrives", "part", "paying", "making", "conducting", "continuing", "continues",
           "embarked", "kicked", "kicking", "arriving"}
COMPLETED = {"paid", "held", "made", "had", "recent", "recently", "concluded", "visited", "met", "received",
             "co-chaired", "last", "previous", "earlier", "following", "after", "wrapped", "ended", "was", "were",
             "signed", "hosted", "welcomed", "conducted", "since", "took", "completed", "returned"}
TO_VERBS = {"pay", "visit", "make", "begin", "start", "undertake", "conduct", "hold", "have", "attend", "sign",
            "meet", "receive", "co-chair", "travel", "embark", "host", "join", "go"}
LOOKAHEAD_TENSE = {"will": "planned", "shall": "planned", "would": "planned", "took": "completed",
                   "was": "completed", "were": "completed", "ended": "completed", "concluded": "completed",
                   "is": "ongoing", "are": "ongoing", "runs": "ongoing", "continues": "ongoing"}
OBJECT_CUES = {"on", "to", "with", "of", "for", "at", "from", "met", "meets", "received", "receives", "welcomed",
               "welcomes", "greeted", "hosted", "invited", "congratulated", "thanked", "urged", "told", "and",
               "between", "thanks", "thanking", "welcoming", "receiving", "meeting"}
INVITE_VERBS = {"invited", "invites", "invite", "inviting"}
NOT_SUBJECT_GAP = OBJECT_CUES | {"before", "after", "following", "during", "prior", "ahead", "in", "at", "as", "his",
                                 "her", "their", "its", "said", "says", "told"}
WELCOME_VERBS = {"welcomed", "welcomes", "greeted", "received", "hosted", "welcome"}
POSSESSIVE_MARKS = ("'s", "’s", "'", "’")
DEFINITE = {"the", "this", "that", "such", "'s", "’s"}
PRONOUNS = {"his", "her", "their"}
NP_LEAD = {"the", "his", "her", "their", "its", "counterpart", "counterparts", "visiting", "new", "newly-appointed",
           "newly-elected"}
HOST_CUES = {("invitation", "of"), ("invitations", "of"), ("invited", "by"), ("hosted", "by"), ("guest", "of"),
             ("guests", "of")}
AGENT_GAP = {"to", "in", "of", "the", "on", "from", "this", "last", "next", "week", "month", "year", "and", "-"}
SPOUSE_WORDS = {"spouse", "wife", "husband"}
VISITING_GAP = {"delegation", "led", "by", "head", "of", "the", ",", "high-level", "high-ranking"}
BACKGROUND = {"since"}
VISIT_BACKGROUND = {"since", "after", "following"}  # "after concluding the visit to Laos, ..."
CLAUSE_BREAKS = {",", ";", "–", "—"}
VISIT_VERBS = {"paid", "pay", "pays", "paying", "made", "make", "makes", "making", "conducted", "conduct",
               "undertook", "undertake", "undertaking", "began", "begin", "begins", "on", "during", "concluding",
               "conclude", "concluded", "beginning", "wrapped", "ended", "ending"}
AHEAD_WORDS = {"ahead", "prior", "preparation", "preparations", "prepare", "preparing", "eve"}
ENDING_VERBS = {"concluded", "concludes", "concluding", "wrapped", "wraps", "ended", "ends", "ending", "completed",
                "completes", "finished", "wrapping"}
ANAPHORIC_VERBS = {"during", "concluding", "conclude", "concluded", "wrapped", "ended", "ending"}
LIST_FOLLOWERS = {"and", "on", "from", "in", "during", "for", "at", "between", "next", "this", "last", "later"}
PLACE_CUES = ("in", "at")
VISIT_PLACE_CUES = ("to", "in")
DOCUMENT_NOUNS = {"documents", "agreements", "memoranda", "mous", "deals", "accords", "contracts", "protocols",
                  "memorandums", "treaties"}
DOCUMENT_NOUN = {"document", "agreement", "memorandum", "mou", "deal", "accord", "contract", "protocol", "treaty"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "several": None, "many": None, "a": 1, "an": 1}
ONGOING_DAYS = 3  # a visit said to be under way with only its first day given is ongoing this long
NEAR_BEFORE = 12  # "arrived in Vientiane on Thursday morning, kicking off a two-day visit": how far back a date may be
MERGE_DAYS = 7  # two dated mentions of one visitor's trip to one country at most this far apart are one visit


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


def _day(iso: str) -> dt.date | None:
    return dt.date.fromisoformat(iso) if len(iso) == 10 else None


def _same_time(start_a: str | None, end_a: str | None, start_b: str | None, end_b: str | None) -> bool:
    """Dates that can be one trip: either undated, one a prefix of the other ("2024-01" and "2024-01-08"),
    or day dates within MERGE_DAYS of each other's span."""
    if not start_a or not start_b:
        return True
    if len(start_a) != len(start_b):
        short, long_ = sorted((start_a, start_b), key=len)
        return long_.startswith(short)
    if start_a == start_b:
        return True
    a0, a1, b0, b1 = (_day(x) for x in (start_a, end_a or start_a, start_b, end_b or start_b))
    if None in (a0, a1, b0, b1):
        return False
    return (b0 - a1).days <= MERGE_DAYS and (a0 - b1).days <= MERGE_DAYS


class DocFacts:
    """What the rules read of one Doc, over and over, as plain lists indexed by ``token.i`` (reading it
    through Token, Span and ``doc._`` objects costs far more): lowercase words, lexicon labels and rows,
    sentence bounds, and the dates, people and places found by the earlier components."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.lower = lower_words(doc)
        self.labels = lex_labels(doc)
        self.entries = lex_entries(doc)
        self.sentence_starts = [0] + [i for i in numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if i]
        self.dates = doc._.dates
        self.dated = {i for d in self.dates for i in range(d.span.start, d.span.end)}
        self.mentions = doc._.person_mentions
        self.references = [r for r in doc._.references if r.person or r.registry_name]
        self.lexicon = doc._.lexicon
        self.published = doc._.published

    def sentence(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence of token ``i``: what ``doc[i:j].sent`` spans."""
        k = bisect_right(self.sentence_starts, i)
        return self.sentence_starts[k - 1], (self.sentence_starts[k] if k < len(self.sentence_starts)
                                             else len(self.lower))


class EventFinder:
    """Finds events; see the module docstring. The trigger patterns run only around the words they need
    (:class:`~.anchors.AnchoredMatcher`); the rules read the Doc through :class:`DocFacts`."""

    def __init__(self, nlp: Language, name: str, pattern_files: list[str]):
        self.name = name
        rows = load_package_jsonl("event_patterns.jsonl")
        for path in pattern_files:
            rows += load_user_jsonl(path, "patterns")
        _, patterns = expand_classes(rows)
        self.matcher = AnchoredMatcher(nlp.vocab, patterns, nlp.Defaults.stop_words)
        self.country_names = {row["country"]: row["phrases"][0] for row in load_package_jsonl("lexicon.jsonl")
                              if row["label"] == "place" and row.get("kind") == "country"}

    # -- candidates: person mentions and resolved references ---------------------------------------
    @staticmethod
    def _mentions_in(facts: DocFacts, start: int, end: int):
        return [m for m in facts.mentions if start <= m.span.start and m.span.end <= end]

    @staticmethod
    def _references_in(facts: DocFacts, start: int, end: int):
        return [r for r in facts.references if start <= r.span.start and r.span.end <= end]

    def _candidates(self, facts: DocFacts, start: int, end: int) -> list:
        """Mentions and resolved references in [start, end), in text order, none inside another."""
        mentions = self._mentions_in(facts, start, end)
        taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
        references = [r for r in self._references_in(facts, start, end)
                      if not taken.intersection(range(r.span.start, r.span.end))]
        return sorted(mentions + references, key=lambda c: c.span.start)

    @staticmethod
    def _np_start(facts: DocFacts, candidate) -> int:
        """Where the candidate's noun phrase begins: before its titles, honorifics, "his visiting counterpart"."""
        titles = getattr(candidate, "titles", [])
        start = min([candidate.span.start] + [t.start for t in titles if t.start < candidate.span.start])
        while start > 0 and (facts.labels[start - 1] in ("honorific", "nationality") or
                             facts.lower[start - 1] in NP_LEAD):
            start -= 1
        return start

    @staticmethod
    def _np_end(candidate) -> int:
        titles = getattr(candidate, "titles", [])
        return max([candidate.span.end] + [t.end for t in titles if t.start >= candidate.span.end])

    def _is_object(self, facts: DocFacts, candidate) -> bool:
        start = self._np_start(facts, candidate)
        return start > 0 and facts.lower[start - 1] in OBJECT_CUES

    @staticmethod
    def _actor(candidate):
        person = getattr(candidate, "person", None)
        return person if person is not None else getattr(candidate, "registry_name", None)

    @staticmethod
    def _country(candidate) -> str | None:
        person = getattr(candidate, "person", None)
        return person.country if person is not None else getattr(candidate, "country", None)

    def _hosts(self, facts: DocFacts, sentence: tuple[int, int], candidates: list) -> set[int]:
        """ids of the candidates named as hosts: "at the invitation of Y (and his spouse) and Z", "hosted by Y"."""
        hosts: set[int] = set()
        lower = facts.lower
        for j in range(sentence[0], sentence[1] - 1):
            if (lower[j], lower[j + 1]) in HOST_CUES:
                i = j + 2
                while True:
                    host = next((c for c in candidates if c.span.start >= i), None)
                    if host is None or self._np_start(facts, host) > i:
                        break
                    hosts.add(id(host))
                    i = self._after_and(facts, self._np_end(host), sentence[1])
                    if i is None:
                        break
        return hosts

    @staticmethod
    def _after_and(facts: DocFacts, i: int, end: int) -> int | None:
        """The index after "and" / ", and" (past "his spouse"), or None when the list ends at ``i``."""
        lower = facts.lower
        for _ in range(2):
            if i < end and lower[i] == "and":
                i += 1
            elif i + 1 < end and lower[i] == "," and lower[i + 1] == "and":
                i += 2
            else:
                return None
            if i + 1 < end and lower[i] in PRONOUNS and lower[i + 1] in SPOUSE_WORDS:
                i += 2
                continue
            return i
        return None

    def _prefer_foreign(self, candidates: list, country: str | None):
        """The first candidate not from the destination country, else the first."""
        foreign = [c for c in candidates if country is None or self._country(c) != country]
        return (foreign or candidates or [None])[0]

    # -- visits -----------------------------------------------------------------------------------
    def _visitor(self, facts: DocFacts, trigger: Span, country: str | None):
        """(visitor, how) for a visit trigger; (None, "definite") for a mention of an earlier visit."""
        sentence = facts.sentence(trigger.start)
        candidates = self._candidates(facts, *sentence)
        hosts = self._hosts(facts, sentence, candidates)
        guests = [c for c in candidates if id(c) not in hosts]
        before = [c for c in guests if c.span.end <= trigger.start]
        after = [c for c in guests if c.span.start >= trigger.end]
        for rule in (self._by_possessive, self._by_agent, self._by_visiting, self._by_invitation,
                     self._by_relative_clause):
            found = rule(facts, trigger, before, after)
            if found is not None:
                return self._actor(found), rule.__name__[4:]
        if self._generic_plural(facts, trigger, before) or self._bare_visiting(facts, trigger):
            return None, None
        if self._invite(facts, trigger) is not None:
            return None, None  # the one who invites is the host
        if trigger.start > sentence[0] and facts.lower[trigger.start - 1] in PRONOUNS:
            found = self._by_pronoun(facts, trigger, before, after, country)
            return (self._actor(found), "pronoun") if found is not None else (None, "definite")
        if self._definite(facts, trigger) and not self._has_verb_subject(facts, trigger):
            return None, "definite"
        welcome = any(word in WELCOME_VERBS for word in facts.lower[sentence[0]:trigger.start])
        if welcome and before and self._is_object(facts, before[-1]):
            return self._actor(before[-1]), "welcomed"
        subjects = [c for c in reversed(before) if not self._is_object(facts, c)]
        found = self._prefer_foreign(subjects, country)
        if found is not None:
            return self._actor(found), "subject"
        found = self._he(facts, trigger) if not before else None
        return (self._actor(found), "he") if found is not None else (None, None)

    def _he(self, facts: DocFacts, trigger: Span):
        """ "X arrived in Beijing on Monday. He is paying a state visit to China": a "he"/"she" subject is
        the previous sentence's subject."""
        start, _ = facts.sentence(trigger.start)
        if not any(word in ("he", "she") for word in facts.lower[start:trigger.start]) or start == 0:
            return None
        previous = facts.sentence(start - 1)
        subjects = [c for c in self._candidates(facts, *previous) if not self._is_object(facts, c)]
        return subjects[0] if subjects else None

    @staticmethod
    def _by_possessive(facts: DocFacts, trigger: Span, before: list, after: list):
        """ "Lâm's state visit", "the Lao leader's recent visit", "the latter's official visit" """
        doc = facts.doc
        for candidate in reversed(before):
            gap = range(candidate.span.end, trigger.start)
            if gap and doc[gap[0]].text in POSSESSIVE_MARKS and len(gap) <= 7 and not any(
                    doc[i].is_punct and facts.lower[i] != "-" for i in gap[1:]):
                return candidate  # "X's first official two-day visit"
        start = max(facts.sentence(trigger.start)[0], trigger.start - 4)
        for i in range(start, trigger.start - 1):
            if facts.lower[i] in ("latter", "former") and doc[i + 1].text in POSSESSIVE_MARKS and before:
                return before[-1] if facts.lower[i] == "latter" else before[0]
        return None

    def _by_agent(self, facts: DocFacts, trigger: Span, before: list, after: list):
        """ "the visit to Laos by General Secretary To Lam", "the state visit of President X" """
        if trigger.end < len(facts.lower) and facts.lower[trigger.end] == "of":
            following = [c for c in after if self._np_start(facts, c) <= trigger.end + 1]
            if following:
                return following[0]
        by = self._agent_by(facts, trigger)
        if by is not None:
            after_by = [c for c in after if c.span.start > by]
            if after_by:
                return after_by[0]
        return None

    @staticmethod
    def _agent_by(facts: DocFacts, trigger: Span) -> int | None:
        """The index of the "by" that names the visitor: after the trigger, past nothing but where and when
        ("the visit to Laos on May 5 by ..."), not a "by" of another clause ("was received by ...")."""
        for i in range(trigger.end, min(facts.sentence(trigger.start)[1], trigger.end + 16)):
            if facts.lower[i] == "by":
                return i
            if not (facts.labels[i] in ("place", "nationality") or i in facts.dated or facts.lower[i] in AGENT_GAP):
                return None
        return None

    def _by_visiting(self, facts: DocFacts, trigger: Span, before: list, after: list):
        """ "his visiting Vietnamese counterpart H.E. Nguyen Xuan Phuc", "the visiting Lao delegation led by X" """
        if facts.lower[trigger.end - 1] != "visiting" or not after:
            return None
        gap = range(trigger.end, self._np_start(facts, after[0]))
        if all(facts.lower[i] in VISITING_GAP or facts.labels[i] == "nationality" for i in gap) and len(gap) <= 6:
            return after[0]
        return None

    @staticmethod
    def _invite(facts: DocFacts, trigger: Span) -> int | None:
        """The index of the "invited" of "Y invited X to visit" before the trigger (not "invited by")."""
        start = facts.sentence(trigger.start)[0]
        invite = next((i for i in range(start, trigger.start) if facts.lower[i] in INVITE_VERBS), None)
        return invite if invite is not None and facts.lower[invite + 1] != "by" else None

    def _by_invitation(self, facts: DocFacts, trigger: Span, before: list, after: list):
        """ "invited H.E. Bounnhang Vorachith to pay a visit to Cambodia", "conveyed greetings to X and invited
        him to visit Laos" """
        invite = self._invite(facts, trigger)
        if invite is None:
            return None
        invited = [c for c in before if c.span.start > invite]
        if invited:
            return invited[0]
        if facts.lower[invite + 1] in ("him", "her", "them"):
            objects = [c for c in before if c.span.start < invite and self._is_object(facts, c)]
            return objects[-1] if objects else None
        return None

    @staticmethod
    def _by_relative_clause(facts: DocFacts, trigger: Span, before: list, after: list):
        """ "Hun Manet, who is currently on a visit to Vietnam" """
        start = facts.sentence(trigger.start)[0]
        who = [i for i in range(start, trigger.start) if facts.lower[i] == "who"]
        if who:
            near = [c for c in before if c.span.end <= who[-1]]
            if near:
                return near[-1]
        return None

    def _generic_plural(self, facts: DocFacts, trigger: Span, before: list) -> bool:
        """ "promote mutual visits", "regular high-level visits": plural nouns that name no one's trip.
        "Xi Jinping visits Vietnam" (a verb right after its subject) and "paid visits to" are kept."""
        if facts.lower[trigger.end - 1] not in ("visits", "trips", "tours"):
            return False
        if before and self._np_end(before[-1]) == trigger.start:
            return False
        window = set(facts.lower[max(facts.sentence(trigger.start)[0], trigger.start - 3):trigger.start])
        return not window & (VISIT_VERBS | PRONOUNS) - {"on", "for", "during"}

    @staticmethod
    def _bare_visiting(facts: DocFacts, trigger: Span) -> bool:
        """ "tourists continue visiting": "visiting" with no one after it is a visit only as "is visiting"."""
        return facts.lower[trigger.end - 1] == "visiting" and not (
            trigger.start > 0 and facts.lower[trigger.start - 1] in ("is", "are", "was", "were", "been"))

    def _by_pronoun(self, facts: DocFacts, trigger: Span, before: list, after: list, country: str | None):
        """ "Li Keqiang concluded his visit", "thanked X for his visit", "welcomed X on his first visit",
        "During his visit to Laos, X will ..." """
        sentence = facts.sentence(trigger.start)
        preposition = facts.lower[trigger.start - 2] if trigger.start - 2 >= sentence[0] else ""
        objects = [c for c in reversed(before) if self._is_object(facts, c)]
        subjects = [c for c in reversed(before) if not self._is_object(facts, c)]
        order = objects + subjects if preposition in ("for", "on", "upon") else subjects + objects
        if not order:
            comma = next((i for i in range(trigger.end, sentence[1]) if facts.lower[i] == ","), None)
            order = [c for c in after if comma is not None and c.span.start > comma][:1]
        return self._prefer_foreign(order, country)

    @staticmethod
    def _definite(facts: DocFacts, trigger: Span) -> bool:
        return trigger.start > 0 and facts.lower[trigger.start - 1] in DEFINITE

    @staticmethod
    def _has_verb_subject(facts: DocFacts, trigger: Span) -> bool:
        window = set(facts.lower[max(facts.sentence(trigger.start)[0], trigger.start - 6):trigger.start])
        return bool(window & VISIT_VERBS and not window & ANAPHORIC_VERBS)

    @staticmethod
    def _subtype(facts: DocFacts, span: Span) -> str | None:
        return next((word for word in facts.lower[span.start:span.end]
                     if word in ("state", "official", "working", "friendship")), None)

    def _more_destinations(self, facts: DocFacts, trigger: Span, place_country: str | None,
                           limit: int) -> list[int]:
        """ "visited Laos on March 10 and Cambodia on March 12": the places after the first one, joined
        by "and" or a comma, each in another country (their token indices)."""
        found, seen = [], {place_country}
        sentence_end = facts.sentence(trigger.start)[1]
        for i in range(trigger.end, min(limit, trigger.end + 16)):
            if facts.labels[i] != "place" or facts.lower[i - 1] not in ("and", ","):
                continue
            if i + 1 < sentence_end and facts.lower[i + 1] not in LIST_FOLLOWERS and not facts.doc[i + 1].is_punct:
                continue  # "..., and China expressed": a new clause, not a destination
            entry = facts.entries[i] or {}
            if entry.get("kind") in ("country", "city") and entry.get("country") not in seen:
                seen.add(entry.get("country"))
                found.append(i)
        return found

    # -- places -----------------------------------------------------------------------------------
    def _place(self, facts: DocFacts, trigger: Span, limit: int, frame: str) -> tuple[str | None, str | None]:
        """(place, country): "the Lao visit", "visit to Laos", "talks in Hanoi", "arrived in Hanoi for a visit"."""
        sentence = facts.sentence(trigger.start)
        lower, labels = facts.lower, facts.labels
        if trigger.start > sentence[0] and lower[trigger.start - 1] == "to" and \
                facts.doc[max(sentence[0], trigger.start - 2):trigger.start].text.lower() == "country to":
            # "chose Laos as the first country to visit"
            for i in reversed(range(sentence[0], trigger.start)):
                if labels[i] == "place":
                    return self._place_of(facts, i)
        inside = [i for i in range(trigger.start, trigger.end) if labels[i] == "place"]
        if inside:
            return self._place_of(facts, inside[0])  # "travel to Laos"
        if trigger.start > sentence[0] and labels[trigger.start - 1] in ("place", "nationality") and \
                lower[trigger.end - 1] != "visiting":
            return self._place_of(facts, trigger.start - 1)
        for i in range(trigger.end, min(limit, trigger.end + 6)):
            if labels[i] == "place":
                return self._place_of(facts, i)
            if lower[i] in ("by", "with", "at", "from", "on", "of", ",", ";"):
                break
        cues = VISIT_PLACE_CUES if frame == "visit" else PLACE_CUES
        for i in range(trigger.end, self._clause_end(facts, trigger, limit, cues)):
            if labels[i] == "place" and lower[i - 1] in cues:
                return self._place_of(facts, i)
        for i in reversed(range(max(sentence[0], trigger.start - NEAR_BEFORE), trigger.start)):
            if labels[i] == "place" and i > 0 and lower[i - 1] in ("in", "to"):
                return self._place_of(facts, i)
        return None, None

    @staticmethod
    def _clause_end(facts: DocFacts, trigger: Span, limit: int, cues: tuple[str, ...]) -> int:
        """Where the clause after the trigger ends: at ``limit`` or a clause break not followed by one of
        ``cues``."""
        lower = facts.lower
        end = trigger.end
        while end < limit and not (lower[end] in CLAUSE_BREAKS and
                                   (end + 1 >= len(lower) or lower[end + 1] not in cues)):
            end += 1
        return end

    def _place_of(self, facts: DocFacts, i: int) -> tuple[str, str | None]:
        entry = facts.entries[i] or {}
        return self._place_name(facts, i), entry.get("country")

    def _place_name(self, facts: DocFacts, i: int) -> str:
        for span, row in facts.lexicon:
            if span.start <= i < span.end:
                if row["label"] == "nationality":
                    return self.country_names.get(row["country"], span.text)
                return span.text
        return facts.doc[i].text

    # -- dates and status -------------------------------------------------------------------------
    @staticmethod
    def _clause_bounds(facts: DocFacts, trigger: Span, kind: str) -> tuple[int, int] | None:
        """(start, end) of a background clause holding the trigger ("Since X's visit to China, ..."),
        else None."""
        lower = facts.lower
        sentence = facts.sentence(trigger.start)
        start = trigger.start
        while start > sentence[0] and lower[start - 1] not in CLAUSE_BREAKS:
            start -= 1
        words = VISIT_BACKGROUND if kind == "visit" else BACKGROUND
        if not any(word in words for word in lower[start:trigger.start]):
            return None
        end = next((i for i in range(trigger.end, sentence[1]) if lower[i] in CLAUSE_BREAKS), sentence[1])
        return start, end

    def _date_for(self, facts: DocFacts, trigger: Span, limit_before: int, limit_after: int, kind: str = ""):
        """The date nearest after the trigger (before ``limit_after``), else just before it, else the one
        that opens the sentence ("On June 1, X will ...")."""
        sentence = facts.sentence(trigger.start)
        clause = self._clause_bounds(facts, trigger, kind)
        if clause is not None:
            limit_before, limit_after = max(limit_before, clause[0]), min(limit_after, clause[1])
        usable = [d for d in facts.dates
                  if sentence[0] <= d.span.start < sentence[1] and self._usable(facts, d, trigger)]
        after = [d for d in usable if trigger.end <= d.span.start < limit_after]
        if after:
            return after[0]
        if self._ahead_of(facts, trigger):
            return None  # "met Y on June 9 ahead of his visit to Laos": that date is not the visit's
        near = max(limit_before, trigger.start - NEAR_BEFORE)
        before = [d for d in usable if near <= d.span.start and d.span.end <= trigger.start]
        if before:
            return before[-1]
        opening = [d for d in usable if d.span.start <= sentence[0] + 1 and d.span.end < trigger.start and
                   "," in (facts.lower[d.span.end - 1], facts.lower[d.span.end])]
        return opening[0] if opening and clause is None else None

    @staticmethod
    def _ahead_of(facts: DocFacts, trigger: Span) -> bool:
        """ "ahead of his visit", "prior to the talks", "in preparation for the visit" """
        window = facts.lower[max(facts.sentence(trigger.start)[0], trigger.start - 4):trigger.start]
        return bool(set(window) & AHEAD_WORDS) or "before" in window[-2:]

    @staticmethod
    def _usable(facts: DocFacts, date, trigger: Span) -> bool:
        """Not a "since" date ("since May 2016", "the first visit since he took office in 2024"), not a
        week ("next week"); a bare year only as "visit to China in 2019", "In 2019, ..." or "his 2019 visit"."""
        sentence_start = facts.sentence(trigger.start)[0]
        lead_start = trigger.end if trigger.end <= date.span.start else date.span.start - 4
        lead = facts.lower[max(sentence_start, lead_start):date.span.start]
        if "since" in lead and "from" not in lead[lead.index("since"):]:
            return False
        if date.kind == "relative" and "week" in date.text.lower():
            return False
        if date.precision != "year":
            return True
        if date.span.end == trigger.start:
            return True  # "his 2019 visit"
        after_in = date.span.start > 0 and facts.lower[date.span.start - 1] == "in"
        return after_in and (0 <= date.span.start - trigger.end <= 6 or date.span.start <= sentence_start + 1)

    @staticmethod
    def _duration(facts: DocFacts, trigger: Span) -> int | None:
        """The days of "a three-day visit", "his 3-day trip"."""
        lower = facts.lower
        for i in range(max(facts.sentence(trigger.start)[0], trigger.start - 4), trigger.end):
            if lower[i] in ("day", "days") and i >= 2 and lower[i - 1] in ("-", "–"):
                word = lower[i - 2]
                days = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
                if days and days > 1:
                    return days
        return None

    def _span_of_days(self, facts: DocFacts, trigger: Span, start: str | None, end: str | None) -> tuple:
        """(start, end) with a duration filled in: from the first day, or back from the last one when the
        visit is being concluded ("concluded his two-day visit on March 5")."""
        days = self._duration(facts, trigger)
        if end or not start or len(start) != 10 or not days:
            return start, end
        first = dt.date.fromisoformat(start)
        window = set(facts.lower[max(facts.sentence(trigger.start)[0], trigger.start - 8):trigger.start])
        if window & ENDING_VERBS:
            return (first - dt.timedelta(days=days - 1)).isoformat(), start
        return start, (first + dt.timedelta(days=days - 1)).isoformat()

    @staticmethod
    def _tense(facts: DocFacts, trigger: Span) -> str | None:
        """planned / completed / ongoing from the nearest tense word before the trigger (else just after)."""
        lower = facts.lower
        sentence = facts.sentence(trigger.start)
        for i in reversed(range(max(sentence[0], trigger.start - 8), trigger.end)):
            word = lower[i]
            if word == "to":
                if i + 1 < len(lower) and (lower[i + 1] in TO_VERBS or i + 1 == trigger.start):
                    return "planned"
            elif word in PLANNED:
                return "planned"
            elif word in COMPLETED:
                return "completed"
            elif word in ONGOING:
                return "ongoing"
        for word in lower[trigger.end:min(sentence[1], trigger.end + 8)]:
            if word in CLAUSE_BREAKS:
                break
            if word in LOOKAHEAD_TENSE:
                return LOOKAHEAD_TENSE[word]
        return None

    @staticmethod
    def _status(facts: DocFacts, kind: str, start: str | None, end: str | None, tense: str | None) -> str | None:
        """From the dates against the published date where they tell, else from the tense. A visit is
        ongoing on its days; one that began a few days ago with no end given is ongoing when the text says so."""
        published = facts.published
        if published is None or not start:
            return tense
        today = published.isoformat()
        last = end or start
        if start > today[:len(start)]:
            return "planned"
        if last < today[:len(last)]:
            recent = _day(start) is not None and (published - _day(start)).days <= ONGOING_DAYS
            return "ongoing" if kind == "visit" and end is None and tense == "ongoing" and recent else "completed"
        if len(start) == 10 and (end or kind == "visit"):
            return "ongoing"
        return tense or ("ongoing" if kind == "visit" else None)

    @staticmethod
    def _weekday_by_tense(facts: DocFacts, date, tense: str | None) -> str:
        """A bare weekday is the nearest one to the published date; the tense says which side it is on
        ("embarked on Monday" in a Friday paper is the Monday before; a visit under way began before)."""
        published = facts.published
        if date.kind != "weekday" or published is None or _day(date.start) is None:
            return date.start
        shift = {"completed": -7, "ongoing": -7, "planned": 7}.get(tense or "", 0)
        day = _day(date.start)
        if shift < 0 < (day - published).days or shift > 0 > (day - published).days:
            return (day + dt.timedelta(days=shift)).isoformat()
        return date.start

    def _dates(self, facts: DocFacts, trigger: Span, kind: str, limits: tuple[int, int],
               fallback: tuple[int, int]):
        """(start, end, status, tense) for a trigger."""
        date = self._date_for(facts, trigger, *limits, kind)
        if date is None and fallback != limits:
            date = self._date_for(facts, trigger, *fallback, kind)
        tense = self._tense(facts, trigger)
        if self._clause_bounds(facts, trigger, kind) is not None:
            tense = "completed"
        start, end = (self._weekday_by_tense(facts, date, tense), date.end) if date else (None, None)
        if kind == "visit":
            start, end = self._span_of_days(facts, trigger, start, end)
        return start, end, self._status(facts, kind, start, end, tense), tense

    # -- the trigger's clause ---------------------------------------------------------------------
    @staticmethod
    def _limits(facts: DocFacts, trigger: Span, others: list[Span]) -> tuple[int, int]:
        """(start, end) of the stretch between the other triggers of the sentence around ``trigger``."""
        sentence = facts.sentence(trigger.start)
        before = [s.end for s in others if s.end <= trigger.start and facts.sentence(s.start) == sentence]
        after = [s.start for s in others if s.start >= trigger.end and facts.sentence(s.start) == sentence]
        return (max(before) if before else sentence[0], min(after) if after else sentence[1])

    def _parties(self, facts: DocFacts, trigger: Span, clause_triggers: list[Span]) -> list:
        """The people of the trigger's clause: its own subject (else the sentence's, else "he"), then the
        people after it up to the next trigger's subject; all the sentence's people when it names no one."""
        lower = facts.lower
        sentence = facts.sentence(trigger.start)
        start, end = self._limits(facts, trigger, clause_triggers)
        own = self._candidates(facts, trigger.end, end)
        if end < sentence[1]:
            own = [c for c in own if c not in self._subject_group(facts, own, end)]
        subject = self._candidates(facts, start, trigger.start)
        reciprocal = (trigger.end < len(lower) and lower[trigger.end] in ("between", "among") or
                      trigger.start > 0 and lower[trigger.start - 1] == "their")
        if start != sentence[0] and not own and reciprocal:
            subject = self._candidates(facts, *sentence)  # "..., followed by talks between the two"
        elif start != sentence[0]:
            subject = self._subject_group(facts, subject, trigger.start)
            if not subject:
                first = min(s.start for s in clause_triggers if facts.sentence(s.start) == sentence)
                subject = self._candidates(facts, sentence[0], first)
        if not subject:
            subject = [he for he in [self._he(facts, trigger)] if he is not None]
        candidates = subject + own or self._mentions_in(facts, *sentence)
        actors = [self._actor(c) for c in candidates]
        return list(dict.fromkeys(a for a in actors if a is not None))

    @staticmethod
    def _the_two(facts: DocFacts, trigger: Span) -> list:
        """ "the two leaders held talks": the last two people named before, when the sentence names none."""
        words = facts.doc[facts.sentence(trigger.start)[0]:trigger.start].text.lower()
        if not any(phrase in words for phrase in ("two leaders", "both leaders", "the leaders", "two sides",
                                                   "two prime ministers", "two presidents", "two ministers")):
            return []
        recent = []
        for mention in reversed([m for m in facts.mentions if m.span.end <= trigger.start]):
            if mention.person is not None and mention.person not in recent:
                recent.insert(0, mention.person)
            if len(recent) == 2:
                break
        return recent if len(recent) == 2 else []

    def _subject_group(self, facts: DocFacts, candidates: list, trigger_start: int) -> list:
        """ "X and Y held talks", "Z also received": the candidates standing right before the trigger."""
        group, i = [], trigger_start
        for candidate in reversed(candidates):
            gap = range(self._np_end(candidate), i)
            if group:
                joined = facts.doc[gap.start:gap.stop].text.lower() in ("and", ", and", ",")
            else:
                joined = len(gap) <= 4 and all(facts.doc[j].is_alpha and facts.lower[j] not in NOT_SUBJECT_GAP
                                               for j in gap)
            if not joined:
                break
            group.insert(0, candidate)
            i = self._np_start(facts, candidate)
        return group

    # -- building ---------------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        found = [(span[row.get("trim", 0):], row) for span, row in self.matcher(doc)]
        blocked = {i for s, r in found if r.get("frame") == "block" for i in range(s.start, s.end)}
        found = [(s, r) for s, r in found
                 if r.get("frame") != "block" and not blocked.intersection(range(s.start, s.end))]
        rows = {(s.start, s.end): r for s, r in found}
        return [(s, rows[(s.start, s.end)]) for s in filter_spans([s for s, _ in found])]

    def set_annotations(self, doc: Doc, found) -> None:
        events: list[Event] = []
        if found:
            self._add_events(DocFacts(doc), found, events)
        events += self._congress_events(doc)
        doc._.events = events

    def _add_events(self, facts: DocFacts, found, events: list[Event]) -> None:
        clause_triggers = [s for s, r in found if r.get("frame") != "visit"]
        visit_triggers = [s for s, r in found if r.get("frame") == "visit"]
        last_visit: Event | None = None
        for span, row in found:
            if row.get("frame") == "visit":
                last_visit = self._add_visit(facts, span, row, visit_triggers, events, last_visit)
                continue
            same_type = [s for s, r in found if r["type"] == row["type"]]
            limits = self._limits(facts, span, clause_triggers)
            start, end, status, tense = self._dates(facts, span, row["type"], limits,
                                                    self._limits(facts, span, same_type))
            actors = self._parties(facts, span, clause_triggers) or self._the_two(facts, span)
            if not actors and row["type"] == "talks" and last_visit is not None:
                actors = list(last_visit.actors[:1])
            if not actors:
                continue
            place, country = self._place(facts, span, limits[1], "parties")
            event = Event(row["type"], actors, start, end, place, country, status, None,
                          self._documents(facts, span) if row["type"] == "signing" else None,
                          [(span, row["id"])], tense)
            self._merge_other(events, event)

    def _add_visit(self, facts: DocFacts, span: Span, row: dict, triggers: list[Span], events: list[Event],
                   last_visit: Event | None) -> Event | None:
        """Add the visit of one trigger (and its other destinations); returns the last visit."""
        limits = self._limits(facts, span, triggers)
        start, end, status, tense = self._dates(facts, span, "visit", limits, limits)
        place, country = self._place(facts, span, limits[1], "visit")
        actor, how = self._visitor(facts, span, country)
        if actor is None:
            if how == "definite" and last_visit is not None and last_visit.start is None and start:
                last_visit.start, last_visit.end = start, end
                last_visit.status = self._status(facts, "visit", start, end, last_visit.tense or tense)
            return last_visit
        event = Event("visit", [actor], start, end, place, country, status, self._subtype(facts, span), None,
                      [(span, f"{row['id']}:{how}")], tense)
        last_visit = self._merge_visit(facts, events, event)
        for i in self._more_destinations(facts, span, country, limits[1]):
            destination = facts.doc[i:i + 1]
            date = self._date_for(facts, destination, i, limits[1], "visit")
            start, end = (date.start, date.end) if date else (event.start, event.end)
            place, country = self._place_of(facts, i)
            more = Event("visit", [actor], start, end, place, country,
                         self._status(facts, "visit", start, end, tense), event.subtype, None,
                         [(destination, f"{row['id']}:{how}+destination")], tense)
            last_visit = self._merge_visit(facts, events, more)
        return last_visit

    @staticmethod
    def _documents(facts: DocFacts, span: Span) -> int | None:
        """How many documents were signed: "signed 12 documents", "the signing of five agreements",
        "signed a memorandum of understanding"."""
        lower = facts.lower
        for i in range(span.start, min(facts.sentence(span.start)[1], span.end + 8)):
            if lower[i] in DOCUMENT_NOUNS or lower[i] in DOCUMENT_NOUN:
                for j in reversed(range(span.start, i)):
                    if lower[j].isdigit() and facts.doc[j].like_num:
                        return int(lower[j])
                    if lower[j] in NUMBER_WORDS and (lower[i] in DOCUMENT_NOUNS) == (NUMBER_WORDS[lower[j]] != 1):
                        return NUMBER_WORDS[lower[j]]
        return None

    def _merge_visit(self, facts: DocFacts, events: list[Event], event: Event) -> Event:
        """Join a visit to an earlier mention of the same trip (visitor, country, dates), else add it."""
        for other in events:
            if other.type != "visit" or other.actors[0] != event.actors[0]:
                continue
            if other.place_country and event.place_country and other.place_country != event.place_country:
                continue
            if not _same_time(other.start, other.end, event.start, event.end):
                continue
            self._join_dates(other, event)
            other.place = other.place or event.place
            other.place_country = other.place_country or event.place_country
            other.subtype = other.subtype or event.subtype
            other.tense = other.tense or event.tense
            other.status = self._status(facts, "visit", other.start, other.end, other.tense) or event.status
            other.mentions += event.mentions
            return other
        events.append(event)
        return event

    @staticmethod
    def _join_dates(other: Event, event: Event) -> None:
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

    def _merge_other(self, events: list[Event], event: Event) -> None:
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

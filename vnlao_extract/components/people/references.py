"""References to leaders by office or nationality ("the Lao leader", "the Lao Prime Minister", an unnamed
"his Vietnamese counterpart"), resolved to a person of the article, or to the registry's holder of that
office on the published date."""
from __future__ import annotations

import datetime

from bisect import bisect_left

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ...matching import lex_phrases, lower_words
from ...registry import Registry
from ...rules import lexicon_of
from . import cues
from .model import Facts, Mention, Person, Reference
from .shapes import name_parts

ROLE_RANK = cues.ranks("people.role_rank")
LEADER_RANK = cues.ranks("people.leader_rank")
OFFICE_DETERMINERS = cues.words("people.office_determiners")
OFFICE_POSSESSIVES = cues.words("people.office_possessives")
COUNTERPART_DETERMINERS = cues.words("people.counterpart_determiners")
COUNTERPART_MODIFIERS = cues.words("people.counterpart_modifiers")
COUNTRY_PREPOSITIONS = cues.words("people.country_prepositions")
BARE_DETERMINERS = cues.words("people.bare_office_determiners")
BARE_ROLES = cues.words("people.bare_office_roles")
BARE_REACH = cues.scope("people.bare_office_reach")
LEADER_LEADS = cues.words("people.leader_leads")
LEADER_MODIFIERS = cues.values("people.leader_modifiers")
LEADER_REACH = cues.scope("people.leader_reach")
LEADER_HEADS = cues.values("people.leader_heads")
HEAD_LENGTHS = sorted({len(head.split()) for head in LEADER_HEADS}, reverse=True)  # the longest head first
GENERIC_ROLES = cues.words("people.generic_roles")
UNRANKED = max(LEADER_RANK.values()) + 9


class ReferenceIndex:
    """The registry and the word tables references are read with, built once per pipeline."""

    def __init__(self, nlp: Language, actor_files: list[str]):
        self.registry = Registry.load(actor_files)
        lexicon = lexicon_of(nlp)
        self.nationality_of, self.role_of = lexicon.nationality_of, lexicon.role_of
        self.counterpart_key = nlp.vocab.strings.add("counterpart")


def find_references(facts: Facts, index: ReferenceIndex, people: list[Person],
                    mentions: list[Mention]) -> list[Reference]:
    """Leaders named only by office or nationality, resolved to the article's people or the registry."""
    doc = facts.doc
    named_titles = {id(t) for m in mentions for t in m.titles}
    found = []
    for start, end, row in lex_phrases(doc):
        if row["label"] == "reference" and not facts.ignored[start]:
            span = Span(doc, start, end, label=row["label"])
            country = next((index.nationality_of[t.lower_] for t in span if t.lower_ in index.nationality_of), None)
            role = row.get("role") or next((index.role_of[t.lower_] for t in span if t.lower_ in index.role_of), None)
            found.append((span, country, role))
    found += nationality_leaders(facts, found)
    taken = {i for span, _, _ in found for i in range(span.start, span.end)}
    for title in doc._.titles:
        if id(title) in named_titles or title.country is None or title.span.start in taken:
            continue
        after = doc[title.span.end].lower_ if title.span.end < len(doc) else ""
        if title.span.start > 0 and doc[title.span.start - 1].lower_ in OFFICE_DETERMINERS or \
                after in OFFICE_POSSESSIVES:  # "Indonesian President's state visit"
            found.append((title.span, title.country, title.role))
    found += counterparts(facts, index, mentions, found)
    references = bare_offices(facts, mentions, named_titles)
    for span, country, role in found:
        person = resolve(country, role, people, facts)
        actor = None
        if person is None and country and role and facts.published:
            actor = index.registry.holder(role, country, facts.published)
            person = named_person(actor, people)
        references.append(Reference(span, country, role, person, actor.name if actor else None,
                                    actor.id if actor else None))
    return sorted(references, key=lambda r: r.span.start)


def nationality_leaders(facts: Facts, found: list) -> list[tuple[Span, str, str | None]]:
    """ "the Indonesian leader", "the top Malaysian leader", "the Vietnamese NA leader", "the Thai Party chief":
    the, a nationality, modifiers that may name an office, and a head word (cue rows people.leader_*)."""
    doc, lex, lower = facts.doc, facts.lex, lower_words(facts.doc)
    taken = {i for span, _, _ in found for i in range(span.start, span.end)}
    references = []
    for i in range(1, len(doc)):
        if lex[i] != "nationality" or i in taken or facts.ignored[i]:
            continue
        start = i - 1 - (lower[i - 1] in LEADER_LEADS and i > 1)
        if lower[start] not in BARE_DETERMINERS:
            continue
        role, end = None, i + 1
        while end < len(doc) and end - i <= LEADER_REACH and lower[end] in LEADER_MODIFIERS:
            role, end = role or LEADER_MODIFIERS[lower[end]], end + 1
        head = leader_head(lower, end)
        if head is not None:
            country = (facts.entries[i] or {}).get("country")
            references.append((doc[start:end + len(head.split())], country, role or LEADER_HEADS[head]))
    return references


def leader_head(lower: list[str], i: int) -> str | None:
    """The head word or phrase of a reference by nationality at token ``i`` ("leader", "head of state")."""
    return next((head for head in (" ".join(lower[i:i + n]) for n in HEAD_LENGTHS) if head in LEADER_HEADS), None)


def bare_offices(facts: Facts, mentions: list[Mention], named_titles: set[int]) -> list[Reference]:
    """Offices named with neither a name nor a country ("events attended by the PM"): the person of the
    latest mention before it who holds that office (a title of the article, else the registry's)."""
    doc, found = facts.doc, []
    in_order = InOrder([m for m in mentions if m.person is not None], lambda m: m.span.start)
    for title in doc._.titles:
        if id(title) in named_titles or title.country is not None or title.role not in BARE_ROLES:
            continue
        if title.span.start == 0 or doc[title.span.start - 1].lower_ not in BARE_DETERMINERS:
            continue
        if facts.ignored[title.span.start]:
            continue
        person = latest_holder(facts, title.role, title.span.start, in_order)
        if person is not None:
            found.append(Reference(title.span, country_of(facts, person), title.role, person))
    return found


def latest_holder(facts: Facts, role: str, i: int, mentions: "InOrder") -> Person | None:
    """The person of the latest mention before token ``i`` who holds ``role`` (among the last BARE_REACH)."""
    last = bisect_left(mentions.starts, i)
    for mention in reversed(mentions.items[max(0, last - BARE_REACH):last]):
        if mention.span.end <= i and holds(facts, mention.person, role):
            return mention.person
    return None


def holds(facts: Facts, person: Person, role: str) -> bool:
    """Whether the article or the registry (on the published date) gives the person that office."""
    titled, registered = roles_of(facts, person)
    return role in titled or role in registered


def country_of(facts: Facts, person: Person) -> str | None:
    """The person's country, read once (the people are complete when references are read)."""
    if id(person) not in facts.countries:
        facts.countries[id(person)] = person.country
    return facts.countries[id(person)]


def roles_of(facts: Facts, person: Person) -> tuple[set[str], set[str]]:
    """(the offices the article gives the person now, the registry's on the published date), read once."""
    if id(person) not in facts.roles:
        titled = {t.role for t in person.titles if not t.past}
        registered = ({o.role for o in person.actor.offices_on(facts.published)}
                      if person.actor is not None and facts.published is not None else set())
        facts.roles[id(person)] = (titled, registered)
    return facts.roles[id(person)]


class InOrder:
    """Items sorted by the token they start at: those starting in a range, by bisection."""

    def __init__(self, items: list, start_of):
        self.items = sorted(items, key=start_of)
        self.starts = [start_of(item) for item in self.items]

    def between(self, start: int, end: int) -> list:
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def counterparts(facts: Facts, index: ReferenceIndex, mentions: list[Mention],
                 found: list) -> list[tuple[Span, str, str]]:
    """Unnamed counterparts ("his Vietnamese counterpart", "her counterpart from Laos"): the country
    written, the office of the nearest person or office named before (same or previous sentence)."""
    doc, lex, entries = facts.doc, facts.lex, facts.entries
    starts = {m.span.start for m in mentions}
    in_order_mentions = InOrder(mentions, lambda m: m.span.start)
    in_order_found = InOrder(found, lambda f: f[0].start)
    found_counterparts = []
    for i in numpy.flatnonzero(doc.to_array(LOWER) == index.counterpart_key).tolist():
        if facts.ignored[i]:
            continue
        k = i + 1
        if k < len(doc) and doc[k].text == ",":
            k += 1
        while k < len(doc) and lex[k] == "honorific":
            k += 1
        if k in starts:
            continue  # named: that name is the counterpart
        start, end, country = i, i + 1, None
        while start > 0 and (lex[start - 1] == "nationality" or doc[start - 1].lower_ in COUNTERPART_MODIFIERS):
            if lex[start - 1] == "nationality" and country is None:
                country = (entries[start - 1] or {}).get("country")
            start -= 1
        if start > 0 and doc[start - 1].lower_ in COUNTERPART_DETERMINERS:
            start -= 1
        if (country is None and end + 1 < len(doc) and doc[end].lower_ in COUNTRY_PREPOSITIONS
                and lex[end + 1] == "place"):
            country = (entries[end + 1] or {}).get("country")
            end += 2
        if country is None:
            continue
        role = role_before(facts, start, in_order_mentions, in_order_found)
        if role:
            found_counterparts.append((doc[start:end], country, role))
    return found_counterparts


def role_before(facts: Facts, i: int, mentions: "InOrder", found: "InOrder") -> str | None:
    """The office of the nearest person or office named before token ``i`` in its sentence or the one before
    (``mentions`` and ``found`` in text order)."""
    doc = facts.doc
    sentence = doc[i].sent
    window = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    candidates = []
    for mention in mentions.between(window, i):
        if mention.person is not None:
            candidates.append((mention.span.start, person_role(facts, mention.person)))
    for span, _, role in found.between(window, i):
        candidates.append((span.start, role))
    candidates = [c for c in candidates if c[1]]
    return max(candidates)[1] if candidates else None


def person_role(facts: Facts, person: Person) -> str | None:
    """The highest office the article gives a person, else the registry's on the published date."""
    roles = [t.role for t in person.titles if t.role in ROLE_RANK and not t.past]
    if not roles and person.actor is not None and facts.published is not None:
        roles = [o.role for o in person.actor.offices_on(facts.published) if o.role in ROLE_RANK]
    return min(roles, key=ROLE_RANK.get) if roles else None


def holds_office(facts: Facts, person: Person, role: str) -> bool:
    """The article's offices of the person, else the registry's; "minister" is any minister's office."""
    titled, registered = roles_of(facts, person)
    roles = titled or registered
    return role in roles or (role in GENERIC_ROLES and any(r.endswith(role) for r in roles))


def named_person(actor, people: list[Person]) -> Person | None:
    """The article's person the registry's holder is ("his counterpart, Bui Thanh Son ... the foreign
    minister of Vietnam"): a reference resolved by the registry to someone the text names is that person."""
    if actor is None:
        return None
    return next((p for p in people if p.actor is not None and p.actor.id == actor.id), None)


def resolve(country: str | None, role: str | None, people: list[Person], facts: Facts) -> Person | None:
    """The article's person of that country (and office, when one is given: a title of the article, else
    the registry's office on the published date), the highest-ranked first. "the Lao minister" is any Lao
    minister."""
    if country is None:
        return None
    fitting = [p for p in people if country_of(facts, p) == country and (role is None or holds_office(facts, p, role))]
    if not fitting:
        return None
    return min(fitting, key=lambda p: (min((LEADER_RANK.get(t.role, UNRANKED) for t in p.titles), default=UNRANKED),
                                       p.first.span.start))


class ReferenceFinder:
    """Sets ``doc._.references`` from the people and mentions of ``vnlao_people``."""

    def __init__(self, nlp: Language, name: str, actor_files: list[str]):
        self.name = name
        self.index = ReferenceIndex(nlp, actor_files)

    def __call__(self, doc: Doc) -> Doc:
        facts = Facts.of(doc, name_parts(doc))
        doc._.references = find_references(facts, self.index, doc._.people, doc._.person_mentions)
        return doc


@Language.factory("vnlao_references", default_config={"actor_files": []},
                  assigns=["doc._.references"], requires=["doc._.people", "doc._.person_mentions", "doc._.titles"])
def make_reference_finder(nlp: Language, name: str, actor_files: list[str]) -> ReferenceFinder:
    return ReferenceFinder(nlp, name, actor_files)

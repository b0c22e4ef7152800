"""References to leaders by office or nationality ("the Lao leader", "the Lao Prime Minister", an unnamed
"his Vietnamese counterpart"), resolved to a person of the article, or to the registry's holder of that
office on the published date."""
from __future__ import annotations

import datetime

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ...matching import lex_phrases
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
    for title in doc._.titles:
        if id(title) in named_titles or title.country is None:
            continue
        after = doc[title.span.end].lower_ if title.span.end < len(doc) else ""
        if title.span.start > 0 and doc[title.span.start - 1].lower_ in OFFICE_DETERMINERS or \
                after in OFFICE_POSSESSIVES:  # "Indonesian President's state visit"
            found.append((title.span, title.country, title.role))
    found += counterparts(facts, index, mentions, found)
    references = bare_offices(facts, mentions, named_titles)
    for span, country, role in found:
        person = resolve(country, role, people, facts.published)
        actor = None
        if person is None and country and role and facts.published:
            actor = index.registry.holder(role, country, facts.published)
            person = named_person(actor, people)
        references.append(Reference(span, country, role, person, actor.name if actor else None,
                                    actor.id if actor else None))
    return sorted(references, key=lambda r: r.span.start)


def bare_offices(facts: Facts, mentions: list[Mention], named_titles: set[int]) -> list[Reference]:
    """Offices named with neither a name nor a country ("events attended by the PM"): the person of the
    latest mention before it who holds that office (a title of the article, else the registry's)."""
    doc, found = facts.doc, []
    for title in doc._.titles:
        if id(title) in named_titles or title.country is not None or title.role not in BARE_ROLES:
            continue
        if title.span.start == 0 or doc[title.span.start - 1].lower_ not in BARE_DETERMINERS:
            continue
        if facts.ignored[title.span.start]:
            continue
        person = latest_holder(facts, title.role, title.span.start, mentions)
        if person is not None:
            found.append(Reference(title.span, person.country, title.role, person))
    return found


def latest_holder(facts: Facts, role: str, i: int, mentions: list[Mention]) -> Person | None:
    """The person of the latest mention before token ``i`` who holds ``role``."""
    for mention in reversed([m for m in mentions if m.span.end <= i and m.person is not None]):
        if holds(facts, mention.person, role):
            return mention.person
    return None


def holds(facts: Facts, person: Person, role: str) -> bool:
    if any(t.role == role and not t.past for t in person.titles):
        return True
    return (person.actor is not None and facts.published is not None
            and any(o.role == role for o in person.actor.offices_on(facts.published)))


def counterparts(facts: Facts, index: ReferenceIndex, mentions: list[Mention],
                 found: list) -> list[tuple[Span, str, str]]:
    """Unnamed counterparts ("his Vietnamese counterpart", "her counterpart from Laos"): the country
    written, the office of the nearest person or office named before (same or previous sentence)."""
    doc, lex, entries = facts.doc, facts.lex, facts.entries
    starts = {m.span.start for m in mentions}
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
        role = role_before(facts, start, mentions, found)
        if role:
            found_counterparts.append((doc[start:end], country, role))
    return found_counterparts


def role_before(facts: Facts, i: int, mentions: list[Mention], found: list) -> str | None:
    """The office of the nearest person or office named before token ``i`` in its sentence or the one before."""
    doc = facts.doc
    sentence = doc[i].sent
    window = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    candidates = []
    for mention in mentions:
        if window <= mention.span.start < i and mention.person is not None:
            candidates.append((mention.span.start, person_role(facts, mention.person)))
    for span, _, role in found:
        if window <= span.start < i:
            candidates.append((span.start, role))
    candidates = [c for c in candidates if c[1]]
    return max(candidates)[1] if candidates else None


def person_role(facts: Facts, person: Person) -> str | None:
    """The highest office the article gives a person, else the registry's on the published date."""
    roles = [t.role for t in person.titles if t.role in ROLE_RANK and not t.past]
    if not roles and person.actor is not None and facts.published is not None:
        roles = [o.role for o in person.actor.offices_on(facts.published) if o.role in ROLE_RANK]
    return min(roles, key=ROLE_RANK.get) if roles else None


def holds_office(person: Person, role: str, day: datetime.date | None) -> bool:
    roles = {t.role for t in person.titles if not t.past}
    if not roles and person.actor is not None and day is not None:
        roles = {o.role for o in person.actor.offices_on(day)}
    return role in roles or (role in GENERIC_ROLES and any(r.endswith(role) for r in roles))


def named_person(actor, people: list[Person]) -> Person | None:
    """The article's person the registry's holder is ("his counterpart, Bui Thanh Son ... the foreign
    minister of Vietnam"): a reference resolved by the registry to someone the text names is that person."""
    if actor is None:
        return None
    return next((p for p in people if p.actor is not None and p.actor.id == actor.id), None)


def resolve(country: str | None, role: str | None, people: list[Person],
            day: datetime.date | None = None) -> Person | None:
    """The article's person of that country (and office, when one is given: a title of the article, else
    the registry's office on ``day``), the highest-ranked first. "the Lao minister" is any Lao minister."""
    if country is None:
        return None
    fitting = [p for p in people if p.country == country and (role is None or holds_office(p, role, day))]
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

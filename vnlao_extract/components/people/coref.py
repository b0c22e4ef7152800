"""Mentions made into people: full names grouped by registry actor or folded name, then the short forms
("Lâm", "Thongloun", "PM Chính") joined to the person they stand for, and a country from the name's
origin for people the text gives none."""
from __future__ import annotations

from spacy.tokens import Span

from .attach import anchor_before, titles_after, titles_before
from .candidates import not_a_person
from .index import PeopleIndex
from .model import Facts, Mention, Person, folded, name_words
from .shapes import name_runs


def cluster(facts: Facts, index: PeopleIndex, mentions: list[Mention]) -> list[Person]:
    """The people of the mentions, in order of first mention; short mentions are added to ``mentions``."""
    people: list[Person] = []
    by_key: dict[str, Person] = {}
    for mention in mentions:
        key = mention.actor.id if mention.actor else folded(" ".join(name_words(mention.span)))
        person = by_key.get(key)
        if person is None and mention.actor is None:
            person = next((p for p in people if p.actor and key in {folded(f) for f in p.actor.forms()}), None)
        if person is None:
            person = Person(actor=mention.actor)
            people.append(person)
            by_key[key] = person
        person.mentions.append(mention)
        mention.person = person
    for person in people:
        person.short_forms = short_forms(index, person)
    add_short_mentions(facts, index, people, mentions)
    return people


def short_forms(index: PeopleIndex, person: Person) -> set[str]:
    """The folded forms that stand for the person: the registry's forms, the full names written, and the
    word news uses alone for a name of that origin."""
    if person.actor:
        forms = {folded(s) for s in person.actor.short}
        forms.update(folded(f) for f in person.actor.forms())
    else:
        forms = set()
    for mention in person.mentions:
        words = name_words(mention.span)
        forms.add(folded(" ".join(words)))
        # a registry entry that lists no short forms still goes by the word news uses alone for its origin
        if not (person.actor and person.actor.short) and len(words) >= 2:
            origin = index.origins.of(words)
            how = origin[1] if origin else "first"
            if how == "last":
                forms.add(folded(words[-1]))
            elif how == "first":
                forms.add(folded(words[0]))
                if not origin:
                    forms.add(folded(words[-1]))
    return forms


def add_short_mentions(facts: Facts, index: PeopleIndex, people: list[Person], mentions: list[Mention]) -> None:
    """Single words and partial names that stand for a person already found (or, after a title,
    for the registry's holder of that office)."""
    doc = facts.doc
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    for run in name_runs(doc):
        if taken.intersection(range(run.start, run.end)) or not_a_person(facts, run):
            continue
        form = folded(" ".join(name_words(run)))
        candidates = [p for p in people if form in p.short_forms]
        if not candidates:
            person = short_with_title(facts, index, run, form, people)
            if person is None:
                continue
            candidates = [person]
        person = max(candidates, key=lambda p: max((m.span.start for m in p.mentions if m.span.start < run.start),
                                                   default=-1))
        titles = titles_before(facts, run.start) + titles_after(facts, run.end)
        mention = Mention(run, titles, person.actor, "short_form", None, person)
        person.mentions.append(mention)
        mentions.append(mention)
    for person in people:
        person.mentions.sort(key=lambda m: m.span.start)
    mentions.sort(key=lambda m: m.span.start)


def short_with_title(facts: Facts, index: PeopleIndex, run: Span, form: str, people: list[Person]) -> Person | None:
    """A short form alone stands for a registry actor after a title that actor held on the published date
    ("PM Chính"), or after an honorific when only one actor goes by it and holds an office then ("Mr Sonexay")."""
    before = titles_before(facts, run.start)
    published = facts.published
    if published is None:
        return None
    actors = index.short_of.get(form, [])
    chosen = None
    if before:
        chosen = next((a for a in actors if any(o.role == t.role for t in before for o in a.offices_on(published))),
                      None)
    elif len(actors) == 1 and anchor_before(facts, run.start)[0] == "honorific" and actors[0].offices_on(published):
        chosen = actors[0]
    if chosen is None:
        return None
    person = Person(actor=chosen)
    person.short_forms = short_forms(index, person) | {form}
    people.append(person)
    return person


def assign_countries(index: PeopleIndex, people: list[Person]) -> None:
    """A country from the name's origin for a person the text and the registry give none."""
    for person in people:
        if person.country is None:
            words = name_words(max((m.span for m in person.mentions), key=len))
            origin = index.origins.of(words)
            if origin:
                person.first.country = origin[0]

"""The people of a record: each person with a stable ``id``, every event actor among them, and each event
record's ``actor_ids`` parallel to its ``actors`` (so that a jq join needs no string matching).

Works from the event records' actor names, whatever the events component does: an actor that no person
of the article goes by (a leader known only through "the Lao Prime Minister" and the registry) becomes a
person of its own.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .matching import evidence
from .components.people import Person, Reference, mention_text
from .registry import fold, slug


def person_record(person: Person) -> dict:
    """A person as the contract writes it, with the forms the article wrote in ``aliases`` and the
    registry's other forms in ``registry_aliases``."""
    first = person.first
    return {"name": person.name, "aliases": person.written_aliases, "titles": [t.text for t in person.titles],
            "country": person.country, "registry_id": person.actor.id if person.actor else None,
            "registry_aliases": person.registry_aliases,
            "mentions": [[m.span.start_char, m.span.start_char + len(mention_text(m.span))] for m in person.mentions],
            "evidence": evidence(first.span, first.rule)}


def reference_person_record(name: str, reference: Reference | None) -> dict:
    """A person named only through a reference the registry resolved (or, failing that, by name alone)."""
    record = {"name": name, "aliases": [], "titles": [], "country": reference.country if reference else None,
              "registry_id": reference.registry_id if reference else None, "registry_aliases": [],
              "mentions": [], "evidence": None}
    if reference is not None:
        record["aliases"] = [reference.span.text]
        record["mentions"] = [[reference.span.start_char, reference.span.end_char]]
        record["evidence"] = evidence(reference.span, "registry_reference")
    return record


def link_people(doc: Doc, events: list[dict]) -> list[dict]:
    """The people records of ``doc``, every event actor among them, each with an ``id``; sets each event
    record's ``actor_ids``."""
    people = [person_record(p) for p in doc._.people]
    by_form: dict[str, dict] = {}
    for record in people:
        _index(by_form, record)
    by_registry_name = {r.registry_name: r for r in doc._.references if r.person is None and r.registry_name}
    for event in events:
        for name in event["actors"]:
            if fold(name) not in by_form:
                record = reference_person_record(name, by_registry_name.get(name))
                people.append(record)
                _index(by_form, record)
    _give_ids(people)
    for event in events:
        event["actor_ids"] = [by_form[fold(name)]["id"] for name in event["actors"]]
    return people


def _index(by_form: dict[str, dict], record: dict) -> None:
    for form in (record["name"], *record["aliases"], *record["registry_aliases"]):
        by_form.setdefault(fold(form), record)


def _give_ids(people: list[dict]) -> None:
    """The registry id where known, else a slug of the folded name; a second person with the same id in
    one article gets a numbered one."""
    taken: set[str] = set()
    for record in people:
        base = record["registry_id"] or slug(record["name"]) or "person"
        ident, n = base, 1
        while ident in taken:
            n += 1
            ident = f"{base}-{n}"
        taken.add(ident)
        record["id"] = ident

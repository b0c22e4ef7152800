"""People: names from the dated actor registry and names anchored on titles, honorifics,
appositions and "counterpart", plus Vietnamese names known by their shape (a family name and three or four
Vietnamese syllables); short forms ("Lâm", "Thongloun") joined to the person they stand for. A name that
heads a place or organisation ("Tran Hung Dao Street", "Kaysone Phomvihane Museum"), lies inside a longer
lexicon phrase ("Ho Chi Minh City") or credits a photo or story ("Photo: ...", "By ...", ".../VNA") is no person.

The package is pure functions over a per-Doc :class:`Facts`: ``shapes`` (which tokens can be names),
``candidates`` (where names are and what is no person), ``attach`` (titles and anchors around a name),
``coref`` (mentions made into people, short forms), ``counterparts`` (the office a counterpart shares
when the article names it in the plural), ``references`` (its own component, "the Lao leader"),
with the cue words in ``resources/cues/people.jsonl``.

``vnlao_people`` adds to the Doc:
- ``doc._.people``: list of :class:`Person` (name = fullest form written, aliases, titles, country,
  registry actor), in order of first mention
- ``doc._.person_mentions``: list of :class:`Mention` in text order, each pointing at its person
- ``doc._.warnings``: a message when an article's title for a person contradicts the registry
- ``token._.name_part``: the token can be part of a person's name (read from a per-Doc list, see
  :func:`name_parts`)

``vnlao_references`` adds ``doc._.references``: list of :class:`Reference`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...errors import Warnings
from . import cues
from .candidates import find_mentions
from .coref import assign_countries, cluster
from .counterparts import share_offices
from .index import PeopleIndex
from .model import Facts, Mention, Person, Reference, mention_text, name_words
from .references import ReferenceFinder, make_reference_finder
from .shapes import NAME_PARTS, find_name_parts, name_parts, word_shapes

__all__ = ["Facts", "Mention", "Person", "PeopleFinder", "Reference", "ReferenceFinder", "mention_text",
           "name_parts", "name_words", "make_reference_finder"]

CHECKED_ROLES = cues.words("people.checked_roles")


def title_warnings(facts: Facts, index: PeopleIndex, people: list[Person]) -> list[str]:
    """A message for each title an article gives a registry actor that the registry's dates contradict."""
    published = facts.published
    messages = []
    if published is None:
        return messages
    for person in people:
        if person.actor is None:
            continue
        for title in person.titles:
            if (title.role in CHECKED_ROLES and not title.past and
                    index.registry.title_conflicts(person.actor, title.role, published)):
                held = ", ".join(o.title for o in person.actor.offices_on(published)) or "no office"
                messages.append(Warnings.W003.format(name=person.name, title=title.text, held=held,
                                                     date=published.isoformat()))
    return messages


class PeopleFinder:
    """Finds people; see the package docstring."""

    def __init__(self, nlp: Language, name: str, actor_files: list[str]):
        self.name = name
        self.index = PeopleIndex(nlp, actor_files)

    @property
    def registry(self):
        return self.index.registry

    def __call__(self, doc: Doc) -> Doc:
        parts = doc.user_data[NAME_PARTS] = find_name_parts(doc, word_shapes(doc))
        facts = Facts.of(doc, parts)
        mentions = find_mentions(facts, self.index)
        people = cluster(facts, self.index, mentions)
        share_offices(facts, self.index, mentions)
        assign_countries(self.index, people)
        doc._.people = people
        doc._.person_mentions = mentions
        doc._.warnings = list(doc._.warnings) + title_warnings(facts, self.index, people)
        return doc


@Language.factory("vnlao_people", default_config={"actor_files": []},
                  assigns=["doc._.people", "doc._.person_mentions", "doc._.warnings", "token._.name_part"],
                  requires=["doc._.titles", "doc._.lexicon"])
def make_people_finder(nlp: Language, name: str, actor_files: list[str]) -> PeopleFinder:
    return PeopleFinder(nlp, name, actor_files)

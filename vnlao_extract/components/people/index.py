"""What the people finder knows before it reads an article, built once per pipeline: the registry and
a PhraseMatcher of its full names, short forms, name origins, nationality words and office words."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from ...registry import Actor, Registry, fold
from ...rules import lexicon_of
from .origins import NameOrigins, vietnamese_families
from .variants import NameVariants


class PeopleIndex:
    """The registry and the word tables of the people finder."""

    def __init__(self, nlp: Language, actor_files: list[str]):
        self.registry = Registry.load(actor_files)
        lexicon = lexicon_of(nlp)
        self.origins = NameOrigins.load(lexicon)
        self.full_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.short_of: dict[str, list[Actor]] = {}
        self.actor_of: dict[int, Actor] = {}
        for actor in self.registry.actors:
            self._add_actor(nlp, actor)
        self.variants = NameVariants(self.registry.actors, vietnamese_families(lexicon))
        self.nationality_of = lexicon.nationality_of
        self.counterpart_key = nlp.vocab.strings.add("counterpart")
        self.role_of = lexicon.role_of
        self.office_role = lexicon.office_role

    def _add_actor(self, nlp: Language, actor: Actor) -> None:
        docs = list(nlp.tokenizer.pipe(actor.forms()))
        # "Sen." is one token (an abbreviation), so "Hun Sen." at a sentence end needs its own pattern
        dotted = [d for d, plain in zip(nlp.tokenizer.pipe(f + "." for f in actor.forms()), docs)
                  if len(d) == len(plain)]
        self.full_matcher.add(actor.id, docs + dotted)
        self.actor_of[nlp.vocab.strings[actor.id]] = actor
        for short in actor.short:
            self.short_of.setdefault(fold(short), []).append(actor)

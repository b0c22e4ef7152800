"""What the people finder builds: a :class:`Mention` of a name in the text, the :class:`Person` its
mentions make, a :class:`Reference` to a person by office or nationality, and the per-Doc
:class:`Facts` the finding functions read."""
from __future__ import annotations

import datetime
from itertools import islice
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from ...registry import Actor, fold
from ..titles import TitleMention
from ...matching import ignored_mask, lex_entries, lex_labels
from . import cues

REGISTRY_DAY_SENTENCES = cues.scope("people.registry_day_sentences")


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """:func:`fold`, remembered: the same names and titles recur in every article."""
    return fold(text)


def name_words(span: Span) -> list[str]:
    words = [t.text for t in span if t.text != "-"]
    if words and words[-1].endswith(".") and len(words[-1]) > 2:
        words[-1] = words[-1][:-1]  # "Hun Sen." at a sentence end is one token
    return words


def mention_text(span: Span) -> str:
    """The name as written, without a sentence's full stop glued to its last word ("Hun Sen."), but with
    the dot of an abbreviation that ends names ("Ferdinand Marcos Jr.")."""
    text = span.text
    last = span[-1].lower_
    if last in DOTTED_NAME_ENDS:
        return text
    return text[:-1] if text.endswith(".") and len(last) > 2 else text


DOTTED_NAME_ENDS = cues.words("people.dotted_name_ends")


VARIANT_RULE = "registry_variant"  # the rule of a mention that spells a registry name another way


@dataclass
class Facts:
    """The token facts of one Doc that every finding function reads, gathered once."""
    doc: Doc
    lex: list[str]
    entries: list[dict | None]
    ignored: list[bool]
    parts: list[bool]
    ends: dict[int, TitleMention]
    starts: dict[int, TitleMention]
    published: datetime.date | None
    roles: dict = field(default_factory=dict)  # id(person) -> offices, read once (references.roles_of)
    countries: dict = field(default_factory=dict)  # id(person) -> country, read once (references.country_of)

    @classmethod
    def of(cls, doc: Doc, parts: list[bool]) -> "Facts":
        titles = doc._.titles
        return cls(doc, lex_labels(doc), lex_entries(doc), ignored_mask(doc), parts,
                   {t.end: t for t in titles}, {t.start: t for t in titles}, registry_day(doc))


def registry_day(doc: Doc) -> datetime.date | None:
    """The day the registry is read on: the published date, else a calendar date of the article's first
    sentences, to the day ("Indonesian President's state visit to Vietnam, March 10-11, 2025" with no date
    line; not "joined the WTO in February 2013" nor a date of the background further on)."""
    if doc._.published is not None:
        return doc._.published
    sentences = [s.end for s in islice(doc.sents, REGISTRY_DAY_SENTENCES)] if doc.has_annotation("SENT_START") else []
    lead_end = sentences[-1] if sentences else 0
    for date in doc._.dates:
        if date.kind == "absolute" and len(date.start) == 10 and date.span.start < lead_end:
            return datetime.date.fromisoformat(date.start)
    return None


@dataclass(eq=False)
class Mention:
    span: Span
    titles: list[TitleMention]
    actor: Actor | None
    rule: str
    country: str | None = None
    person: "Person | None" = None


@dataclass(eq=False)
class Person:
    mentions: list[Mention] = field(default_factory=list)
    actor: Actor | None = None
    short_forms: set[str] = field(default_factory=set)
    named: tuple | None = field(default=None, repr=False)  # ((mentions read, actor id), name), see ``name``

    @property
    def forms(self) -> list[str]:
        seen, forms = set(), []
        for mention in sorted(self.mentions, key=lambda m: -len(m.span)):
            text = mention_text(mention.span)
            if folded(text) not in seen:
                seen.add(folded(text))
                forms.append(text)
        return forms

    @property
    def name(self) -> str:
        """The fullest form written; the registry's name when the text only glued or misspelt it (worked out
        again only when mentions were added: the rules ask for it once per mention)."""
        if self.named and self.named[0] == (len(self.mentions), id(self.actor)):
            return self.named[1]
        full = [mention_text(m.span) for m in self.mentions if len(m.span) > 1 and m.rule != VARIANT_RULE]
        if full:
            name = max(full, key=lambda text: (len(text.split()), -full.index(text)))
        else:
            name = self.actor.name if self.actor else mention_text(self.mentions[0].span)
        self.named = ((len(self.mentions), id(self.actor)), name)
        return name

    @property
    def written_aliases(self) -> list[str]:
        """The other forms the article wrote for the person."""
        name = folded(self.name)
        return _unique([f for f in self.forms if folded(f) != name], {name})

    @property
    def registry_aliases(self) -> list[str]:
        """The registry's forms of the person's name that the article did not write."""
        if not self.actor:
            return []
        seen = {folded(self.name)} | {folded(f) for f in self.forms}
        return _unique(list(self.actor.forms()), seen)

    @property
    def aliases(self) -> list[str]:
        return self.written_aliases + self.registry_aliases

    @property
    def titles(self) -> list[TitleMention]:
        """Distinct offices; a bare "President" is dropped when "President of Laos" is also given."""
        seen, titles = set(), []
        for mention in self.mentions:
            for title in mention.titles:
                if folded(title.text) not in seen:
                    seen.add(folded(title.text))
                    titles.append(title)
        folds = [f" {folded(t.text)} " for t in titles]
        return [t for t, f in zip(titles, folds) if not any(f != other and f in other for other in folds)]

    @property
    def country(self) -> str | None:
        for mention in self.mentions:
            if mention.country:
                return mention.country
        return self.actor.country if self.actor else None

    @property
    def first(self) -> Mention:
        return self.mentions[0]


def _unique(forms: list[str], seen: set[str]) -> list[str]:
    unique = []
    for form in forms:
        if folded(form) not in seen:
            seen.add(folded(form))
            unique.append(form)
    return unique


@dataclass
class Reference:
    span: Span
    country: str | None
    role: str | None
    person: Person | None
    registry_name: str | None = None
    registry_id: str | None = None


for _name in ("people", "person_mentions", "references", "warnings"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=[])

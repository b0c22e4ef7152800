"""People: names from the dated actor registry and names anchored on titles, honorifics,
appositions and "counterpart", plus Vietnamese names known by their shape (a family name and three or four
Vietnamese syllables); short forms ("Lâm", "Thongloun") joined to the person they stand for. A name that
heads a place or organisation ("Tran Hung Dao Street", "Kaysone Phomvihane Museum"), lies inside a longer
lexicon phrase ("Ho Chi Minh City") or credits a photo or story ("Photo: ...", "By ...", ".../VNA") is no person.

Adds to the Doc:
- ``doc._.people``: list of :class:`Person` (name = fullest form written, aliases, titles, country,
  registry actor), in order of first mention
- ``doc._.person_mentions``: list of :class:`Mention` in text order, each pointing at its person
- ``doc._.references``: list of :class:`Reference` ("the Lao leader", "the Lao Prime Minister", an unnamed
  "his Vietnamese counterpart" - who holds the office of the person he is the counterpart of) resolved to a
  person of the article, or to the registry's office holder on the published date
- ``doc._.warnings``: a message when an article's title for a person contradicts the registry
- ``token._.name_part``: the token can be part of a person's name
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..errors import Warnings
from ..registry import Actor, Registry, fold
from ..resources import load_package_jsonl
from .patterns import evidence
from .titles import TitleMention, text_is_acronym

CHAIN_JOINERS = {"and", "cum", ",", "&"}
COUNTERPART_WORDS = {"counterpart", "counterparts"}
APPOSITION_VERBS = {"who", "serves", "served", "is", "was", "has", "been", "became", "as", "the", "a", "an", "elected",
                    "re-elected", "re", "-", "appointed", "named", "newly", "also", "concurrently", "now", "currently"}
# Words before a name that credit a photo or a story to it.
CREDIT_CUES = {"photo", "photos", "image", "images", "source", "courtesy", "credit", "credits", "reporter",
               "reporters", "correspondent", "writer", "author", "editor", "illustration", "graphic", "video"}
DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
# A name whose words tell its origin is a person when it speaks or is introduced: "Khamphou Sengsouvanh said",
# "according to Wang Wenbin", "Somphone Keola, 52, a farmer".
SPEECH_VERBS = {"said", "says", "told", "added", "noted", "stressed", "affirmed", "emphasised", "emphasized",
                "underlined", "underscored", "explained", "expressed", "highlighted", "urged", "proposed", "suggested",
                "thanked", "praised", "congratulated", "reiterated", "pledged", "hoped", "wished", "believed",
                "asked", "recalled", "briefed", "informed", "stated", "remarked", "commented", "acknowledged",
                "asserted", "confirmed", "revealed", "explains", "adds", "notes", "recalls"}
# One Vietnamese syllable, diacritics folded: initial consonant, one to three vowels, final consonant.
VN_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")
# Office ranks when a person holds several: the counterpart of a general secretary is a general secretary; of a
# deputy prime minister and foreign minister, a foreign minister (deputy prime ministers are many).
ROLE_RANK = {"general_secretary": 0, "president": 1, "prime_minister": 2, "na_chair": 3, "vice_president": 4,
             "foreign_minister": 5, "defence_minister": 6, "deputy_prime_minister": 7, "minister": 8}
CHECKED_ROLES = {"general_secretary", "president", "prime_minister", "na_chair", "foreign_minister",
                 "defence_minister"}


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

    @property
    def forms(self) -> list[str]:
        seen, forms = set(), []
        for mention in sorted(self.mentions, key=lambda m: -len(m.span)):
            text = mention_text(mention.span)
            if fold(text) not in seen:
                seen.add(fold(text))
                forms.append(text)
        return forms

    @property
    def name(self) -> str:
        full = [mention_text(m.span) for m in self.mentions if len(m.span) > 1]
        if full:
            return max(full, key=lambda text: (len(text.split()), -full.index(text)))
        return self.actor.name if self.actor else mention_text(self.mentions[0].span)

    @property
    def aliases(self) -> list[str]:
        name = fold(self.name)
        aliases = [f for f in self.forms if fold(f) != name]
        if self.actor:
            aliases += [f for f in self.actor.forms() if fold(f) != name]
        seen, unique = {name}, []
        for alias in aliases:
            if fold(alias) not in seen:
                seen.add(fold(alias))
                unique.append(alias)
        return unique

    @property
    def titles(self) -> list[TitleMention]:
        """Distinct offices; a bare "President" is dropped when "President of Laos" is also given."""
        seen, titles = set(), []
        for mention in self.mentions:
            for title in mention.titles:
                if fold(title.text) not in seen:
                    seen.add(fold(title.text))
                    titles.append(title)
        folded = [f" {fold(t.text)} " for t in titles]
        return [t for t, f in zip(titles, folded) if not any(f != other and f in other for other in folded)]

    @property
    def country(self) -> str | None:
        for mention in self.mentions:
            if mention.country:
                return mention.country
        return self.actor.country if self.actor else None

    @property
    def first(self) -> Mention:
        return self.mentions[0]


@dataclass
class Reference:
    span: Span
    country: str | None
    role: str | None
    person: Person | None
    registry_name: str | None = None


def name_parts(doc: Doc) -> list[bool]:
    """For each token: can it be part of a person's name? Capitalised words outside the lexicon, the
    pieces of a hyphenated name ("Chan-o-cha"), and lexicon words that are Vietnamese given names inside a
    Vietnamese name (``_lexicon_word_in_name``). Never a token outside the article body."""
    lex = [token._.lex for token in doc]
    ignored = [token._.ignored for token in doc]
    parts = []
    for i, token in enumerate(doc):
        text = token.text
        if ignored[i]:
            part = False
        elif lex[i]:
            part = _lexicon_word_in_name(doc, i, lex, ignored)
        elif text == "-":
            part = (0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not token.whitespace_
                    and doc[i + 1].is_alpha)
        elif not text[0].isalpha():
            part = False
        elif text[0].isupper():
            part = not (len(text) > 1 and text.isupper())
        else:
            part = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
        parts.append(part)
    return parts


def _vietnamese_families() -> frozenset[str]:
    return frozenset(fold(w) for row in load_package_jsonl("name_origins.jsonl") if row["country"] == "VN"
                     for w in row.get("family_names", []))


VN_FAMILIES = _vietnamese_families()


def _lexicon_word_in_name(doc: Doc, i: int, lex: list[str], ignored: list[bool]) -> bool:
    """A lexicon word that is also a Vietnamese given name, inside a name that starts with a Vietnamese
    family name: "Nguyễn Văn An", "Nguyễn Thị Hue", "Trần Văn Vinh", "Nguyen Thai Hoc"."""
    if lex[i] not in ("place", "common", "nationality"):
        return False
    token = doc[i]
    text = token.text
    if not text[:1].isupper() or text.isupper() or not VN_SYLLABLE.match(fold(text)):
        return False
    if i + 1 < len(doc) and lex[i + 1] == lex[i]:
        return False  # a longer phrase: "Hai Phong", "Thai Binh"
    entry = token._.lex_entry or {}
    if (lex[i] == "place" and entry.get("kind") != "city") or entry.get("kind") == "name_tail":
        return False
    j, words = i - 1, 0
    while j >= 0 and words < 3:
        previous = doc[j]
        if lex[j] or ignored[j] or not previous.is_alpha or not previous.text[:1].isupper() or \
                previous.is_upper or not previous.whitespace_:
            break
        j -= 1
        words += 1
    return words >= 1 and fold(doc[j + 1].text) in VN_FAMILIES


# Set once per Doc before matching (see PeopleFinder.__call__).
if not Token.has_extension("name_part"):
    Token.set_extension("name_part", default=False)
for _name in ("people", "person_mentions", "references", "warnings"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=[])


def name_words(span: Span) -> list[str]:
    words = [t.text for t in span if t.text != "-"]
    if words and words[-1].endswith(".") and len(words[-1]) > 2:
        words[-1] = words[-1][:-1]  # "Hun Sen." at a sentence end is one token
    return words


def mention_text(span: Span) -> str:
    text = span.text
    return text[:-1] if text.endswith(".") and len(span[-1]) > 2 else text


class NameOrigins:
    """What a name's words tell of its country and short form (``resources/name_origins.jsonl``)."""

    def __init__(self, rows: list[dict]):
        self.rows = []
        for row in rows:
            self.rows.append((row["country"], row.get("short_form", "first"),
                              {fold(w) for w in row.get("family_names", [])},
                              {fold(w) for w in row.get("last_names", [])},
                              tuple(fold(w) for w in row.get("last_suffixes", []))))

    def of(self, words: list[str]) -> tuple[str, str] | None:
        """(country, short form: "first"|"last"|"none") for a name of two words or more, or None."""
        if len(words) < 2:
            return None
        first, last = fold(words[0]), fold(words[-1])
        for country, short, families, lasts, suffixes in self.rows:
            if first in families or last in lasts or (suffixes and last.endswith(suffixes)):
                return country, short
        return None

    def family(self, word: str) -> str | None:
        """The country whose family names (first word) include ``word``."""
        folded = fold(word)
        return next((country for country, _, families, _, _ in self.rows if folded in families), None)


class PeopleFinder:
    """Finds people; see the module docstring."""

    def __init__(self, nlp: Language, name: str, actor_files: list[str]):
        self.name = name
        self.registry = Registry.load(actor_files)
        self.origins = NameOrigins(load_package_jsonl("name_origins.jsonl"))
        self.full_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.short_of: dict[str, list[Actor]] = {}
        self.actor_of: dict[int, Actor] = {}
        for actor in self.registry.actors:
            docs = list(nlp.tokenizer.pipe(actor.forms()))
            # "Sen." is one token (an abbreviation), so "Hun Sen." at a sentence end needs its own pattern
            dotted = [d for d, plain in zip(nlp.tokenizer.pipe(f + "." for f in actor.forms()), docs)
                      if len(d) == len(plain)]
            self.full_matcher.add(actor.id, docs + dotted)
            self.actor_of[nlp.vocab.strings[actor.id]] = actor
            for short in actor.short:
                self.short_of.setdefault(fold(short), []).append(actor)
        self.nationality_of = {phrase.lower(): row["country"] for row in load_package_jsonl("lexicon.jsonl")
                               if row["label"] == "nationality" for phrase in row["phrases"] if " " not in phrase}
        self.role_of = {phrase.lower(): row["role"] for row in load_package_jsonl("offices.jsonl")
                        for phrase in row["phrases"] if " " not in phrase}
        self.name_matcher = Matcher(nlp.vocab)
        self.name_matcher.add("name", [[{"_": {"name_part": True}, "OP": "+"}]], greedy="LONGEST")

    # -- candidates -------------------------------------------------------------------------------
    def _registry_spans(self, doc: Doc) -> list[tuple[Span, Actor]]:
        lexicon = [(span.start, span.end) for span, row in doc._.lexicon
                   if row["label"] in ("place", "org", "party", "common")]
        found = []
        for match_id, start, end in self.full_matcher(doc):
            span = doc[start:end]
            if any(t._.ignored for t in span):
                continue
            if any(s < end and start < e and (s < start or e > end) for s, e in lexicon):
                continue  # "Ho Chi Minh" in "Ho Chi Minh City"
            found.append((span, self.actor_of[match_id]))
        found.sort(key=lambda item: (item[0].start, -len(item[0])))
        kept, last_end = [], -1
        for span, actor in found:
            if span.start >= last_end:
                kept.append((span, actor))
                last_end = span.end
        return kept

    def _name_runs(self, doc: Doc) -> list[Span]:
        runs = [doc[s:e] for _, s, e in self.name_matcher(doc)]
        trimmed = []
        for run in runs:
            while len(run) and run[-1].text == "-":
                run = run[:-1]
            if len(run):
                trimmed.append(run)
        return sorted(trimmed, key=lambda s: s.start)

    # -- what is not a person -----------------------------------------------------------------------
    @staticmethod
    def _heads_a_name(doc: Doc, span: Span) -> bool:
        """The name is the first part of a place or organisation: "Tran Hung Dao Street",
        "Kaysone Phomvihane Museum", "Ho Chi Minh National Academy of Politics"."""
        if span.end >= len(doc):
            return False
        nxt = doc[span.end]
        return (nxt.text[:1].isupper() and nxt._.lex in ("common", "org") and nxt.lower_ not in DATE_WORDS
                and not nxt._.ignored)

    @staticmethod
    def _credited(doc: Doc, span: Span) -> bool:
        """A photo or story credit: "Photo: Trần Hải Nam", "By Souksakhone Vaenkeo", "Trần Hải Nam/VNA"."""
        i = span.start
        while i > 0 and doc[i - 1].text in (":", "(", "-", "–", "—"):
            i -= 1
        if i > 0:
            before = doc[i - 1]
            if before.lower_ in CREDIT_CUES:
                return True
            if before.lower_ == "by" and i > 1 and doc[i - 2].lower_ in CREDIT_CUES | {"story", "text", "written"}:
                return True  # "Photo by ...", "Story by ..."
            if before.text == "By" and (before.i == 0 or before.is_sent_start or "\n" in doc[before.i - 1].whitespace_):
                return True
        return (span.end + 1 < len(doc) and doc[span.end].text == "/" and not doc[span.end].whitespace_
                and text_is_acronym(doc[span.end + 1].text))

    def _not_a_person(self, doc: Doc, span: Span) -> bool:
        return self._heads_a_name(doc, span) or self._credited(doc, span)

    def _vietnamese_shape(self, doc: Doc, run: Span) -> bool:
        """Three or four Vietnamese syllables after a Vietnamese family name, standing on their own."""
        words = name_words(run)
        if not 3 <= len(words) <= 4 or any(t.text == "-" for t in run):
            return False
        if self.origins.family(words[0]) != "VN":
            return False
        if not all(VN_SYLLABLE.match(fold(w)) and w[:1].isupper() for w in words):
            return False
        nxt = doc[run.end] if run.end < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt._.lex:
            return False  # "Ho Chi Minh National ...": part of a longer name
        return not (run.start > 0 and doc[run.start - 1].lower_ == "the")

    def _introduced(self, doc: Doc, run: Span) -> bool:
        """A name of known origin that speaks or is introduced: "Khamphou Sengsouvanh said", "said Li Ming",
        "according to Sok Vanna", "Somphone Keola, 52, a farmer"."""
        words = name_words(run)
        if not 2 <= len(words) <= 4 or self.origins.of(words) is None:
            return False
        nxt = doc[run.end] if run.end < len(doc) else None
        if nxt is not None and nxt.lower_ in SPEECH_VERBS:
            return True
        if run.start > 0 and doc[run.start - 1].lower_ in ("said", "says", "added", "noted"):
            return True
        if run.start > 1 and doc[run.start - 2].lower_ == "according" and doc[run.start - 1].lower_ == "to":
            return True
        if nxt is not None and nxt.text == "," and run.end + 2 < len(doc):
            after = doc[run.end + 1]
            if after.like_num and doc[run.end + 2].text == ",":
                return True  # an age
            if after.lower_ in ("a", "an") and doc[run.end + 2].is_lower:
                return True
        return False

    # -- anchors ----------------------------------------------------------------------------------
    @staticmethod
    def _skip_back(doc: Doc, i: int) -> int:
        """Index just after the title before a name: skip honorifics and "(NA)"-like asides."""
        while i > 0:
            token = doc[i - 1]
            if token._.lex == "honorific":
                i -= 1
            elif token.text == ")" and i >= 3 and doc[i - 3].text == "(":
                i -= 3
            else:
                break
        return i

    def _titles_before(self, doc: Doc, start: int, ends: dict[int, TitleMention]) -> list[TitleMention]:
        i = self._skip_back(doc, start)
        comma_gap = i > 0 and doc[i - 1].text == "," and (i - 1) in ends
        if comma_gap:
            i -= 1
        chain = []
        while i in ends:
            title = ends[i]
            chain.insert(0, title)
            i = title.start
            if i > 0 and doc[i - 1].lower_ in CHAIN_JOINERS and (i - 1) in ends:
                i -= 1
            elif i > 1 and doc[i - 1].lower_ in CHAIN_JOINERS and doc[i - 2].text == "," and (i - 2) in ends:
                i -= 2
            else:
                break
        if comma_gap and not self._introduces_name(doc, chain):
            return []
        return chain

    @staticmethod
    def _introduces_name(doc: Doc, chain: list[TitleMention]) -> bool:
        """ "the General Secretary of ... and President of Laos, Thongloun Sisoulith", "the Lao Prime Minister,
        Sonexay Siphandone": a title set off by a comma names the person after it only when it opens with "the"
        and is a full office or names a country."""
        first = chain[0].start if chain else 0
        full = len(chain) > 1 or any(t.lower_ in ("of", "to") for t in chain[-1].span) if chain else False
        national = bool(chain) and chain[0].span[0]._.lex == "nationality"
        return first > 0 and doc[first - 1].lower_ == "the" and (full or national)

    def _titles_after(self, doc: Doc, end: int, starts: dict[int, TitleMention]) -> list[TitleMention]:
        i = end
        if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
            i += 2  # an age: "Sonexay Siphandone, 57, became prime minister"
        if i < len(doc) and doc[i].text == ",":
            i += 1
        elif not (i < len(doc) and doc[i].lower_ in APPOSITION_VERBS):
            return []
        while i < len(doc) and i - end < 8 and doc[i].lower_ in APPOSITION_VERBS and i not in starts:
            i += 1
        chain = []
        while i in starts:
            title = starts[i]
            chain.append(title)
            i = title.end
            if i < len(doc) and doc[i].lower_ in CHAIN_JOINERS and (i + 1) in starts:
                i += 1
            elif i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in CHAIN_JOINERS and (i + 2) in starts:
                i += 2
            else:
                break
        if chain and self._opens_name(doc, chain[-1].end):
            return []  # "X, Title Y": the title belongs to Y
        return chain

    @staticmethod
    def _opens_name(doc: Doc, i: int) -> bool:
        while i < len(doc) and doc[i]._.lex == "honorific":
            i += 1
        return i < len(doc) and doc[i]._.name_part

    @staticmethod
    def _anchor_before(doc: Doc, start: int) -> tuple[str | None, str | None]:
        """("honorific"|"counterpart", country) for what stands right before a name: "Mr.", "H.E.",
        "his Lao counterpart", "his visiting Vietnamese counterpart Gen.", "Lao counterpart"."""
        i = start
        honorific = False
        while i > 0 and doc[i - 1]._.lex == "honorific":
            i -= 1
            honorific = True
        country = None
        j = i
        while j > 0 and (doc[j - 1]._.lex == "nationality" or
                         doc[j - 1].lower_ in ("visiting", "new", "newly-appointed")):
            if doc[j - 1]._.lex == "nationality" and country is None:
                country = (doc[j - 1]._.lex_entry or {}).get("country")
            j -= 1
        if j > 0 and doc[j - 1].text == ",":
            j -= 1  # "his Lao counterpart, Sonexay Siphandone"
        if j > 0 and doc[j - 1].lower_ in COUNTERPART_WORDS:
            k = j - 1
            while k > 0 and (doc[k - 1]._.lex == "nationality" or doc[k - 1].lower_ in ("visiting", "new")):
                if doc[k - 1]._.lex == "nationality" and country is None:
                    country = (doc[k - 1]._.lex_entry or {}).get("country")
                k -= 1
            return "counterpart", country
        if honorific:
            return "honorific", None
        return None, None

    # -- building people --------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[Mention]:
        titles = doc._.titles
        ends = {t.end: t for t in titles}
        starts = {t.start: t for t in titles}
        mentions: list[Mention] = []
        registry_spans = self._registry_spans(doc)
        taken = set()
        for span, actor in registry_spans:
            if self._not_a_person(doc, span):
                continue
            mentions.append(self._mention(doc, span, actor, "registry", ends, starts))
            taken.update(range(span.start, span.end))
        for run in self._name_runs(doc):
            if taken.intersection(range(run.start, run.end)):
                continue
            words = name_words(run)
            if len(words) < 2 or len(words) > 5 or self._not_a_person(doc, run):
                continue
            mention = self._mention(doc, run, None, "", ends, starts)
            if not mention.rule and self._vietnamese_shape(doc, run):
                mention.rule = "vietnamese_name"
            if not mention.rule and self._introduced(doc, run):
                mention.rule = "introduced"
            if mention.rule:
                mentions.append(mention)
                taken.update(range(run.start, run.end))
        return sorted(mentions, key=lambda m: m.span.start)

    def _mention(self, doc, span, actor, rule, ends, starts) -> Mention:
        before = self._titles_before(doc, span.start, ends)
        after = self._titles_after(doc, span.end, starts)
        anchor, anchor_country = self._anchor_before(doc, span.start)
        if not rule:
            rule = ("title_before" if before else "apposition" if after else anchor or "")
        titles = before + after
        country = next((t.country for t in titles if t.country), None) or anchor_country
        return Mention(span, titles, actor, rule, country)

    def _short_forms(self, person: Person) -> set[str]:
        if person.actor:
            forms = {fold(s) for s in person.actor.short}
            forms.update(fold(f) for f in person.actor.forms())
        else:
            forms = set()
        for mention in person.mentions:
            words = name_words(mention.span)
            forms.add(fold(" ".join(words)))
            if person.actor is None and len(words) >= 2:
                origin = self.origins.of(words)
                how = origin[1] if origin else "first"
                if how == "last":
                    forms.add(fold(words[-1]))
                elif how == "first":
                    forms.add(fold(words[0]))
                    if not origin:
                        forms.add(fold(words[-1]))
        return forms

    def cluster(self, doc: Doc, mentions: list[Mention]) -> list[Person]:
        people: list[Person] = []
        by_key: dict[str, Person] = {}
        for mention in mentions:
            key = mention.actor.id if mention.actor else fold(" ".join(name_words(mention.span)))
            person = by_key.get(key)
            if person is None and mention.actor is None:
                person = next((p for p in people if p.actor and key in {fold(f) for f in p.actor.forms()}), None)
            if person is None:
                person = Person(actor=mention.actor)
                people.append(person)
                by_key[key] = person
            person.mentions.append(mention)
            mention.person = person
        for person in people:
            person.short_forms = self._short_forms(person)
        self._add_short_mentions(doc, people, mentions)
        return people

    def _add_short_mentions(self, doc: Doc, people: list[Person], mentions: list[Mention]) -> None:
        """Single words and partial names that stand for a person already found (or, after a title,
        for the registry's holder of that office)."""
        taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
        titles_end = {t.end: t for t in doc._.titles}
        for run in self._name_runs(doc):
            if taken.intersection(range(run.start, run.end)) or self._not_a_person(doc, run):
                continue
            form = fold(" ".join(name_words(run)))
            candidates = [p for p in people if form in p.short_forms]
            if not candidates:
                person = self._short_with_title(doc, run, form, titles_end, people)
                if person is None:
                    continue
                candidates = [person]
            person = max(candidates, key=lambda p: max((m.span.start for m in p.mentions if m.span.start < run.start),
                                                       default=-1))
            before = self._titles_before(doc, run.start, titles_end)
            after = self._titles_after(doc, run.end, {t.start: t for t in doc._.titles})
            mention = Mention(run, before + after, person.actor, "short_form", None, person)
            person.mentions.append(mention)
            mentions.append(mention)
        for person in people:
            person.mentions.sort(key=lambda m: m.span.start)
        mentions.sort(key=lambda m: m.span.start)

    def _short_with_title(self, doc, run, form, titles_end, people) -> Person | None:
        """A short form alone stands for a registry actor after a title that actor held on the published date
        ("PM Chính"), or after an honorific when only one actor goes by it and holds an office then ("Mr Sonexay")."""
        before = self._titles_before(doc, run.start, titles_end)
        published = doc._.published
        if published is None:
            return None
        actors = self.short_of.get(form, [])
        chosen = None
        if before:
            chosen = next((a for a in actors if any(o.role == t.role for t in before for o in a.offices_on(published))),
                          None)
        elif len(actors) == 1 and self._anchor_before(doc, run.start)[0] == "honorific" and \
                actors[0].offices_on(published):
            chosen = actors[0]
        if chosen is None:
            return None
        person = Person(actor=chosen)
        person.short_forms = self._short_forms(person) | {form}
        people.append(person)
        return person

    def assign_countries(self, people: list[Person]) -> None:
        for person in people:
            if person.country is None:
                words = name_words(max((m.span for m in person.mentions), key=len))
                origin = self.origins.of(words)
                if origin:
                    person.first.country = origin[0]

    def warnings(self, doc: Doc, people: list[Person]) -> list[str]:
        published = doc._.published
        messages = []
        if published is None:
            return messages
        for person in people:
            if person.actor is None:
                continue
            for title in person.titles:
                if (title.role in CHECKED_ROLES and not title.past and
                        self.registry.title_conflicts(person.actor, title.role, published)):
                    held = ", ".join(o.title for o in person.actor.offices_on(published)) or "no office"
                    messages.append(Warnings.W003.format(name=person.name, title=title.text, held=held,
                                                         date=published.isoformat()))
        return messages

    def references(self, doc: Doc, people: list[Person], mentions: list[Mention]) -> list[Reference]:
        """Leaders named only by office or nationality, resolved to the article's people or the registry."""
        named_titles = {id(t) for m in mentions for t in m.titles}
        found = []
        for span, row in doc._.lexicon:
            if row["label"] == "reference" and not span[0]._.ignored:
                country = next((self.nationality_of[t.lower_] for t in span if t.lower_ in self.nationality_of), None)
                role = row.get("role") or next((self.role_of[t.lower_] for t in span if t.lower_ in self.role_of), None)
                found.append((span, country, role))
        for title in doc._.titles:
            if id(title) in named_titles or title.country is None:
                continue
            if title.span.start > 0 and doc[title.span.start - 1].lower_ in ("the", "his", "her", "its"):
                found.append((title.span, title.country, title.role))
        found += self._counterparts(doc, mentions, found)
        references = []
        for span, country, role in found:
            person = self._resolve(span, country, role, people)
            registry_name = None
            if person is None and country and role and doc._.published:
                actor = self.registry.holder(role, country, doc._.published)
                registry_name = actor.name if actor else None
            references.append(Reference(span, country, role, person, registry_name))
        return sorted(references, key=lambda r: r.span.start)

    def _counterparts(self, doc: Doc, mentions: list[Mention], found: list) -> list[tuple[Span, str, str]]:
        """Unnamed counterparts ("his Vietnamese counterpart", "her counterpart from Laos"): the country
        written, the office of the nearest person or office named before (same or previous sentence)."""
        starts = {m.span.start for m in mentions}
        counterparts = []
        for token in doc:
            if token.lower_ != "counterpart" or token._.ignored:
                continue
            k = token.i + 1
            if k < len(doc) and doc[k].text == ",":
                k += 1
            while k < len(doc) and doc[k]._.lex == "honorific":
                k += 1
            if k in starts:
                continue  # named: that name is the counterpart
            start, end, country = token.i, token.i + 1, None
            while start > 0 and (doc[start - 1]._.lex == "nationality" or doc[start - 1].lower_ in ("visiting", "new")):
                if doc[start - 1]._.lex == "nationality" and country is None:
                    country = (doc[start - 1]._.lex_entry or {}).get("country")
                start -= 1
            if start > 0 and doc[start - 1].lower_ in ("his", "her", "their", "its", "the"):
                start -= 1
            if (country is None and end + 1 < len(doc) and doc[end].lower_ in ("from", "of")
                    and doc[end + 1]._.lex == "place"):
                country = (doc[end + 1]._.lex_entry or {}).get("country")
                end += 2
            if country is None:
                continue
            role = self._role_before(doc, start, mentions, found)
            if role:
                counterparts.append((doc[start:end], country, role))
        return counterparts

    def _role_before(self, doc: Doc, i: int, mentions: list[Mention], found: list) -> str | None:
        """The office of the nearest person or office named before token ``i`` in its sentence or the one before."""
        sentence = doc[i].sent
        window = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        candidates = []
        for mention in mentions:
            if window <= mention.span.start < i and mention.person is not None:
                candidates.append((mention.span.start, self._person_role(doc, mention.person)))
        for span, _, role in found:
            if window <= span.start < i:
                candidates.append((span.start, role))
        candidates = [c for c in candidates if c[1]]
        return max(candidates)[1] if candidates else None

    @staticmethod
    def _person_role(doc: Doc, person: Person) -> str | None:
        """The highest office the article gives a person, else the registry's on the published date."""
        roles = [t.role for t in person.titles if t.role in ROLE_RANK and not t.past]
        if not roles and person.actor is not None and doc._.published is not None:
            roles = [o.role for o in person.actor.offices_on(doc._.published) if o.role in ROLE_RANK]
        return min(roles, key=ROLE_RANK.get) if roles else None

    @staticmethod
    def _resolve(span: Span, country: str | None, role: str | None, people: list[Person]) -> Person | None:
        if country is None:
            return None
        fitting = [p for p in people if p.country == country and (role is None or any(t.role == role for t in p.titles))]
        if not fitting:
            return None
        rank = {"general_secretary": 0, "president": 1, "prime_minister": 2, "na_chair": 3}
        return min(fitting, key=lambda p: (min((rank.get(t.role, 9) for t in p.titles), default=9),
                                           p.first.span.start))

    def __call__(self, doc: Doc) -> Doc:
        for token, part in zip(doc, name_parts(doc)):
            token._.name_part = part
        mentions = self.match(doc)
        people = self.cluster(doc, mentions)
        self.assign_countries(people)
        doc._.people = people
        doc._.person_mentions = mentions
        doc._.references = self.references(doc, people, mentions)
        doc._.warnings = list(doc._.warnings) + self.warnings(doc, people)
        return doc


def person_record(person: Person) -> dict:
    first = person.first
    return {"name": person.name, "aliases": person.aliases, "titles": [t.text for t in person.titles],
            "country": person.country, "registry_id": person.actor.id if person.actor else None,
            "mentions": [[m.span.start_char, m.span.start_char + len(mention_text(m.span))] for m in person.mentions],
            "evidence": evidence(first.span, first.rule)}


@Language.factory("vnlao_people", default_config={"actor_files": []})
def make_people_finder(nlp: Language, name: str, actor_files: list[str]) -> PeopleFinder:
    return PeopleFinder(nlp, name, actor_files)

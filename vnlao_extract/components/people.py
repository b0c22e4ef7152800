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
- ``token._.name_part``: the token can be part of a person's name (read from a per-Doc list, see
  :func:`name_parts`)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from spacy.attrs import LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..errors import Warnings
from ..registry import Actor, Registry, fold
from ..resources import load_package_jsonl
from .patterns import evidence
from .titles import TitleMention, text_is_acronym
from .tokens import ignored_mask, lex_entries, lex_labels

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
            if _folded(text) not in seen:
                seen.add(_folded(text))
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
        name = _folded(self.name)
        aliases = [f for f in self.forms if _folded(f) != name]
        if self.actor:
            aliases += [f for f in self.actor.forms() if _folded(f) != name]
        seen, unique = {name}, []
        for alias in aliases:
            if _folded(alias) not in seen:
                seen.add(_folded(alias))
                unique.append(alias)
        return unique

    @property
    def titles(self) -> list[TitleMention]:
        """Distinct offices; a bare "President" is dropped when "President of Laos" is also given."""
        seen, titles = set(), []
        for mention in self.mentions:
            for title in mention.titles:
                if _folded(title.text) not in seen:
                    seen.add(_folded(title.text))
                    titles.append(title)
        folded = [f" {_folded(t.text)} " for t in titles]
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


def _vietnamese_families() -> frozenset[str]:
    return frozenset(fold(w) for row in load_package_jsonl("name_origins.jsonl") if row["country"] == "VN"
                     for w in row.get("family_names", []))


VN_FAMILIES = _vietnamese_families()
NAME_PARTS = ("vnlao", "name_parts")  # doc.user_data key of name_parts(doc)

# What a word's letters tell, as bits. Kept per distinct word (orth id): the same words recur in every Doc.
FIRST_UPPER, FIRST_ALPHA, ALL_UPPER, ALPHA, DASH, ONE_CHAR, VN_SYLLABLE_WORD, VN_FAMILY = 1, 2, 4, 8, 16, 32, 64, 128
# A word of letters only, capitalised and not all capitals ("Nguyen", not "UN").
CAPITALISED_MASK, CAPITALISED = ALPHA | FIRST_UPPER | ALL_UPPER, ALPHA | FIRST_UPPER
_SHAPES: dict[int, int] = {}
SHAPE_CACHE_SIZE = 20_000  # words; emptied when full, so that a long batch's new names do not pile up


def _shape_of(text: str) -> int:
    first, folded = text[:1], fold(text)
    return ((FIRST_UPPER if first.isupper() else 0) | (FIRST_ALPHA if first.isalpha() else 0) |
            (ALL_UPPER if text.isupper() else 0) | (ALPHA if text.isalpha() else 0) |
            (DASH if text == "-" else 0) | (ONE_CHAR if len(text) == 1 else 0) |
            (VN_SYLLABLE_WORD if VN_SYLLABLE.match(folded) else 0) | (VN_FAMILY if folded in VN_FAMILIES else 0))


def word_shapes(doc: Doc) -> list[int]:
    """What the letters of every token tell (``FIRST_UPPER``, ``ALPHA``...)."""
    orths = doc.to_array(ORTH).tolist()
    shapes = list(map(_SHAPES.get, orths))
    if None in shapes:
        if len(_SHAPES) > SHAPE_CACHE_SIZE:
            _SHAPES.clear()
        strings = doc.vocab.strings
        for i, orth in enumerate(orths):
            if shapes[i] is None:
                shapes[i] = _SHAPES[orth] = _shape_of(strings[orth])
    return shapes


def name_parts(doc: Doc) -> list[bool]:
    """For each token: can it be part of a person's name? (:func:`find_name_parts`, kept in ``doc.user_data``.)"""
    parts = doc.user_data.get(NAME_PARTS)
    if parts is None or len(parts) != len(doc):
        parts = doc.user_data[NAME_PARTS] = find_name_parts(doc, word_shapes(doc))
    return parts


def find_name_parts(doc: Doc, shapes: list[int]) -> list[bool]:
    """For each token: can it be part of a person's name? Capitalised words outside the lexicon, the
    pieces of a hyphenated name ("Chan-o-cha"), and lexicon words that are Vietnamese given names inside a
    Vietnamese name (``_lexicon_word_in_name``). Never a token outside the article body."""
    lex, ignored, entries = lex_labels(doc), ignored_mask(doc), lex_entries(doc)
    spaces = doc.to_array(SPACY).tolist()
    last = len(doc) - 1
    parts = [False] * len(doc)
    for i in _name_part_candidates(shapes):
        shape = shapes[i]
        if ignored[i]:
            continue
        if lex[i]:
            parts[i] = _lexicon_word_in_name(i, lex, ignored, entries, shapes, spaces)
        elif shape & DASH:
            parts[i] = 0 < i < last and not spaces[i - 1] and not spaces[i] and bool(shapes[i + 1] & ALPHA)
        elif not shape & FIRST_ALPHA:
            continue
        elif shape & FIRST_UPPER:
            parts[i] = not (shape & ALL_UPPER and not shape & ONE_CHAR)
        else:
            parts[i] = bool(shapes[i - 1] & DASH) and not spaces[i - 1]
    return parts


def _name_part_candidates(shapes: list[int]) -> list[int]:
    """The tokens that can be name parts at all: capitalised, a hyphen, or right after a hyphen."""
    shapes = numpy.array(shapes, dtype=numpy.int64)
    dashes = (shapes & DASH) != 0
    found = ((shapes & FIRST_UPPER) != 0) | dashes
    found[1:] |= dashes[:-1]
    return numpy.flatnonzero(found).tolist()


def _lexicon_word_in_name(i: int, lex: list[str], ignored: list[bool], entries: list[dict | None],
                          shapes: list[int], spaces: list[int]) -> bool:
    """A lexicon word that is also a Vietnamese given name, inside a name that starts with a Vietnamese
    family name: "Nguyễn Văn An", "Nguyễn Thị Hue", "Trần Văn Vinh", "Nguyen Thai Hoc"."""
    label, shape = lex[i], shapes[i]
    if label not in ("place", "common", "nationality"):
        return False
    if not shape & FIRST_UPPER or shape & ALL_UPPER or not shape & VN_SYLLABLE_WORD:
        return False
    if i + 1 < len(lex) and lex[i + 1] == label:
        return False  # a longer phrase: "Hai Phong", "Thai Binh"
    kind = (entries[i] or {}).get("kind")
    if (label == "place" and kind != "city") or kind == "name_tail":
        return False
    j, words = i - 1, 0
    while j >= 0 and words < 3:
        if lex[j] or ignored[j] or not spaces[j] or shapes[j] & CAPITALISED_MASK != CAPITALISED:
            break
        j -= 1
        words += 1
    return words >= 1 and bool(shapes[j + 1] & VN_FAMILY)


def _runs_of_true(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of every longest run of True values."""
    runs, end, n = [], 0, len(flags)
    while end < n:
        try:
            start = flags.index(True, end)
        except ValueError:
            break
        try:
            end = flags.index(False, start)
        except ValueError:
            end = n
        runs.append((start, end))
    return runs


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    """:func:`fold`, remembered: the same names and titles recur in every article."""
    return fold(text)


if not Token.has_extension("name_part"):
    Token.set_extension("name_part", getter=lambda token: name_parts(token.doc)[token.i])
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
        first, last = _folded(words[0]), _folded(words[-1])
        for country, short, families, lasts, suffixes in self.rows:
            if first in families or last in lasts or (suffixes and last.endswith(suffixes)):
                return country, short
        return None

    def family(self, word: str) -> str | None:
        """The country whose family names (first word) include ``word``."""
        folded = _folded(word)
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
        self.counterpart_key = nlp.vocab.strings.add("counterpart")
        self.role_of = {phrase.lower(): row["role"] for row in load_package_jsonl("offices.jsonl")
                        for phrase in row["phrases"] if " " not in phrase}

    # -- candidates -------------------------------------------------------------------------------
    def _registry_spans(self, doc: Doc) -> list[tuple[Span, Actor]]:
        matches = self.full_matcher(doc)
        if not matches:
            return []
        ignored = ignored_mask(doc)
        # Only a phrase of several tokens can reach past a name it overlaps.
        phrases = [(span.start, span.end) for span, row in doc._.lexicon
                   if len(span) > 1 and row["label"] in ("place", "org", "party", "common")]
        found = []
        for match_id, start, end in matches:
            if any(ignored[start:end]):
                continue
            if any(s < end and start < e and (s < start or e > end) for s, e in phrases):
                continue  # "Ho Chi Minh" in "Ho Chi Minh City"
            found.append((start, end, match_id))
        found.sort(key=lambda match: (match[0], match[0] - match[1]))
        kept, last_end = [], -1
        for start, end, match_id in found:
            if start >= last_end:
                kept.append((doc[start:end], self.actor_of[match_id]))
                last_end = end
        return kept

    @staticmethod
    def _name_runs(doc: Doc) -> list[Span]:
        """The longest runs of name parts, in text order, without a trailing hyphen."""
        runs = []
        for start, end in _runs_of_true(name_parts(doc)):
            while end > start and doc[end - 1].text == "-":
                end -= 1
            if end > start:
                runs.append(doc[start:end])
        return runs

    # -- what is not a person -----------------------------------------------------------------------
    @staticmethod
    def _heads_a_name(doc: Doc, span: Span) -> bool:
        """The name is the first part of a place or organisation: "Tran Hung Dao Street",
        "Kaysone Phomvihane Museum", "Ho Chi Minh National Academy of Politics"."""
        if span.end >= len(doc):
            return False
        i = span.end
        if lex_labels(doc)[i] not in ("common", "org") or ignored_mask(doc)[i]:
            return False
        nxt = doc[i]
        return nxt.text[:1].isupper() and nxt.lower_ not in DATE_WORDS

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
        if not all(VN_SYLLABLE.match(_folded(w)) and w[:1].isupper() for w in words):
            return False
        nxt = doc[run.end] if run.end < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and lex_labels(doc)[nxt.i]:
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
        lex = lex_labels(doc)
        while i > 0:
            if lex[i - 1] == "honorific":
                i -= 1
            elif doc[i - 1].text == ")" and i >= 3 and doc[i - 3].text == "(":
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
        national = bool(chain) and lex_labels(doc)[first] == "nationality"
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
        lex = lex_labels(doc)
        while i < len(doc) and lex[i] == "honorific":
            i += 1
        return i < len(doc) and name_parts(doc)[i]

    @staticmethod
    def _anchor_before(doc: Doc, start: int) -> tuple[str | None, str | None]:
        """("honorific"|"counterpart", country) for what stands right before a name: "Mr.", "H.E.",
        "his Lao counterpart", "his visiting Vietnamese counterpart Gen.", "Lao counterpart"."""
        lex, entries = lex_labels(doc), lex_entries(doc)
        i = start
        honorific = False
        while i > 0 and lex[i - 1] == "honorific":
            i -= 1
            honorific = True
        country = None
        j = i
        while j > 0 and (lex[j - 1] == "nationality" or doc[j - 1].lower_ in ("visiting", "new", "newly-appointed")):
            if lex[j - 1] == "nationality" and country is None:
                country = (entries[j - 1] or {}).get("country")
            j -= 1
        if j > 0 and doc[j - 1].text == ",":
            j -= 1  # "his Lao counterpart, Sonexay Siphandone"
        if j > 0 and doc[j - 1].lower_ in COUNTERPART_WORDS:
            k = j - 1
            while k > 0 and (lex[k - 1] == "nationality" or doc[k - 1].lower_ in ("visiting", "new")):
                if lex[k - 1] == "nationality" and country is None:
                    country = (entries[k - 1] or {}).get("country")
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
            forms = {_folded(s) for s in person.actor.short}
            forms.update(_folded(f) for f in person.actor.forms())
        else:
            forms = set()
        for mention in person.mentions:
            words = name_words(mention.span)
            forms.add(_folded(" ".join(words)))
            if person.actor is None and len(words) >= 2:
                origin = self.origins.of(words)
                how = origin[1] if origin else "first"
                if how == "last":
                    forms.add(_folded(words[-1]))
                elif how == "first":
                    forms.add(_folded(words[0]))
                    if not origin:
                        forms.add(_folded(words[-1]))
        return forms

    def cluster(self, doc: Doc, mentions: list[Mention]) -> list[Person]:
        people: list[Person] = []
        by_key: dict[str, Person] = {}
        for mention in mentions:
            key = mention.actor.id if mention.actor else _folded(" ".join(name_words(mention.span)))
            person = by_key.get(key)
            if person is None and mention.actor is None:
                person = next((p for p in people if p.actor and key in {_folded(f) for f in p.actor.forms()}), None)
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
            form = _folded(" ".join(name_words(run)))
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
        ignored = ignored_mask(doc)
        found = []
        for span, row in doc._.lexicon:
            if row["label"] == "reference" and not ignored[span.start]:
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
        lex, entries, ignored = lex_labels(doc), lex_entries(doc), ignored_mask(doc)
        counterparts = []
        for i in numpy.flatnonzero(doc.to_array(LOWER) == self.counterpart_key).tolist():
            if ignored[i]:
                continue
            k = i + 1
            if k < len(doc) and doc[k].text == ",":
                k += 1
            while k < len(doc) and lex[k] == "honorific":
                k += 1
            if k in starts:
                continue  # named: that name is the counterpart
            start, end, country = i, i + 1, None
            while start > 0 and (lex[start - 1] == "nationality" or doc[start - 1].lower_ in ("visiting", "new")):
                if lex[start - 1] == "nationality" and country is None:
                    country = (entries[start - 1] or {}).get("country")
                start -= 1
            if start > 0 and doc[start - 1].lower_ in ("his", "her", "their", "its", "the"):
                start -= 1
            if (country is None and end + 1 < len(doc) and doc[end].lower_ in ("from", "of")
                    and lex[end + 1] == "place"):
                country = (entries[end + 1] or {}).get("country")
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
        doc.user_data[NAME_PARTS] = find_name_parts(doc, word_shapes(doc))
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

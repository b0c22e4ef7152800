"""Titles: finds offices as written ("Lao Prime Minister", "General Secretary of the CPV Central
Committee", "Ambassador to Laos") with Matcher patterns over word classes drawn from the lexicon labels
(``resources/title_patterns.jsonl``).

Adds to the Doc:
- ``doc._.titles``: list of :class:`TitleMention` (span, text without nationality words, role, the
  country the title names, whether it is a past office), in text order, non-overlapping.
- ``token._.title_office`` / ``title_modifier`` / ``org_word`` / ``org_end``: the word classes the patterns
  are written in (getters; each token's classes are computed once and kept in ``doc.user_data``).

Every title holds an office word, so the patterns run only on the stretches of text around office words
in which every token is one some pattern token accepts (see :meth:`TitleFinder.windows`).

The role is the office head's (``offices.jsonl``), refined by the complement when it names another body
("President of the National Assembly" -> ``na_chair``; the ``refine`` rows of title_patterns.jsonl). The
country is a nationality or place before the office, else the first one after it that does not follow
"to" ("Ambassador of Vietnam to Laos" -> VN; "Ambassador to Laos" names the host, so no country).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..matching.facts import ignored_mask, lex_entries, lex_labels, lower_words, orth_ids
from ..matching.semantics import WORD_KEYS, SpecUnion
from ..matching.windowed import WindowedMatcher
from ..rules import load_package
from ..rules import expand_classes
from ..rules.cues import cue_words

OFFICE = "office"
MODIFIER_WORDS = cue_words("titles", "titles.modifier")
PAST_WORDS = cue_words("titles", "titles.past")
LINK_WORDS = cue_words("titles", "titles.link")
COMPLEMENT_LINKS = cue_words("titles", "titles.complement_link")
PRIME_OFFICE_BEFORE = cue_words("titles", "titles.prime_office_before")
ORDINAL_SUFFIXES = cue_words("titles", "titles.ordinal_suffixes")
LEAD_SKIP, TAIL_SKIP = cue_words("titles", "titles.lead_skip"), cue_words("titles", "titles.tail_skip")
TRIM_TAIL = cue_words("titles", "titles.trim_tail")
MODIFIER_LABELS, ORG_LABELS = cue_words("titles", "titles.modifier_labels"), cue_words("titles", "titles.org_labels")
ORG_END_LABELS, COUNTRY_LABELS = cue_words("titles", "titles.org_end_labels"), cue_words("titles", "titles.country_labels")


def _title_modifier(token: Token, lex: list[str], ignored: list[bool]) -> bool:
    """Words before an office head: nationality, party, organisation, place, "former", "(NA)"."""
    doc, i = token.doc, token.i
    if token.text == "-":  # "then-Prime Minister", "ex-President", never a dash between words
        return i > 0 and not token.whitespace_ and not doc[i - 1].whitespace_
    return (lex[i] in MODIFIER_LABELS or token.lower_ in MODIFIER_WORDS or
            (i > 0 and token.is_upper and len(token) > 1 and doc[i - 1].text == "("))


def _org_word(token: Token, lex: list[str], ignored: list[bool]) -> bool:
    """Words inside an organisation name: lexicon words, acronyms, ordinals and joining words.
    An unknown capitalised word counts only inside a name that goes on with another capitalised word
    ("Committee for Overseas Vietnamese Affairs"): a person's name after a title ends before a verb or "and",
    so it is not taken in."""
    doc, i = token.doc, token.i
    if ignored[i]:
        return False
    text = token.text
    if lex[i] in ORG_LABELS or text in LINK_WORDS:
        return True
    if lex[i] == "common":  # "National", "Central", but never a lowercase "at" or "with"
        return text[:1].isupper()
    if lex[i] == "office":  # "Office of the Prime Minister", never "... and Minister of Transport"
        previous = doc[i - 1].lower_ if i > 0 else ""
        return (token.lower_ == "prime" and previous in PRIME_OFFICE_BEFORE) or \
            (token.lower_ == "minister" and previous == "prime")
    if text_is_acronym(text) or (text[:-2].isdigit() and text[-2:] in ORDINAL_SUFFIXES):
        return True
    if lex[i] or not token.is_alpha or not text[:1].isupper() or i + 1 >= len(doc):
        return False
    following = doc[i + 1]
    return (following.text[:1].isupper() and following.is_alpha and not ignored[i + 1]
            and lex[i + 1] != "honorific")


def _org_end(token: Token, lex: list[str], ignored: list[bool]) -> bool:
    """The last word of an organisation name: a capitalised lexicon word, an acronym or ")" - so that
    "General Secretary of the CPV Central Committee at the congress" ends on "Committee"."""
    i = token.i
    if ignored[i]:
        return False
    text = token.text
    if text == ")":
        return True
    if text_is_acronym(text):
        return lex[i] != "honorific"
    return lex[i] in ORG_END_LABELS and text[:1].isupper()


@lru_cache(maxsize=20_000)
def text_is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# Word classes the title patterns match on. They are getters over a per-Doc cache: a token is classified
# once, when the patterns run around it or something reads it. "title_office" is the lexicon label "office":
# the Matcher reads every custom attribute of every token it runs on, and ``token._.lex`` costs it twice as
# much.
WORD_CLASSES = ("title_office", "title_modifier", "org_word", "org_end")
CLASSES_KEY = ("vnlao", "title_classes")


def _class_cache(doc: Doc) -> list[int | None]:
    """The word classes of each token of the Doc (bit k: WORD_CLASSES[k]), None for those not classified yet."""
    cached = doc.user_data.get(CLASSES_KEY)
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data[CLASSES_KEY] = [None] * len(doc)
    return cached


def _classify(doc: Doc, i: int, lex: list[str], ignored: list[bool]) -> int:
    """The word classes of doc[i] (bit k: WORD_CLASSES[k])."""
    token = doc[i]
    return ((lex[i] == OFFICE) | _title_modifier(token, lex, ignored) << 1 | _org_word(token, lex, ignored) << 2 |
            _org_end(token, lex, ignored) << 3)


def _class_getter(index: int):
    bit = 1 << index

    def getter(token: Token) -> bool:  # the Matcher calls it for each class of each token it runs on
        doc = token.doc
        cache = doc.user_data.get(CLASSES_KEY)
        if cache is None or len(cache) != len(doc):
            cache = _class_cache(doc)
        i = token.i
        classes = cache[i]
        if classes is None:
            classes = cache[i] = _classify(doc, i, lex_labels(doc), ignored_mask(doc))
        return classes & bit != 0
    return getter


for _index, _name in enumerate(WORD_CLASSES):
    if not Token.has_extension(_name):
        Token.set_extension(_name, getter=_class_getter(_index))
if not Doc.has_extension("titles"):
    Doc.set_extension("titles", default=[])


@dataclass
class TitleMention:
    span: Span
    text: str
    role: str
    country: str | None
    past: bool
    rule: str

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


def _office_head(span: Span, lex: list[str]) -> range:
    """The office words of a title: the first run of office-labelled tokens (token indices)."""
    start = next((i for i in range(span.start, span.end) if lex[i] == OFFICE), span.end)
    end = start
    while end < span.end and lex[end] == OFFICE:
        end += 1
    return range(start, end)


def _country_of(span: Span, lex: list[str], entries: list[dict | None], lower: list[str]) -> str | None:
    """The country a title names: a nationality, place or party before the office head; else the first
    one after it that does not follow "to" (the host of an envoy, the addressee of an adviser)."""
    head = _office_head(span, lex)
    office_start = head.start if head else span.start
    for i in range(span.start, office_start):
        if lex[i] in COUNTRY_LABELS:
            return (entries[i] or {}).get("country")
    link = None
    for i in range(office_start, span.end):
        if lower[i] in COMPLEMENT_LINKS:
            link = lower[i]
        elif lex[i] in COUNTRY_LABELS and link != "to":
            country = (entries[i] or {}).get("country")
            if country:
                return country
    return None


def _refine_role(span: Span, role: str, rules: list[dict], lex: list[str], lower: list[str]) -> str:
    """The role a complement makes of the office head ("President" of the National Assembly -> na_chair)."""
    head = _office_head(span, lex)
    if not head or head[-1] + 1 >= span.end:
        return role
    head_text = " ".join(lower[i] for i in head)
    complement = [i for i in range(head[-1] + 1, span.end)
                  if lower[i] not in LINK_WORDS and lower[i] not in COMPLEMENT_LINKS and lower[i] != ","]
    folded = " " + " ".join(lower[i] for i in complement) + " "
    for rule in rules:
        if head_text not in rule["heads"]:
            continue
        if "complement" in rule and any(f" {phrase} " in folded for phrase in rule["complement"]):
            return rule["refine"]
        if "complement_labels" in rule and any(lex[i] in rule["complement_labels"] for i in complement):
            return rule["refine"]
        if "only_words" in rule and complement and all(lower[i] in rule["only_words"] for i in complement):
            return rule["refine"]
        if "unless_only_words" in rule or "unless_only_labels" in rule:
            words, labels = set(rule.get("unless_only_words", ())), set(rule.get("unless_only_labels", ()))
            if complement and not all(lower[i] in words or lex[i] in labels for i in complement):
                return rule["refine"]
    return role


def title_text(span: Span, lex: list[str], lower: list[str]) -> str:
    """The title as written, without leading nationality words and articles."""
    start, end = span.start, span.end
    while start < end and (lex[start] == "nationality" or lower[start] in LEAD_SKIP or
                           lower[start] in PAST_WORDS):
        start += 1
    while start < end and span.doc[end - 1].text in TAIL_SKIP:
        end -= 1
    if start == end:
        return span.text
    return span.doc[start:end].text


def _next_office(lex: list[str], start: int) -> int | None:
    try:
        return lex.index(OFFICE, start)
    except ValueError:
        return None


@dataclass(frozen=True)
class PatternTokens:
    """The tokens some pattern tokens accept (:class:`~vnlao_extract.matching.semantics.SpecUnion`), with
    the word classes it reads as a bit mask over WORD_CLASSES."""
    union: SpecUnion
    classes: int  # bit k: WORD_CLASSES[k]

    @classmethod
    def of(cls, specs: list[dict]) -> PatternTokens:
        union = SpecUnion.of(specs)
        unknown = not union.flags <= set(WORD_CLASSES)  # a flag this module does not compute: any token
        classes = sum(1 << WORD_CLASSES.index(name) for name in union.flags if name in WORD_CLASSES)
        return cls(SpecUnion(union.words, union.labels, union.flags, union.regexes, union.anything or unknown),
                   classes)

    def accept(self, i: int, lower: list[str], lex: list[str], classes: int) -> bool:
        union = self.union
        return (union.anything or bool(classes & self.classes) or lower[i] in union.words or lex[i] in union.labels
                or any(rx.search(lower[i]) for rx in union.regexes))


def _up_to_first_required(pattern: list[dict]) -> list[dict]:
    """The pattern tokens that can match the first token of a match (the last one, of a reversed pattern)."""
    for n, spec in enumerate(pattern):
        if spec.get("OP") in (None, "+"):
            return pattern[:n + 1]
    return pattern


def _window_tokens(patterns: list[dict]) -> tuple[PatternTokens, PatternTokens, PatternTokens] | None:
    """What the patterns accept at any token, the first and the last token of a match; None when they cannot
    be run on windows around office words (a pattern without an office word)."""
    specs = [row["pattern"] for row in patterns]
    if not all(any(spec.get("_") == {"title_office": True} and spec.get("OP") in (None, "+") for spec in pattern)
               for pattern in specs):
        return None
    return (PatternTokens.of([spec for pattern in specs for spec in pattern]),
            PatternTokens.of([spec for pattern in specs for spec in _up_to_first_required(pattern)]),
            PatternTokens.of([spec for pattern in specs for spec in _up_to_first_required(pattern[::-1])]))


# What a title pattern token may test besides the word classes: attributes of the word itself, so that
# the matches in a window follow from its words and their classes alone.
MEMO_KEYS = frozenset(WORD_KEYS) | {"OP", "_"}


def _reads_words_and_classes_only(patterns: list[dict]) -> bool:
    return all(set(token) <= MEMO_KEYS and set(token.get("_", {})) <= set(WORD_CLASSES)
               for row in patterns for token in row["pattern"])


class TitleMatcher(WindowedMatcher):
    """The title patterns, run on the stretches around office words (see :meth:`windows`). The same
    stretch of words with the same classes always gives the same matches, and news writes the same titles
    over and over ("Prime Minister", "Minister of Foreign Affairs"), so the matches of a stretch are kept
    (``MEMO_SIZE`` stretches, emptied when full) when the patterns read nothing else."""

    MEMO_SIZE = 20_000

    def __init__(self, vocab, patterns: list[dict]):
        super().__init__(vocab, patterns, "LONGEST")
        self.window_tokens = _window_tokens(patterns)
        self._memo: dict[tuple, list[tuple[int, int, int]]] | None = \
            {} if _reads_words_and_classes_only(patterns) else None

    def _run(self, matcher, doc: Doc, start: int, end: int) -> list[tuple[int, int, int]]:
        """The matches in doc[start:end], from the memo when these words with these classes were matched
        before (counted as work all the same)."""
        classes = _class_cache(doc)[start:end]
        if self._memo is None or matcher is not self.matcher or None in classes:
            return super()._run(matcher, doc, start, end)
        key = (tuple(orth_ids(doc)[start:end]), tuple(classes))
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            found = self._memo[key] = [(match_id, s - start, e - start)
                                       for match_id, s, e in super()._run(matcher, doc, start, end)]
        else:
            self.work.windows, self.work.tokens = self.work.windows + 1, self.work.tokens + end - start
            self.work.matches += len(found)
        return [(match_id, start + s, start + e) for match_id, s, e in found]

    def windows(self, doc: Doc) -> list[tuple[int, int, tuple[int, ...]]]:
        """The stretches the patterns can match in: around each office word, as far as every token is one
        some pattern token accepts, from a token a pattern can start with to one it can end with. A match
        never crosses a token no pattern token accepts, so it lies inside one window, and the windows do not
        touch: matching each gives what matching the Doc gives. Classifies the tokens of the windows."""
        every = tuple(range(len(self.patterns)))
        if self.window_tokens is None:
            return [(0, len(doc), every)] if len(doc) else []
        any_token, first_token, last_token = self.window_tokens
        lex, ignored, lower = lex_labels(doc), ignored_mask(doc), lower_words(doc)
        cache = _class_cache(doc)

        def classes(i: int) -> int:
            if cache[i] is None:  # the Matcher will read the classes of every token of the window
                cache[i] = _classify(doc, i, lex, ignored)
            return cache[i]

        def accepted(i: int, tokens: PatternTokens) -> bool:
            return tokens.accept(i, lower, lex, classes(i))

        found = []
        i = _next_office(lex, 0)
        while i is not None:
            classes(i)
            start, end = i, i + 1
            while start > 0 and accepted(start - 1, any_token):
                start -= 1
            while end < len(doc) and accepted(end, any_token):
                end += 1
            i = _next_office(lex, end)
            while start < end and not accepted(start, first_token):
                start += 1
            while end > start and not accepted(end - 1, last_token):
                end -= 1
            if start < end:
                found.append((start, end, every))
        return found


class TitleFinder:
    """Finds titles; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        rows = load_package("title_patterns.jsonl")
        self.refinements = [row for row in rows if "refine" in row]
        _, patterns = expand_classes([row for row in rows if "refine" not in row])
        self.title_matcher = TitleMatcher(nlp.vocab, patterns)
        self.matcher, self.rows = self.title_matcher.matcher, self.title_matcher.rows

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        return [(start, end) for start, end, _ in self.title_matcher.windows(doc)]

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) in the order the Matcher would give them over the whole Doc: one group
        per pattern in the order each first matched, longest first within a group."""
        return self.title_matcher.matches(doc)

    def match(self, doc: Doc) -> list[tuple[Span, str]]:
        ignored, lex = ignored_mask(doc), lex_labels(doc)
        rule_of = {}
        for match_id, start, end in self.matches(doc):
            if not any(ignored[start:end]):  # body only
                rule_of[(start, end)] = self.rows[match_id]["id"]
        spans = [self._trim(s, lex) for s in filter_spans([doc[s:e] for s, e in rule_of])]
        return [(s, rule_of.get((s.start, s.end), "title_of")) for s in spans if s is not None]

    @staticmethod
    def _trim(span: Span, lex: list[str]) -> Span | None:
        doc, start, end = span.doc, span.start, span.end
        while end > start and doc[end - 1].text in TRIM_TAIL:
            end -= 1
        while start < end and doc[start].text in (")", "("):
            start += 1
        depth = 0
        for i in range(start, end):  # "(KPL) Lao Minister ...": a bracket opened before the title
            text = doc[i].text
            depth += (text == "(") - (text == ")")
            if depth < 0:
                start, depth = i + 1, 0
                break
        if start >= end or OFFICE not in lex[start:end]:
            return None
        return doc[start:end]

    def set_annotations(self, doc: Doc, found) -> None:
        lex, entries, lower = lex_labels(doc), lex_entries(doc), lower_words(doc)
        titles = []
        for span, rule in found:
            entry = entries[lex.index(OFFICE, span.start, span.end)] or {}
            if entry.get("needs_complement") and _office_head(span, lex)[-1] + 1 >= span.end:
                continue  # "a member" alone is no office
            role = _refine_role(span, entry.get("role", "other"), self.refinements, lex, lower)
            titles.append(TitleMention(span, title_text(span, lex, lower), role, _country_of(span, lex, entries, lower),
                                       any(lower[i] in PAST_WORDS for i in range(span.start, span.end)), rule))
        doc._.titles = sorted(titles, key=lambda t: t.start)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("vnlao_titles")
def make_title_finder(nlp: Language, name: str) -> TitleFinder:
    return TitleFinder(nlp, name)

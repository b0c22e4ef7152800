"""Titles: finds offices as written ("Lao Prime Minister", "General Secretary of the CPV Central
Committee", "Ambassador to Laos") with Matcher patterns over the lexicon labels
(``resources/title_patterns.jsonl``).

Adds to the Doc:
- ``doc._.titles``: list of :class:`TitleMention` (span, text without nationality words, role, the
  country the title names, whether it is a past office), in text order, non-overlapping.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..resources import load_package_jsonl
from .patterns import build_matcher, expand_classes, matched_spans

MODIFIER_WORDS = {"party", "state", "government", "then", "former", "late", "outgoing", "incoming", "acting",
                  "standing", "permanent", "first", "senior", "executive", "executive", "newly-elected",
                  "re-elected", "top", "current", "new", "(", ")"}
PAST_WORDS = {"late", "former", "then", "outgoing"}
LINK_WORDS = {"of", "the", "'s", "’s", "'", "’", "(", ")", "&", "for", "on", "in", "-"}
PARTY_COUNTRY = {"CPV": "VN", "LPRP": "LA", "CPP": "KH", "CPC": "CN"}


def _title_modifier(token: Token) -> bool:
    return (token._.lex in ("nationality", "party", "org", "place") or token.lower_ in MODIFIER_WORDS or
            (token.is_upper and len(token) > 1 and token.nbor(-1).text == "(" if token.i > 0 else False))


def _org_word(token: Token) -> bool:
    """Words inside an organisation name: lexicon words, acronyms, ordinals and joining words.
    Unknown capitalised words are left out so that a person's name after a title is not swallowed."""
    if token._.ignored:
        return False
    text = token.text
    if token._.lex in ("org", "place", "party", "nationality", "common"):
        return True
    if token._.lex == "office":
        return token.lower_ in ("prime", "minister")
    return text in LINK_WORDS or text_is_acronym(text) or (text[:-2].isdigit() and text[-2:] in ("st", "nd", "rd", "th"))


def _org_end(token: Token) -> bool:
    return not token._.ignored and (token._.lex in ("org", "place", "party") or token.text == ")" or
                                    (text_is_acronym(token.text) and token._.lex != "honorific"))


def text_is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


for _name, _getter in (("title_modifier", _title_modifier), ("org_word", _org_word), ("org_end", _org_end)):
    if not Token.has_extension(_name):
        Token.set_extension(_name, getter=_getter)
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


def _country_of(span: Span, role: str) -> str | None:
    """The country a title names: a nationality before the office, a party, or the place after "of"."""
    office_start = next((t.i for t in span if t._.lex == "office"), span.start)
    for token in span:
        entry = token._.lex_entry or {}
        if token.i < office_start and token._.lex in ("nationality", "place", "party"):
            return entry.get("country")
        if token._.lex == "party":
            return entry.get("country")
        if token.i >= office_start and token._.lex == "place" and entry.get("kind") == "country":
            to_place = token.i > span.start and any(t.lower_ == "to" for t in span[office_start - span.start:])
            if role == "ambassador" and to_place:
                return None
            return entry.get("country")
    return None


def title_text(span: Span) -> str:
    """The title as written, without leading nationality words and articles."""
    tokens = list(span)
    while tokens and (tokens[0]._.lex == "nationality" or tokens[0].lower_ in ("the", "(", ")") or
                      tokens[0].lower_ in PAST_WORDS):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in ("(", ",", "the"):
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i:tokens[-1].i + 1].text


class TitleFinder:
    """Finds titles; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        _, patterns = expand_classes(load_package_jsonl("title_patterns.jsonl"))
        self.matcher, self.rows = build_matcher(nlp.vocab, patterns)

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        found = matched_spans(doc, self.matcher, self.rows)
        rule_of = {(s.start, s.end): row["id"] for s, row in found}
        spans = [self._trim(s) for s in filter_spans([s for s, _ in found])]
        return [(s, rule_of.get((s.start, s.end), "title_of")) for s in spans if s is not None]

    @staticmethod
    def _trim(span: Span) -> Span | None:
        tokens = list(span)
        while tokens and tokens[-1].text in ("(", "and", ","):
            tokens.pop()
        while tokens and tokens[0].text in (")", "("):
            tokens.pop(0)
        if not tokens or not any(t._.lex == "office" for t in tokens):
            return None
        return span.doc[tokens[0].i:tokens[-1].i + 1]

    def set_annotations(self, doc: Doc, found) -> None:
        titles = []
        for span, rule in found:
            office = next(t for t in span if t._.lex == "office")
            role = (office._.lex_entry or {}).get("role", "other")
            titles.append(TitleMention(span, title_text(span), role, _country_of(span, role),
                                       any(t.lower_ in PAST_WORDS for t in span), rule))
        doc._.titles = sorted(titles, key=lambda t: t.start)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("vnlao_titles")
def make_title_finder(nlp: Language, name: str) -> TitleFinder:
    return TitleFinder(nlp, name)

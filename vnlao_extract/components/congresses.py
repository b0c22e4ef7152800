"""Congresses: numbered party congresses (``resources/congress_patterns.jsonl``), with the party
named in the match or taken from context (the nearest country or party word), and start/end dates when
a day-precise date follows closely ("held from January 6-8"). Congresses of bodies that are not parties
("the 9th Congress of the Vietnam Fatherland Front") are left out.

Adds to the Doc:
- ``doc._.congresses``: list of :class:`Congress` (ordinal, party acronym, start, end), one per
  (ordinal, party), in order of first mention.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import load_package_jsonl
from .anchors import ClassAnchoredMatcher
from .patterns import evidence
from .tokens import ignored_mask, lex_entries, lex_labels

ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second"]
DATE_LEADS = {"from", "on", "in", "held", "during", "between", ",", "which", "took", "place", "will", "be",
              "was", "is", "opens", "opened", "taking", "of", "the", "convened", "convenes", "closed", "takes",
              "officially", "successfully", "solemnly", "being", "to", "been", "has", "have", "had"}
DATE_GAP = 8
# Organisation words that may stand in a party's name ("Congress of the Party", "Party Central Committee");
# any other organisation word there ("Front", "Union", "Federation") names a body that is not a party.
PARTY_ORG_WORDS = {"party", "parties", "central", "committee", "communist"}
NAME_LINKS = {"'s", "’s", "for", "of", "and", "-", "the"}


def ordinal_value(text: str) -> int | None:
    text = text.lower()
    if text[:-2].isdigit():
        return int(text[:-2])
    return ORDINAL_WORDS.index(text) + 1 if text in ORDINAL_WORDS else None


@dataclass
class Congress:
    ordinal: int
    party: str
    span: Span
    rule: str
    start: str | None = None
    end: str | None = None

    def as_record(self) -> dict:
        return {"ordinal": self.ordinal, "party": self.party, "start": self.start, "end": self.end,
                "evidence": evidence(self.span, self.rule)}


def token_party(label: str, entry: dict | None, country_party: dict[str, str]) -> str | None:
    """The party a token names, from its lexicon label and row: a party name, or a country (or its
    adjective) with a ruling party."""
    if label == "party":
        return (entry or {}).get("party")
    if label in ("place", "nationality"):
        return country_party.get((entry or {}).get("country"))
    return None


def party_from_context(doc: Doc, span: Span, country_party: dict[str, str]) -> str | None:
    """The party of "the 14th Party Congress": the party or country word nearest to it in its sentence
    (on either side; the earlier one when two are as near), else the nearest in the sentences before,
    else the first in the sentences after."""
    sentence = span.sent
    nearest_first = sorted([(span.start - i, 0, i) for i in range(sentence.start, span.start)] +
                           [(i - span.end + 1, 1, i) for i in range(span.end, sentence.end)])
    elsewhere = [*range(sentence.start - 1, -1, -1), *range(sentence.end, len(doc))]
    ignored, labels, entries = ignored_mask(doc), lex_labels(doc), lex_entries(doc)
    for i in [i for _, _, i in nearest_first] + elsewhere:
        party = None if ignored[i] else token_party(labels[i], entries[i], country_party)
        if party:
            return party
    return None


def names_other_body(doc: Doc, span: Span) -> bool:
    """True when the congress belongs to a body that is not a party: "the 9th Congress of the Vietnam
    Fatherland Front", "the VFF's 10th Congress". Asked only of matches that name no party."""
    labels = lex_labels(doc)

    def is_other_org(token) -> bool:
        return labels[token.i] == "org" and token.lower_ not in PARTY_ORG_WORDS

    if span.end < len(doc) and doc[span.end].lower_ == "of":
        for token in doc[span.end + 1:span.end + 10]:
            if labels[token.i] == "party":
                return False
            if is_other_org(token):
                return True
            if not (token.is_title or token.is_upper or token.lower_ in NAME_LINKS):
                break
    before = span.start - 1
    while before >= span.sent.start and doc[before].lower_ in ("'s", "’s"):
        before -= 1
    return before >= span.sent.start and is_other_org(doc[before])


class CongressFinder:
    """Finds congresses; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = ClassAnchoredMatcher(nlp.vocab, load_package_jsonl("congress_patterns.jsonl"))
        self.country_party = {row["country"]: row["party"] for row in load_package_jsonl("lexicon.jsonl")
                              if row["label"] == "party" and row["party"] in ("CPV", "LPRP", "CPP", "CPC")}

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        found = self.matcher(doc)
        rows = {(s.start, s.end): r for s, r in found}
        return [(s, rows[(s.start, s.end)]) for s in filter_spans([s for s, _ in found])]

    def set_annotations(self, doc: Doc, found) -> None:
        congresses: dict[tuple[int, str], Congress] = {}
        labels, entries = lex_labels(doc), lex_entries(doc)
        for span, row in sorted(found, key=lambda item: item[0].start):
            ordinal = next(ordinal_value(t.text) for t in span if ordinal_value(t.text))
            party = next(((entries[i] or {}).get("party") for i in range(span.start, span.end)
                          if labels[i] == "party"), None)
            if party is None and names_other_body(doc, span):
                continue
            party = party or next((token_party(labels[i], entries[i], self.country_party)
                                   for i in range(span.start, span.end)
                                   if token_party(labels[i], entries[i], self.country_party)), None)
            party = party or party_from_context(doc, span, self.country_party)
            if not party:
                continue
            congress = congresses.setdefault((ordinal, party), Congress(ordinal, party, span, row["id"]))
            if congress.start is None:
                congress.start, congress.end = self._dates_after(doc, span)
        doc._.congresses = list(congresses.values())

    @staticmethod
    def _dates_after(doc: Doc, span: Span) -> tuple[str | None, str | None]:
        labels = lex_labels(doc)
        for date in doc._.dates:
            if date.span.start < span.end:
                continue
            gap = doc[span.end:date.span.start]
            if len(gap) > DATE_GAP:
                break
            if (date.kind == "absolute" and date.precision == "day" and
                    all(t.lower_ in DATE_LEADS or t.lower_ in PARTY_ORG_WORDS or t.text in "()" or
                        labels[t.i] in ("party", "place", "nationality") for t in gap)):
                return date.start, date.end
        return None, None

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


if not Doc.has_extension("congresses"):
    Doc.set_extension("congresses", default=[])


@Language.factory("vnlao_congresses")
def make_congress_finder(nlp: Language, name: str) -> CongressFinder:
    return CongressFinder(nlp, name)

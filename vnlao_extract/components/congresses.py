"""Congresses: numbered party congresses (``resources/congress_patterns.jsonl``: "14th", "Fourteenth",
"Twenty-first", a Roman "XIV"), with the party named in the match or taken from context (the nearest
country or party word; a country stands for its ruling party, rows marked ``"ruling": true`` in
``lexicon.jsonl``), and start/end dates when a day-precise date follows closely ("held from January 6-8").
Congresses of bodies that are not parties ("the 9th Congress of the Vietnam Fatherland Front") and
ordinals no party reaches ("the 118th Congress") are left out. Cue words and limits:
``resources/cues/congresses.jsonl``.

Adds to the Doc:
- ``doc._.congresses``: list of :class:`Congress` (ordinal, party acronym, start, end), one per
  (ordinal, party), in order of first mention.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..rules.cues import cue_scope, cue_values, cue_words
from ..matching import evidence, ignored_mask, lex_entries, lex_labels, longest_rows
from ..matching.anchors import ClassAnchoredMatcher
from ..rules import lexicon_of, load_package

ROMAN = re.compile(r"^(?=[XVI]{2,}|[VX](?:th)?$)(X{0,3})(IX|IV|V?I{0,3})(?:th)?$")  # no lone "I"
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


ORDINAL_WORDS: dict[str, int] = cue_values("congresses", "congress.ordinal_words")
ORDINAL_TENS: dict[str, int] = cue_values("congresses", "congress.ordinal_tens")
MAX_ORDINAL = cue_scope("congresses", "congress.max_ordinal")
DATE_LEADS = cue_words("congresses", "congress.date_leads")
DATE_GAP = cue_scope("congresses", "congress.date_gap")
END_LEADS = cue_words("congresses", "congress.end_leads")
END_GAP = cue_scope("congresses", "congress.end_leads")
PARTY_ORG_WORDS = cue_words("congresses", "congress.party_org_words")
NAME_LINKS = cue_words("congresses", "congress.name_links")
POSSESSIVES = cue_words("congresses", "congress.possessives")
GAP_LABELS = cue_words("congresses", "congress.gap_labels")
OTHER_BODY_REACH = cue_scope("congresses", "congress.other_body_reach")


def roman_value(text: str) -> int | None:
    """The number of a Roman ordinal up to XXXIX ("XIV", "XIVth"), else None."""
    if not ROMAN.match(text):
        return None
    letters = text[:-2] if text.endswith("th") else text
    total = 0
    for letter, following in zip(letters, letters[1:] + " "):
        value = ROMAN_VALUES[letter]
        total += -value if ROMAN_VALUES.get(following, 0) > value else value
    return total


def ordinal_value(text: str) -> int | None:
    """The number of one ordinal word: "14th", "fourteenth", "twenty-first", "XIV"."""
    lower = text.lower()
    if lower[:-2].isdigit():
        return int(lower[:-2])
    tens, dash, unit = lower.partition("-")
    if dash and tens in ORDINAL_TENS and ORDINAL_WORDS.get(unit, 10) < 10:
        return ORDINAL_TENS[tens] + ORDINAL_WORDS[unit]
    return ORDINAL_WORDS.get(lower) or roman_value(text)


def span_ordinal(span: Span) -> int | None:
    """The ordinal of a congress match: its first ordinal word, plus the tens word before it ("Twenty-first")."""
    for i, token in enumerate(span):
        value = ordinal_value(token.text)
        if value:
            tens = next((ORDINAL_TENS[t.lower_] for t in span[max(0, i - 2):i] if t.lower_ in ORDINAL_TENS), 0)
            return tens + value if value < 10 else value
    return None


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


class PartyWords:
    """Where the Doc names a party or a country with a ruling party, found once per Doc, so that each
    congress finds its nearest one by bisection."""

    def __init__(self, doc: Doc, country_party: dict[str, str]):
        ignored, labels, entries = ignored_mask(doc), lex_labels(doc), lex_entries(doc)
        self.positions: list[int] = []
        self.parties: list[str] = []
        for i, label in enumerate(labels):
            if label and not ignored[i]:
                party = token_party(label, entries[i], country_party)
                if party:
                    self.positions.append(i)
                    self.parties.append(party)

    def _before(self, i: int) -> int | None:
        """Index in ``positions`` of the last party word before token ``i``."""
        k = bisect_left(self.positions, i) - 1
        return k if k >= 0 else None

    def _from(self, i: int) -> int | None:
        """Index in ``positions`` of the first party word at or after token ``i``."""
        k = bisect_left(self.positions, i)
        return k if k < len(self.positions) else None

    def nearest(self, span: Span) -> str | None:
        """The party word nearest to ``span`` in its sentence (the earlier one when two are as near), else
        the nearest in the sentences before, else the first in the sentences after."""
        sentence = span.sent
        before, after = self._before(span.start), self._from(span.end)
        in_before = before is not None and self.positions[before] >= sentence.start
        in_after = after is not None and self.positions[after] < sentence.end
        if in_before and (not in_after or span.start - self.positions[before] <=
                          self.positions[after] - span.end + 1):
            return self.parties[before]
        if in_after:
            return self.parties[after]
        earlier = self._before(sentence.start)
        if earlier is not None:
            return self.parties[earlier]
        later = self._from(sentence.end)
        return self.parties[later] if later is not None else None


def names_other_body(doc: Doc, span: Span) -> bool:
    """True when the congress belongs to a body that is not a party: "the 9th Congress of the Vietnam
    Fatherland Front", "the VFF's 10th Congress". Asked only of matches that name no party."""
    labels = lex_labels(doc)

    def is_other_org(token) -> bool:
        return labels[token.i] == "org" and token.lower_ not in PARTY_ORG_WORDS

    if span.end < len(doc) and doc[span.end].lower_ == "of":
        for token in doc[span.end + 1:span.end + OTHER_BODY_REACH]:
            if labels[token.i] == "party":
                return False
            if is_other_org(token):
                return True
            if not (token.is_title or token.is_upper or token.lower_ in NAME_LINKS):
                break
    before = span.start - 1
    while before >= span.sent.start and doc[before].lower_ in POSSESSIVES:
        before -= 1
    return before >= span.sent.start and is_other_org(doc[before])


def dates_after(doc: Doc, span: Span, dates: list, starts: list[int]) -> tuple[str | None, str | None]:
    """The day-precise date that follows the congress within a few linking words ("held from January 6-8")."""
    labels = lex_labels(doc)
    first = bisect_left(starts, span.end)
    for k, date in enumerate(dates[first:], first):
        gap = doc[span.end:date.span.start]
        if len(gap) > DATE_GAP:
            break
        if (is_day(date) and
                all(t.lower_ in DATE_LEADS or t.lower_ in PARTY_ORG_WORDS or t.text in "()" or
                    labels[t.i] in GAP_LABELS for t in gap)):
            return date.start, date.end or last_day(doc, date, dates[k + 1:])
    return None, None


def is_day(date) -> bool:
    return date.kind in ("absolute", "weekday") and date.precision == "day"


def last_day(doc: Doc, date, later: list) -> str | None:
    """ "opened on Wednesday and will run until Jan. 15": the day a congress's first day is followed to."""
    for other in later:
        gap = doc[date.span.end:other.span.start]
        if len(gap) > END_GAP:
            return None
        if is_day(other) and other.start > date.start and all(t.lower_ in END_LEADS for t in gap):
            return other.start
    return None


class CongressFinder:
    """Finds congresses; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = ClassAnchoredMatcher(nlp.vocab, load_package("congress_patterns.jsonl"))
        self.country_party = lexicon_of(nlp).ruling_party

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        return longest_rows(self.matcher(doc))

    def set_annotations(self, doc: Doc, found) -> None:
        congresses: dict[tuple[int, str], Congress] = {}
        labels, entries = lex_labels(doc), lex_entries(doc)
        dates = sorted(doc._.dates, key=lambda d: d.span.start)
        starts = [d.span.start for d in dates]
        context: PartyWords | None = None
        for span, row in sorted(found, key=lambda item: item[0].start):
            ordinal = span_ordinal(span)
            if not ordinal or ordinal > MAX_ORDINAL:
                continue
            party = next(((entries[i] or {}).get("party") for i in range(span.start, span.end)
                          if labels[i] == "party"), None)
            if party is None and names_other_body(doc, span):
                continue
            party = party or next((token_party(labels[i], entries[i], self.country_party)
                                   for i in range(span.start, span.end)
                                   if token_party(labels[i], entries[i], self.country_party)), None)
            if not party:
                context = context or PartyWords(doc, self.country_party)
                party = context.nearest(span)
            if not party:
                continue
            congress = congresses.setdefault((ordinal, party), Congress(ordinal, party, span, row["id"]))
            if congress.start is None:
                congress.start, congress.end = dates_after(doc, span, dates, starts)
        doc._.congresses = list(congresses.values())

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


if not Doc.has_extension("congresses"):
    Doc.set_extension("congresses", default=[])


@Language.factory("vnlao_congresses", assigns=["doc._.congresses"], requires=["doc._.dates"])
def make_congress_finder(nlp: Language, name: str) -> CongressFinder:
    return CongressFinder(nlp, name)

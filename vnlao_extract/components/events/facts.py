"""What the events rules read of one Doc, as plain lists indexed by ``token.i``."""
from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from ...matching import lex_entries, lex_labels, lex_phrases, lower_words


class DocFacts:
    """What the rules read of one Doc, over and over, as plain lists indexed by ``token.i`` (reading it
    through Token, Span and ``doc._`` objects costs far more): lowercase words, lexicon labels and rows,
    sentence bounds, and the dates, people and places found by the earlier components. ``country_names``
    maps a country code to its name ("LA" -> "Laos")."""

    def __init__(self, doc: Doc, country_names: dict[str, str] | None = None):
        self.doc = doc
        self.country_names = country_names or {}
        self.lower = lower_words(doc)
        self.labels = lex_labels(doc)
        self.entries = lex_entries(doc)
        self.sentence_starts = [0] + [i for i in numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if i]
        self._sentence_of = self._sentence_bounds()  # the rules ask for a token's sentence a few hundred times
        self.dates = doc._.dates
        self.dated = {i for d in self.dates for i in range(d.span.start, d.span.end)}
        self.mentions = doc._.person_mentions
        self.references = [r for r in doc._.references if r.person or r.registry_name]
        self.lexicon = lex_phrases(doc)  # (start, end, row)
        self.published = doc._.published
        self.unclaimed: dict[str, tuple] = {}  # type -> (start, end) of a dated mention that named no one
        self.mention_starts = [m.span.start for m in self.mentions]  # both in text order: ranges by bisection
        self.reference_starts = [r.span.start for r in self.references]
        self.kinds: dict[int, tuple[int, set]] = {}  # id(event) -> (mentions read, kinds), see occasions
        self.sentence_dates: dict[tuple[int, int], list] = {}  # the dates of each sentence, in doc._.dates order
        for date in self.dates:
            self.sentence_dates.setdefault(self.sentence(date.span.start), []).append(date)

    def _sentence_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of the sentence of each token."""
        bounds: list[tuple[int, int]] = []
        for start, end in zip(self.sentence_starts, self.sentence_starts[1:] + [len(self.lower)]):
            bounds += [(start, end)] * (end - start)
        return bounds

    def sentence(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence of token ``i``: what ``doc[i:j].sent`` spans."""
        if 0 <= i < len(self._sentence_of):
            return self._sentence_of[i]
        k = bisect_right(self.sentence_starts, i)
        return self.sentence_starts[k - 1], (self.sentence_starts[k] if k < len(self.sentence_starts)
                                             else len(self.lower))

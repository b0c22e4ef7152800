"""Lexicon tagger: marks the words the rules reason about (offices, places, nationalities, parties,
organisation words, honorifics, common capitalised words) with one PhraseMatcher built once.

Adds to the Doc:
- ``doc._.lex_labels`` (read by ``token._.lex``): per token, the label of the lexicon phrase it is part
  of (``office``, ``place``, ...) or ""
- ``doc._.lex_entries`` (read by ``token._.lex_entry``): per token, the lexicon row (dict) of that phrase
- ``doc._.lex_phrases``: (start, end, row) of every phrase kept, in text order (what the rules read)
- ``doc._.lexicon``: the same phrases as (Span, row); the Spans are made when it is first read
Rows come from ``resources/lexicon.jsonl`` and ``resources/offices.jsonl`` (label ``office``), through the
one shared :class:`~vnlao_extract.rules.lexicon.Lexicon` (``self.lexicon``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..rules.cues import cue_sequence
from ..rules.lexicon import Lexicon, load_lexicon
from ..matching import facts  # noqa: F401  (registers doc._.lex_labels, token._.lex, ...)

# When two phrases of the same length cover the same words, the earlier label wins.
LABEL_PRIORITY = cue_sequence("lexicon", "lexicon.label_priority")
SPANS_KEY = ("vnlao", "lexicon_spans")


class LexiconTagger:
    """Tags tokens with lexicon labels; see the module docstring."""

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon | None = None):
        self.name = name
        self.lexicon = lexicon or load_lexicon()  # shared: other components read it through rules.lexicon_of(nlp)
        self.rows = list(self.lexicon.rows)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for index, row in enumerate(self.rows):
            self.matcher.add(f"lex{index}", list(nlp.tokenizer.pipe(row["phrases"])))
        self._row_of = {nlp.vocab.strings[f"lex{i}"]: row for i, row in enumerate(self.rows)}
        rank = {label: i for i, label in enumerate(LABEL_PRIORITY)}
        self._rank_of = {match_id: rank.get(row["label"], len(LABEL_PRIORITY)) for match_id, row in self._row_of.items()}

    def match(self, doc: Doc) -> list[tuple[int, int, dict]]:
        """(start, end, row) of the phrases found, longest first where they overlap (then the LABEL_PRIORITY
        order, then the PhraseMatcher's), as spaCy's filter_spans keeps them, in text order."""
        rank_of = self._rank_of
        # sorted as tuples of ints, the position in the PhraseMatcher's list last: a stable sort's order
        found = [(start - end, start, rank_of[match_id], n, end, match_id)
                 for n, (match_id, start, end) in enumerate(self.matcher(doc))]
        found.sort()
        taken = bytearray(len(doc))
        kept = []
        for _, start, _, _, end, match_id in found:
            if not taken[start] and not taken[end - 1]:
                taken[start:end] = b"\x01" * (end - start)
                kept.append((start, end, match_id))
        kept.sort()
        row_of = self._row_of
        return [(start, end, row_of[match_id]) for start, end, match_id in kept]

    def set_annotations(self, doc: Doc, found: list[tuple[int, int, dict]]) -> None:
        labels: list[str] = [""] * len(doc)
        entries: list[dict | None] = [None] * len(doc)
        for start, end, row in found:
            if end - start == 1:
                labels[start], entries[start] = row["label"], row
            else:
                labels[start:end] = [row["label"]] * (end - start)
                entries[start:end] = [row] * (end - start)
        doc._.lex_labels, doc._.lex_entries, doc._.lex_phrases = labels, entries, found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


def lexicon_spans(doc: Doc) -> list[tuple[Span, dict]]:
    """``doc._.lexicon``: the phrases of ``doc._.lex_phrases`` as (Span, row), made once when first read
    (the rules read the phrases; a Span per phrase costs more than finding them)."""
    phrases = doc._.lex_phrases
    cached = doc.user_data.get(SPANS_KEY)
    if cached is None or cached[0] is not phrases:
        spans = [(Span(doc, start, end, label=row["label"]), row) for start, end, row in phrases or ()]
        cached = doc.user_data[SPANS_KEY] = (phrases, spans)
    return cached[1]


def set_lexicon_spans(doc: Doc, found: list[tuple[Span, dict]]) -> None:
    """``doc._.lexicon = found`` (a user's component may still set it): the phrases follow."""
    doc._.lex_phrases = [(span.start, span.end, row) for span, row in found]
    doc.user_data[SPANS_KEY] = (doc._.lex_phrases, list(found))


if not Doc.has_extension("lexicon"):
    Doc.set_extension("lexicon", getter=lexicon_spans, setter=set_lexicon_spans)


@Language.factory("vnlao_lexicon")
def make_lexicon_tagger(nlp: Language, name: str) -> LexiconTagger:
    return LexiconTagger(nlp, name)

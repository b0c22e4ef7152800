"""Lexicon tagger: marks the words the rules reason about (offices, places, nationalities, parties,
organisation words, honorifics, common capitalised words) with one PhraseMatcher built once.

Adds to the Doc:
- ``doc._.lex_labels`` (read by ``token._.lex``): per token, the label of the lexicon phrase it is part
  of (``office``, ``place``, ...) or ""
- ``doc._.lex_entries`` (read by ``token._.lex_entry``): per token, the lexicon row (dict) of that phrase
- ``doc._.lexicon``: list of (Span, row) for every phrase found, longest match first
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
        # per match_id: (rank of its label, its label's hash, its row), so that sorting compares ints only
        self._sort_facts = {match_id: (rank.get(row["label"], len(LABEL_PRIORITY)), nlp.vocab.strings.add(row["label"]),
                                       row) for match_id, row in self._row_of.items()}

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        """The phrases found, longest first where they overlap (then the LABEL_PRIORITY order, then the
        PhraseMatcher's), as spaCy's filter_spans keeps them; Spans are made only for the phrases kept."""
        facts = self._sort_facts
        found = [(start - end, start, facts[match_id][0], n, end, match_id)
                 for n, (match_id, start, end) in enumerate(self.matcher(doc))]
        found.sort()
        taken = bytearray(len(doc))
        kept = []
        for _, start, _, _, end, match_id in found:
            if not taken[start] and not taken[end - 1]:
                taken[start:end] = b"\x01" * (end - start)
                kept.append((start, end, match_id))
        kept.sort()
        return [(Span(doc, start, end, label=facts[match_id][1]), facts[match_id][2]) for start, end, match_id in kept]

    def set_annotations(self, doc: Doc, found) -> None:
        labels: list[str] = [""] * len(doc)
        entries: list[dict | None] = [None] * len(doc)
        for span, row in found:
            start, end = span.start, span.end
            labels[start:end] = [row["label"]] * (end - start)
            entries[start:end] = [row] * (end - start)
        doc._.lex_labels, doc._.lex_entries = labels, entries
        doc._.lexicon = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


if not Doc.has_extension("lexicon"):
    Doc.set_extension("lexicon", default=[])


@Language.factory("vnlao_lexicon")
def make_lexicon_tagger(nlp: Language, name: str) -> LexiconTagger:
    return LexiconTagger(nlp, name)

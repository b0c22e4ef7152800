"""Lexicon tagger: marks the words the rules reason about (offices, places, nationalities, parties,
organisation words, honorifics, common capitalised words) with one PhraseMatcher built once.

Adds to the Doc:
- ``token._.lex``: the label of the lexicon phrase the token is part of (``office``, ``place``, ...) or ""
- ``token._.lex_entry``: the lexicon row (dict) of that phrase
- ``doc._.lexicon``: list of (Span, row) for every phrase found, longest match first
Rows come from ``resources/lexicon.jsonl`` and ``resources/offices.jsonl`` (label ``office``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from ..resources import load_package_jsonl

# When two phrases of the same length cover the same words, the earlier label wins.
LABEL_PRIORITY = ("office", "party", "place", "nationality", "honorific", "reference", "org", "common")


def lexicon_rows() -> list[dict]:
    rows = load_package_jsonl("lexicon.jsonl")
    rows += [dict(row, label="office") for row in load_package_jsonl("offices.jsonl")]
    return rows


class LexiconTagger:
    """Tags tokens with lexicon labels; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.rows = lexicon_rows()
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for index, row in enumerate(self.rows):
            self.matcher.add(f"lex{index}", list(nlp.tokenizer.pipe(row["phrases"])))
        self._row_of = {nlp.vocab.strings[f"lex{i}"]: row for i, row in enumerate(self.rows)}

    def match(self, doc: Doc):
        spans = []
        for match_id, start, end in self.matcher(doc):
            row = self._row_of[match_id]
            span = doc[start:end]
            span.label_ = row["label"]
            spans.append((span, row))
        rank = {label: i for i, label in enumerate(LABEL_PRIORITY)}
        spans.sort(key=lambda item: (-(len(item[0])), rank.get(item[1]["label"], 99)))
        rows = {}
        for span, row in spans:
            rows.setdefault((span.start, span.end), row)
        kept = filter_spans([span for span, _ in spans])
        return [(span, rows[(span.start, span.end)]) for span in kept]

    def set_annotations(self, doc: Doc, found) -> None:
        for span, row in found:
            for token in span:
                token._.lex = row["label"]
                token._.lex_entry = row
        doc._.lexicon = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


# "" rather than None: the Matcher cannot compare a None extension value with a string.
if not Token.has_extension("lex"):
    Token.set_extension("lex", default="")
if not Token.has_extension("lex_entry"):
    Token.set_extension("lex_entry", default=None)
if not Doc.has_extension("lexicon"):
    Doc.set_extension("lexicon", default=[])


@Language.factory("vnlao_lexicon")
def make_lexicon_tagger(nlp: Language, name: str) -> LexiconTagger:
    return LexiconTagger(nlp, name)

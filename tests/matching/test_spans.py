"""Evidence read from the per-Doc text and token offsets gives what the Span and Token objects give."""
from __future__ import annotations

import pytest

from vnlao_extract.matching.facts import doc_text, token_starts
from vnlao_extract.matching.spans import evidence, sentence_window
from vnlao_extract.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def sentence_from_spans(span) -> str:
    """The evidence sentence built from spaCy's objects, as the texts are defined."""
    doc, window = span.doc, sentence_window()
    sent = span.sent
    start, end = max(sent.start, span.start - window), min(sent.end, span.end + window)
    text = doc[start:end].text.strip()
    return ("…" if start > sent.start else "") + text + ("…" if end < sent.end else "")


TEXTS = [
    "The two ministers met in Hanoi on Monday.",
    "  Leading blanks.  Two  spaces   inside,\n\nthen a paragraph and a tab\tbefore the end.  ",
    "Words " * 150 + "and one very long sentence with the item in its middle " + "words " * 150 + "end.",
    "Last token without a full stop",
]


@pytest.mark.parametrize("text", TEXTS)
def test_evidence_is_what_the_span_objects_give(nlp, text):
    doc = nlp(text)
    assert doc_text(doc) == doc.text and token_starts(doc) == [token.idx for token in doc]
    for start in range(0, len(doc), 7):
        for length in (1, 3):
            span = doc[start:min(len(doc), start + length)]
            found = evidence(span, "rule")
            assert found["text"] == span.text and found["sentence"] == sentence_from_spans(span)
            assert (found["start_char"], found["end_char"]) == (span.start_char, span.end_char)


def test_token_starts_follow_a_retokenized_doc(nlp):
    doc = nlp("Prime Minister Sonexay Siphandone arrived.")
    token_starts(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert token_starts(doc) == [token.idx for token in doc]

"""Per-Doc facts: the text a Doc is told it was made from is the one spaCy would join from its tokens."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnlao_extract.matching.facts import doc_text, keep_text, lower_words
from vnlao_extract.pipeline import build_pipeline

NLP = build_pipeline()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_the_tokenizer_keeps_every_character(text):
    doc = keep_text(NLP.make_doc(text), text)
    assert doc_text(doc) == doc.text == text


@pytest.mark.parametrize("text", ["Hà Nội,\r\n\tVientiane  ", " \u00a0 two\u2003spaces", "", "x"])
def test_text_and_lower_words_without_being_told(text):
    doc = NLP.make_doc(text)
    assert doc_text(doc) == doc.text and lower_words(doc) == [token.lower_ for token in doc]

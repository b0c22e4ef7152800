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


@pytest.mark.parametrize("fact, token_attr, value, empty", [
    ("lex_labels", "lex", "place", ""),
    ("ignored_mask", "ignored", True, False),
    ("lex_entries", "lex_entry", {"label": "place"}, None),
])
def test_token_facts_read_and_write_the_doc_lists(fact, token_attr, value, empty):
    doc = NLP.make_doc("Talks in Vientiane ended.")
    assert getattr(doc._, fact) is None and getattr(doc[2]._, token_attr) == empty
    setattr(doc[2]._, token_attr, value)
    assert getattr(doc._, fact) == [empty, empty, value, empty, empty]
    setattr(doc._, fact, [value] * len(doc))
    assert getattr(doc[0]._, token_attr) == value


def test_token_facts_as_matcher_attributes():
    from spacy.matcher import Matcher

    doc = NLP("The minister arrived in Vientiane.")
    matcher = Matcher(NLP.vocab)
    matcher.add("place", [[{"LOWER": "in"}, {"_": {"lex": "place"}}]])
    assert [(start, end) for _, start, end in matcher(doc)] == [(3, 5)]

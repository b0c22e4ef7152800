"""The people package's pure functions, called directly on Docs of short texts written for these tests."""
from __future__ import annotations

import pytest

from vnlao_extract.components.people import attach, candidates, shapes
from vnlao_extract.components.people.model import Facts


HEADLINE = "Leaders meet\n\n"  # the first line is the headline, outside the article body


def facts_of(nlp, text: str, *, tokens_only: bool = False) -> Facts:
    doc = nlp.make_doc(text) if tokens_only else nlp(HEADLINE + text)
    return Facts.of(doc, shapes.name_parts(doc))


@pytest.mark.parametrize("text, runs", [
    ("Prayut Chan-o-cha spoke to the press.", ["Prayut Chan-o-cha"]),
    ("The UN envoy met Sok Vanna and Li Ming.", ["Sok Vanna", "Li Ming"]),
    ("nobody here is named.", []),
])
def test_name_runs_are_capitalised_words_and_hyphenated_names(nlp, text, runs):
    doc = nlp(HEADLINE + text)
    assert [r.text for r in shapes.name_runs(doc) if r.start >= 3 and len(r) > 1] == runs


@pytest.mark.parametrize("text, credited", [
    ("Photo: Tran Minh Duc", True),
    ("Photo by Somsack Keola", True),
    ("Tran Minh Duc/VNA", True),
    ("Minister Tran Minh Duc spoke.", False),
])
def test_credits_are_no_person(nlp, text, credited):
    facts = facts_of(nlp, text, tokens_only=True)
    run = next(r for r in shapes.name_runs(facts.doc) if len(r) >= 2)
    assert candidates.credited(facts.doc, run) is credited


@pytest.mark.parametrize("text, anchor, country", [
    ("He met his Lao counterpart Saleumxay Kommasith.", "counterpart", "LA"),
    ("He met his visiting Thai counterpart, Maris Sangiampongsa.", "counterpart", "TH"),
    ("He met Mr. Somchai Wongsawat in Bangkok on Monday to discuss trade.", "honorific", None),
    ("He met Somchai Wongsawat in Bangkok on Monday to discuss trade.", None, None),
])
def test_anchor_before_a_name(nlp, text, anchor, country):
    facts = facts_of(nlp, text)
    run = next(r for r in shapes.name_runs(facts.doc) if len(r) >= 2)
    assert attach.anchor_before(facts, run.start) == (anchor, country)

"""The shared Lexicon: indexes built once from the dictionary rows."""
from __future__ import annotations

import pytest

from vnlao_extract.pipeline import build_pipeline
from vnlao_extract.rules import Row, build_lexicon, lexicon_of, load_lexicon


def _rows(*rows):
    return [Row(row, "t.jsonl", n) for n, row in enumerate(rows, 1)]


LEX = build_lexicon(
    _rows({"label": "place", "kind": "country", "country": "AT", "phrases": ["Atlantis", "Atlantic Republic"]},
          {"label": "nationality", "country": "AT", "phrases": ["Atlantean", "Atlantis's"]},
          {"label": "party", "party": "APP", "ruling": True, "country": "AT", "phrases": ["APP"]},
          {"label": "party", "party": "AYU", "country": "AT", "phrases": ["AYU"]}),
    _rows({"role": "chair", "phrases": ["Convenor", "Chief Convenor"]}),
    _rows({"country": "AT", "short_form": "first", "family_names": ["Oro", "Ama"]}))


@pytest.mark.parametrize("index, key, value", [
    ("country_names", "AT", "Atlantis"),
    ("nationality_of", "atlantean", "AT"),
    ("nationality_of", "atlantis's", "AT"),
    ("office_role", "chief convenor", "chair"),
    ("role_of", "convenor", "chair"),
    ("ruling_party", "AT", "APP"),
    ("family_names", "AT", frozenset({"Oro", "Ama"})),
])
def test_indexes(index, key, value):
    assert getattr(LEX, index)[key] == value


def test_multiword_phrases_are_not_one_word_roles_and_offices_are_labelled():
    assert "chief convenor" not in LEX.role_of
    assert [row["label"] for row in LEX.rows][-1] == "office" and LEX.rows[-1].where == "t.jsonl:1"


def test_one_lexicon_per_process_shared_by_the_pipeline():
    nlp = build_pipeline()
    assert lexicon_of(nlp) is load_lexicon() is nlp.get_pipe("vnlao_lexicon").lexicon
    assert set(load_lexicon().ruling_party.values()) >= {"CPV", "LPRP"}


def test_every_component_reads_the_pipelines_lexicon():
    """The events, congresses, people and references components take their tables from the Lexicon of
    the pipeline's vnlao_lexicon component: one given there is the one they use."""
    import spacy

    from vnlao_extract.components.lexicon import LexiconTagger
    from vnlao_extract.pipeline import PIPE_NAMES, TOKENIZER

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe("vnlao_lexicon")
    nlp.get_pipe("vnlao_lexicon").lexicon = LEX
    for name in PIPE_NAMES[PIPE_NAMES.index("vnlao_lexicon") + 1:]:
        nlp.add_pipe(name)
    assert nlp.get_pipe("vnlao_events").country_names is LEX.country_names
    assert nlp.get_pipe("vnlao_congresses").country_party is LEX.ruling_party
    people = nlp.get_pipe("vnlao_people").index
    assert people.nationality_of is LEX.nationality_of and people.role_of == {"convenor": "chair"}
    assert people.origins.family("Oro") == "AT"
    assert people.variants.vietnamese_families == frozenset()  # LEX has no VN row; the package's has some
    references = nlp.get_pipe("vnlao_references").index
    assert references.nationality_of is LEX.nationality_of and references.role_of == {"convenor": "chair"}
    assert isinstance(nlp.get_pipe("vnlao_lexicon"), LexiconTagger)

"""The pipeline as a whole: its tokenizer, its order, and its components in someone else's pipeline."""
from __future__ import annotations

import pytest
import spacy

from vnlao_extract.pipeline import PIPE_NAMES, build_pipeline, customize_tokenizer


@pytest.mark.parametrize("text, tokens", [
    ("trade plans for 2026–2030 were set", ["trade", "plans", "for", "2026", "–", "2030", "were", "set"]),
    ("on March 5—6 in Hanoi", ["on", "March", "5", "—", "6", "in", "Hanoi"]),
    ("to reach USD 5 billion by 2030./.", ["to", "reach", "USD", "5", "billion", "by", "2030", "./."]),
    ("the U.S. envoy didn't say", ["the", "U.S.", "envoy", "did", "n't", "say"]),
    ("a Lao–Vietnamese border", ["a", "Lao", "–", "Vietnamese", "border"]),  # as spaCy splits words
])
def test_tokenizer_splits_digit_dashes_and_the_end_mark(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_customize_tokenizer_gives_a_blank_pipeline_the_same_tokens(nlp):
    other = spacy.blank("en")
    customize_tokenizer(other)
    text = "Vientiane, Feb. 2 (VNA) – Talks on 2026–2030 goals ended./."
    assert [t.text for t in other.make_doc(text)] == [t.text for t in nlp.make_doc(text)]


def test_pipeline_runs_the_components_in_order(nlp):
    assert tuple(nlp.pipe_names) == PIPE_NAMES


def test_components_work_in_a_pipeline_of_the_users_own():
    other = spacy.blank("en")
    other.add_pipe("sentencizer")
    for name in ("vnlao_lexicon", "vnlao_titles", "vnlao_people"):  # no article reader: nothing is ignored
        other.add_pipe(name)
    doc = other("Lao Prime Minister Sonexay Siphandone met the delegation in Vientiane.")
    assert [t.text for t in doc._.titles] == ["Prime Minister"]
    assert doc[0]._.ignored is False and doc[1]._.lex == "office"


def test_user_files_are_passed_to_their_components(tmp_path):
    actors = tmp_path / "actors.jsonl"
    actors.write_text('{"name": "Khamla Vongsa", "country": "LA", "variants": []}\n', encoding="utf-8")
    nlp = build_pipeline(actors=[actors])
    assert nlp.get_pipe_config("vnlao_people")["actor_files"] == [str(actors)]


def test_a_users_component_can_still_set_token_facts():
    other = spacy.blank("en")
    doc = other("Lao Prime Minister spoke")
    doc[0]._.ignored = True
    doc[2]._.lex = "office"
    assert doc._.ignored_mask == [True, False, False, False] and doc[2]._.lex == "office"
    assert doc[1]._.lex == ""


FACTORIES = ["vnlao_article", "vnlao_lexicon", "vnlao_dates", "vnlao_titles", "vnlao_people", "vnlao_references",
             "vnlao_congresses", "vnlao_trade", "vnlao_events"]


def test_every_factory_is_an_entry_point_found_without_importing_the_package():
    """spaCy finds each factory through the ``spacy_factories`` entry points of the installed package."""
    import subprocess
    import sys

    code = ("import spacy, sys\n"
            "assert 'vnlao_extract' not in sys.modules\n"
            f"for name in {FACTORIES!r}:\n"
            "    spacy.blank('en').add_pipe(name)\n"
            "print('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_the_entry_points_name_every_factory_of_the_pipeline():
    from importlib.metadata import entry_points

    names = {point.name for point in entry_points(group="spacy_factories") if point.value.startswith("vnlao_extract")}
    assert names == set(FACTORIES) and set(PIPE_NAMES) - {"sentencizer"} <= names

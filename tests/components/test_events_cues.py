"""The events cue rows (resources/cues/events*.jsonl): they load, validate, and bad rows are refused."""
from __future__ import annotations

import pytest

from vnlao_extract.components.events.cues import CUES, Cues, cue_files
from vnlao_extract.errors import ResourceError


def test_packaged_cue_files_load():
    assert "cues/events.jsonl" in cue_files()
    assert CUES.words("planned.words") and CUES.scope("window.near_before") > 0


@pytest.mark.parametrize("row, reason", [
    ({"id": "x", "category": "tense.planned", "words": ["will"], "scope": 3}, "unknown key 'scope'"),
    ({"category": "tense.planned", "words": ["will"]}, "missing 'id'"),
    ({"id": "x", "category": "tense.planned", "direction": "sideways"}, "Input should be"),
    ({"id": "x", "category": "window", "max_scope": "far"}, "valid integer"),
])
def test_bad_rows_name_file_and_reason(row, reason):
    with pytest.raises(ResourceError) as error:
        Cues().add([row], "mine.jsonl")
    assert "mine.jsonl:1:" in str(error.value) and reason in str(error.value)


def test_duplicate_ids_are_refused():
    cues = Cues()
    cues.add([{"id": "a", "category": "c", "words": ["x"]}], "one.jsonl")
    with pytest.raises(ResourceError, match="duplicate id 'a'"):
        cues.add([{"id": "a", "category": "c", "words": ["y"]}], "two.jsonl")


@pytest.mark.parametrize("ids, words", [
    (("planned.after",), {"will", "shall", "would"}),
    (("documents.plural", "documents.singular"), {"agreements", "agreement"}),
])
def test_words_unions_rows(ids, words):
    assert words <= CUES.words(*ids)


def test_scope_missing_is_an_error():
    with pytest.raises(KeyError):
        CUES.scope("clause.breaks")


def test_phrases_and_values():
    assert ("invitation", "of") in CUES.phrases("host.phrases")
    assert CUES.values("number.words")["eight"] == 8

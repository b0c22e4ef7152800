"""The events cue rows (resources/cues/events*.jsonl): they load, validate, and bad rows are refused."""
from __future__ import annotations

import json

import pytest

from vnlao_extract.components.events.cues import CUES
from vnlao_extract.errors import ResourceError
from vnlao_extract.rules import parse_rows, validate_rows
from vnlao_extract.rules.cues import rows_by_id


def rows_of(*rows: dict, origin: str = "mine.jsonl"):
    return parse_rows([json.dumps(row) for row in rows], origin, "cues")


def test_packaged_cue_files_load():
    assert CUES.words("planned.words") and CUES.scope("window.near_before") > 0


@pytest.mark.parametrize("row, reason", [
    ({"id": "x", "category": "tense.planned", "words": ["will"], "scope": 3}, "unknown key 'scope'"),
    ({"category": "tense.planned", "words": ["will"]}, "missing 'id'"),
    ({"id": "x", "category": "tense.planned", "direction": "sideways"}, "Input should be"),
    ({"id": "x", "category": "window", "max_scope": "far"}, "valid integer"),
])
def test_bad_rows_name_file_and_reason(row, reason):
    with pytest.raises(ResourceError) as error:
        validate_rows(rows_of(row), "cues")
    assert "mine.jsonl:1:" in str(error.value) and reason in str(error.value)


def test_duplicate_ids_are_refused():
    rows = rows_of({"id": "a", "category": "c", "words": ["x"]}, {"id": "a", "category": "c", "words": ["y"]})
    with pytest.raises(ResourceError, match="mine.jsonl:2:.*duplicate id 'a'"):
        rows_by_id(rows)


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

"""The people finder's cue file: every row well formed and read by the package."""
from __future__ import annotations

from pathlib import Path

import pytest

import vnlao_extract.components.people as people_package
from vnlao_extract.components.people import cues
from vnlao_extract.rules import load_package

PACKAGE_DIR = Path(people_package.__file__).parent
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE_DIR.glob("*.py"))
ROWS = load_package(cues.CUE_FILE)


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_each_cue_row_is_well_formed_and_used(row):
    assert row["id"].startswith("people.") and row["category"].startswith("people.")
    kinds = [key for key in ("words", "max_scope", "ranks", "values") if key in row]
    assert len(kinds) == 1, f"{row['id']}: one of words, max_scope, ranks, values"
    if "words" in row:
        assert row["words"] and all(isinstance(w, str) and w == w.lower() for w in row["words"])
    if "values" in row:
        assert row["values"] and all(isinstance(w, str) and w == w.lower() for w in row["values"])
    if "max_scope" in row:
        assert isinstance(row["max_scope"], int) and row["max_scope"] >= row.get("min", 0)
    assert f'"{row["id"]}"' in SOURCE, f"{row['id']} is read by no module of components/people/"


def test_cue_ids_are_unique():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids)) == len(cues.cue_ids())


@pytest.mark.parametrize("reader, cue_id, expected", [
    (cues.words, "people.counterpart_words", {"counterpart", "counterparts"}),
    (cues.scope, "people.apposition_gap", 8),
    (cues.minimum, "people.vietnamese_words", 3),
    (lambda cue_id: cues.values(cue_id)["na"], "people.leader_modifiers", "na_chair"),
])
def test_readers_return_the_rows_values(reader, cue_id, expected):
    assert reader(cue_id) == expected

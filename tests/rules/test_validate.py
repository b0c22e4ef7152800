"""Rule files: every packaged one loads and validates; bad rows give one line naming FILE:LINE."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from vnlao_extract.errors import ResourceError
from vnlao_extract.rules import load_package, load_user
from vnlao_extract.rules import (check_matcher_patterns, expand_classes, package_kind, package_rows, parse_rows,
                                 validate_rows)

_FILES = resources.files("vnlao_extract.resources")
PACKAGED = sorted([path.name for path in _FILES.iterdir() if path.name.endswith(".jsonl")] +
                  [f"cues/{path.name}" for path in _FILES.joinpath("cues").iterdir() if path.name.endswith(".jsonl")])


@pytest.mark.parametrize("name", PACKAGED)
def test_packaged_file_validates(name):
    rows = load_package(name)
    assert rows and all(row.origin == name and isinstance(row.line, int) for row in rows)
    validate_rows(rows, package_kind(name))
    if name.endswith("_patterns.jsonl"):
        _, patterns = expand_classes([row for row in rows if "define" in row or "pattern" in row])
        check_matcher_patterns(patterns)


def test_every_packaged_kind_has_a_schema():
    from vnlao_extract.rules import SCHEMAS

    assert {package_kind(name) for name in PACKAGED} <= set(SCHEMAS)


def test_rows_keep_their_line():
    rows = parse_rows(["// a comment", "", '{"a": 1}', "  ", '{"b": 2}'], "f.jsonl", "test")
    assert [(row.where, dict(row)) for row in rows] == [("f.jsonl:3", {"a": 1}), ("f.jsonl:5", {"b": 2})]


GOOD = {"id": "mine", "type": "meeting", "frame": "parties", "pattern": [{"LOWER": "huddled"}]}


@pytest.mark.parametrize("row, needle", [
    ({k: v for k, v in GOOD.items() if k != "type"}, "missing 'type'"),
    ({k: v for k, v in GOOD.items() if k != "pattern"}, "missing 'pattern'"),
    (dict(GOOD, type="meetingx"), "'type'"),
    (dict(GOOD, frame="parteis"), "'frame'"),
    (dict(GOOD, tirm=1), "unknown key 'tirm'"),
    (dict(GOOD, trim=-1), "'trim'"),
    (dict(GOOD, pattern=[]), "'pattern'"),
    (dict(GOOD, pattern=[{"LOWR": "huddled"}]), "LOWR"),
    (dict(GOOD, pattern=[{"LOWER": {"INN": ["a"]}}]), "INN"),
    (dict(GOOD, pattern=[{"class": "NOSUCHCLASS"}]), "NOSUCHCLASS"),
    ({"define": "X", "token": {"LOWER": "a"}, "anchr": True}, "unknown key 'anchr'"),
])
def test_bad_user_pattern_row(tmp_path, row, needle):
    path = tmp_path / "mine.jsonl"
    path.write_text("// my patterns\n" + json.dumps(GOOD) + "\n" + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        load_user(path, "patterns")
    message = str(info.value)
    assert "\n" not in message and message.count(f"{path}:3:") == 1 and needle in message


def test_user_pattern_may_use_package_classes(tmp_path):
    path = tmp_path / "mine.jsonl"
    row = dict(GOOD, pattern=[{"class": "VISITADJ"}, {"LOWER": "stopover"}])
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert [r["id"] for r in load_user(path, "patterns")] == ["mine"]


@pytest.mark.parametrize("kind, row, needle", [
    ("lexicon", {"label": "plaec", "phrases": ["Atlantis"]}, "'label'"),
    ("lexicon", {"label": "place", "phrases": ["Atlantis"], "country": "Atlantis"}, "'country'"),
    ("lexicon", {"label": "place"}, "missing 'phrases'"),
    ("offices", {"role": "chair", "phrases": ["Convenor"], "needs_complemnt": True}, "unknown key"),
    ("date_patterns", {"id": "d", "kind": "absolut", "pattern": [{"LOWER": "x"}]}, "'kind'"),
    ("date_patterns", {"words": "past_cues", "lst": []}, "unknown key 'lst'"),
    ("title_patterns", {"refine": "chair", "heads": ["x"], "complemnt": ["y"]}, "unknown key"),
    ("trade_words", {"kind": "curency", "map": {}}, "'kind'"),
    ("name_origins", {"country": "VN", "short_form": "middle"}, "'short_form'"),
    ("money_patterns", {"id": "m"}, "missing 'pattern'"),
    ("cues", {"id": "c", "category": "x", "words": ["a"], "direction": "behind"}, "'direction'"),
    ("cues", {"id": "c", "category": "x", "max_scope": -1}, "'max_scope'"),
    ("cues", {"id": "c", "category": "x", "word": ["a"]}, "unknown key 'word'"),
    ("matching", {"id": "window", "max_tokens": 2, "max_match": 1}, "'max_tokens'"),
    ("actors", {"id": "a", "name": "A B", "country": "VN", "nickname": "x"}, "unknown key 'nickname'"),
    ("actors", {"id": "a", "name": "A B", "country": "VN", "offices": [{"role": "other", "form": "2020"}]},
     "office 1: unknown key 'form'"),
    ("gazetteer", {"code": "Laos", "names": ["Laos"]}, "'code'"),
    ("gazetteer", {"code": "LA", "name": ["Laos"]}, "unknown key 'name'"),
    ("timeline", {"setting": "near_days"}, "missing 'value'"),
    ("evidence", {"setting": "sentence_window_tokens", "valeu": 60}, "unknown key 'valeu'"),
    ("text_repair", {"char": "U+200B", "name": "ZERO WIDTH SPACE", "as": "space"}, "'as'"),
])
def test_bad_row_of_each_kind(kind, row, needle):
    rows = parse_rows([json.dumps(row)], "f.jsonl", kind)
    with pytest.raises(ResourceError, match="f.jsonl:1:") as info:
        validate_rows(rows, kind)
    assert needle in str(info.value)


def test_package_rows_are_not_changed_by_readers():
    first = load_package("offices.jsonl")
    first[0]["role"] = "changed"
    assert package_rows("offices.jsonl")[0]["role"] != "changed"


@pytest.mark.parametrize("row, needle", [
    ({"id": "x", "frame": "parties", "pattern": [{"LOWER": "huddled"}]}, "missing 'type'"),
    (dict(GOOD, tirm=1), "unknown key 'tirm'"),
    ({"id": "a", "name": "A B", "country": "VN", "nickname": "x"}, "unknown key 'nickname'"),
])
def test_cli_bad_user_file_exit_2(tmp_path, row, needle):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Prime Minister A met President B in Hanoi.\n", encoding="utf-8")
    option = "--actors" if "name" in row else "--patterns"
    done = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", "a.txt", option, str(path), "--json"],
                          cwd=tmp_path, capture_output=True, text=True)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1 and f"{path}:1:" in lines[0] and needle in lines[0]

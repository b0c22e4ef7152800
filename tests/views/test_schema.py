"""`extract --schema`: one typed definition; the records of seeds, dev sets, fuzz texts and bad inputs fit it."""
from __future__ import annotations

import json
import random

import pytest

from vnlao_extract.record import error_record
from vnlao_extract.schema import DRAFT, json_schema

from ..conftest import SEEDS, SHARED
from ..schema_check import assert_valid, validator

TEXT_SETS = {"seeds": SEEDS, "dev": SHARED / "eval" / "dev" / "texts", "dev2": SHARED / "eval" / "dev2" / "texts"}


@pytest.mark.parametrize("which", ["record", "timeline"])
def test_schema_is_draft_2020_12_and_well_formed(which):
    schema = json_schema(which)
    assert schema["$schema"] == DRAFT
    validator(which)  # check_schema raises on a malformed schema


@pytest.mark.parametrize("which, required", [
    ("record", {"source", "published", "people", "congresses", "events", "trade_targets", "dates"}),
    ("timeline", {"timeline", "people", "congresses", "articles"}),
])
def test_contract_fields_are_required(which, required):
    assert required <= set(json_schema(which)["required"])


@pytest.mark.parametrize("name", sorted(TEXT_SETS))
def test_records_of_each_text_set_validate(extract, name):
    folder = TEXT_SETS[name]
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    for path in sorted(folder.glob("*.txt")):
        assert_valid(extract(path.read_text(encoding="utf-8"), source=str(path)))  # the fixture validates too


def test_fuzz_texts_validate(nlp):
    from vnlao_extract.extract import extract_text

    from ..fuzz import generate, random_published

    rng = random.Random(14)
    for _ in range(60):
        _, text = generate(rng, 600)
        assert_valid(extract_text(nlp, text, "fuzz.txt", random_published(rng)))


@pytest.mark.parametrize("message", ["extract: x.txt: file is empty", "cannot read x: Permission denied"])
def test_error_records_validate(message):
    assert_valid(error_record("x.txt", message))


@pytest.mark.parametrize("change, path", [
    ({"events": [{"type": "summit", "actors": [], "start": None, "end": None, "place": None, "status": None}]},
     "events/0/type"),
    ({"dates": [{"text": "Feb 5", "start": "5 Feb", "end": None}]}, "dates/0/start"),
    ({"people": [{"name": "A B", "aliases": [], "titles": [], "country": "Laos"}]}, "people/0/country"),
    ({"published": "2026/02/02"}, "published"),
])
def test_a_record_outside_the_contract_is_rejected(change, path):
    record = {**error_record("x.txt", "e"), **change}
    errors = list(validator("record").iter_errors(record))
    assert ["/".join(map(str, e.absolute_path)) for e in errors] == [path]


def test_extra_fields_are_allowed():
    record = error_record("x.txt", "e")
    record["people"] = [{"name": "A B", "aliases": [], "titles": [], "country": None, "new_field": 1}]
    assert_valid({**record, "another": {"any": "thing"}})


def test_the_timeline_of_the_seeds_fits_the_timeline_schema(extract):
    timeline = pytest.importorskip("vnlao_extract.merge", reason="the timeline module is not merged yet")
    records = [extract(p.read_text(encoding="utf-8"), source=p.name) for p in sorted(SEEDS.glob("*.txt"))]
    assert_valid(timeline.build_timeline(records), "timeline")


def test_a_timeline_outside_the_contract_is_rejected():
    event = {"id": "e1", "type": "visit", "actors": ["A B"], "start": "2026-02", "end": None, "place": None,
             "status": None, "sources": ["a.txt"]}
    good = {"timeline": [event], "people": [], "congresses": [], "articles": 1}
    assert_valid(good, "timeline")
    bad = {**good, "timeline": [{**event, "sources": "a.txt"}]}
    assert [list(e.absolute_path) for e in validator("timeline").iter_errors(bad)] == [["timeline", 0, "sources"]]


@pytest.mark.parametrize("args, which", [(["--schema"], "record"), (["--schema", "timeline"], "timeline")])
def test_cli_prints_the_schema(args, which):
    from vnlao_extract.cli import main

    out = _capture(main, args)
    assert json.loads(out) == json_schema(which)


def test_cli_rejects_an_unknown_schema(capsys):
    from vnlao_extract.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--schema", "nope"])
    assert exit_info.value.code == 2
    assert "--schema must be one of record, timeline" in capsys.readouterr().err


def _capture(main, args) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 0
    return out.getvalue()

"""run() and the write loop: every format through the same plain function, no CLI involved."""
from __future__ import annotations

import csv
import io
import json

import pytest

from vnlao_extract.run import Format, RunOptions, UsageProblem, run
from vnlao_extract.views.writers import strip_evidence

ARTICLE = "HANOI, May 4, 2026 — Prime Minister Hun Manet paid an official visit to Vietnam on May 4.\n"


@pytest.mark.parametrize("value, expected", [
    ({"a": 1, "evidence": {"x": 1}, "mentions": [[0, 1]]}, {"a": 1}),
    ({"people": [{"name": "A", "evidence": {}}], "dates": [{"mentions": []}]}, {"people": [{"name": "A"}],
                                                                                "dates": [{}]}),
    ([1, "evidence"], [1, "evidence"]),
])
def test_strip_evidence_at_any_depth(value, expected):
    assert strip_evidence(value) == expected


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Hun Manet", "Sonexay Siphandone").replace("Vietnam", "Thailand"))
    (tmp_path / "empty.txt").write_text("")
    return tmp_path


def parsed(fmt: Format, text: str):
    if fmt is Format.json:
        return json.loads(text)
    if fmt is Format.jsonl:
        return [json.loads(line) for line in text.splitlines()]
    if fmt is Format.csv:
        return list(csv.DictReader(io.StringIO(text, newline="")))
    return text


@pytest.mark.parametrize("fmt", [Format.json, Format.jsonl, Format.csv, Format.html, Format.table])
def test_run_writes_each_format_to_a_file_and_counts(folder, fmt):
    messages = []
    out = folder / f"out.{fmt.value}"
    result = run([folder], fmt, str(out), RunOptions(), on_message=messages.append)
    assert (result.records, result.failures) == (3, 1) and result.events >= 2
    assert [m for m in messages if "file is empty" in m] == [m for m in messages if not m.startswith("warning:")]
    assert len(messages) == 1
    written = parsed(fmt, out.read_text(encoding="utf-8"))
    if fmt in (Format.json, Format.jsonl):
        assert [r["source"].rsplit("/", 1)[-1] for r in written] == ["a.txt", "b.txt", "empty.txt"]
    elif fmt is Format.csv:
        assert len(written) == result.events
    else:
        assert "Hun Manet" in written and "empty.txt" in written


def test_run_quiet_drops_warnings_only(folder):
    messages = []
    run([folder / "a.txt", folder / "a.txt", folder / "empty.txt"], "jsonl", str(folder / "o.jsonl"),
        RunOptions(quiet=True), on_message=messages.append)
    assert len(messages) == 1 and "file is empty" in messages[0]  # not the "given more than once" warning


def test_run_with_a_bad_patterns_file_is_a_usage_problem(folder):
    from vnlao_extract.extract import Options

    bad = folder / "bad.jsonl"
    bad.write_text('{"id": "x", oops\n')
    with pytest.raises(UsageProblem):
        run([folder], "json", str(folder / "o.json"), RunOptions(extract=Options(patterns=(str(bad),))))

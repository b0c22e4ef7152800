"""Crawler collections: one record per article of a JSONL, JSON array or CSV file; bad lines get error
records and the batch goes on. Articles are written here."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import unicodedata

import pytest

from vnlao_extract.errors import Errors, Warnings
from vnlao_extract.extract import Options, extract_sources
from vnlao_extract.inputs import Source, iter_sources
from vnlao_extract.output import dumps_line
from vnlao_extract.sources import Fields, ItemSource, expand_sources
from vnlao_extract.sources.collections import parse_published

TALKS = "Prime Minister Phạm Minh Chính held talks with Prime Minister Sonexay Siphandone in Hanoi on March 3, 2025."
RECEPTION = "General Secretary To Lam received the Lao ambassador in Hanoi on Monday."
VISIT = "President Thongloun Sisoulith will pay a state visit to Cambodia on June 10-11."


def expand(path, input_format="auto", fields=None, stdin=None):
    warnings: list[str] = []
    sources = list(expand_sources(iter_sources([str(path)]), input_format, fields, warnings.append, stdin=stdin))
    return sources, warnings


def run(sources, nlp, jobs=1):
    return list(extract_sources(sources, Options(jobs=jobs), nlp=nlp))


def write_jsonl(path, rows):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows),
                    encoding="utf-8")
    return path


GOOD_AND_BAD = [
    {"id": "vn-1", "title": "Prime ministers hold talks", "maintext": TALKS, "date_publish": "2025-03-04 09:15:00"},
    "{not json",
    {"id": "vn-2", "text": "   "},
    [1, 2],
    {"text": RECEPTION, "published": "2025-05-06T07:00:00+07:00", "url": "https://example.org/a"},
    {"id": "vn-3", "maintext": VISIT, "date_publish": "next week"},
]


def test_jsonl_good_and_bad_lines(tmp_path, nlp):
    path = write_jsonl(tmp_path / "crawl.jsonl", GOOD_AND_BAD)
    sources, warnings = expand(path)
    records = run(sources, nlp)
    name = str(path)
    assert [r["source"] for r in records] == [f"{name}#vn-1", f"{name}:2", f"{name}#vn-2", f"{name}:4",
                                              f"{name}:5", f"{name}#vn-3"]
    errors = [r["error"] for r in records]
    assert errors[0] is None and errors[4] is None and errors[5] is None
    assert errors[1] == Errors.E053.format(path=f"{name}:2", reason="not JSON (Expecting property name "
                                                                       "enclosed in double quotes)")
    assert errors[2] == Errors.E053.format(path=f"{name}#vn-2", reason="no text in 'maintext' or 'text'")
    assert errors[3] == Errors.E053.format(path=f"{name}:4", reason="expected an object, got list")
    assert records[0]["published"] == "2025-03-04" and records[0]["published_from"] == "field"
    assert [e["type"] for e in records[0]["events"]] == ["talks"]
    assert records[4]["published"] == "2025-05-06"
    assert [(e["type"], e["start"]) for e in records[4]["events"]] == [("reception", "2025-05-05")]
    assert records[5]["published"] is None
    assert warnings == [Warnings.W050.format(path=f"{name}#vn-3", value="next week")]


def test_title_is_read_as_the_first_paragraph(tmp_path, nlp):
    path = write_jsonl(tmp_path / "t.jsonl", [{"title": "Lao President visits Cambodia", "text": VISIT}])
    [source], _ = expand(path)
    article = source.read_article(10_000)
    assert article.text == f"Lao President visits Cambodia\n\n{VISIT}"
    path = write_jsonl(tmp_path / "u.jsonl", [{"title": "President Thongloun", "text": VISIT}])
    [source], _ = expand(path)
    assert source.read_article(10_000).text == VISIT  # the text already starts with it


@pytest.mark.parametrize("value, expected", [
    ("2025-03-04", "2025-03-04"), ("2025-03-04 09:15:00", "2025-03-04"), ("2025-03-04T09:15:00Z", "2025-03-04"),
    ("2025-02-30", None), ("March 4, 2025", None), ("", None), (20250304, None), (None, None),
])
def test_date_field_values(value, expected):
    parsed = parse_published(value)
    assert (parsed.isoformat() if parsed else None) == expected


def test_json_array_items_are_numbered(tmp_path, nlp):
    path = tmp_path / "crawl.json"
    path.write_text(json.dumps([{"maintext": TALKS, "date_publish": "2025-03-04"}, "oops",
                                {"id": 7, "text": RECEPTION, "published": "2025-05-06"}]), encoding="utf-8")
    records = run(expand(path)[0], nlp)
    assert [r["source"] for r in records] == [f"{path}:1", f"{path}:2", f"{path}#7"]
    assert [r["error"] is None for r in records] == [True, False, True]
    assert records[1]["error"] == Errors.E053.format(path=f"{path}:2", reason="expected an object, got str")


@pytest.mark.parametrize("content, reason", [
    ('[{"text": "a"', "not JSON (Expecting ',' delimiter)"),
    ('"just a string"', "expected an array of objects"),
    (b"\xff\xfe[", "not UTF-8"),
])
def test_broken_json_file_is_one_error_record(tmp_path, nlp, content, reason):
    path = tmp_path / "broken.json"
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    [record] = run(expand(path)[0], nlp)
    assert record["source"] == str(path)
    assert record["error"] == Errors.E054.format(path=str(path), reason=reason)


def test_csv_with_a_text_column_and_bad_rows(tmp_path, nlp):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "title", "text", "published"])
    writer.writerow(["a", "Talks in Hanoi", TALKS + "\nThe two sides signed three agreements.", "2025-03-04"])
    writer.writerow(["b", "", "", "2025-03-05"])
    writer.writerow(["c", "Visit", VISIT, "2025-06-01", "extra cell"])
    writer.writerow(["d", "", RECEPTION, "2025-05-06"])
    path = tmp_path / "articles.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    records = run(expand(path)[0], nlp)
    assert [r["source"] for r in records] == [f"{path}#a", f"{path}#b", f"{path}:5", f"{path}#d"]
    assert [r["error"] is None for r in records] == [True, False, False, True]
    assert records[2]["error"] == Errors.E053.format(path=f"{path}:5", reason="more cells than the header has")
    assert [p["name"] for p in records[0]["people"]] == ["Phạm Minh Chính", "Sonexay Siphandone"]
    assert records[3]["published"] == "2025-05-06"


def test_field_names_can_be_overridden(tmp_path, nlp):
    path = write_jsonl(tmp_path / "own.jsonl", [{"body": TALKS, "day": "2025-03-04", "key": "x-1", "text": "ignored"}])
    [source], _ = expand(path, fields=Fields.given(text="body", date="day", id="key"))
    [record] = run([source], nlp)
    assert record["source"] == f"{path}#x-1" and record["published"] == "2025-03-04"
    assert [e["type"] for e in record["events"]] == ["talks"]


def test_duplicate_ids_are_named_by_line(tmp_path):
    path = write_jsonl(tmp_path / "dup.jsonl", [{"id": "a", "text": TALKS}, {"id": "a", "text": VISIT}])
    sources, warnings = expand(path)
    assert [s.name for s in sources] == [f"{path}#a", f"{path}:2"]
    assert warnings == [Warnings.W051.format(path=f"{path}:2", id="a")]


def test_blank_lines_skipped_and_long_lines_refused(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n" + json.dumps({"text": TALKS}) + "\n\n" + json.dumps({"text": "x" * 500}) + "\n"
                    + json.dumps({"text": VISIT}) + "\n", encoding="utf-8")
    sources = list(expand_sources(iter_sources([str(path)]), max_bytes=300))
    assert [s.name for s in sources] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert sources[1].error is not None and "longer than --max-bytes" in sources[1].error
    assert isinstance(sources[0], ItemSource) and isinstance(sources[2], ItemSource)


def test_items_are_worked_in_the_pool_with_the_same_bytes(tmp_path, nlp):
    rows = [{"id": f"n{i}", "text": text} for i, text in enumerate([TALKS, RECEPTION, VISIT] * 4)]
    path = write_jsonl(tmp_path / "many.jsonl", rows + ["bad line"])
    one = [dumps_line(r) for r in run(expand(path)[0], nlp)]
    two = [dumps_line(r) for r in run(expand(path)[0], nlp, jobs=2)]
    assert one == two and len(one) == 13


def test_collection_from_stdin(tmp_path):
    lines = "\n".join(json.dumps(r) for r in [{"id": "s1", "text": TALKS}, {"text": RECEPTION}]) + "\nnope\n"
    done = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", "-", "--input-format", "jsonl", "--jsonl"],
                          input=lines, capture_output=True, text=True, timeout=120)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["source"] for r in records] == ["-#s1", "-:2", "-:3"]
    assert done.returncode == 1 and len([line for line in done.stderr.splitlines() if "warning:" not in line]) == 1
    assert "-:3: bad article in collection: not JSON" in done.stderr


def test_unreadable_collection_is_one_error_record(tmp_path):
    missing = tmp_path / "gone.jsonl"
    sources = list(expand_sources([Source(str(missing), missing)]))
    assert len(sources) == 1 and sources[0].error.startswith(f"[E001] cannot read {missing}")


def test_cli_overrides_and_bad_format(tmp_path):
    path = write_jsonl(tmp_path / "own.txt", [{"body": TALKS, "key": "k"}])
    done = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", str(path), "--input-format", "jsonl",
                           "--text-field", "body", "--id-field", "key", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [r["source"] for r in json.loads(done.stdout)] == [f"{path}#k"]
    bad = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", str(path), "--input-format", "xml"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "--input-format" in bad.stderr


@pytest.mark.parametrize("text", [
    TALKS,
    TALKS.replace("Sonexay", "Sone\u200bxay"),           # a zero-width space the repair drops
    TALKS.replace("Phạm", "Pha\u0323m").replace(" ", "\u00a0", 2),  # decomposed, no-break spaces
])
def test_evidence_offsets_index_the_items_title_and_text(tmp_path, nlp, text):
    path = write_jsonl(tmp_path / "o.jsonl", [{"title": "Talks held", "text": text}])
    [record] = run(expand(path)[0], nlp)
    read = "Talks held\n\n" + text
    for person in record["people"]:
        evidence = person["evidence"]
        sliced = read[evidence["start_char"]:evidence["end_char"]]
        assert unicodedata.normalize("NFC", sliced.replace("\u200b", "").replace("\u00a0", " ")) == person["name"]


def test_python_api_takes_input_settings_as_keywords(tmp_path):
    import vnlao_extract as vx

    path = write_jsonl(tmp_path / "api.txt", [{"body": RECEPTION, "key": "r1", "published": "2025-05-06"}])
    [record] = list(vx.extract_files([str(path)], input_format="jsonl", text_field="body", id_field="key",
                                     in_process=True))
    assert record["source"] == f"{path}#r1" and record["published"] == "2025-05-06"

"""`--format csv`: one flat RFC 4180 table per run, events by default, any item kind with --table."""
from __future__ import annotations

import csv
import io
import json

import pytest

from vnlao_extract.views.csv_table import COLUMNS, CsvTableWriter, write_timeline_csv

from ..conftest import SEEDS
from ..test_cli import cli  # noqa: F401 - the in-process command fixture

EVIDENCE = {"start_char": 0, "end_char": 5, "text": "visit", "sentence": 'He said, "a visit,\nsoon".', "rule": "r"}
RECORD = {
    "source": "a,b.txt",
    "events": [{"type": "visit", "subtype": "state", "actors": ["A B", "C D"], "start": "2026-02-05", "end": None,
                "place": "Laos", "status": "planned", "host": "C D", "evidence": EVIDENCE}],
    "people": [{"name": "A B", "aliases": ["B"], "titles": ["President", "General Secretary"], "country": "LA",
                "evidence": EVIDENCE}],
    "congresses": [{"ordinal": 12, "party": "LPRP", "start": None, "end": None}],
    "trade_targets": [{"value": 5000000000, "currency": "USD", "text": "US$5 billion"}],
    "dates": [{"text": "February 5", "start": "2026-02-05", "end": None, "precision": "day", "kind": "absolute"}],
}


def rows(table: str, evidence: bool = True, records=(RECORD,)) -> list[dict]:
    stream = io.StringIO(newline="")
    writer = CsvTableWriter(stream, table, evidence)
    for record in records:
        writer.write(record)
    return list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))


@pytest.mark.parametrize("table, expected", [
    ("events", {"source": "a,b.txt", "type": "visit", "subtype": "state", "actors": "A B; C D", "host": "C D",
                "start": "2026-02-05", "end": "", "place": "Laos", "status": "planned"}),
    ("people", {"name": "A B", "titles": "President; General Secretary", "country": "LA", "aliases": "B"}),
    ("congresses", {"ordinal": "12", "party": "LPRP", "start": "", "end": ""}),
    ("trade_targets", {"value": "5000000000", "currency": "USD", "text": "US$5 billion"}),
    ("dates", {"text": "February 5", "start": "2026-02-05", "precision": "day"}),
])
def test_one_row_per_item_with_its_columns(table, expected):
    (row,) = rows(table)
    assert list(row) == ["source", *COLUMNS[table][0], "sentence"]
    assert expected.items() <= row.items()


def test_quotes_commas_and_newlines_survive_rfc_4180():
    stream = io.StringIO(newline="")
    CsvTableWriter(stream, "events").write(RECORD)
    assert stream.getvalue().endswith('"He said, ""a visit,\nsoon""."\r\n')
    assert rows("events")[0]["sentence"] == EVIDENCE["sentence"]


def test_no_evidence_drops_the_sentence_column():
    assert "sentence" not in rows("events", evidence=False)[0]


def test_records_without_items_or_with_errors_add_no_rows():
    empty = {"source": "e.txt", "events": [], "error": "extract: e.txt: file is empty"}
    assert [r["source"] for r in rows("events", records=(empty, RECORD, empty))] == ["a,b.txt"]


def test_timeline_rows_carry_source_counts():
    timeline = {"timeline": [{"id": "v1", "type": "visit", "actors": ["A B"], "start": "2026-02-05", "end": None,
                              "place": "Laos", "status": "completed", "sources": ["x.txt", "y.txt"]}],
                "people": [], "congresses": [], "articles": 2}
    stream = io.StringIO(newline="")
    assert write_timeline_csv(timeline, stream) == 1
    (row,) = csv.DictReader(io.StringIO(stream.getvalue(), newline=""))
    assert (row["id"], row["source_count"], row["sources"]) == ("v1", "2", "x.txt; y.txt")


@pytest.mark.parametrize("table, key", [("events", "events"), ("people", "people"), ("dates", "dates")])
def test_cli_csv_has_one_row_per_item_of_the_seeds(cli, table, key):  # noqa: F811
    as_json = json.loads(cli([SEEDS, "--json"]).stdout)
    result = cli([SEEDS, "--format", "csv", "--table", table])
    assert result.code == 0
    table_rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    assert len(table_rows) == sum(len(r[key]) for r in as_json) > 0


def test_cli_rejects_an_unknown_table(cli):  # noqa: F811
    result = cli([SEEDS, "--format", "csv", "--table", "nope"])
    assert result.code == 2 and "--table must be one of" in result.stderr

"""`extract --timeline` end to end: one object, one event per line, same bytes whatever the order or --jobs."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

_SCRIPT = Path(sys.executable).with_name("extract")
EXTRACT = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "vnlao_extract.cli"]

ARTICLES = {
    "outlet1/visit.txt": "date 2025-11-03\n\nVIENTIANE — Prime Minister Phạm Minh Chính will pay an official visit "
                         "to Laos on November 6-7 at the invitation of Prime Minister Sonexay Siphandone.\n",
    "outlet2/talks.txt": "date 2025-11-06\n\nVIENTIANE — Prime Minister Pham Minh Chinh held talks with Lao Prime "
                         "Minister Sonexay Siphandone in Vientiane on November 6 during his official visit to Laos.\n",
    "outlet3/undated.txt": "VIENTIANE — Prime Minister Pham Minh Chinh and Lao Prime Minister Sonexay Siphandone held "
                           "talks on Thursday as part of his official visit to the Lao PDR.\n",
    "outlet3/empty.txt": "",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("timeline")
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _run(corpus, *args):
    done = subprocess.run([*EXTRACT, *args, "--timeline", "--quiet"], cwd=corpus, capture_output=True, timeout=300)
    return done.returncode, done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def as_json(corpus):
    return _run(corpus, *sorted(ARTICLES), "--json")


def test_one_object_for_the_batch(as_json):
    code, out = as_json
    timeline = json.loads(out)
    assert code == 1  # the empty file: an error record, counted
    assert (timeline["articles"], timeline["errors"]) == (4, 1)
    visit = next(e for e in timeline["timeline"] if e["type"] == "visit")
    assert visit["sources"] == ["outlet1/visit.txt", "outlet2/talks.txt", "outlet3/undated.txt"]
    talks = next(e for e in timeline["timeline"] if e["type"] == "talks")
    assert talks["start"] == "2025-11-06" and talks["sources"] == ["outlet2/talks.txt", "outlet3/undated.txt"]


@pytest.mark.parametrize("args", [
    ("outlet3/undated.txt", "outlet2/talks.txt", "outlet3/empty.txt", "outlet1/visit.txt"),  # another order
    (*sorted(ARTICLES), "--jobs", "2"),
])
def test_same_bytes_whatever_the_order_or_jobs(corpus, as_json, args):
    code, out = _run(corpus, *args, "--json")
    assert (code, out) == as_json


def test_jsonl_is_one_event_per_line(corpus, as_json):
    code, out = _run(corpus, *sorted(ARTICLES), "--jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines == json.loads(as_json[1])["timeline"]


def test_table_view(corpus):
    code, out = _run(corpus, ".", "--format", "table")
    assert "Timeline: " in out and "Sonexay" in out

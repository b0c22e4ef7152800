"""The Python API in vnlao_extract/__init__.py: what the README shows works as written."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import vnlao_extract as vx

from .conftest import SEEDS
from .schema_check import assert_valid

TEXT = ("Prime Minister Sonexay Siphandone will pay an official visit to Cambodia on March 3, "
        "where he will hold talks with Prime Minister Hun Manet.\n")


@pytest.fixture(scope="module", autouse=True)
def shared_pipeline(nlp):
    """The API's per-process pipeline is the session's (building one costs seconds)."""
    vx._DEFAULT_PIPELINE[:] = [nlp]
    yield
    vx._DEFAULT_PIPELINE.clear()


@pytest.mark.parametrize("published", ["2026-02-20", dt.date(2026, 2, 20)])
def test_extract_text_takes_a_date_or_an_iso_string(published):
    record = assert_valid(vx.extract_text(TEXT, published=published))
    assert record["source"] == "<text>"
    visit = next(e for e in record["events"] if e["type"] == "visit")
    assert visit["start"] == "2026-03-03" and visit["status"] == "planned"
    assert visit["actors"][0] == "Sonexay Siphandone"


def test_extract_text_without_a_date_keeps_the_year_open():
    record = vx.extract_text(TEXT)
    assert record["published"] is None and record["error"] is None


def test_extract_files_walks_like_the_command(tmp_path):
    (tmp_path / "b.txt").write_text(TEXT)
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "notes.md").write_text(TEXT)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(TEXT)
    (tmp_path / "empty.txt").write_text("")
    messages = []
    records = list(vx.extract_files([tmp_path], on_message=messages.append))
    assert [r["source"].rsplit("/", 1)[-1] for r in records] == ["a.txt", "b.txt", "empty.txt"]
    assert records[2]["error"] and [m for m in messages if not m.startswith("warning:")] == [records[2]["error"]]


@pytest.mark.parametrize("options, names", [
    ({"glob": ["*.txt", "*.md"]}, ["a.txt", "notes.md"]),
    ({"hidden": True}, ["c.txt", "a.txt"]),
])
def test_extract_files_options(tmp_path, options, names):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "notes.md").write_text(TEXT)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(TEXT)
    assert [r["source"].rsplit("/", 1)[-1] for r in vx.extract_files([tmp_path], **options)] == names


def test_timeline_merges_the_records():
    records = [vx.extract_text(TEXT, "2026-02-20", source=f"{n}.txt") for n in range(2)]
    merged = assert_valid(vx.timeline(iter(records)), "timeline")
    assert merged["articles"] == 2
    (visit,) = [e for e in merged["timeline"] if e["type"] == "visit"]
    assert visit["sources"] == ["0.txt", "1.txt"]


def test_timeline_stays_callable_once_the_merging_package_is_imported():
    code = ("import vnlao_extract as vx; before = vx.timeline([]); "
            "from vnlao_extract.merge import build_timeline; "
            "print(vx.timeline([]) == before == build_timeline([]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "True", proc.stderr


def test_importing_the_package_does_not_load_spacy():
    code = "import sys, vnlao_extract; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_python_dash_m_is_the_command():
    proc = subprocess.run([sys.executable, "-m", "vnlao_extract", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == f"extract (vnlao_extract) {vx.__version__}"


def test_seed_files_through_the_api_match_extract_text():
    path = sorted(SEEDS.glob("*.txt"))[0]
    (from_files,) = vx.extract_files([path])
    assert from_files == vx.extract_text(path.read_text(encoding="utf-8"), source=str(path)) | {"encoding": "utf-8"}

"""The worker pool: a budget per article, a second chance for a source whose worker died, and a run
that ends at once on a signal even while a worker is stuck in work that cannot be interrupted."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.language import Language

from vnlao_extract import extract as extract_module
from vnlao_extract.budget import checked_timeout, over_budget_message
from vnlao_extract.errors import Errors
from vnlao_extract.extract import Options, extract_sources
from vnlao_extract.inputs import Source
from vnlao_extract.output import dumps_line

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers inherit the patches by fork")

STUCK = "stuck"  # an article holding this word keeps its worker busy in a C loop that never checks signals


def stuck_in_c() -> None:
    """A regex that backtracks for minutes inside the re module's C code."""
    re.match(r"(a+)+$", "a" * 40 + "b")


@Language.component("test_stuck_stub")
def stuck_stub(doc):
    if STUCK in doc.text:
        marker = os.environ.get("VNLAO_TEST_STUCK_MARKER")
        if marker:
            Path(marker).touch()
        stuck_in_c()
    return doc


@pytest.fixture(scope="module")
def slow_nlp():
    from vnlao_extract.pipeline import build_pipeline

    nlp = build_pipeline()
    nlp.add_pipe("test_stuck_stub", last=True)
    return nlp


def _articles(directory: Path, names: list[str]) -> list[Source]:
    sources = []
    for number, name in enumerate(names):
        path = directory / name
        path.write_text(f"Prime Minister Sonexay Siphandone held talks in Vientiane on May {number + 1}, 2026. "
                        f"{STUCK if 'stuck' in name else ''}\n", encoding="utf-8")
        sources.append(Source(name, path))
    return sources


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_over_the_budget_gets_an_error_record_and_the_batch_goes_on(slow_nlp, tmp_path, jobs):
    names = ["01.txt", "02-stuck.txt", "03.txt", "04.txt", "05.txt", "06-stuck.txt", "07.txt"]
    sources = _articles(tmp_path, names)
    messages: list[str] = []
    records = list(extract_sources(sources, Options(jobs=jobs, timeout=0.3), slow_nlp, messages.append))
    assert [r["source"] for r in records] == names
    over = {r["source"]: r["error"] for r in records if "stuck" in r["source"]}
    assert over == {name: over_budget_message(name, 0.3) for name in ("02-stuck.txt", "06-stuck.txt")}
    assert "took longer than 0.3 s" in over["02-stuck.txt"]
    assert all(r["error"] is None and r["people"] for r in records if "stuck" not in r["source"])
    assert [m for m in messages if "took longer" in m] == list(over.values())


def test_the_records_are_the_same_in_a_worker_and_in_process(nlp, tmp_path):
    sources = _articles(tmp_path, [f"{n:02d}.txt" for n in range(9)])
    here = [dumps_line(r) for r in extract_sources(sources, Options(in_process=True), nlp)]
    for jobs in (1, 3):
        assert [dumps_line(r) for r in extract_sources(sources, Options(jobs=jobs), nlp)] == here


def test_a_worker_that_dies_once_on_a_source_gets_it_done_by_the_next(nlp, tmp_path, monkeypatch):
    sources = _articles(tmp_path, ["01.txt", "02-dies-once.txt", "03.txt"])
    flag = tmp_path / "not-died-yet"
    flag.touch()
    real = extract_module.extract_source

    def dies_once(nlp_, source, options):
        if "dies-once" in source.name and flag.exists():
            flag.unlink()
            os._exit(9)
        return real(nlp_, source, options)

    expected = [dumps_line(r) for r in extract_sources(sources, Options(in_process=True), nlp)]
    monkeypatch.setattr(extract_module, "extract_source", dies_once)
    assert [dumps_line(r) for r in extract_sources(sources, Options(jobs=1), nlp)] == expected
    assert not flag.exists()


def test_standard_input_is_read_once_and_handed_to_the_worker(nlp, monkeypatch):
    import io

    text = "Prime Minister Sonexay Siphandone held talks in Vientiane on May 2, 2026.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))
    (record,) = extract_sources([Source("-", None)], Options(jobs=1), nlp)
    assert record["error"] is None and record["people"][0]["name"] == "Sonexay Siphandone"


@pytest.mark.parametrize("value, expected", [(0, None), (None, None), (0.5, 0.5), (30, 30.0)])
def test_timeout_values(value, expected):
    assert checked_timeout(value) == expected


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf"), 10**9])
def test_timeout_values_refused(value):
    with pytest.raises(ValueError, match="--timeout"):
        checked_timeout(value)


RUN_STUCK = """
import sys
from vnlao_extract import cli, extract
from vnlao_extract.pipeline import build_pipeline
import tests.test_pool
nlp = build_pipeline()
nlp.add_pipe("test_stuck_stub", last=True)
extract.load_pipeline = lambda options: nlp
cli.main(sys.argv[1:])
"""


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_ends_a_jobs_1_run_at_once_while_a_worker_is_stuck(tmp_path, sig, code):
    (tmp_path / "a.txt").write_text(f"Talks in Vientiane. {STUCK}\n", encoding="utf-8")
    marker = tmp_path / "entered"
    env = dict(os.environ, VNLAO_TEST_STUCK_MARKER=str(marker), PYTHONPATH=str(Path(__file__).parent.parent))
    proc = subprocess.Popen([sys.executable, "-c", RUN_STUCK, str(tmp_path / "a.txt"), "--json", "--jobs", "1",
                             "--timeout", "600"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(600):  # until the worker is inside the stuck component
            if marker.exists() or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), proc.communicate(timeout=5)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=3)  # not the minutes the regex would take
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == code
    assert b"Traceback" not in err and err.decode().startswith("extract: [E012] interrupted")

"""Dask: records byte-identical to --jobs 1, one pipeline per worker process, nothing lost when a worker
is killed mid-run. Clusters run on 127.0.0.1 only, are bounded in time and always closed."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from tests.conftest import SEEDS  # noqa: E402
from vnlao_extract import dask as vdask  # noqa: E402
from vnlao_extract.extract import Options, extract_sources  # noqa: E402
from vnlao_extract.inputs import iter_sources  # noqa: E402
from vnlao_extract.output import dumps_line  # noqa: E402
from vnlao_extract.sources import expand_sources  # noqa: E402

WAIT = 120  # seconds any one result may take before the test fails instead of hanging


@pytest.fixture(scope="module")
def client():
    dask_client, cluster = vdask.connect("local", 2)  # the CLI's own LocalCluster: 127.0.0.1, processes
    try:
        yield dask_client
    finally:
        dask_client.close(timeout=30)
        cluster.close(timeout=30)


def batch(tmp_path):
    """Seeds, a collection with good and bad lines, a missing file and an empty one."""
    lines = [json.dumps({"id": f"a{i}", "text": f"Prime Minister Phạm Minh Chính met visitors in Hanoi on May {i + 1}, 2025."})
             for i in range(9)] + ["{broken"]
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    return [str(SEEDS), str(tmp_path / "crawl.jsonl"), str(tmp_path / "empty.txt"), str(tmp_path / "gone.txt")]


def serial_lines(paths, nlp) -> list[str]:
    sources = expand_sources(iter_sources(paths, on_warning=lambda _: None))
    return [dumps_line(r) for r in extract_sources(sources, Options(), nlp=nlp)]


def test_records_bag_is_in_input_order_with_the_same_bytes(tmp_path, nlp, client):
    paths = batch(tmp_path)
    bag = vdask.records(paths, workers=2)
    assert bag.npartitions > 1
    assert [dumps_line(r) for r in bag.compute(scheduler=client)] == serial_lines(paths, nlp)


def test_streamed_records_and_messages(tmp_path, nlp, client):
    paths = batch(tmp_path)
    messages: list[str] = []
    sources = expand_sources(iter_sources(paths, on_warning=lambda _: None))
    lines = [dumps_line(r) for r in vdask.extract_on_dask(sources, Options(), on_message=messages.append,
                                                         client=client)]
    assert lines == serial_lines(paths, nlp)
    assert len([m for m in messages if not m.startswith("warning:")]) == 3  # the broken line, the empty file, the missing file


def test_each_worker_builds_the_pipeline_once(tmp_path, client):
    items = [{"id": str(i), "text": "President Thongloun Sisoulith arrived on May 7, 2025."} for i in range(40)]
    bag = vdask.records(items, workers=2)
    assert bag.npartitions >= 4
    assert len(bag.compute(scheduler=client)) == 40
    assert set(client.run(vdask.pipeline_builds).values()) <= {0, 1}
    assert sum(client.run(vdask.pipeline_builds).values()) >= 1


def test_in_memory_items_are_named_like_a_collection():
    sources = [r["source"] for r in vdask.records([{"id": "x", "text": "A."}, {"text": "B."}]).compute(scheduler="sync")]
    assert sources == ["items#x", "items:2"]


@pytest.mark.parametrize("count, workers, expected", [(0, 2, 1), (5, 2, 1), (80, 2, 10), (10_000, 2, 32), (100, 0, 25)])
def test_partition_size(count, workers, expected):
    assert vdask.partition_size(count, workers) == expected


def test_a_worker_killed_mid_run_loses_nothing(tmp_path, nlp):
    seed_texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rows = [json.dumps({"id": f"k{i}", "text": seed_texts[i % len(seed_texts)]}) for i in range(40)]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    expected = serial_lines([str(path)], nlp)
    client, cluster = vdask.connect("local", 2)
    killed = []

    def kill_a_busy_worker():
        busy = sorted(w for w, keys in client.processing().items() if keys)
        victim = busy[0]
        pid = client.run(os.getpid, workers=[victim])[victim]
        os.kill(pid, signal.SIGKILL)
        killed.append((victim, len(client.processing()[victim])))

    try:
        sources = expand_sources(iter_sources([str(path)]))
        lines = []
        for record in vdask.extract_on_dask(sources, Options(), client=client, partition_size=4):
            lines.append(dumps_line(record))
            if len(lines) == 4:  # the first partition is written, the others are queued or running
                kill_a_busy_worker()
        workers_after = len(client.scheduler_info()["workers"])
    finally:
        client.close(timeout=30)
        cluster.close(timeout=30)
    assert killed and killed[0][1] > 0  # the worker held work when it died
    assert workers_after >= 1
    names = [json.loads(line)["source"] for line in lines]
    assert len(names) == len(set(names)) == 40
    assert lines == expected


def test_cli_dask_local_gives_the_jobs_1_bytes(tmp_path):
    paths = batch(tmp_path)

    def run(*extra):
        return subprocess.run([sys.executable, "-m", "vnlao_extract.cli", *paths, "--jsonl", *extra],
                              capture_output=True, timeout=300)

    one, on_dask = run("--jobs", "1"), run("--dask", "local", "--jobs", "2")
    assert one.returncode == on_dask.returncode == 1  # the empty, missing and broken inputs
    assert on_dask.stdout == one.stdout and one.stdout.count(b"\n") == 5 + 10 + 2
    assert on_dask.stderr.splitlines() == one.stderr.splitlines()


@pytest.mark.parametrize("address", ["nowhere", "http://127.0.0.1:8786", "", "127.0.0.1:8786"])
def test_bad_dask_addresses_are_refused_before_any_work(address):
    with pytest.raises(ValueError, match="--dask must be 'local' or a scheduler address"):
        vdask.check_address(address)


def test_cli_bad_dask_address_is_a_usage_error():
    done = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", str(SEEDS), "--dask", "nowhere"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "--dask" in done.stderr


def test_missing_dask_is_one_clear_line(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_distributed(name, *args, **kwargs):
        if name == "distributed":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    with pytest.raises(vdask.DaskUnavailable, match=r"pip install 'vnlao-extract\[dask\]'"):
        vdask.require_dask()


def test_timeline_on_dask_matches_the_local_timeline(tmp_path, nlp, client):
    from vnlao_extract.merge import build_timeline

    paths = batch(tmp_path)
    sources = list(expand_sources(iter_sources(paths, on_warning=lambda _: None)))
    local = build_timeline(extract_sources(sources, Options(), nlp=nlp))
    on_dask = vdask.timeline_on_dask(sources, Options(), client=client)
    assert dumps_line(on_dask) == dumps_line(local)
    assert local["timeline"] and local["articles"] == 5 + 10 + 2


def test_cli_timeline_with_dask_gives_the_same_bytes(tmp_path):
    def run(*extra):
        return subprocess.run([sys.executable, "-m", "vnlao_extract.cli", str(SEEDS), "--timeline", "--json", *extra],
                              capture_output=True, timeout=300)

    one, on_dask = run(), run("--dask", "local", "--jobs", "2")
    assert one.returncode == on_dask.returncode == 0, on_dask.stderr
    assert on_dask.stdout == one.stdout and json.loads(one.stdout)["timeline"]


def test_a_partition_dask_gives_up_on_becomes_error_records(tmp_path):
    class Lost:
        def result(self):
            raise RuntimeError("the scheduler gave up on this partition")

        def release(self):
            pass

    chunk = list(expand_sources(iter_sources([str(p) for p in sorted(SEEDS.glob("*.txt"))[:2]])))
    pairs = vdask._results(Lost(), chunk)
    assert [record["source"] for record, _ in pairs] == [s.name for s in chunk]
    assert all("extraction failed: RuntimeError" in record["error"] for record, _ in pairs)
    assert all(messages == [record["error"]] for record, messages in pairs)

"""`make bench`: the extractor's speed against spaCy's own tokenizer, cold start, --jobs and memory.

    python -m bench.run                 # 2,000 articles, about 10 minutes; writes bench/results.json
    python -m bench.run --quick         # 300 articles, a few minutes; writes bench/out/results-quick.json
    python -m bench.run --full          # also peak RSS at 20,000 articles (long while the extractor is slow)
    python -m bench.run --only inproc --profile 200

What is measured (every figure that has a target is a ratio taken within one run, so that a busy
machine slows both sides alike):

- in one process, on the same corpus texts in the same order, interleaved chunk by chunk:
  ``spacy.blank("en").make_doc`` alone, and the full extractor (``extract_text``); articles/s, MB/s,
  and extractor / tokenizer-only; plus a per-component breakdown of the extractor on a sample;
- cold start: ``extract --help``, ``extract FILE --json`` and ``python -c "import spacy;
  spacy.blank('en')"``, interleaved, median of several runs;
- ``extract DIR --jsonl --jobs 2`` against ``--jobs 1`` on the corpus: wall-time speedup and a byte
  comparison of the two outputs; the ``--jobs 1`` run also gives peak RSS at N articles;
- with ``--full``: peak RSS of ``extract DIR --jsonl > /dev/null`` at 20,000 articles.

Timings are never asserted by tests; the targets are printed as met or missed.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import io
import json
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from .corpus import GENERATOR_VERSION, ROOT, SEEDS_DIR, CorpusMaker

OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results.json"
SCHEMA = 1

TARGETS = {
    "inproc_ratio": (">=", 0.35, "extractor / tokenizer-only throughput, one process"),
    "jobs_speedup": (">=", 1.6, "--jobs 2 / --jobs 1 speedup (byte-identical output)"),
    "cold_ratio": ("<=", 1.5, "cold start: extract FILE --json / spacy.blank('en')"),
    "help_seconds": ("<", 0.3, "extract --help wall time (s)"),
    "rss_ratio": ("<=", 1.2, "peak RSS at 20k / at 2k articles"),
    "timeline_time_ratio": ("<=", 1.1, "extract DIR --timeline --json / extract DIR --jsonl, wall time"),
    "timeline_rss_ratio": ("<=", 1.2, "extract DIR --timeline --json / extract DIR --jsonl, peak RSS"),
    "dask_vs_jobs2": (">=", 0.9, "--dask local (2 workers) / --jobs 2 throughput"),
}


class BenchError(Exception):
    """A measurement that could not be made (e.g. extract failed); recorded, the others still run."""


def section(results: dict, key: str, func, *args):
    """results[key] = func(*args), or {"error": ...} when it fails, so one broken part costs one section."""
    try:
        results[key] = func(*args)
    except Exception as exc:  # noqa: BLE001 - any failure of the code under test
        log(f"{key} failed: {type(exc).__name__}: {exc}")
        results[key] = {"error": f"{type(exc).__name__}: {str(exc)[-600:]}"}
    return results[key]


def ok(part) -> bool:
    return bool(part) and "error" not in part


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def rel(path: Path) -> str:
    """A path for results.json: relative to the repository, never absolute."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return Path(path).name


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def extract_command() -> list[str]:
    script = Path(sys.executable).parent / "extract"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vnlao_extract.cli"]


# ---------------------------------------------------------------------------------------------
# Corpus


def make_corpus(n: int, seed: int) -> tuple[Path, dict]:
    directory = OUT / f"corpus-s{seed}-n{n}"
    stamp = directory / "corpus.json"
    wanted = {"articles": n, "seed": seed, "generator_version": GENERATOR_VERSION,
              "seeds_digest": _seeds_digest()}
    if stamp.exists():
        try:
            info = json.loads(stamp.read_text())
            if {k: info.get(k) for k in wanted} == wanted and len(list(directory.glob("*.txt"))) == n:
                log(f"corpus of {n} articles already in {rel(directory)}")
                return directory, info
        except (OSError, ValueError):
            pass
    log(f"writing a corpus of {n} articles to {rel(directory)} ...")
    started = time.perf_counter()
    info = CorpusMaker(seed).write(directory, n)
    info.update(wanted, seconds=round(time.perf_counter() - started, 1))
    stamp.write_text(json.dumps(info, indent=2) + "\n")
    return directory, info


def source_digest() -> str:
    """A fingerprint of the extractor's code and resources: other developers may change them while the
    benchmark runs, and two runs of different code cannot be compared (nor their outputs)."""
    digest = hashlib.sha256()
    package = ROOT / "vnlao_extract"
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".jsonl"):
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _seeds_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def read_corpus(directory: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.txt"))]


# ---------------------------------------------------------------------------------------------
# In one process


class Clock:
    """Wall and CPU seconds of the blocks it times."""

    def __init__(self):
        self.wall = 0.0
        self.cpu = 0.0

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu


def in_process(articles: list[tuple[str, str]], budget: float, chunk: int = 25) -> dict:
    """Tokenizer-only and the extractor on the same texts, interleaved chunk by chunk."""
    import spacy

    from vnlao_extract.extract import Options, extract_text, load_pipeline
    from vnlao_extract.pipeline import customize_tokenizer

    started = time.perf_counter()
    nlp = load_pipeline(Options())
    build_seconds = time.perf_counter() - started
    blank = spacy.blank("en")
    custom = spacy.blank("en")
    customize_tokenizer(custom)
    warm = (SEEDS_DIR / sorted(p.name for p in SEEDS_DIR.glob("*.txt"))[0]).read_text(encoding="utf-8")
    blank.make_doc(warm), custom.make_doc(warm), extract_text(nlp, warm, "warm-up")  # first-call costs

    tok, tok_custom, ext = Clock(), Clock(), Clock()
    done = 0
    nbytes = 0
    ntokens = 0
    for start in range(0, len(articles), chunk):
        part = articles[start:start + chunk]
        with tok:
            for _, text in part:
                ntokens += len(blank.make_doc(text))
        with tok_custom:
            for _, text in part:
                custom.make_doc(text)
        with ext:
            for name, text in part:
                extract_text(nlp, text, name)
        done += len(part)
        nbytes += sum(len(text.encode("utf-8")) for _, text in part)
        if budget and ext.wall > budget:
            break
        if done % 200 == 0:
            log(f"  in-process: {done} articles, extractor {done / ext.wall:.1f}/s")

    def rates(clock: Clock) -> dict:
        return {"seconds": round(clock.wall, 3), "cpu_seconds": round(clock.cpu, 3),
                "articles_per_s": round(done / clock.wall, 2), "mb_per_s": round(nbytes / 1e6 / clock.wall, 3),
                "tokens_per_s": round(ntokens / clock.wall)}

    return {
        "articles": done, "of": len(articles), "bytes": nbytes, "tokens": ntokens,
        "time_budget_s": budget or None, "pipeline_build_s": round(build_seconds, 3),
        "tokenizer": rates(tok), "tokenizer_customized": rates(tok_custom), "extractor": rates(ext),
        "ratio": round(tok.wall / ext.wall, 4), "ratio_cpu": round(tok.cpu / ext.cpu, 4),
        "ratio_vs_customized_tokenizer": round(tok_custom.wall / ext.wall, 4),
    }


def breakdown(articles: list[tuple[str, str]]) -> dict:
    """CPU seconds per article in each pipeline component (as extract_text runs them), on a sample;
    CPU time, not wall time, so that other work on the machine does not skew the shares."""
    from vnlao_extract.extract import Options, load_pipeline
    from vnlao_extract.record import doc_to_record

    nlp = load_pipeline(Options())
    names = ["make_doc"] + [name for name, _ in nlp.pipeline] + ["doc_to_record"]
    spent = dict.fromkeys(names, 0.0)
    for name, text in articles:
        t = time.process_time()
        doc = nlp.make_doc(text)
        doc._.published_default = None
        spent["make_doc"] += time.process_time() - t
        for pipe_name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            spent[pipe_name] += time.process_time() - t
        t = time.process_time()
        doc_to_record(doc, name, None)
        spent["doc_to_record"] += time.process_time() - t
    total = sum(spent.values())
    return {"articles": len(articles), "ms_per_article": round(1000 * total / len(articles), 2),
            "components": {k: {"ms_per_article": round(1000 * v / len(articles), 2), "share": round(v / total, 3)}
                           for k, v in spent.items()}}


def profile(articles: list[tuple[str, str]], out_file: Path, top: int = 25) -> dict:
    """cProfile of extract_text over the articles; the full listing goes to out_file."""
    from vnlao_extract.extract import Options, extract_text, load_pipeline

    nlp = load_pipeline(Options())
    extract_text(nlp, articles[0][1], "warm-up")
    profiler = cProfile.Profile()
    profiler.enable()
    for name, text in articles:
        extract_text(nlp, text, name)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    text = io.StringIO()
    for key in ("tottime", "cumulative"):
        pstats.Stats(profiler, stream=text).sort_stats(key).print_stats(60)
    out_file.write_text(_short_paths(text.getvalue()))

    def rows(key: str) -> list[dict]:
        entries = []
        for (path, line, func), (cc, nc, tt, ct, _) in stats.stats.items():
            entries.append({"function": _short_paths(f"{path}:{line}({func})"), "calls": nc,
                            "tottime_s": round(tt, 3), "cumtime_s": round(ct, 3),
                            "tottime_share": round(tt / total, 3), "cumtime_share": round(ct / total, 3)})
        entries.sort(key=lambda e: -e["tottime_s" if key == "tottime" else "cumtime_s"])
        return entries[:top]

    return {"articles": len(articles), "total_s": round(total, 3), "listing": rel(out_file),
            "by_tottime": rows("tottime"), "by_cumtime": rows("cumulative")}


def _short_paths(text: str) -> str:
    text = re.sub(r"\S*/site-packages/", "", text)
    text = re.sub(r"/\S*/lib/python3\.\d+/", "", text)  # the standard library, wherever it is installed
    return text.replace(str(ROOT) + "/", "")


# ---------------------------------------------------------------------------------------------
# Subprocesses


# The measured command is started by this small helper, not by the benchmark itself: on Linux a process
# made by fork (or vfork) and exec keeps its parent's RSS high-water mark in ru_maxrss, so a child of the
# (large) benchmark process would report the benchmark's own size as its peak. The helper is a fresh
# interpreter of a few MB; it forks the command, forwards SIGTERM, and writes the command's pid and then
# its rusage to the pipe whose fd it is given.
PEAK_HELPER = r"""
import json, os, signal, sys
fd, cmd = int(sys.argv[1]), sys.argv[2:]
pid = os.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
os.write(fd, b"%d\n" % pid)
signal.signal(signal.SIGTERM, lambda signum, frame: os.kill(pid, signal.SIGTERM))
_, status, usage = os.wait4(pid, 0)
os.write(fd, json.dumps({"maxrss_kb": usage.ru_maxrss, "cpu_s": usage.ru_utime + usage.ru_stime,
                         "exit_code": os.waitstatus_to_exitcode(status)}).encode())
"""


def run_reaped(cmd: list[str], out_file: Path | None = None, max_seconds: float | None = None) -> dict:
    """Run cmd to completion (or SIGTERM it after max_seconds) through PEAK_HELPER: wall seconds, exit
    code, CPU seconds, peak RSS (the largest of the process and its children, e.g. --jobs workers) and
    VmRSS samples ten times a second. The output is read here through a pipe, written to out_file (or
    thrown away), and its records (lines) counted as they come, so each sample says how many articles
    were done."""
    import signal

    started = time.perf_counter()
    report_r, report_w = os.pipe()
    proc = subprocess.Popen([sys.executable, "-c", PEAK_HELPER, str(report_w)] + cmd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=ROOT, pass_fds=(report_w,))
    os.close(report_w)
    report = os.fdopen(report_r, "rb")
    child = int(report.readline())
    stderr_chunks: list[bytes] = []
    lines = [0]
    threads = [threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()), daemon=True)]

    def count():
        sink = open(out_file, "wb") if out_file else None
        try:
            while True:
                chunk = proc.stdout.read1(1 << 16)
                if not chunk:
                    break
                lines[0] += chunk.count(b"\n")
                if sink:
                    sink.write(chunk)
        finally:
            if sink:
                sink.close()

    threads.append(threading.Thread(target=count, daemon=True))
    box: dict = {}

    def reap():
        _, code, usage = os.wait4(proc.pid, 0)
        box.update(code=code, usage=usage, wall=time.perf_counter() - started)

    waiter = threading.Thread(target=reap, daemon=True)
    for thread in threads + [waiter]:
        thread.start()
    samples = []
    status_file = Path(f"/proc/{child}/status")
    stopped = False
    while waiter.is_alive():
        try:
            rss = next((int(line.split()[1]) for line in status_file.read_text().splitlines()
                        if line.startswith("VmRSS:")), None)
        except (OSError, StopIteration):
            rss = None
        if rss:
            samples.append([round(time.perf_counter() - started, 1), lines[0], round(rss / 1024, 1)])
        if max_seconds and not stopped and time.perf_counter() - started > max_seconds:
            log(f"  stopping after {max_seconds:.0f} s ({lines[0]} records)")
            proc.send_signal(signal.SIGTERM)
            stopped = True
        waiter.join(0.1)
    for thread in threads:
        thread.join()
    measured = json.loads(report.read() or b"{}")
    report.close()
    if not measured:
        raise BenchError(f"the measuring helper failed: {stderr_chunks[0][-400:] if stderr_chunks else ''}")
    proc.returncode = measured["exit_code"]
    step = max(1, -(-len(samples) // 40))
    buckets = [max(samples[i:i + step], key=lambda row: row[2]) for i in range(0, len(samples), step)]
    result = {"wall_s": round(box["wall"], 3), "exit_code": proc.returncode,
              "maxrss_mb": round(measured["maxrss_kb"] / 1024, 1), "cpu_s": round(measured["cpu_s"], 2),
              "records": lines[0],
              "rss_samples": {"columns": ["seconds", "records", "rss_mb"], "every_s": 0.1,
                              "rows": buckets, "note": "the largest sample of each of (at most) 40 stretches"},
              "stderr_tail": stderr_chunks[0].decode("utf-8", "replace")[-400:] if stderr_chunks else ""}
    if stopped:
        result["stopped_after_s"] = max_seconds
    return result


def cold_start(reps: int) -> dict:
    seed_file = rel(sorted(SEEDS_DIR.glob("*.txt"))[0])
    commands = {
        "python_bare": [sys.executable, "-c", "pass"],
        "spacy_blank": [sys.executable, "-c", "import spacy; spacy.blank('en')"],
        "extract_help": extract_command() + ["--help"],
        "extract_file_json": extract_command() + [seed_file, "--json"],
    }
    import resource

    times: dict[str, list[float]] = {k: [] for k in commands}
    cpu: dict[str, list[float]] = {k: [] for k in commands}
    for rep in range(reps + 1):  # the first round only warms the page cache and .pyc files
        for key, cmd in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if rep:
                cpu[key].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if done.returncode != 0:
                raise BenchError(f"{' '.join(cmd[1:] if cmd[0] == sys.executable else cmd)} failed: "
                                 f"{done.stderr.decode('utf-8', 'replace')[-400:]}")
            if rep:
                times[key].append(elapsed)
    result = {key: {"median_s": round(statistics.median(v), 3), "min_s": round(min(v), 3),
                    "cpu_median_s": round(statistics.median(cpu[key]), 3),
                    "runs": [round(x, 3) for x in v]} for key, v in times.items()}
    result["file"] = seed_file
    result["ratio"] = round(result["extract_file_json"]["median_s"] / result["spacy_blank"]["median_s"], 3)
    result["ratio_cpu"] = round(result["extract_file_json"]["cpu_median_s"] / result["spacy_blank"]["cpu_median_s"], 3)
    result["breakdown"] = cold_breakdown(seed_file)
    return result


COLD_BREAKDOWN = r"""
import json, sys, time
t0 = time.perf_counter(); marks = {}
def mark(name):
    marks[name] = round(time.perf_counter() - t0, 3)
import typer, rich.console; mark("import typer+rich")
import spacy; mark("import spacy")
spacy.blank("en"); mark("spacy.blank('en')")
import vnlao_extract.cli; mark("import vnlao_extract.cli")
from vnlao_extract.extract import Options, load_pipeline, extract_text
from vnlao_extract.pipeline import build_pipeline; mark("import vnlao_extract.pipeline")
nlp = load_pipeline(Options()); mark("build_pipeline()")
import dateparser; mark("import dateparser")
extract_text(nlp, open(sys.argv[1], encoding="utf-8").read(), "x"); mark("first extract_text")
print(json.dumps(marks))
"""


def cold_breakdown(seed_file: str) -> dict:
    """Cumulative seconds at each step of a cold start, in one fresh interpreter (one run)."""
    done = subprocess.run([sys.executable, "-c", COLD_BREAKDOWN, seed_file], capture_output=True, cwd=ROOT, text=True)
    if done.returncode != 0:
        return {"error": done.stderr[-400:]}
    marks = json.loads(done.stdout)
    steps, last = {}, 0.0
    for name, at in marks.items():
        steps[name] = round(at - last, 3)
        last = at
    return {"step_s": steps, "total_s": last}


def jobs(corpus: Path, n: int) -> dict:
    results = {}
    digests = {}
    code_before = source_digest()
    for count in (1, 2):
        out_file = OUT / f"jobs{count}.jsonl"
        log(f"extract {rel(corpus)} --jsonl --jobs {count} ...")
        run = run_reaped(extract_command() + [rel(corpus), "--jsonl", "--jobs", str(count)], out_file)
        if run["exit_code"] != 0:
            raise BenchError(f"extract --jobs {count} exited {run['exit_code']}: {run['stderr_tail']}")
        data = out_file.read_bytes()
        digests[count] = hashlib.sha256(data).hexdigest()
        run.update(articles_per_s=round(n / run["wall_s"], 2), output_bytes=len(data),
                   cpu_per_wall=round(run["cpu_s"] / run["wall_s"], 2),
                   records=data.count(b"\n"), sha256=digests[count][:16], loadavg_after=loadavg())
        results[f"jobs{count}"] = run
        log(f"  {run['wall_s']:.1f} s, {run['articles_per_s']}/s, peak RSS {run['maxrss_mb']} MB")
    results["articles"] = n
    results["speedup"] = round(results["jobs1"]["wall_s"] / results["jobs2"]["wall_s"], 3)
    results["identical"] = digests[1] == digests[2]
    results["code_changed_meanwhile"] = source_digest() != code_before
    if results["code_changed_meanwhile"]:
        log("  the extractor's code changed during these runs: speedup and comparison are not valid")
    return results


def timeline(corpus: Path, n: int) -> dict:
    """`--timeline` against the per-article run on the same corpus, plus the merge alone on its records
    (summaries, combine, finish in this process: event mentions in, distinct events out)."""
    results = {"articles": n}
    for key, extra in (("per_article", ["--jsonl"]), ("timeline", ["--timeline", "--json"])):
        out_file = OUT / f"{key}.json"
        log(f"extract {rel(corpus)} {' '.join(extra)} ...")
        run = run_reaped(extract_command() + [rel(corpus), *extra], out_file)
        if run["exit_code"] != 0:
            raise BenchError(f"extract {' '.join(extra)} exited {run['exit_code']}: {run['stderr_tail']}")
        run.pop("rss_samples", None)
        results[key] = run
        log(f"  {run['wall_s']:.1f} s, peak RSS {run['maxrss_mb']} MB")
    from vnlao_extract.merge import build_timeline

    records = [json.loads(line) for line in (OUT / "per_article.json").read_text(encoding="utf-8").splitlines()]
    clock = time.process_time()
    merged = build_timeline(records)
    results["merge_only"] = {"cpu_s": round(time.process_time() - clock, 3),
                             "mentions": sum(len(r.get("events") or ()) for r in records),
                             "events": len(merged["timeline"]), "people": len(merged["people"])}
    results["time_ratio"] = round(results["timeline"]["wall_s"] / results["per_article"]["wall_s"], 3)
    # CPU seconds too: on a shared machine the wall-time ratio mostly measures the others' load
    results["cpu_ratio"] = round(results["timeline"]["cpu_s"] / max(results["per_article"]["cpu_s"], 1e-9), 3)
    results["rss_ratio"] = round(results["timeline"]["maxrss_mb"] / results["per_article"]["maxrss_mb"], 3)
    return results


def rss_large(corpus: Path, n: int, max_seconds: float | None) -> dict:
    log(f"extract {rel(corpus)} --jsonl, output discarded ({n} articles) ...")
    code_before = source_digest()
    run = run_reaped(extract_command() + [rel(corpus), "--jsonl"], None, max_seconds)
    run["code_changed_meanwhile"] = source_digest() != code_before
    if run["exit_code"] != 0 and not run.get("stopped_after_s"):
        raise BenchError(f"extract exited {run['exit_code']}: {run['stderr_tail']}")
    run.update(articles=run["records"], of=n, articles_per_s=round(run["records"] / run["wall_s"], 2))
    log(f"  {run['wall_s']:.0f} s, {run['records']} articles, peak RSS {run['maxrss_mb']} MB")
    return run


# ---------------------------------------------------------------------------------------------
# Report


def dumps(results: dict) -> str:
    """Indented JSON, with short lists of numbers (the RSS samples) kept on one line."""
    text = json.dumps(results, indent=2, ensure_ascii=False)
    return re.sub(r"\[\s*(-?[\d.]+(?:,\s*-?[\d.]+)*)\s*\]",
                  lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text) + "\n"


def rss_slope(rows: list[list[float]]) -> float | None:
    """MB per 1,000 articles over the second half of a run (least squares on the samples)."""
    rows = [r for r in rows if r[1]]
    rows = rows[len(rows) // 2:]
    if len(rows) < 3 or rows[-1][1] - rows[0][1] < 100:
        return None
    xs, ys = [r[1] for r in rows], [r[2] for r in rows]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return round(1000 * sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var, 3) if var else None


def check(key: str, value) -> dict:
    op, target, label = TARGETS[key]
    met = None if value is None else {">=": value >= target, "<=": value <= target, "<": value < target}[op]
    return {"target": f"{op} {target}", "value": value, "met": met, "what": label}


def versions() -> dict:
    from importlib.metadata import version

    def v(name):
        try:
            return version(name)
        except Exception:
            return None

    return {"python": platform.python_version(), "spacy": v("spacy"), "vnlao_extract": v("vnlao-extract"),
            "platform": f"{platform.system()} {platform.machine()}", "cpus": os.cpu_count()}


def print_report(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for key, part in results.items():
        if isinstance(part, dict) and "error" in part:
            console.print(f"[red]{key}: not measured[/red] ({part['error'][:300]})", markup=True, highlight=False)
    inp = results.get("in_process")
    if ok(inp):
        table = Table(title=f"In one process: {inp['articles']} articles ({inp['bytes'] / 1e6:.1f} MB, "
                            f"{inp['tokens']:,} tokens)")
        for col in ("", "articles/s", "MB/s", "tokens/s", "× tokenizer"):
            table.add_column(col, justify="right" if col else "left")
        base = inp["tokenizer"]["articles_per_s"]
        for label, key in (("spacy.blank('en') tokenizer", "tokenizer"),
                           ("extractor's customized tokenizer", "tokenizer_customized"),
                           ("full extractor (extract_text)", "extractor")):
            r = inp[key]
            table.add_row(label, f"{r['articles_per_s']:.1f}", f"{r['mb_per_s']:.3f}", f"{r['tokens_per_s']:,}",
                          f"{r['articles_per_s'] / base:.3f}")
        console.print(table)
    br = results.get("breakdown")
    if ok(br):
        table = Table(title=f"Extractor by component ({br['articles']} articles, {br['ms_per_article']} CPU ms/article)")
        table.add_column("component")
        table.add_column("CPU ms/article", justify="right")
        table.add_column("share", justify="right")
        for name, c in sorted(br["components"].items(), key=lambda kv: -kv[1]["ms_per_article"]):
            table.add_row(name, f"{c['ms_per_article']:.2f}", f"{100 * c['share']:.1f}%")
        console.print(table)
    cold = results.get("cold_start")
    if ok(cold):
        table = Table(title="Cold start (median of runs)")
        table.add_column("command")
        table.add_column("median s", justify="right")
        table.add_column("min s", justify="right")
        table.add_column("CPU s", justify="right")
        for label, key in (("python -c pass", "python_bare"), ("python -c \"import spacy; spacy.blank('en')\"", "spacy_blank"),
                           ("extract --help", "extract_help"), (f"extract {cold['file']} --json", "extract_file_json")):
            table.add_row(label, f"{cold[key]['median_s']:.3f}", f"{cold[key]['min_s']:.3f}",
                          f"{cold[key].get('cpu_median_s', float('nan')):.3f}")
        console.print(table)
        steps = cold.get("breakdown", {}).get("step_s")
        if steps:
            console.print("cold start steps (s): " + ", ".join(f"{k} {v:.2f}" for k, v in steps.items()))
    jb = results.get("jobs")
    if ok(jb):
        table = Table(title=f"extract DIR --jsonl on {jb['articles']} articles")
        for col in ("", "wall s", "articles/s", "CPU s", "peak RSS MB"):
            table.add_column(col, justify="right" if col else "left")
        for key in ("jobs1", "jobs2"):
            r = jb[key]
            table.add_row(f"--jobs {key[-1]}", f"{r['wall_s']:.1f}", f"{r['articles_per_s']:.1f}", f"{r['cpu_s']:.1f}",
                          f"{r['maxrss_mb']:.0f}")
        console.print(table)
        console.print(f"outputs byte-identical: {jb['identical']}")
    dk, ht = results.get("dask"), results.get("html")
    if ok(dk):
        console.print(f"--dask local, 2 workers: {dk['dask2']['wall_s']:.1f} s, {dk['dask2']['articles_per_s']}/s; "
                      f"x{dk['vs_jobs2']} of --jobs 2, x{dk['vs_jobs1']} of --jobs 1; "
                      f"byte-identical to --jobs 1: {dk['identical_to_jobs1']}")
    if ok(ht):
        console.print(f"web pages: {ht['html']['articles_per_s']}/s against {ht['text']['articles_per_s']}/s as text "
                      f"(x{ht['html_vs_text']}); same contract fields in {ht['same_contract_fields']} of "
                      f"{ht['articles']} records")
    rss = results.get("rss")
    if rss:
        large = rss.get("large_mb")
        console.print(f"peak RSS: {rss['small_mb']} MB at {rss['small_articles']} articles, "
                      + (f"{large} MB at {rss['large_articles']}" + ("" if rss.get("large_complete") else
                                                                   f" (stopped early, of {rss['large_run']['of']})")
                         if large else "large run not made (use --full)"))
    table = Table(title="Targets")
    for col in ("what", "target", "measured", "met"):
        table.add_column(col)
    for key, t in results["targets"].items():
        met = "n/a" if t["met"] is None else ("yes" if t["met"] else "NO")
        table.add_row(t["what"], t["target"], "—" if t["value"] is None else str(t["value"]), met)
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=None, help="corpus articles (default 2000, 300 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a smaller run: 300 articles, 3 cold-start runs")
    parser.add_argument("--full", action="store_true", help="also measure peak RSS at --rss-n articles")
    parser.add_argument("--rss-n", type=int, default=20000, help="articles of the large RSS run (default 20000)")
    parser.add_argument("--rss-max-seconds", type=float, default=None,
                        help="stop the large RSS run after this long and report the articles it reached")
    parser.add_argument("--seed", type=int, default=0, help="corpus random seed")
    parser.add_argument("--reps", type=int, default=None, help="cold-start runs per command (default 7, 3 quick)")
    parser.add_argument("--inproc-seconds", type=float, default=None,
                        help="stop the in-process run once the extractor has used this many seconds "
                             "(default 90, 30 quick; 0 = the whole corpus)")
    parser.add_argument("--breakdown-n", type=int, default=None, help="articles for the per-component breakdown")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile the extractor on N articles")
    parser.add_argument("--only", default="inproc,cold,jobs,dask,html",
                        help="comma list of inproc,cold,jobs,timeline,dask,html (default all but timeline; "
                             "dask needs jobs)")
    parser.add_argument("--results", type=Path, default=None,
                        help="where to write results (default bench/results.json; bench/results-full.json with "
                             "--full; bench/out/results-quick.json with --quick)")
    args = parser.parse_args(argv)
    n = args.n or (300 if args.quick else 2000)
    reps = args.reps or (3 if args.quick else 7)
    budget = args.inproc_seconds if args.inproc_seconds is not None else (30.0 if args.quick else 90.0)
    breakdown_n = args.breakdown_n if args.breakdown_n is not None else (50 if args.quick else 150)
    results_file = args.results or (OUT / "results-quick.json" if args.quick else
                                    RESULTS.with_name("results-full.json") if args.full else RESULTS)
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    OUT.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    results: dict = {"schema": SCHEMA, "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                     "command": "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:]),
                     "machine": versions(), "loadavg_start": loadavg(), "source_digest_start": source_digest(),
                     "note": "wall-time figures depend on what else the machine runs; see loadavg_* fields"}
    corpus, info = make_corpus(n, args.seed)
    results["corpus"] = dict(info, directory=rel(corpus))

    if "inproc" in only:
        articles = read_corpus(corpus)
        log(f"in-process: tokenizer vs extractor on {len(articles)} articles (budget {budget or 'none'} s) ...")
        if ok(section(results, "in_process", in_process, articles, budget)):
            results["in_process"]["loadavg_after"] = loadavg()
        if breakdown_n:
            log(f"per-component breakdown on {breakdown_n} articles ...")
            section(results, "breakdown", breakdown, articles[:breakdown_n])
        if args.profile:
            log(f"cProfile on {args.profile} articles ...")
            section(results, "profile", profile, articles[:args.profile], OUT / "profile.txt")
    if "timeline" in only:
        section(results, "timeline", timeline, corpus, n)
    if "cold" in only:
        log(f"cold start, {reps} runs of each command ...")
        if ok(section(results, "cold_start", cold_start, reps)):
            results["cold_start"]["loadavg_after"] = loadavg()
    if "jobs" in only and ok(section(results, "jobs", jobs, corpus, n)):
        results["rss"] = {"small_articles": n, "small_mb": results["jobs"]["jobs1"]["maxrss_mb"],
                          "small_run": "the --jobs 1 run above"}
        if args.full:
            rate = results["jobs"]["jobs1"]["articles_per_s"]
            large, large_info = make_corpus(args.rss_n, args.seed)
            log(f"large RSS run: about {args.rss_n / rate / 60:.0f} min at {rate}/s"
                + (f" (stopped after {args.rss_max_seconds:.0f} s)" if args.rss_max_seconds else ""))
            big = section(results["rss"], "large_run", rss_large, large, args.rss_n, args.rss_max_seconds)
            if ok(big):
                big["loadavg_after"] = loadavg()
                slope = rss_slope(big["rss_samples"]["rows"])
                results["rss"].update(large_articles=big["articles"], large_mb=big["maxrss_mb"],
                                      large_complete=big["articles"] == args.rss_n,
                                      slope_mb_per_1k_articles=slope,
                                      large_corpus=dict(large_info, directory=rel(large)),
                                      ratio=round(big["maxrss_mb"] / results["rss"]["small_mb"], 3))

    if "dask" in only and ok(results.get("jobs")):
        from .inputs import dask_run

        section(results, "dask", dask_run, corpus, n, results["jobs"], run_reaped, extract_command, OUT, rel, log)
    if "html" in only:
        from .inputs import html_run

        section(results, "html", html_run, corpus, n, run_reaped, extract_command, OUT, rel, log)
    inp, cold, jb = (results.get(k) if ok(results.get(k)) else None for k in ("in_process", "cold_start", "jobs"))
    dk = results.get("dask") if ok(results.get("dask")) else None
    results["targets"] = {
        "inproc_ratio": check("inproc_ratio", inp and inp["ratio"]),
        "jobs_speedup": check("jobs_speedup", jb and (jb["speedup"] if jb["identical"] else 0.0)),
        "cold_ratio": check("cold_ratio", cold and cold["ratio"]),
        "help_seconds": check("help_seconds", cold and cold["extract_help"]["median_s"]),
        "rss_ratio": check("rss_ratio", results.get("rss", {}).get("ratio")),
        "timeline_time_ratio": check("timeline_time_ratio", ok(results.get("timeline"))
                                     and results["timeline"]["time_ratio"] or None),
        "timeline_rss_ratio": check("timeline_rss_ratio", ok(results.get("timeline"))
                                    and results["timeline"]["rss_ratio"] or None),
        "dask_vs_jobs2": check("dask_vs_jobs2", dk and (dk["vs_jobs2"] if dk["identical_to_jobs1"] else 0.0)),
    }
    if jb and jb.get("code_changed_meanwhile"):
        results["targets"]["jobs_speedup"].update(met=None, what=TARGETS["jobs_speedup"][2] + (
            " (not comparable: the extractor's code changed between the two runs)"))
    rss = results.get("rss", {})
    if rss.get("large_mb") and not rss.get("large_complete"):
        results["targets"]["rss_ratio"].update(met=None, what=TARGETS["rss_ratio"][2] + (
            f" (run stopped at {rss['large_articles']} of {rss['large_run']['of']} articles)"))
    results["source_digest_end"] = source_digest()
    if results["source_digest_end"] != results["source_digest_start"]:
        log("warning: vnlao_extract's code or resources changed during the benchmark")
    results["seconds"] = round(time.perf_counter() - started, 1)
    results_file.parent.mkdir(parents=True, exist_ok=True)
    results_file.write_text(dumps(results))
    print_report(results)
    log(f"done in {results['seconds']:.0f} s; results in {rel(results_file)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

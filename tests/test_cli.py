"""The `extract` command end to end: every bad input, bad options, output, signals, determinism.

Every input is made here, in tmp_path. What needs a real process (signals, pipes, --out killed halfway,
hash seeds, the console script itself) runs `extract` as a subprocess; the rest calls the same entry
point, `vnlao_extract.cli.main`, in this process with the session's pipeline (building one per process
costs seconds). The 20,000-file run is opt-in: VNLAO_SLOW=1.
"""
from __future__ import annotations

import codecs
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from vnlao_extract import SCHEMA_VERSION, __version__
from vnlao_extract.errors import Errors, Warnings

from .conftest import SEEDS
from .schema_check import assert_valid

_SCRIPT = Path(sys.executable).with_name("extract")
EXTRACT = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "vnlao_extract.cli"]
RUN_TIMEOUT = 180
IN_PROCESS_TIMEOUT = 120

ARTICLE = ("VIENTIANE, February 5, 2026 — General Secretary Tô Lâm paid a state visit to Laos and held talks "
           "with General Secretary and President Thongloun Sisoulith in Vientiane. The two sides agreed to raise "
           "two-way trade to US$5 billion by 2030.\n")
SEED = sorted(SEEDS.glob("*.txt"))[0]
# Fields that legitimately differ between two spellings of the same article.
VARYING = ("source", "encoding")


@dataclass
class Result:
    code: int
    stdout: bytes
    stderr: str
    lines: list[str] = field(default_factory=list)

    @property
    def records(self) -> list[dict]:
        return [assert_valid(json.loads(line)) for line in self.stdout.decode("utf-8").splitlines() if line.strip()]

    def by_source(self) -> dict[str, dict]:
        return {r["source"]: r for r in self.records}


def run(args, cwd=None, stdin: bytes | None = None, env=None, timeout=RUN_TIMEOUT) -> Result:
    """Run `extract ARGS`; whatever happens, stderr never holds a traceback."""
    proc = subprocess.run([*EXTRACT, *map(str, args)], cwd=cwd, input=stdin if stdin is not None else b"",
                          capture_output=True, timeout=timeout, env=env)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert "Exception ignored" not in stderr, stderr
    return Result(proc.returncode, proc.stdout, stderr, stderr.splitlines())


@pytest.fixture(scope="session")
def cli(nlp):
    """cli(args, cwd=None, stdin=b"") -> Result: `extract ARGS` in this process (same entry point)."""
    from vnlao_extract import cli as cli_module
    from vnlao_extract import extract as extract_module

    real_load = extract_module.load_pipeline

    def load(options):
        return real_load(options) if options.actors or options.patterns else nlp

    def invoke(args, cwd=None, stdin: bytes = b"") -> Result:
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n", write_through=True)
        err = io.StringIO()
        inp = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        old_handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGALRM)}

        def too_long(signum, frame):  # e.g. a FIFO opened by mistake: fail, do not hang the suite
            raise TimeoutError(f"extract {args} took more than {IN_PROCESS_TIMEOUT} s")

        signal.signal(signal.SIGALRM, too_long)
        signal.setitimer(signal.ITIMER_REAL, IN_PROCESS_TIMEOUT)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(extract_module, "load_pipeline", load)
            mp.setattr(sys, "stdout", out)
            mp.setattr(sys, "stderr", err)
            mp.setattr(sys, "stdin", inp)
            if cwd is not None:
                mp.chdir(cwd)
            try:
                cli_module.main([str(a) for a in args])
                code = 0
            except SystemExit as exc:
                code = exc.code
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                for sig, handler in old_handlers.items():
                    signal.signal(sig, handler)
        out.flush()
        stderr = err.getvalue()
        return Result(code, out.buffer.getvalue(), stderr, stderr.splitlines())

    return invoke


def start(args, cwd=None, **kw) -> subprocess.Popen:
    return subprocess.Popen([*EXTRACT, *map(str, args)], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def without_offsets(item):
    """Offsets index the user's text as decoded (issue 11): an NFD or CRLF copy has other offsets."""
    if isinstance(item, dict):
        return {k: without_offsets(v) for k, v in item.items() if k not in ("start_char", "end_char", "mentions")}
    return [without_offsets(v) for v in item] if isinstance(item, list) else item


def strip(record: dict) -> dict:
    return without_offsets({k: v for k, v in record.items() if k not in VARYING})


def lines_naming(result: Result, name: str) -> list[str]:
    return [line for line in result.lines if name in line]


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# ---------------------------------------------------------------------------
# One folder holding every kind of bad or odd input, walked in a single run

def _cp1252_article() -> bytes:
    return "“Laos” and Viet Nam – talks in Vientiane on February 5, 2026, café.\n".encode("cp1252")


# name -> bytes (None: made specially below)
FILES: dict[str, bytes | None] = {
    "base.txt": ARTICLE.encode(),
    "empty.txt": b"",
    "whitespace.txt": "  \n\t \r\n\u00a0\u3000".encode(),
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01",
    "nul.txt": b"General Secretary\x00 To Lam\n",
    "controls.txt": bytes(range(1, 9)) * 30 + b"text",
    "utf8-bom.txt": codecs.BOM_UTF8 + ARTICLE.encode(),
    "utf16.txt": ARTICLE.encode("utf-16"),
    "utf16-be.txt": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    "cp1252.txt": _cp1252_article(),
    "crlf.txt": ARTICLE.replace("\n", "\r\n").encode(),
    "cr.txt": ARTICLE.replace("\n", "\r").encode(),
    "nfd.txt": unicodedata.normalize("NFD", ARTICLE).encode(),
    "zero-width.txt": ARTICLE.replace("Tô Lâm", "Tô\u200bLâm").replace("Laos", "La\u2060os").replace("trade", "tr\ufeffade")
                             .encode(),
    "nbsp.txt": ARTICLE.replace(" ", "\u00a0", 5).encode(),
    "smart-quotes.txt": "“General Secretary Tô Lâm” said the ‘special’ ties — with Laos — grow.\n".encode(),
    "long-line.txt": (ARTICLE.strip() + " ") * (10_000 // len(ARTICLE) + 1),
    "too-big.txt": b"a" * 60_001,
    "with space.txt": ARTICLE.encode(),
    "việt nam.txt": ARTICLE.encode(),
    "-dash.txt": ARTICLE.encode(),
    "notes.md": ARTICLE.encode(),  # not matching --glob: no record
    "dir.txt/inner.txt": ARTICLE.encode(),  # a folder whose name matches the glob is walked
    "sub/deep/deeper/x.txt": ARTICLE.encode(),
}
MAX_BYTES = 60_000
ERRORS = {
    "empty.txt": Errors.E002, "whitespace.txt": Errors.E002, "binary.txt": Errors.E003, "nul.txt": Errors.E003,
    "controls.txt": Errors.E013, "broken-link.txt": Errors.E011, "loop-a.txt": Errors.E011,
    "loop-b.txt": Errors.E011, "self-loop.txt": Errors.E011,
}
SAME_AS_BASE = ["utf8-bom.txt", "utf16.txt", "utf16-be.txt", "crlf.txt", "cr.txt", "nfd.txt", "zero-width.txt",
                "with space.txt", "việt nam.txt", "-dash.txt", "dir.txt/inner.txt", "sub/deep/deeper/x.txt"]
ENCODINGS = {"base.txt": "utf-8", "utf8-bom.txt": "utf-8-sig", "utf16.txt": "utf-16", "utf16-be.txt": "utf-16",
             "cp1252.txt": "cp1252", "nfd.txt": "utf-8", "crlf.txt": "utf-8"}


def make_corpus(root: Path, order_seed: int | None = None) -> Path:
    """The folder of odd inputs; with `order_seed`, files are created in a shuffled order."""
    corpus = root / "corpus"
    corpus.mkdir()
    items = list(FILES.items())
    if order_seed is not None:
        random.Random(order_seed).shuffle(items)
    for name, data in items:
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    (corpus / "broken-link.txt").symlink_to(corpus / "gone.txt")
    (corpus / "loop-a.txt").symlink_to("loop-b.txt")
    (corpus / "loop-b.txt").symlink_to("loop-a.txt")
    (corpus / "self-loop.txt").symlink_to("self-loop.txt")
    (corpus / "sub" / "up").symlink_to("..")  # a directory loop: walked once, never forever
    (corpus / "link-to-base.txt").symlink_to("base.txt")  # the same file twice: one record
    if hasattr(os, "mkfifo"):
        os.mkfifo(corpus / "fifo.txt")  # met while walking: skipped, never opened (would block)
    return corpus


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> Result:
    root = tmp_path_factory.mktemp("batch")
    make_corpus(root)
    return run(["corpus", "--jsonl", "--max-bytes", MAX_BYTES], cwd=root)


def expected_names() -> list[str]:
    walked = [n for n in FILES if n.endswith(".txt") and not n.startswith("notes")]
    walked += ["broken-link.txt", "loop-a.txt", "loop-b.txt", "self-loop.txt"]
    return sorted(f"corpus/{n}" for n in walked)


def test_batch_goes_on_and_exits_1(corpus_run):
    assert corpus_run.code == 1
    assert [r["source"] for r in corpus_run.records] == expected_names()


def test_every_record_is_complete_and_versioned(corpus_run):
    keys = None
    for record in corpus_run.records:
        assert record["schema_version"] == SCHEMA_VERSION
        assert record["extractor_version"] == __version__
        keys = keys or list(record)
        assert list(record) == keys  # error records have every field too, in the same order


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_bad_input_gets_an_error_record_and_one_stderr_line(corpus_run, name):
    source = f"corpus/{name}"
    record = corpus_run.by_source()[source]
    assert record["error"] == ERRORS[name].format(path=source)
    assert record["people"] == [] and record["events"] == []
    assert lines_naming(corpus_run, source + ":") == [f"extract: {record['error']}"]


def test_file_over_max_bytes(corpus_run):
    record = corpus_run.by_source()["corpus/too-big.txt"]
    assert record["error"] == Errors.E004.format(path="corpus/too-big.txt", size=60_001, limit=MAX_BYTES)
    assert len(lines_naming(corpus_run, "too-big.txt")) == 1


@pytest.mark.parametrize("name", SAME_AS_BASE)
def test_same_article_in_another_form_gives_the_same_record(corpus_run, name):
    records = corpus_run.by_source()
    assert records[f"corpus/{name}"]["error"] is None
    assert strip(records[f"corpus/{name}"]) == strip(records["corpus/base.txt"])


@pytest.mark.parametrize("name, encoding", sorted(ENCODINGS.items()))
def test_encoding_is_reported(corpus_run, name, encoding):
    assert corpus_run.by_source()[f"corpus/{name}"]["encoding"] == encoding


@pytest.mark.parametrize("name, warned", [("cp1252.txt", "cp1252"), ("utf16.txt", "utf-16"),
                                          ("base.txt", None), ("utf8-bom.txt", None)])
def test_non_utf8_is_a_warning_line_not_an_error(corpus_run, name, warned):
    source = f"corpus/{name}"
    record = corpus_run.by_source()[source]
    assert record["error"] is None
    expected = [f"extract: warning: {Warnings.W001.format(path=source, encoding=warned)}"] if warned else []
    assert lines_naming(corpus_run, source + ":") == expected


def test_cp1252_smart_quotes_are_decoded(corpus_run):
    record = corpus_run.by_source()["corpus/cp1252.txt"]
    assert record["error"] is None
    assert any(d["start"] == "2026-02-05" for d in record["dates"])


@pytest.mark.parametrize("name", ["nbsp.txt", "smart-quotes.txt", "long-line.txt"])
def test_odd_text_is_extracted(corpus_run, name):
    assert corpus_run.by_source()[f"corpus/{name}"]["error"] is None


def test_stderr_has_only_one_line_per_problem(corpus_run):
    problems = [r for r in corpus_run.records if r["error"]]
    errors = [line for line in corpus_run.lines if not line.startswith("extract: warning:")]
    assert len(errors) == len(problems)
    assert all(line.startswith("extract: ") for line in corpus_run.lines)


def test_fifo_symlink_loops_and_other_files_are_skipped(corpus_run):
    names = {r["source"] for r in corpus_run.records}
    assert "corpus/fifo.txt" not in names and "corpus/notes.md" not in names
    assert "corpus/link-to-base.txt" not in names  # same file as base.txt, read once
    assert not any("/up/" in n for n in names)


def test_unreadable_file(cli, tmp_path):
    if is_root():
        pytest.skip("running as root: permission cannot be denied (tests/test_inputs.py simulates it)")
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    try:
        result = cli([path, tmp_path / "ok.txt", "--jsonl"])
    finally:
        path.chmod(0o644)
    record = result.records[0]
    assert record["error"].startswith(Errors.E001.format(path=str(path), reason=""))
    assert result.code == 1 and len(lines_naming(result, "secret.txt")) == 1


def test_unreadable_file_simulated(cli, tmp_path, monkeypatch):
    """The same, also when the tests run as root: the open is refused."""
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    (tmp_path / "ok.txt").write_text(ARTICLE)
    real_open = os.open

    def denied(name, *args, **kwargs):
        if os.fspath(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    result = cli([path, tmp_path / "ok.txt", "--jsonl"])
    assert [r["error"] for r in result.records] == [Errors.E001.format(path=str(path), reason="Permission denied"),
                                                    None]
    assert result.code == 1 and result.lines == [f"extract: {result.records[0]['error']}"]


# ---------------------------------------------------------------------------
# Arguments given explicitly: odd names, the same file twice, stdin, things that are not files


@pytest.fixture(scope="module")
def explicit_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("explicit")
    for name in ("a.txt", "-dash.txt", "with space.txt", "ລາວ.txt", "article.md"):
        (root / name).write_text(ARTICLE, encoding="utf-8")
    (root / "folder").mkdir()
    (root / "folder" / "in.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "empty-folder").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "fifo.txt")
    return root


EXPLICIT_ARGS = ["a.txt", "--", "-dash.txt", "./-dash.txt", "with space.txt", "ລາວ.txt", "article.md", "folder",
                 "a.txt/", "missing.txt", "-", "a.txt", "fifo.txt", "empty-folder"]
EXPLICIT_RECORDS = [
    ("a.txt", None), ("-dash.txt", None), ("with space.txt", None), ("ລາວ.txt", None),
    ("article.md", None), ("folder/in.txt", None), ("a.txt/", Errors.E018), ("missing.txt", Errors.E006),
    ("-", None), ("fifo.txt", Errors.E007),
]


@pytest.fixture(scope="module", params=[1, 2], ids=["jobs1", "jobs2"])
def explicit_run(request, cli, explicit_dir) -> Result:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    return cli(["--jsonl", "--jobs", request.param, *EXPLICIT_ARGS], cwd=explicit_dir,
               stdin=ARTICLE.encode("utf-16"))


def test_explicit_arguments(explicit_run):
    assert explicit_run.code == 1
    got = [(r["source"], r["error"]) for r in explicit_run.records]
    assert got == [(name, template and template.format(path=name)) for name, template in EXPLICIT_RECORDS]


def test_stdin_is_read_once_and_decoded(explicit_run):
    records = explicit_run.by_source()
    assert records["-"]["encoding"] == "utf-16"
    assert strip(records["-"]) == strip(records["a.txt"])
    assert f"extract: warning: {Warnings.W001.format(path='<stdin>', encoding='utf-16')}" in explicit_run.lines


def test_same_file_twice_is_one_record_and_a_warning(explicit_run):
    assert [r["source"] for r in explicit_run.records].count("a.txt") == 1
    for name in ("./-dash.txt", "a.txt"):
        assert f"extract: warning: {Warnings.W002.format(path=name)}" in explicit_run.lines


def test_empty_folder_is_a_warning(explicit_run):
    assert f"extract: warning: {Warnings.W004.format(path='empty-folder', glob='*.txt')}" in explicit_run.lines


def test_jobs_give_the_same_bytes_with_stdin(cli, explicit_dir):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    one = cli(["--jsonl", "--jobs", 1, *EXPLICIT_ARGS], cwd=explicit_dir, stdin=ARTICLE.encode())
    two = cli(["--jsonl", "--jobs", 2, *EXPLICIT_ARGS], cwd=explicit_dir, stdin=ARTICLE.encode())
    assert one.stdout == two.stdout and one.code == two.code
    # the walk runs ahead of the workers, so its warnings may come earlier: same lines, maybe reordered
    assert sorted(one.lines) == sorted(two.lines)


def test_quiet_keeps_errors_drops_warnings(cli, explicit_dir):
    result = cli(["--jsonl", "-q", "a.txt", "a.txt", "missing.txt"], cwd=explicit_dir)
    assert result.lines == ["extract: " + Errors.E006.format(path="missing.txt")]
    assert result.code == 1


def test_all_good_exits_0_and_says_nothing(cli, explicit_dir):
    result = cli(["a.txt", "folder", "--json"], cwd=explicit_dir)
    assert result.code == 0 and result.stderr == ""
    assert [r["source"] for r in json.loads(result.stdout)] == ["a.txt", "folder/in.txt"]


def test_empty_stdin(cli):
    result = cli(["-", "--jsonl"], stdin=b"")
    assert result.records[0]["error"] == Errors.E002.format(path="<stdin>")
    assert result.code == 1


# ---------------------------------------------------------------------------
# Bad options: exit 2, one line on stderr, nothing on stdout


@pytest.fixture(scope="module")
def option_files(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("options")
    (root / "a.txt").write_text(ARTICLE)
    (root / "bad-json.jsonl").write_text('{"id": "x", oops\n')
    (root / "not-object.jsonl").write_text("[1, 2]\n")
    (root / "actor-missing-field.jsonl").write_text('{"id": "someone"}\n')
    (root / "bad-pattern.jsonl").write_text('{"id": "s", "type": "meeting", "frame": "parties", '
                                            '"pattern": [{"NOT_AN_ATTR": "summit"}]}\n')
    (root / "pattern-missing-field.jsonl").write_text('{"id": "s", "type": "meeting"}\n')
    (root / "binary.jsonl").write_bytes(b"\xff\xfe\x00\x01")
    (root / "adir").mkdir()
    return root


BAD_OPTIONS = [
    pytest.param(["a.txt", "--format", "xml"], "--format", id="unknown-format"),
    pytest.param(["a.txt", "--json", "--jsonl"], "--json", id="two-formats"),
    pytest.param(["a.txt", "--published", "yesterday"], "--published", id="published-not-a-date"),
    pytest.param(["a.txt", "--published", "2026-02-30"], "--published", id="published-impossible-date"),
    pytest.param([], "PATH", id="missing-path"),
    pytest.param(["a.txt", "--no-such-option"], "--no-such-option", id="unknown-option"),
    pytest.param(["a.txt", "--max-bytes", "0"], "--max-bytes", id="max-bytes-zero"),
    pytest.param(["a.txt", "--max-bytes", "lots"], "--max-bytes", id="max-bytes-not-a-number"),
    pytest.param(["a.txt", "--jobs", "0"], "--jobs", id="jobs-zero"),
    pytest.param(["a.txt", "--out", "no/such/dir/out.json"], "--out", id="out-in-missing-directory"),
    pytest.param(["a.txt", "--out", "adir"], "--out", id="out-is-a-directory"),
    pytest.param(["a.txt", "--actors", "missing.jsonl"], "missing.jsonl", id="actors-missing"),
    pytest.param(["a.txt", "--actors", "adir"], "adir", id="actors-is-a-directory"),
    pytest.param(["a.txt", "--actors", "bad-json.jsonl"], "bad-json.jsonl", id="actors-bad-json"),
    pytest.param(["a.txt", "--actors", "not-object.jsonl"], "not-object.jsonl", id="actors-not-object"),
    pytest.param(["a.txt", "--actors", "actor-missing-field.jsonl"], "actor-missing-field.jsonl",
                 id="actors-missing-field"),
    pytest.param(["a.txt", "--actors", "binary.jsonl"], "binary.jsonl", id="actors-binary"),
    pytest.param(["a.txt", "--patterns", "missing.jsonl"], "missing.jsonl", id="patterns-missing"),
    pytest.param(["a.txt", "--patterns", "bad-json.jsonl"], "bad-json.jsonl", id="patterns-bad-json"),
    pytest.param(["a.txt", "--patterns", "bad-pattern.jsonl"], "", id="patterns-bad-matcher-pattern"),
    pytest.param(["a.txt", "--patterns", "pattern-missing-field.jsonl"], "", id="patterns-missing-field"),
    pytest.param(["a.txt", "--patterns", "binary.jsonl"], "binary.jsonl", id="patterns-binary"),
    pytest.param(["a.txt", "--jobs", "2", "--actors", "bad-json.jsonl"], "bad-json.jsonl", id="bad-actors-jobs2"),
    pytest.param(["a.txt", "--max-bytes", "10Q"], "--max-bytes", id="max-bytes-unknown-unit"),
    pytest.param(["a.txt", "--format", "csv", "--table", "nope"], "--table", id="unknown-csv-table"),
    pytest.param(["a.txt", "--html", "r.html", "--format", "json"], "--html", id="html-with-another-format"),
    pytest.param(["a.txt", "--html", "r.html", "--out", "o.html"], "--html", id="html-and-out"),
    pytest.param(["--schema", "nope"], "--schema", id="unknown-schema"),
]


def check_usage_error(result: Result, mentioned: str) -> None:
    assert result.code == 2, result.stderr
    assert result.stdout == b""
    assert len(result.lines) == 1, result.stderr
    assert result.lines[0].startswith("extract: error: ")
    assert mentioned in result.lines[0]


@pytest.mark.parametrize("args, mentioned", BAD_OPTIONS)
def test_bad_options_exit_2_with_one_line(cli, option_files, args, mentioned):
    check_usage_error(cli(args, cwd=option_files), mentioned)


@pytest.mark.parametrize("args, mentioned", [
    (["a.txt", "--format", "xml"], "--format"),
    ([], "PATH"),
    (["a.txt", "--actors", "bad-json.jsonl"], "bad-json.jsonl"),
], ids=["unknown-format", "missing-path", "bad-actors"])
def test_bad_options_from_the_console_script(option_files, args, mentioned):
    result = run(args, cwd=option_files, timeout=60)
    check_usage_error(result, mentioned)


def test_help_exits_0(cli, option_files):
    result = cli(["--help"], cwd=option_files)
    assert result.code == 0 and b"--max-bytes" in result.stdout


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_has_readable_metavars_panels_and_examples(cli, flag):
    text = cli([flag]).stdout.decode("utf-8")
    for wanted in ("PATH", "FILE", "SIZE", "PATTERN", "Examples", "extract seeds/ --format csv", "Input", "Output"):
        assert wanted in text, wanted
    for python_type in ("<list[str]>", "<int range>", "<bool>", "{PATH...}"):
        assert python_type not in text, python_type


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(cli, flag):
    result = cli([flag])
    assert result.code == 0 and result.stdout.decode().strip() == f"extract (vnlao_extract) {__version__}"


def test_shell_completion_is_offered(cli):
    assert b"--install-completion" in cli(["--help"]).stdout


def test_shell_completion_completes_options():
    env = {**os.environ, "_EXTRACT_COMPLETE": "complete_bash", "COMP_WORDS": "extract --js", "COMP_CWORD": "1"}
    proc = subprocess.run(EXTRACT, capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
    assert proc.stdout.split() == ["--json", "--jsonl"]


@pytest.mark.parametrize("text, size", [("2000", 2000), ("512k", 512 << 10), ("10M", 10 << 20), ("1MiB", 1 << 20),
                                        ("2kb", 2048), (" 3 M ", 3 << 20)])
def test_sizes_take_units(text, size):
    from vnlao_extract.cli import parse_size

    assert parse_size(text) == size


def test_max_bytes_with_a_unit_applies(cli, tmp_path):
    (tmp_path / "big.txt").write_text(ARTICLE * 10)
    result = cli(["big.txt", "--max-bytes", "1k", "--jsonl"], cwd=tmp_path)
    assert result.code == 1 and "larger than --max-bytes" in result.records[0]["error"]


@pytest.mark.parametrize("args, found", [
    ([], ["a.txt", "sub/b.txt"]),
    (["--glob", "*.md"], ["c.md"]),
    (["-g", "*.txt", "-g", "*.md"], ["a.txt", "c.md", "sub/b.txt"]),
    (["--hidden"], [".git/x.txt", ".venv/lib/y.txt", "a.txt", "sub/b.txt"]),
])
def test_glob_is_repeatable_and_hidden_folders_are_skipped(cli, tmp_path, args, found):
    for name in ("a.txt", "sub/b.txt", "c.md", ".git/x.txt", ".venv/lib/y.txt"):
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text(ARTICLE)
    result = cli(["in", "--jsonl", *args], cwd=tmp_path)
    assert [r["source"].removeprefix("in/") for r in result.records] == found


def test_a_hidden_file_given_by_name_is_read(cli, tmp_path):
    (tmp_path / ".draft.txt").write_text(ARTICLE)
    assert cli([".draft.txt", "--jsonl"], cwd=tmp_path).records[0]["error"] is None


def test_no_evidence_leaves_evidence_and_mentions_out(cli, explicit_dir):
    full = cli(["a.txt", "--jsonl"], cwd=explicit_dir).records[0]
    small = cli(["a.txt", "--jsonl", "--no-evidence"], cwd=explicit_dir).records[0]
    assert "evidence" in json.dumps(full) and "mentions" in json.dumps(full)
    assert "evidence" not in json.dumps(small) and '"mentions"' not in json.dumps(small)
    assert [e["type"] for e in small["events"]] == [e["type"] for e in full["events"]]


@pytest.mark.parametrize("args", [["--explain"], []])
def test_tables_show_the_overview_first_and_leave_empty_sections_out(cli, tmp_path, args):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "plain.txt").write_text("Nothing here but weather.\n")
    text = cli(["a.txt", "plain.txt", "--format", "table", "--width", "120", *args], cwd=tmp_path).stdout.decode()
    first, second = text.split("plain.txt", 1)
    assert first.index("Events") < first.index("People") < first.index("Dates")
    assert "visit (state)" in first and "Trade targets" in first
    assert "Congresses" not in first  # none in the article
    assert "Events" not in second and "nothing found" in second
    assert ("Events: evidence" in first) is bool(args)


# ---------------------------------------------------------------------------
# Output: atomic --out, streaming, closed pipes, signals


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory) -> Path:
    """Enough real articles that a run takes a while (for killing it halfway)."""
    folder = tmp_path_factory.mktemp("many") / "articles"
    folder.mkdir()
    text = SEED.read_bytes()
    for n in range(400):
        (folder / f"{n:04d}.txt").write_bytes(text)
    return folder


def _output_fds(pid: int, directory: Path) -> list[str]:
    """/proc paths of the files `pid` has open in `directory` (named or O_TMPFILE)."""
    found = []
    fd_dir = Path(f"/proc/{pid}/fd")
    try:
        for fd in fd_dir.iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith(os.path.realpath(directory) + "/"):
                found.append(str(fd))
    except OSError:
        pass
    return found


def wait_for_output(proc: subprocess.Popen, directory: Path, timeout: float = 90) -> None:
    """Until the run has written some of its output into `directory`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read()
        for fd in _output_fds(proc.pid, directory):
            try:
                if os.stat(fd).st_size > 0:
                    return
            except OSError:
                continue
        time.sleep(0.05)
    pytest.fail("the run wrote nothing")


def _o_tmpfile_works(directory: Path) -> bool:
    try:
        fd = os.open(directory, os.O_RDWR | getattr(os, "O_TMPFILE"))
    except (AttributeError, OSError):
        return False
    os.close(fd)
    return True


def _session_processes(sid: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the output being written")
@pytest.mark.parametrize("sig, jobs, old", [
    (signal.SIGKILL, 1, "old\n"), (signal.SIGKILL, 2, None), (signal.SIGTERM, 1, "old\n"), (signal.SIGINT, 2, None),
], ids=["SIGKILL-over-old-file", "SIGKILL-jobs2-no-old-file", "SIGTERM-over-old-file", "SIGINT-jobs2-no-old-file"])
def test_out_is_atomic_when_killed_halfway(tmp_path, many_articles, sig, jobs, old):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "records.json"
    if old is not None:
        target.write_text(old)
    proc = start([many_articles, "--json", "--out", target, "--jobs", jobs], start_new_session=True)
    try:
        wait_for_output(proc, out_dir)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = err.decode()
    assert "Traceback" not in err
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        expected = {signal.SIGTERM: 143, signal.SIGINT: 130}[sig]
        assert proc.returncode == expected
        assert err.splitlines() == [f"extract: {Errors.E012}" + (" (SIGTERM)" if sig == signal.SIGTERM else "")]
    # either the old content or nothing: never a truncated file
    if old is None:
        assert not target.exists()
    else:
        assert target.read_text() == old
    others = sorted(p.name for p in out_dir.iterdir() if p != target)
    if sig != signal.SIGKILL or _o_tmpfile_works(out_dir):
        assert others == []  # no temporary file left behind either
    else:
        assert all(name.startswith(".records.json.") and name.endswith(".tmp") for name in others)
    # no worker outlives the run
    deadline = time.monotonic() + 10
    while _session_processes(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _session_processes(proc.pid) == []


def test_out_is_written_whole(cli, tmp_path, explicit_dir):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    result = cli(["a.txt", "missing.txt", "--jsonl", "--out", target], cwd=explicit_dir)
    assert result.code == 1 and result.stdout == b""
    assert [json.loads(line)["source"] for line in target.read_text().splitlines()] == ["a.txt", "missing.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_out_table_goes_to_the_file(cli, tmp_path, explicit_dir):
    target = tmp_path / "out.txt"
    result = cli(["a.txt", "--format", "table", "--out", target], cwd=explicit_dir)
    assert result.code == 0 and result.stdout == b""
    assert "Tô Lâm" in target.read_text()


def test_table_survives_markup_in_names_and_text(cli, tmp_path):
    (tmp_path / "[bold]a[red].txt").write_text("[/] General Secretary Tô Lâm [red] said [/bold] x :smile:.\n")
    result = cli(["[bold]a[red].txt", "missing[/x].txt", "--format", "table"], cwd=tmp_path)
    assert result.code == 1
    text = result.stdout.decode()
    assert "[bold]a[red].txt" in text and "missing[/x].txt" in text


@pytest.mark.parametrize("fmt, jobs", [("--jsonl", 1), ("--json", 2)])
def test_closed_pipe_ends_quietly(many_articles, fmt, jobs):
    """extract big/ --jsonl | head -1"""
    head = shutil.which("head")
    if head is None:
        pytest.skip("no head")
    producer = subprocess.Popen([*EXTRACT, str(many_articles), fmt, "--jobs", str(jobs)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    consumer = subprocess.Popen([head, "-1"], stdin=producer.stdout, stdout=subprocess.PIPE)
    producer.stdout.close()
    line, _ = consumer.communicate(timeout=120)
    _, err = producer.communicate(timeout=120)
    assert line.strip()
    assert err == b""
    assert producer.returncode == 141


@pytest.mark.parametrize("sig, code, message, jobs", [
    (signal.SIGINT, 130, f"extract: {Errors.E012}", 1),
    (signal.SIGTERM, 143, f"extract: {Errors.E012} (SIGTERM)", 2),
], ids=["SIGINT", "SIGTERM-jobs2"])
def test_jsonl_streams_and_a_signal_mid_run_exits_with_one_line(many_articles, sig, code, message, jobs):
    proc = start([many_articles, "--jsonl", "--jobs", jobs])
    try:
        first = proc.stdout.readline()
        assert proc.poll() is None  # records are streamed: the first arrives long before the end
        assert json.loads(first)["source"].endswith("0000.txt")
        proc.send_signal(sig)
        # not communicate(): it would skip what readline() already buffered
        rest, err = proc.stdout.read(), proc.stderr.read()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code
    assert err.decode().splitlines() == [message]
    written = [json.loads(line) for line in (first + rest).decode().splitlines()]  # whole records only
    assert [r["source"] for r in written] == sorted(str(p) for p in many_articles.iterdir())[:len(written)]


# ---------------------------------------------------------------------------
# Determinism


def test_same_bytes_every_run_any_creation_order_any_jobs(tmp_path):
    """Three processes with different hash seeds, files created in three different orders, --jobs 1 and 2."""
    runs = []
    for n, (order_seed, jobs, hash_seed) in enumerate([(None, 1, "0"), (1, 2, "1"), (2, 1, "2")]):
        root = tmp_path / f"r{n}"
        root.mkdir()
        corpus = make_corpus(root, order_seed)
        for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
            shutil.copy(seed, corpus / "sub" / f"seed{i}.txt")
        args = ["corpus", "--json", "--jobs", jobs, "--max-bytes", MAX_BYTES]
        runs.append(run(args, cwd=root, env=dict(os.environ, PYTHONHASHSEED=hash_seed)))
    first = runs[0]
    assert first.code == 1 and json.loads(first.stdout)
    for other in runs[1:]:
        assert other.code == first.code
        # the walk runs ahead of the workers with --jobs 2, so its warnings may come earlier
        assert sorted(other.lines) == sorted(first.lines)
        assert other.stdout == first.stdout


def test_json_and_jsonl_hold_the_same_records(cli, tmp_path):
    make_corpus(tmp_path)
    as_json = cli(["corpus", "--json", "--max-bytes", MAX_BYTES], cwd=tmp_path)
    as_jsonl = cli(["corpus", "--jsonl", "--max-bytes", MAX_BYTES], cwd=tmp_path)
    assert json.loads(as_json.stdout) == as_jsonl.records


# ---------------------------------------------------------------------------
# Many files


def _tiny_folder(folder: Path, count: int) -> None:
    folder.mkdir()
    numbers = list(range(count))
    random.Random(5).shuffle(numbers)
    for n in numbers:
        with open(folder / f"{n:05d}.txt", "w", encoding="utf-8") as f:
            f.write(f"Note {n}.\n")


def _check_many(result: Result, count: int) -> None:
    assert result.code == 0, result.stderr[-2000:]
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert len(sources) == count
    assert sources == sorted(sources) and sources[-1].endswith(f"{count - 1:05d}.txt")


def test_folder_of_1000_files(cli, tmp_path):
    _tiny_folder(tmp_path / "many", 1000)
    started = time.monotonic()
    result = cli(["many", "--jsonl", "--jobs", 2], cwd=tmp_path)
    _check_many(result, 1000)
    assert time.monotonic() - started < 60


@pytest.mark.skipif(not os.environ.get("VNLAO_SLOW"), reason="slow (about 30 s): set VNLAO_SLOW=1")
def test_folder_of_20000_files(tmp_path):
    _tiny_folder(tmp_path / "many", 20_000)
    started = time.monotonic()
    result = run(["many", "--jsonl", "--jobs", 2], cwd=tmp_path, timeout=600)
    _check_many(result, 20_000)
    assert time.monotonic() - started < 120


def test_progress_passes_every_record_through_in_order():
    from vnlao_extract.views.progress import with_progress

    records = [{"source": f"{n}.txt", "error": None} for n in range(5)]
    assert list(with_progress(iter(records), total=len(records))) == records


@pytest.mark.parametrize("quiet, stderr_tty, stdout_tty, fmt, paths, shown", [
    (False, True, False, "json", ["seeds"], True),
    (True, True, False, "json", ["seeds"], False),
    (False, False, False, "json", ["seeds"], False),
    (False, True, True, "table", ["seeds"], False),  # the tables' own terminal: no bar
    (False, True, False, "table", ["seeds"], True),  # tables piped, stderr a terminal
    (False, True, False, "json", ["-"], False),  # stdin: one input, no bar
    (False, True, False, "json", ["a.txt"], False),
    (False, True, False, "json", ["a.txt", "b.txt"], True),
])
def test_progress_only_for_a_batch_off_the_tables_terminal(monkeypatch, quiet, stderr_tty, stdout_tty, fmt,
                                                           paths, shown):
    from vnlao_extract import cli
    from vnlao_extract.run import Format

    monkeypatch.setattr(cli, "isatty", lambda stream: stderr_tty if stream is sys.stderr else stdout_tty)
    monkeypatch.chdir(SEEDS.parent)
    assert cli._shows_progress(quiet, Format(fmt), None, paths) is shown

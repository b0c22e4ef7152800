"""The output layer: atomic files, JSON array and JSON Lines writers."""

from __future__ import annotations

import errno
import io
import json
import os
import stat

import pytest

from vnlao_extract.output import JsonArrayWriter, JsonlWriter, atomic_writer, is_broken_pipe

RECORDS = [
    {"name": "a.txt", "people": [{"name": "Tô Lâm", "title": "Tổng Bí thư"}], "n": 1},
    {"name": "b \"quoted\".txt", "text": "line\nbreak\ttab \u201cq\u201d ລາວ", "empty": {}, "none": None},
    {"nested": {"list": [], "deep": [[1, 2.5], {"k": True}]}},
]


def write_all(writer_class, records) -> str:
    stream = io.StringIO()
    writer = writer_class(stream)
    for record in records:
        writer.write(record)
    writer.close()
    writer.close()  # idempotent
    return stream.getvalue()


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_json_array(count):
    records = RECORDS[:count]
    out = write_all(JsonArrayWriter, records)
    assert json.loads(out) == records
    # exactly what json.dumps of the whole list gives: the records indented inside the array
    assert out == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    assert out.endswith("\n")


def test_empty_array_is_brackets():
    assert write_all(JsonArrayWriter, []) == "[]\n"


@pytest.mark.parametrize("count", [0, 1, 3])
def test_jsonl(count):
    records = RECORDS[:count]
    out = write_all(JsonlWriter, records)
    lines = out.splitlines()
    assert len(lines) == count and out.count("\n") == count
    assert [json.loads(line) for line in lines] == records
    for line, record in zip(lines, records):
        assert line == json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("writer_class", [JsonArrayWriter, JsonlWriter])
def test_non_ascii_written_as_is_and_deterministic(writer_class):
    first = write_all(writer_class, RECORDS)
    assert "Tổng Bí thư" in first and "\\u" not in first
    assert write_all(writer_class, [dict(r) for r in RECORDS]) == first


@pytest.mark.parametrize("writer_class", [JsonArrayWriter, JsonlWriter])
def test_lone_surrogates_from_file_names_stay_valid(writer_class):
    record = {"name": "caf\udce9.txt"}
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    writer = writer_class(stream)
    writer.write(record)
    writer.close()
    raw = stream.buffer.getvalue()
    raw.decode("utf-8")  # strict UTF-8
    text = raw.decode()
    parsed = json.loads(text) if writer_class is JsonArrayWriter else [json.loads(text)]
    assert parsed == [record]


@pytest.mark.parametrize("writer_class", [JsonArrayWriter, JsonlWriter])
def test_each_record_is_flushed(writer_class):
    class Counting(io.StringIO):
        flushes = 0

        def flush(self):
            self.flushes += 1
            super().flush()

    stream = Counting()
    writer = writer_class(stream)
    writer.write(RECORDS[0])
    assert stream.flushes == 1
    if writer_class is JsonlWriter:
        assert json.loads(stream.getvalue()) == RECORDS[0]


def test_nan_is_refused():
    with pytest.raises(ValueError):
        JsonlWriter(io.StringIO()).write({"x": float("nan")})


def test_array_context_manager_closes_on_interrupt():
    stream = io.StringIO()
    with pytest.raises(KeyboardInterrupt):
        with JsonArrayWriter(stream) as writer:
            writer.write(RECORDS[0])
            raise KeyboardInterrupt
    assert json.loads(stream.getvalue()) == RECORDS[:1]


# ---------------------------------------------------------------------------
# atomic_writer


def leftovers(directory, keep):
    return sorted(p.name for p in directory.iterdir() if p.name not in keep)


def test_atomic_writer_success(tmp_path):
    target = tmp_path / "out.json"
    with atomic_writer(target) as f:
        f.write("[]\n")
        assert not target.exists()  # nothing visible before the end
    assert target.read_text() == "[]\n"
    assert leftovers(tmp_path, {"out.json"}) == []


@pytest.mark.parametrize("exc_type", [RuntimeError, KeyboardInterrupt, SystemExit])
def test_atomic_writer_failure_keeps_old_content(tmp_path, exc_type):
    target = tmp_path / "out.json"
    target.write_text("old\n")
    with pytest.raises(exc_type):
        with atomic_writer(target) as f:
            f.write("half of the new")
            raise exc_type()
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path, {"out.json"}) == []


def test_atomic_writer_failure_without_old_file(tmp_path):
    target = tmp_path / "new.jsonl"
    with pytest.raises(ValueError):
        with atomic_writer(target) as f:
            f.write("x")
            raise ValueError
    assert list(tmp_path.iterdir()) == []


def test_atomic_writer_keeps_mode_and_writes_lf(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_writer(target) as f:
        f.write("a\nb\n")
    assert target.read_bytes() == b"a\nb\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_writer_new_file_mode_follows_umask(tmp_path):
    target = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        with atomic_writer(target) as f:
            f.write("{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_atomic_writer_binary(tmp_path):
    target = tmp_path / "out.bin"
    with atomic_writer(target, "wb") as f:
        f.write(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


def test_atomic_writer_with_json_writer(tmp_path):
    target = tmp_path / "out.json"
    with atomic_writer(target) as f:
        writer = JsonArrayWriter(f)
        for record in RECORDS:
            writer.write(record)
        writer.close()
    assert json.loads(target.read_text(encoding="utf-8")) == RECORDS


@pytest.mark.parametrize("exc, expected", [
    (BrokenPipeError(), True),
    (OSError(errno.EPIPE, "Broken pipe"), True),
    (OSError(errno.ENOSPC, "No space left"), False),
    (ValueError("x"), False),
    (KeyboardInterrupt(), False),
])
def test_is_broken_pipe(exc, expected):
    assert is_broken_pipe(exc) is expected


@pytest.mark.parametrize("char", ["\u0085", "\u2028", "\u2029", "\udcff"])
@pytest.mark.parametrize("writer_class", [JsonArrayWriter, JsonlWriter])
def test_line_breaks_json_allows_are_escaped_for_line_readers(writer_class, char):
    record = {"name": f"x{char}y", "people": [{"name": f"Lâm{char}"}]}
    out = write_all(writer_class, [record])
    assert char not in out and "\\u%04x" % ord(char) in out
    assert len(out.splitlines()) == len(out.split("\n")) - 1  # str.splitlines sees no extra break
    assert json.loads(out.splitlines()[0] if writer_class is JsonlWriter else out) == (
        record if writer_class is JsonlWriter else [record])


@pytest.mark.parametrize("locale_encoding", ["ascii", "latin-1", "cp1252"])
def test_stdout_is_utf8_whatever_the_locale(tmp_path, locale_encoding):
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("General Secretary Tô Lâm met Lao leaders in Vientiane.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING=locale_encoding)
    proc = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", str(article), "--jsonl"],
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert record["people"][0]["name"] == "Tô Lâm"

"""The input layer against everything a folder can hold. Every bad input is made here, in tmp_path."""

from __future__ import annotations

import codecs
import io
import os
import random
import socket
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnlao_extract import inputs
from vnlao_extract.errors import Errors, InputError, Warnings
from vnlao_extract.inputs import (
    DEFAULT_MAX_BYTES,
    ArticleText,
    Source,
    decode_bytes,
    iter_sources,
    normalize_text,
    read_source,
)

ARTICLE = "Hà Nội, 5/3 — Tổng Bí thư Tô Lâm tiếp Chủ tịch nước Lào Thongloun Sisoulith.\n"


def collect(args, **kw):
    warnings: list[str] = []
    sources = list(iter_sources([str(a) for a in args], on_warning=warnings.append, **kw))
    return sources, warnings


def names(sources):
    return [s.name for s in sources]


def read_one(path, **kw) -> ArticleText:
    (source,), _ = collect([path])
    return read_source(source, **kw)


def error_of(path, **kw) -> str:
    with pytest.raises(InputError) as info:
        read_one(path, **kw)
    message = str(info.value)
    assert "\n" not in message
    return message


def can_deny_permission(path: Path) -> bool:
    path.chmod(0)
    return not os.access(path, os.R_OK)


# ---------------------------------------------------------------------------
# Decoding table

CP1252_QUOTES = b"\x93Vi\xeat Nam\x94 caf\xe9 \x96 L\xe0o\n"

DECODE_CASES = [
    pytest.param(ARTICLE.encode("utf-8"), ARTICLE, "utf-8", id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE, "utf-8-sig", id="utf-8-bom"),
    pytest.param(ARTICLE.encode("utf-16"), ARTICLE, "utf-16", id="utf-16-bom-native"),
    pytest.param(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), ARTICLE, "utf-16", id="utf-16-le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), ARTICLE, "utf-16", id="utf-16-be-bom"),
    pytest.param(codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le"), ARTICLE, "utf-32", id="utf-32-le-bom"),
    pytest.param(codecs.BOM_UTF32_BE + ARTICLE.encode("utf-32-be"), ARTICLE, "utf-32", id="utf-32-be-bom"),
    pytest.param(CP1252_QUOTES, "\u201cViêt Nam\u201d café \u2013 Lào\n", "cp1252", id="cp1252-smart-quotes"),
    pytest.param(b"caf\xe9 \x81 ok\n", "café \x81 ok\n", "latin-1", id="latin-1-fallback"),
    pytest.param(b"line one\r\nline two\rline three\n", "line one\nline two\nline three\n", "utf-8", id="crlf-and-cr"),
    pytest.param(unicodedata.normalize("NFD", ARTICLE).encode(), ARTICLE, "utf-8", id="nfd-to-nfc"),
    pytest.param("Vi\u00adệt\u200c Na\u200dm\u2060 \ufeffLào".encode(), "Việt Nam Lào", "utf-8", id="invisible-dropped"),
    pytest.param("Prime\u200bMinister \u200bSonexay\u200b\u200b Siphandone\u200b".encode(),
                 "Prime Minister Sonexay Siphandone", "utf-8", id="zero-width-space-between-words-is-a-space"),
    pytest.param("\u200fLao\u200e \u202bleader\u202c\u2067 met\u2069".encode(), "Lao leader met", "utf-8",
                 id="direction-marks-dropped"),
    pytest.param("caf\xe9 Vi\u1ec7t \xffNam".encode("utf-8").replace(b"\xc3\xbf", b"\xff"),
                 "caf\xe9 Vi\u1ec7t \ufffdNam", "utf-8", id="mostly-utf-8-one-bad-byte"),
    pytest.param("a\u00a0b \u201cq\u201d".encode(), "a\u00a0b \u201cq\u201d", "utf-8", id="nbsp-quotes-kept"),
    pytest.param(b"tab\there\fform feed\n", "tab\there\fform feed\n", "utf-8", id="allowed-controls"),
    pytest.param(("x" * 10_000 + "\n").encode(), "x" * 10_000 + "\n", "utf-8", id="10000-char-line"),
]


@pytest.mark.parametrize("data, text, encoding", DECODE_CASES)
def test_decode(data, text, encoding, tmp_path):
    assert decode_bytes(data, "a.txt") == ArticleText(text, encoding)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_one(path) == ArticleText(text, encoding)


BAD_BYTES = [
    pytest.param(b"", Errors.E002, id="empty"),
    pytest.param(b" \n\t\r\n  ", Errors.E002, id="whitespace-only"),
    pytest.param("\u00a0\u3000\u200b\n".encode(), Errors.E002, id="unicode-space-and-zero-width-only"),
    pytest.param(codecs.BOM_UTF8, Errors.E002, id="bom-only"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8", Errors.E003, id="binary-with-nul"),
    pytest.param(b"abc\x00def", Errors.E003, id="valid-utf8-with-nul"),
    pytest.param("hello".encode("utf-16-le"), Errors.E003, id="utf-16-without-bom"),
    pytest.param(bytes(range(1, 9)) * 20 + b"some text", Errors.E013, id="control-characters"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8", Errors.E013, id="utf-16-bom-then-garbage"),
]


@pytest.mark.parametrize("data, template", BAD_BYTES)
def test_bad_bytes(data, template, tmp_path):
    expected = template.format(path="bad file.txt")
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad file.txt")
    assert str(info.value) == expected
    path = tmp_path / "bad file.txt"
    path.write_bytes(data)
    (source,), _ = collect([path])
    with pytest.raises(InputError) as info:
        read_source(source)
    assert str(info.value) == template.format(path=str(path))


@pytest.mark.parametrize("text", [
    "Cộng hòa Dân chủ Nhân dân Lào",
    "e\u0301 a\u0323\u0302",  # decomposed, with combining marks in non-canonical order
    "a\r\n\r\nb\r",
    "\ufeffstart and mid\ufeffdle",
    "Vi\u0065\u200b\u0302t",  # zero-width between base and mark: removed first, then composed
])
def test_normalize_text_is_idempotent_and_nfc(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once
    assert not set(once) & set("\u200b\u200c\u200d\u2060\ufeff")


def test_zero_width_inside_a_word_does_not_block_composition():
    assert normalize_text("Vie\u200b\u0302t") == "Vi\u00eat"


# Text that is a text: no surrogates (unencodable) and no C0/C1 controls but tab/LF/CR.
article_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r"),
    max_size=300,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=article_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"]))
def test_decode_round_trips(text, encoding):
    data = text.encode(encoding)
    if encoding == "utf-16-le":  # BOM-less UTF-16 is not supported: only assert it fails cleanly
        try:
            decode_bytes(data, "x")
        except InputError:
            pass
        return
    expected = normalize_text(text)
    try:
        result = decode_bytes(data, "x")
    except InputError as exc:
        assert not expected.strip(), exc
        return
    assert result.text == expected


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_decode_arbitrary_bytes_only_raises_input_error(data):
    try:
        result = decode_bytes(data, "x")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert result.text.strip()
    assert normalize_text(result.text) == result.text


# ---------------------------------------------------------------------------
# Size limits


def test_file_larger_than_max_bytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 101)
    assert error_of(path, max_bytes=100) == Errors.E004.format(path=str(path), size=101, limit=100)
    path.write_bytes(b"a" * 100)
    assert read_one(path, max_bytes=100).text == "a" * 100


def test_sparse_50mb_file_is_refused_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)

    def no_read(*args, **kwargs):
        raise AssertionError("the oversized file was read")

    monkeypatch.setattr(inputs, "_read_limited", no_read)
    monkeypatch.setattr(os, "open", no_read)
    started = time.monotonic()
    message = error_of(path)
    assert message == Errors.E004.format(path=str(path), size=50 * 1024 * 1024, limit=DEFAULT_MAX_BYTES)
    assert time.monotonic() - started < 1


def test_read_limited_stops_at_the_limit(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 5000)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert len(inputs._read_limited(fd, 1001)) == 1001
    finally:
        os.close(fd)


@pytest.mark.parametrize("stream_factory", [
    pytest.param(lambda data: io.BytesIO(data), id="binary"),
    pytest.param(lambda data: io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"), id="text-with-buffer"),
])
def test_stdin(stream_factory):
    source = Source("-", None)
    assert read_source(source, stdin=stream_factory(ARTICLE.encode())).text == ARTICLE
    with pytest.raises(InputError) as info:
        read_source(source, max_bytes=10, stdin=stream_factory(b"y" * 11))
    assert str(info.value) == Errors.E014.format(path="<stdin>", limit=10)
    with pytest.raises(InputError) as info:
        read_source(source, stdin=stream_factory(b""))
    assert str(info.value) == Errors.E002.format(path="<stdin>")


def test_stdin_reads_at_most_max_bytes_plus_one():
    class Recorder(io.BytesIO):
        def read(self, n=-1):
            self.asked = n
            return super().read(n)

    stream = Recorder(b"z" * 1000)
    with pytest.raises(InputError):
        read_source(Source("-", None), max_bytes=100, stdin=stream)
    assert stream.asked == 101


# ---------------------------------------------------------------------------
# Things that are not readable files


def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    try:
        if not can_deny_permission(path):
            pytest.skip("running as root: permission cannot be denied")
        message = error_of(path)
        assert message.startswith(Errors.E001.format(path=str(path), reason=""))
    finally:
        path.chmod(0o644)


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    """The same path as above, also exercised when tests run as root."""
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    real_open = os.open

    def denied(p, *args, **kwargs):
        if os.fspath(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    assert error_of(path) == Errors.E001.format(path=str(path), reason="Permission denied")


def test_missing_path(tmp_path):
    path = tmp_path / "nope.txt"
    (source,), _ = collect([path])
    assert source.error == Errors.E006.format(path=str(path))
    with pytest.raises(InputError, match="no such file"):
        read_source(source)


def test_directory_given_where_a_file_is_expected(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError) as info:
        read_source(Source(str(folder), folder))
    assert str(info.value) == Errors.E005.format(path=str(folder))


def test_directory_is_walked(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(ARTICLE)
    (tmp_path / "d" / "sub.txt").mkdir()  # a directory whose name matches the glob is walked, not read
    (tmp_path / "d" / "sub.txt" / "b.txt").write_text(ARTICLE)
    (tmp_path / "d" / "notes.md").write_text(ARTICLE)
    sources, warnings = collect([tmp_path / "d"])
    d = str(tmp_path / "d")
    assert names(sources) == [f"{d}/a.txt", f"{d}/sub.txt/b.txt"]
    assert all(s.error is None for s in sources) and not warnings


def test_name_is_argument_joined_with_relative_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("seeds/x").mkdir(parents=True)
    Path("seeds/000.txt").write_text(ARTICLE)
    Path("seeds/x/001.txt").write_text(ARTICLE)
    for arg in ("seeds", "seeds/"):
        sources, _ = collect([arg])
        assert names(sources) == ["seeds/000.txt", "seeds/x/001.txt"]
        assert [s.path for s in sources] == [Path("seeds/000.txt"), Path("seeds/x/001.txt")]


def test_explicit_files_are_taken_whatever_their_suffix(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(ARTICLE)
    (source,), _ = collect([path])
    assert source.error is None
    assert read_source(source).text == ARTICLE


@pytest.mark.parametrize("kind", ["broken", "self-loop", "two-link-loop"])
def test_bad_symlinks(tmp_path, kind):
    link = tmp_path / "link.txt"
    if kind == "broken":
        link.symlink_to(tmp_path / "gone.txt")
    elif kind == "self-loop":
        link.symlink_to(link)
    else:
        (tmp_path / "other.txt").symlink_to(link)
        link.symlink_to(tmp_path / "other.txt")
    expected = Errors.E011.format(path=str(link))
    (source,), _ = collect([link])
    assert source.error == expected
    with pytest.raises(InputError) as info:
        read_source(source)
    assert str(info.value) == expected
    with pytest.raises(InputError) as info:  # even without the walk having flagged it
        read_source(Source(str(link), link))
    assert str(info.value) == expected
    # met while walking: reported (the name matches the glob), the walk goes on
    (tmp_path / "ok.txt").write_text(ARTICLE)
    sources, _ = collect([tmp_path])
    by_name = {s.name: s.error for s in sources}
    assert by_name[f"{tmp_path}/link.txt"] == expected
    assert by_name[f"{tmp_path}/ok.txt"] is None


def test_bad_symlinks_not_matching_glob_are_ignored_while_walking(tmp_path):
    (tmp_path / "dangling").symlink_to(tmp_path / "gone")
    (tmp_path / "a.txt").write_text(ARTICLE)
    sources, _ = collect([tmp_path])
    assert names(sources) == [f"{tmp_path}/a.txt"]


def test_directory_symlink_loop_while_walking(tmp_path):
    top = tmp_path / "top"
    (top / "sub").mkdir(parents=True)
    (top / "sub" / "a.txt").write_text(ARTICLE)
    (top / "sub" / "up").symlink_to(top)  # loop back to the top
    (top / "sub" / "self").symlink_to(top / "sub")
    (top / "alias").symlink_to(top / "sub")  # second way into the same directory
    started = time.monotonic()
    sources, warnings = collect([top])
    assert time.monotonic() - started < 5
    assert names(sources) == [f"{top}/alias/a.txt"]  # "alias/" sorts before "sub/"; each file once
    assert not warnings


def test_unreadable_directory_while_walking(tmp_path):
    top = tmp_path / "top"
    (top / "closed").mkdir(parents=True)
    (top / "closed" / "x.txt").write_text(ARTICLE)
    (top / "z.txt").write_text(ARTICLE)
    (top / "closed").chmod(0)
    try:
        if os.access(top / "closed", os.R_OK):
            pytest.skip("running as root: permission cannot be denied")
        sources, _ = collect([top])
    finally:
        (top / "closed").chmod(0o755)
    assert names(sources) == [f"{top}/closed", f"{top}/z.txt"]
    assert sources[0].error.startswith(f"[E001] cannot read {top}/closed: ")
    assert sources[1].error is None


def test_unreadable_directory_while_walking_simulated(tmp_path, monkeypatch):
    top = tmp_path / "top"
    (top / "closed").mkdir(parents=True)
    (top / "closed" / "x.txt").write_text(ARTICLE)
    (top / "z.txt").write_text(ARTICLE)
    from vnlao_extract import inputs

    real_open_at = inputs.open_at

    def open_at(p, *args):  # folders are listed through a descriptor opened here
        if os.fspath(p).endswith("closed"):
            raise PermissionError(13, "Permission denied", p)
        return real_open_at(p, *args)

    monkeypatch.setattr(inputs, "open_at", open_at)
    sources, _ = collect([top])
    assert [(s.name, s.error) for s in sources] == [
        (f"{top}/closed", Errors.E001.format(path=f"{top}/closed", reason="Permission denied")),
        (f"{top}/z.txt", None),
    ]
    # the top itself unreadable: one error source, nothing else
    sources, _ = collect([top / "closed"])
    assert [s.error for s in sources] == [
        Errors.E001.format(path=f"{top}/closed", reason="Permission denied")]


@pytest.fixture
def fifo(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def test_fifo_while_walking_is_skipped_without_opening(tmp_path, fifo, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "link-to-pipe.txt").symlink_to(fifo)
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda p, *a, **k: opened.append(p) or real_open(p, *a, **k))
    started = time.monotonic()
    sources, _ = collect([tmp_path])
    assert names(sources) == [f"{tmp_path}/a.txt"]
    assert read_source(sources[0]).text == ARTICLE
    assert time.monotonic() - started < 2
    # folders are opened to be listed (by descriptor); of the files, only a.txt, never the pipe
    assert [os.fspath(p) for p in opened if not os.path.isdir(p)] == [f"{tmp_path}/a.txt"]


def test_fifo_given_explicitly_is_an_error(fifo):
    started = time.monotonic()
    (source,), _ = collect([fifo])
    assert source.error == Errors.E007.format(path=str(fifo))
    with pytest.raises(InputError):
        read_source(source)
    with pytest.raises(InputError) as info:  # read_source alone never opens it either
        read_source(Source(str(fifo), fifo))
    assert str(info.value) == Errors.E007.format(path=str(fifo))
    assert time.monotonic() - started < 2


def test_socket_and_device(tmp_path, monkeypatch):
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no unix sockets")
    monkeypatch.chdir(tmp_path)  # keep the socket path short
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("sock.txt")
        sources, _ = collect(["sock.txt", "/dev/null"])
        assert [s.error for s in sources] == [
            Errors.E007.format(path="sock.txt"), Errors.E007.format(path="/dev/null")]
        sources, _ = collect(["."])
        assert sources == []


@pytest.mark.parametrize("filename", [
    "with space.txt",
    "-leading-dash.txt",
    "--json.txt",
    "Hà Nội – Viêng Chăn.txt",
    "ລາວ.txt",
    "new\nline.txt",
])
def test_odd_names(tmp_path, filename, monkeypatch):
    path = tmp_path / filename
    path.write_text(ARTICLE)
    (source,), _ = collect([path])
    assert source.name == str(path) and source.error is None
    assert read_source(source).text == ARTICLE
    sources, _ = collect([tmp_path])
    assert names(sources) == [str(path)]
    monkeypatch.chdir(tmp_path)  # the relative name, as a user would type it
    (source,), _ = collect([filename])
    assert source.name == filename and read_source(source).text == ARTICLE


def test_error_messages_stay_on_one_line(tmp_path):
    path = tmp_path / "empty\nfile.txt"
    path.write_bytes(b"")
    message = error_of(path)
    assert message == Errors.E002.format(path=f"{tmp_path}/empty\\x0afile.txt")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_non_utf8_file_name(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as f:
        f.write(ARTICLE.encode())
    sources, _ = collect([tmp_path])
    assert len(sources) == 1 and sources[0].error is None
    assert read_source(sources[0]).text == ARTICLE


def test_same_file_twice(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("d").mkdir()
    Path("d/a.txt").write_text(ARTICLE)
    Path("alias.txt").symlink_to("d/a.txt")
    sources, warnings = collect(["d/a.txt", "./d/a.txt", "alias.txt", "d", "d/"])
    assert names(sources) == ["d/a.txt"]
    assert warnings == [Warnings.W002.format(path=p) for p in ("./d/a.txt", "alias.txt", "d/a.txt", "d/")]
    sources, warnings = collect(["-", "-"])
    assert sources == [Source("-", None)]
    assert warnings == [Warnings.W002.format(path="<stdin>")]


def test_missing_path_given_twice(tmp_path):
    sources, warnings = collect([tmp_path / "x.txt", tmp_path / "x.txt"])
    assert len(sources) == 1 and sources[0].error and len(warnings) == 1


def test_glob(tmp_path):
    for name in ("a.txt", "b.TXT", "c.md", "d.text"):
        (tmp_path / name).write_text(ARTICLE)
    assert names(collect([tmp_path])[0]) == [f"{tmp_path}/a.txt"]
    assert names(collect([tmp_path], glob="*.md")[0]) == [f"{tmp_path}/c.md"]
    assert len(collect([tmp_path], glob="*")[0]) == 4


# ---------------------------------------------------------------------------
# Order and scale


def make_tree(root: Path, rel_paths, seed: int) -> None:
    order = list(rel_paths)
    random.Random(seed).shuffle(order)
    for rel in order:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE)


TREE = ["a-b.txt", "a/x.txt", "a/b/y.txt", "a.txt", "a0.txt", "B.txt", "b.txt", "é.txt", "z/0.txt", "Z.txt"]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_order_independent_of_creation_order(tmp_path, seed):
    make_tree(tmp_path / "t", TREE, seed)
    sources, _ = collect([tmp_path / "t"])
    rel = [os.path.relpath(s.name, tmp_path / "t") for s in sources]
    assert rel == sorted(TREE)  # the order of the relative path strings
    assert rel == ["B.txt", "Z.txt", "a-b.txt", "a.txt", "a/b/y.txt", "a/x.txt", "a0.txt", "b.txt",
                   "z/0.txt", "é.txt"]


def test_arguments_keep_their_order(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE)
    sources, _ = collect([tmp_path / "b.txt", tmp_path / "a.txt"])
    assert names(sources) == [str(tmp_path / "b.txt"), str(tmp_path / "a.txt")]


def test_walk_is_lazy(tmp_path, monkeypatch):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(ARTICLE)
    listed = []
    real = inputs._sorted_entries
    monkeypatch.setattr(inputs, "_sorted_entries", lambda d: listed.append(d) or real(d))
    it = iter_sources([str(tmp_path)])
    assert next(it).name == f"{tmp_path}/a/x.txt"
    assert f"{tmp_path}/b" not in listed  # the second folder is not even listed yet


def test_folder_of_20000_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    count = 20_000
    numbers = list(range(count))
    random.Random(7).shuffle(numbers)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    base = os.fspath(folder)
    for n in numbers:
        os.close(os.open(f"{base}/{n:05d}.txt", flags, 0o644))
    started = time.monotonic()
    previous = ""
    seen = 0
    for source in iter_sources([base], on_warning=pytest.fail):
        assert source.error is None and source.name > previous
        previous = source.name
        seen += 1
    assert seen == count
    assert previous == f"{base}/{count - 1:05d}.txt"
    assert time.monotonic() - started < 10


def _deep_folder(top: Path, length: int) -> Path:
    """A folder whose path is longer than ``length`` (made one level at a time, relative to the last)."""
    flags = os.O_RDONLY | os.O_DIRECTORY
    fd, path, part = os.open(top, flags), str(top), "d" * 200
    try:
        while len(path) <= length:
            os.mkdir(part, dir_fd=fd)
            inner = os.open(part, flags, dir_fd=fd)
            os.close(fd)
            fd, path = inner, path + "/" + part
        file_fd = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(file_fd, ARTICLE.encode())
        os.close(file_fd)
    finally:
        os.close(fd)
    return Path(path)


@pytest.mark.skipif(not hasattr(os, "O_DIRECTORY"), reason="needs directory descriptors")
def test_files_under_a_path_longer_than_path_max_are_walked_and_read(tmp_path):
    deep = _deep_folder(tmp_path, os.pathconf("/", "PC_PATH_MAX") + 100)
    (tmp_path / "a.txt").write_text(ARTICLE)
    sources, warnings = collect([tmp_path])
    assert names(sources) == [f"{tmp_path}/a.txt", f"{deep}/deep.txt"] and warnings == []
    assert [s.error for s in sources] == [None, None]
    assert read_source(sources[1]).text == ARTICLE
    (given,), _ = collect([f"{deep}/deep.txt"])  # given by its long name, too
    assert given.error is None and read_source(given).text == ARTICLE


@pytest.mark.parametrize("link, target", [("a-link.txt", "z.txt"), ("z-link.txt", "a.txt")])
def test_a_file_reached_through_a_link_and_directly_is_read_once_with_a_warning_naming_both(tmp_path, link, target):
    (tmp_path / target).write_text(ARTICLE)
    (tmp_path / link).symlink_to(target)
    sources, warnings = collect([tmp_path])
    first, second = sorted([link, target])
    assert names(sources) == [f"{tmp_path}/{first}"]
    assert warnings == [Warnings.W042.format(path=f"{tmp_path}/{second}", first=f"{tmp_path}/{first}")]

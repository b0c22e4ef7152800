"""Finding article files and turning their bytes into clean text (standard library only).

`iter_sources` turns the command-line arguments into a deterministic stream of
`Source`s; `read_source` turns one `Source` into an `ArticleText` or raises
`InputError` whose message is the single stderr line for that file.

Nothing here ever opens a FIFO, socket or device: their type is checked with
stat/lstat first, and files are opened non-blocking so a race cannot hang us.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Callable, Iterator, Sequence

from .errors import Errors, InputError, Warnings
from .decoding import ArticleText, decode_bytes, normalize_text  # noqa: F401  (re-exported)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# The largest --max-bytes: an article is held whole in memory, several times over (text, tokens, output).
MAX_BYTES_LIMIT = 64 * 1024 * 1024
STDIN_NAME = "-"

_UNPRINTABLE_NAME_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class Source:
    """One thing to read: a file (given or found by walking) or stdin.

    `name` is what the user sees: the argument as given, or for walked files the
    directory argument joined with the relative path; "-" for stdin.  `error`
    is set when the source is already known to be unusable.
    """

    name: str
    path: Path | None
    error: str | None = None
    data: bytes | None = field(default=None, repr=False)  # standard input, once read (see preread_stdin)


def display_name(name: str) -> str:
    """The name as it may appear inside a one-line message (no newlines, no lone surrogates)."""
    if name == STDIN_NAME:
        return "<stdin>"
    if not _UNPRINTABLE_NAME_RE.search(name):
        return name
    return _UNPRINTABLE_NAME_RE.sub(lambda m: "\\x%02x" % ord(m.group()) if ord(m.group()) < 0x100
                                    else "\\u%04x" % ord(m.group()), name)


def _warn_to_stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _stat_error(exc: OSError, shown: str, path: str | None = None) -> str:
    """Map a failed stat/open to one of our messages."""
    if exc.errno == errno.ELOOP:
        return Errors.E011.format(path=shown)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        if path is not None and os.path.islink(path):
            return Errors.E011.format(path=shown)
        if exc.errno == errno.ENOTDIR and path is not None and path.endswith(("/", os.sep)) \
                and os.path.exists(path.rstrip("/" + os.sep)):
            return Errors.E018.format(path=shown)
        return Errors.E006.format(path=shown)
    if exc.errno == errno.EISDIR:
        return Errors.E005.format(path=shown)
    return Errors.E001.format(path=shown, reason=_reason(exc))


# ---------------------------------------------------------------------------
# Walking


def iter_sources(
    args: Sequence[str | os.PathLike],
    glob: str | Sequence[str] = "*.txt",
    on_warning: Callable[[str], None] | None = None,
    hidden: bool = False,
) -> Iterator[Source]:
    """Yield a `Source` per file to read, in a deterministic order.

    Arguments are handled in the order given.  Files given explicitly are taken
    whatever their name; directories are walked recursively (following symlinks,
    never twice into the same directory) taking only names matching `glob`, in
    the order of their relative path strings.  `glob` may be several patterns (a name
    matching any is taken); hidden entries (".name") are skipped in walks unless `hidden`.
    """
    glob = _Globs((glob,) if isinstance(glob, str) else tuple(glob), hidden)
    warn = on_warning if on_warning is not None else _warn_to_stderr
    files: dict[str, tuple[int, str]] = {}  # realpath -> (index of the argument that yielded it, name)
    dirs: dict[tuple[int, int], int] = {}  # (st_dev, st_ino) -> argument index
    stdin_taken = False

    def twice(name: str, first: str | None = None) -> None:
        if first is None:
            warn(Warnings.W002.format(path=display_name(name)))
        else:
            warn(Warnings.W042.format(path=display_name(name), first=display_name(first)))

    for index, raw in enumerate(args):
        arg = os.fspath(raw)
        if isinstance(arg, bytes):
            arg = os.fsdecode(arg)
        if arg == STDIN_NAME:
            if stdin_taken:
                twice(arg)
            else:
                stdin_taken = True
                yield Source(STDIN_NAME, None)
            continue

        shown = display_name(arg)
        path = Path(arg)
        real = os.path.realpath(arg)
        try:
            st = stat_at(arg)
        except OSError as exc:
            # keyed apart from readable files: "a.txt/" is an error even after "a.txt" was read
            key = "\0" + real + ("/" if arg.endswith(("/", os.sep)) else "")
            if key in files:
                twice(arg)
                continue
            files[key] = (index, arg)
            yield Source(arg, path, _stat_error(exc, shown, arg))
            continue

        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in dirs:
                twice(arg)
                continue
            dirs[key] = index
            matched = [0]
            yield from _walk(arg, real, index, glob, files, dirs, twice, matched)
            if not matched[0]:
                warn(Warnings.W004.format(path=shown, glob=glob))
            continue

        if real in files:
            twice(arg)
            continue
        files[real] = (index, arg)
        if stat.S_ISREG(st.st_mode):
            yield Source(arg, path)
        else:
            yield Source(arg, path, Errors.E007.format(path=shown))


class _Globs(str):
    """The walk's name patterns; shown in messages as they were given, comma-separated."""

    def __new__(cls, patterns: tuple[str, ...], hidden: bool):
        self = super().__new__(cls, ", ".join(patterns))
        self.patterns, self.hidden = patterns, hidden
        return self

    def matches(self, name: str) -> bool:
        return any(fnmatchcase(name, pattern) for pattern in self.patterns)

    def skips(self, name: str) -> bool:
        return not self.hidden and name.startswith(".")


@dataclass(frozen=True)
class _Entry:
    """What the walk needs of one directory entry, read while its directory is open (by descriptor, so
    that paths longer than PATH_MAX are walked too)."""

    name: str
    is_link: bool
    stat: os.stat_result | None  # followed through a link; None for an entry that vanished
    error: OSError | None = None  # why a link could not be followed


def _entry(entry: os.DirEntry, fd: int) -> _Entry | None:
    try:
        is_link = entry.is_symlink()
    except OSError:
        return None
    try:
        return _Entry(entry.name, is_link, os.stat(entry.name, dir_fd=fd, follow_symlinks=True))
    except OSError as exc:
        return _Entry(entry.name, is_link, None, exc) if is_link else None


def _sorted_entries(directory: str) -> list[tuple[str, _Entry]]:
    """Entries of one directory, sorted so that the walk follows relative-path string order.

    A directory sorts as "name/" so that its contents land exactly where they
    would in a sort of all relative paths ("a-b" < "a/x" < "a0").
    """
    fd = open_at(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        with os.scandir(fd) as it:
            entries = [e for e in (_entry(entry, fd) for entry in it) if e is not None]
    finally:
        os.close(fd)
    keyed = [(e.name + "/" if e.stat is not None and stat.S_ISDIR(e.stat.st_mode) else e.name, e) for e in entries]
    keyed.sort(key=lambda pair: pair[0])
    return keyed


def open_at(path: str, flags: int, mode: int = 0o777) -> int:
    """``os.open(path)``, also for a path longer than PATH_MAX: then opened one folder at a time."""
    try:
        return os.open(path, flags, mode)
    except OSError as exc:
        if exc.errno != errno.ENAMETOOLONG:
            raise
    folder, name = _open_parent(path)
    try:
        return os.open(name, flags, mode, dir_fd=folder)
    finally:
        os.close(folder)


def stat_at(path: str) -> os.stat_result:
    """``os.stat(path)``, also for a path longer than PATH_MAX."""
    try:
        return os.stat(path)
    except OSError as exc:
        if exc.errno != errno.ENAMETOOLONG:
            raise
    folder, name = _open_parent(path)
    try:
        return os.stat(name, dir_fd=folder)
    finally:
        os.close(folder)


def _open_parent(path: str) -> tuple[int, str]:
    """A descriptor of the folder holding ``path``, reached one component at a time, and the last name."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
    parts = [part for part in path.split(os.sep) if part]
    folder = os.open(os.sep if path.startswith(os.sep) else os.curdir, flags)
    try:
        for part in parts[:-1]:
            inner = os.open(part, flags, dir_fd=folder)
            os.close(folder)
            folder = inner
    except BaseException:
        os.close(folder)
        raise
    return folder, parts[-1] if parts else os.curdir


def _walk(top, top_real, index, glob, files, dirs, twice, matched=None) -> Iterator[Source]:
    """Sources under one directory argument; ``matched[0]`` counts matching names, repeats included."""
    matched = matched if matched is not None else [0]
    try:
        first = _sorted_entries(top)
    except OSError as exc:
        matched[0] += 1
        yield Source(top, Path(top), Errors.E001.format(path=display_name(top), reason=_reason(exc)))
        return

    # Explicit stack of (iterator over sorted entries, display dir, real dir):
    # deep trees do not hit the recursion limit, and only one listing per level is held.
    stack = [(iter(first), top, top_real)]
    while stack:
        entries, dir_name, dir_real = stack[-1]
        pair = next(entries, None)
        if pair is None:
            stack.pop()
            continue
        _, entry = pair
        name = os.path.join(dir_name, entry.name)
        if glob.skips(entry.name):
            continue
        matches = glob.matches(entry.name)
        if entry.stat is None:  # a broken link or a link loop
            if matches:
                matched[0] += 1
                yield Source(name, Path(name), _stat_error(entry.error, display_name(name), name))
            continue
        st = entry.stat
        if stat.S_ISDIR(st.st_mode):
            sub_real = os.path.realpath(name) if entry.is_link else os.path.join(dir_real, entry.name)
            key = (st.st_dev, st.st_ino)
            seen_by = dirs.get(key)
            if seen_by is not None:
                if seen_by != index:
                    twice(name)
                continue  # symlink loop or already walked
            dirs[key] = index
            try:
                listing = _sorted_entries(name)
            except OSError as exc:
                matched[0] += 1
                yield Source(name, Path(name),
                             Errors.E001.format(path=display_name(name), reason=_reason(exc)))
                continue
            stack.append((iter(listing), name, sub_real))
            continue
        if not stat.S_ISREG(st.st_mode) or not matches:
            continue  # FIFO, socket, device: never opened, silently skipped
        matched[0] += 1
        real = os.path.realpath(name) if entry.is_link else os.path.join(dir_real, entry.name)
        seen = files.get(real)
        if seen is not None:
            if seen[0] != index:
                twice(name)
            else:  # a link and the file it names, in one walk: read once, and say so
                twice(name, seen[1])
            continue
        files[real] = (index, name)
        yield Source(name, Path(name))


# ---------------------------------------------------------------------------
# Reading and decoding


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES, stdin=None) -> ArticleText:
    """Read, decode and normalize one source; raise `InputError` with a one-line message."""
    if source.error is not None:
        raise InputError(source.error)
    max_bytes = min(max_bytes, MAX_BYTES_LIMIT)
    if hasattr(source, "read_article"):  # web pages, collection items: vnlao_extract/sources
        return source.read_article(max_bytes, stdin)
    shown = display_name(source.name)
    if source.data is not None:
        data = source.data
    elif source.path is None:
        data = _read_stdin(stdin, max_bytes, shown)
    else:
        data = _read_file(os.fspath(source.path), max_bytes, shown)
    return decode_bytes(data, source.name)


def preread_stdin(source: Source, max_bytes: int, stdin=None) -> Source:
    """Standard input as a source that carries its bytes (or its error); any other source as it is.
    A worker process can then be handed it, and handed it again if it dies."""
    if source.path is not None or source.error is not None or source.data is not None:
        return source
    try:
        return replace(source, data=_read_stdin(stdin, max_bytes, display_name(source.name)))
    except InputError as exc:
        return replace(source, error=str(exc))


def _read_stdin(stdin, max_bytes: int, shown: str) -> bytes:
    stream = stdin if stdin is not None else sys.stdin
    if stream is None:
        raise InputError(Errors.E001.format(path=shown, reason="no standard input"))
    stream = getattr(stream, "buffer", stream)
    try:
        data = _read_stream_limited(stream, min(max_bytes, MAX_BYTES_LIMIT) + 1)
    except OSError as exc:
        raise InputError(Errors.E001.format(path=shown, reason=_reason(exc))) from None
    if isinstance(data, str):  # a text stream without .buffer (e.g. io.StringIO)
        data = data.encode("utf-8", "surrogateescape")
    if len(data) > min(max_bytes, MAX_BYTES_LIMIT):
        raise InputError(Errors.E014.format(path=shown, limit=min(max_bytes, MAX_BYTES_LIMIT)))
    return data


def _read_stream_limited(stream, limit: int):
    """Read a stream in pieces until EOF or `limit` (a single read of `limit` would allocate it up front)."""
    chunks = []
    remaining = limit
    while remaining > 0:
        chunk = stream.read(min(remaining, _READ_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return chunks[0][:0].join(chunks) if chunks else b""


def _check_type(st: os.stat_result, shown: str, max_bytes: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError(Errors.E005.format(path=shown))
    if not stat.S_ISREG(st.st_mode):
        raise InputError(Errors.E007.format(path=shown))
    if st.st_size > max_bytes:
        raise InputError(Errors.E004.format(path=shown, size=st.st_size, limit=max_bytes))


def _read_file(path: str, max_bytes: int, shown: str) -> bytes:
    # stat first so that FIFOs and devices are never opened, and oversized files never read
    try:
        st = stat_at(path)
    except OSError as exc:
        raise InputError(_stat_error(exc, shown, path)) from None
    _check_type(st, shown, max_bytes)
    try:
        fd = open_at(path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputError(_stat_error(exc, shown, path)) from None
    try:
        _check_type(os.fstat(fd), shown, max_bytes)  # it may have been swapped meanwhile
        data = _read_limited(fd, max_bytes + 1)
    except OSError as exc:
        raise InputError(_stat_error(exc, shown)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew after the stat
        raise InputError(Errors.E014.format(path=shown, limit=max_bytes))
    return data


def _read_limited(fd: int, limit: int) -> bytes:
    """Read until EOF or `limit` bytes, whichever comes first."""
    chunks = []
    remaining = limit
    while remaining > 0:
        chunk = os.read(fd, min(remaining, _READ_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)

"""Writing records: atomic files, a streamed JSON array, JSON Lines (standard library only).

Both writers produce byte-deterministic output for the same records: keys keep
their insertion order, non-ASCII is written as is, and lone surrogates (from
undecodable file names) are written as JSON escapes so any UTF-8 stream takes them.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import stat
import sys
from typing import IO, Iterator, Mapping

# Written as JSON escapes: lone surrogates (no UTF-8 stream takes them), and the line breaks that
# line-based readers split at although JSON does not (NEL, LINE and PARAGRAPH SEPARATOR).
_ESCAPED_RE = re.compile("[\ud800-\udfff\u0085\u2028\u2029]")


def _escape_surrogates(text: str) -> str:
    # These can only occur inside JSON strings, where \uXXXX is a valid escape.
    if _ESCAPED_RE.search(text):
        return _ESCAPED_RE.sub(lambda m: "\\u%04x" % ord(m.group()), text)
    return text


def utf8_stdout() -> None:
    """Standard output writes UTF-8 whatever the locale says (PYTHONIOENCODING=ascii, LANG=C on old
    Pythons): records hold names like Tô Lâm, and an encoding error would lose every one of them."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if stream is not None and encoding not in ("utf-8", "utf8"):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(encoding="utf-8", errors="strict")
    with contextlib.suppress(AttributeError, ValueError, OSError):  # stderr keeps the locale, loses nothing
        sys.stderr.reconfigure(errors="backslashreplace")


def dumps_pretty(record: Mapping) -> str:
    """One record as in `--json` (before the array's own indentation)."""
    return _escape_surrogates(json.dumps(record, ensure_ascii=False, indent=2, allow_nan=False))


def dumps_line(record: Mapping) -> str:
    """One record as one `--jsonl` line, without the newline."""
    return _escape_surrogates(
        json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    )


class JsonArrayWriter:
    """Streams records as one JSON array.

    The bytes are exactly `json.dumps(records, ensure_ascii=False, indent=2) + "\\n"`;
    with no records that is `[]\\n`.  `close()` finishes the array and flushes but
    does not close the stream, which belongs to the caller.
    """

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0
        self.closed = False

    def write(self, record: Mapping) -> None:
        if self.closed:
            raise ValueError("write to a closed JsonArrayWriter")
        body = "\n".join("  " + line for line in dumps_pretty(record).split("\n"))
        self.stream.write(("[\n" if self.count == 0 else ",\n") + body)
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()

    def __enter__(self) -> "JsonArrayWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        # An interrupted array is finished too, so what was written stays valid JSON,
        # except on a broken pipe, where nothing more can be written.
        if exc is None or not is_broken_pipe(exc):
            self.close()


class JsonlWriter:
    """Streams records one JSON object per line, flushing each line."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0
        self.closed = False

    def write(self, record: Mapping) -> None:
        if self.closed:
            raise ValueError("write to a closed JsonlWriter")
        self.stream.write(dumps_line(record) + "\n")
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.stream.flush()

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc is None or not is_broken_pipe(exc):
            self.close()


def is_broken_pipe(exc: BaseException) -> bool:
    """True for the error a write gets when the reader went away (`extract ... | head`)."""
    if isinstance(exc, BrokenPipeError):
        return True
    return isinstance(exc, OSError) and exc.errno in (errno.EPIPE, getattr(errno, "ESHUTDOWN", -1))


def _create_temp(directory: str, base: str) -> tuple[int, str]:
    # os.open with 0o666 lets the umask decide the permissions, as for a plain open(path, "w").
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = os.path.join(directory, f".{base}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "could not create a temporary file", directory)


def _open_anonymous(directory: str) -> int | None:
    """An unnamed file in `directory` (Linux O_TMPFILE): a killed run leaves nothing behind.

    None where the platform or the file system does not support it.
    """
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(directory, os.O_RDWR | flag | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError:  # EOPNOTSUPP, EISDIR on old kernels, EINVAL, ...
        return None


def _name_anonymous(fd: int, directory: str, base: str) -> str:
    """Give the unnamed file `fd` a temporary name next to the target (to be renamed onto it)."""
    for _ in range(100):
        temp = os.path.join(directory, f".{base}.{secrets.token_hex(6)}.tmp")
        try:
            os.link(f"/proc/self/fd/{fd}", temp, follow_symlinks=True)
            return temp
        except FileExistsError:
            continue
        except OSError:
            break
    # linking is refused (no /proc, odd file system): copy the bytes into a named file
    out, temp = _create_temp(directory, base)
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            view = memoryview(chunk)
            while view:
                view = view[os.write(out, view):]
        os.fsync(out)
    except BaseException:
        os.close(out)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    os.close(out)
    return temp


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                  newline: str | None = "\n") -> Iterator[IO]:
    """Write `path` all at once or not at all.

    Yields a file object on a temporary file next to `path`; on success it is
    flushed, fsynced and renamed onto `path` (keeping an existing target's mode);
    on any exception, KeyboardInterrupt included, the temporary file is removed
    and `path` is left as it was.  On Linux the temporary file has no name until
    the very end (O_TMPFILE), so even SIGKILL leaves no partial file behind.
    """
    target = os.fspath(path)
    if os.path.islink(target):  # replace the file the link names, and keep the link
        target = os.path.realpath(target)
    directory = os.path.dirname(os.path.abspath(target))
    base = os.path.basename(target) or "output"
    fd = _open_anonymous(directory)
    temp = None
    if fd is None:
        fd, temp = _create_temp(directory, base)
    try:
        binary = "b" in mode
        try:
            handle = open(fd, mode, encoding=None if binary else encoding,
                          newline=None if binary else newline, closefd=False)
        except BaseException:
            os.close(fd)
            raise
        try:
            with handle:
                yield handle
                handle.flush()
                os.fsync(fd)
            if temp is None:
                temp = _name_anonymous(fd, directory, base)
        finally:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temp, target)
    except BaseException:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: str) -> None:
    """Make the rename durable where the platform allows it (best effort)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = [
    "JsonArrayWriter",
    "JsonlWriter",
    "atomic_writer",
    "dumps_line",
    "dumps_pretty",
    "is_broken_pipe",
    "utf8_stdout",
]

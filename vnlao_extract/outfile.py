"""Which --out targets are refused, before any work is done (standard library only).

--out names a regular file (replaced atomically) or a new name in a writable folder. Refused, each with
one line: a directory, anything that is not a regular file (device nodes, FIFOs, sockets: the atomic
rename would replace ``/dev/null`` itself), a folder on a kernel pseudo file system (/proc, /sys, /dev),
and a file that is one of the inputs (it would be overwritten before, or while, it is read).
"""
from __future__ import annotations

import os
import stat
from fnmatch import fnmatchcase
from typing import Iterable

from .errors import Errors

# File systems whose files are the kernel's, not the user's: nothing is written there.
PSEUDO_FILE_SYSTEMS = frozenset({"proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "debugfs",
                                 "tracefs", "securityfs", "pstore", "bpf", "configfs", "fusectl", "mqueue",
                                 "efivarfs", "binfmt_misc", "autofs"})
# Where those are mounted when the mount table cannot be read.
PSEUDO_ROOTS = ("/proc", "/sys", "/dev")


class OutRefused(ValueError):
    """An --out target that is refused; the message is the one stderr line."""


def check_out(out: str | None) -> str | None:
    """``out`` if it may be written, None for stdout; raises :class:`OutRefused`."""
    if out is None or out == "-":
        return None
    if not out.strip():
        raise OutRefused(Errors.E042.format(out=out, reason="needs a file name"))
    target = os.path.realpath(out)  # a link is followed: the file it names is the one replaced
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutRefused(Errors.E042.format(out=out, reason=exc.strerror or type(exc).__name__)) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutRefused(Errors.E042.format(out=out, reason="is a directory"))
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutRefused(Errors.E042.format(out=out, reason="not a regular file (a device, FIFO or socket)"))
    _check_directory(out, os.path.dirname(target))
    return out


def _check_directory(out: str, directory: str) -> None:
    if not os.path.isdir(directory):
        raise OutRefused(Errors.E042.format(out=out, reason=f"no such directory {directory}"))
    fs_type = file_system_type(directory)
    if fs_type in PSEUDO_FILE_SYSTEMS or (fs_type is None and _under_pseudo_root(directory)):
        raise OutRefused(Errors.E042.format(out=out, reason=f"{directory} is a kernel file system ({fs_type or 'pseudo'})"))
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OutRefused(Errors.E042.format(out=out, reason=f"cannot write in {directory}"))


def _under_pseudo_root(directory: str) -> bool:
    return any(directory == root or directory.startswith(root + "/") for root in PSEUDO_ROOTS)


def file_system_type(directory: str, mounts: str = "/proc/self/mounts") -> str | None:
    """The type of the file system holding ``directory`` (its longest mount point), None if unknown."""
    try:
        with open(mounts, encoding="utf-8", errors="replace") as table:
            rows = [line.split() for line in table]
    except OSError:
        return None
    best, best_type = "", None
    for row in rows:
        if len(row) < 3:
            continue
        point = row[1].replace("\\040", " ")
        inside = directory == point or directory.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, row[2]
    return best_type


def refuse_inputs(out: str | None, paths: Iterable[str], globs: Iterable[str]) -> None:
    """Raises :class:`OutRefused` when ``out`` is one of the inputs: a file given, or a file a walked
    folder would read (a name matching one of ``globs`` under it)."""
    if out is None or out == "-":
        return
    target = os.path.realpath(out)
    try:
        out_id = _file_id(os.stat(target))
    except OSError:
        out_id = None
    globs = tuple(globs)
    for path in paths:
        if path == "-":
            continue
        real = os.path.realpath(path)
        try:
            st = os.stat(real)
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode):
            inside = target.startswith(real.rstrip("/") + "/")
            if inside and out_id is not None and any(fnmatchcase(os.path.basename(target), g) for g in globs):
                raise OutRefused(Errors.E043.format(out=out, path=path))
        elif out_id is not None and _file_id(st) == out_id:
            raise OutRefused(Errors.E043.format(out=out, path=path))


def _file_id(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino

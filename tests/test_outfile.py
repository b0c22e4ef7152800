"""--out targets: a regular file or a new name in a writable folder, never a device, a kernel file
system or one of the inputs."""
from __future__ import annotations

import os
import socket

import pytest

from vnlao_extract.errors import Errors
from vnlao_extract.outfile import OutRefused, check_out, file_system_type, refuse_inputs
from vnlao_extract.output import atomic_writer


@pytest.fixture
def place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.json").write_text("[]\n")
    (tmp_path / "folder").mkdir()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    os.symlink("old.json", tmp_path / "link.json")
    os.mkfifo(tmp_path / "fifo")
    return tmp_path


@pytest.mark.parametrize("out, expected", [(None, None), ("-", None), ("new.json", "new.json"),
                                           ("old.json", "old.json"), ("link.json", "link.json"),
                                           ("folder/new.json", "folder/new.json")])
def test_accepted(place, out, expected):
    assert check_out(out) == expected


@pytest.mark.parametrize("out, reason", [
    ("", "needs a file name"),
    ("folder", "is a directory"),
    ("fifo", "not a regular file"),
    ("/dev/null", "not a regular file"),
    ("/proc/self/new.json", "kernel file system"),
    ("/sys/new.json", "kernel file system"),
    ("missing/new.json", "no such directory"),
])
def test_refused(place, out, reason):
    with pytest.raises(OutRefused) as info:
        check_out(out)
    assert str(info.value).startswith(f"[E042] --out {out}: ") and reason in str(info.value)
    assert "\n" not in str(info.value)


def test_a_socket_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock")
        with pytest.raises(OutRefused, match="not a regular file"):
            check_out("sock")


@pytest.mark.parametrize("out, paths, globs, refused_by", [
    ("a.txt", ["a.txt"], ["*.txt"], "a.txt"),
    ("old.json", ["a.txt", "link.json"], ["*.txt"], "link.json"),  # the same file through a link
    ("in/a.txt", ["in"], ["*.txt"], "in"),  # a file the walk reads
    ("in/a.txt", ["."], ["*.txt"], "."),
    ("in/a.txt", ["in"], ["*.json"], None),  # the walk would not read it
    ("in/new.txt", ["in"], ["*.txt"], None),  # does not exist yet: written after the walk
    ("new.json", ["a.txt", "-", "in"], ["*.txt"], None),
])
def test_an_input_is_never_the_output(place, out, paths, globs, refused_by):
    if refused_by is None:
        refuse_inputs(out, paths, globs)
        return
    with pytest.raises(OutRefused) as info:
        refuse_inputs(out, paths, globs)
    assert str(info.value) == Errors.E043.format(out=out, path=refused_by)


def test_writing_through_a_link_replaces_the_file_and_keeps_the_link(place):
    with atomic_writer("link.json") as stream:
        stream.write("new\n")
    assert os.path.islink("link.json") and (place / "old.json").read_text() == "new\n"


@pytest.mark.parametrize("directory, expected", [("/proc/self", "proc"), ("/sys/kernel", "sysfs")])
def test_file_system_type(directory, expected):
    if not os.path.exists("/proc/self/mounts"):
        pytest.skip("no mount table")
    assert file_system_type(directory) == expected


def test_file_system_type_unknown_without_a_mount_table(tmp_path):
    assert file_system_type("/", mounts=str(tmp_path / "none")) is None

"""The table view in a real pseudo-terminal (80 and 160 columns): tables, and no progress bar fragments.

A pty catches every byte the command sends to the terminal; where tmux is installed, its captured
screen is checked too (what a person would see after the run).
"""
from __future__ import annotations

import fcntl
import os
import pty
import select
import shlex
import shutil
import struct
import subprocess
import sys
import termios
import time
import uuid

import pytest

from ..conftest import SEEDS
from ..test_cli import EXTRACT

ONE = SEEDS / "004_ccdbe2ee453cc81e.txt"
COMMANDS = {
    "folder": f"{shlex.join(EXTRACT)} {shlex.quote(str(SEEDS))}",
    "one file": f"{shlex.join(EXTRACT)} {shlex.quote(str(ONE))}",
    "stdin": f"cat {shlex.quote(str(ONE))} | {shlex.join(EXTRACT)} - --published 2026-02-04",
    "folder, 2 jobs": f"{shlex.join(EXTRACT)} {shlex.quote(str(SEEDS))} -j 2",
}
PROGRESS_MARKS = ("━", "╸", "╺", "⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏", "0:00:", "-:--:--")
CURSOR_HIDE = "\x1b[?25l"  # what rich's live display sends first


def run_in_pty(command: str, columns: int, rows: int = 50, timeout: float = 120) -> str:
    """Everything the command writes to its terminal (stdout and stderr share it), decoded."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    proc = subprocess.Popen(["sh", "-c", command], stdin=slave, stdout=slave, stderr=slave, env=env,
                            close_fds=True, start_new_session=True)
    os.close(slave)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the other end closed
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    assert proc.wait(timeout=10) == 0
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("columns", [80, 160])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_tables_on_a_terminal_without_progress_fragments(name, columns):
    screen = run_in_pty(COMMANDS[name], columns)
    assert CURSOR_HIDE not in screen
    assert not [mark for mark in PROGRESS_MARKS if mark in screen], screen[-2000:]
    assert "Events" in screen and "People" in screen and "Traceback" not in screen
    lines = [line for line in _plain(screen).splitlines() if line.strip()]
    assert max(len(line) for line in lines) <= columns


def test_a_batch_ends_with_a_one_line_summary():
    screen = _plain(run_in_pty(COMMANDS["folder"], 120))
    assert screen.rstrip().splitlines()[-1].startswith("extract: 5 articles, 0 with errors, ")


def _plain(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", "", text).replace("\r", "")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("columns", [80, 160])
def test_the_screen_tmux_captures_is_tables_only(columns):
    session = f"vnlao-{uuid.uuid4().hex[:8]}"
    done = f"/tmp/{session}.done"
    command = f"{COMMANDS['folder']}; touch {done}; sleep 30"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(columns), "-y", "40", command],
                   check=True, env={**os.environ, "TERM": "xterm-256color"})
    try:
        deadline = time.monotonic() + 120
        while not os.path.exists(done) and time.monotonic() < deadline:
            time.sleep(0.3)
        screen = subprocess.run(["tmux", "capture-pane", "-p", "-J", "-S", "-", "-t", session],
                                capture_output=True, text=True, check=True).stdout
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        if os.path.exists(done):
            os.unlink(done)
    assert not [mark for mark in PROGRESS_MARKS if mark in screen], screen
    assert sum(f"{p.name}" in screen for p in SEEDS.glob("*.txt")) == 5 and "Events" in screen


@pytest.mark.parametrize("columns", [80])
def test_json_to_a_file_leaves_only_the_summary_on_the_terminal(columns, tmp_path):
    screen = run_in_pty(f"{COMMANDS['folder']} --json > {tmp_path / 'out.json'}", columns)
    assert "5 articles" in _plain(screen)  # the summary line; the bar itself is transient
    assert (tmp_path / "out.json").read_text().startswith("[")


if not sys.platform.startswith("linux"):
    pytestmark = pytest.mark.skip("pseudo-terminal tests run on Linux")

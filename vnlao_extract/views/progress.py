"""A progress bar on stderr while a batch runs, and the one console that stderr lines go through."""
from __future__ import annotations

import shutil
import sys
import textwrap
from typing import Iterable, Iterator, Optional

# The console drawing a progress bar, if any: lines for stderr are printed through it, above the bar.
_LIVE: list = [None]


def print_line(line: str) -> None:
    """One line on stderr (through the live progress console when a bar is shown); never raises."""
    try:
        console = _LIVE[0]
        if console is not None:
            console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)
            return
        stream = sys.stderr
        if stream is not None:
            if stream.isatty():  # a long warning (a path, a hint) wraps at the terminal's width
                line = "\n".join(textwrap.wrap(line, shutil.get_terminal_size().columns, subsequent_indent="  ",
                                               break_long_words=True)) or line
            stream.write(line + "\n")
            stream.flush()
    except (OSError, ValueError):
        pass


def with_progress(records: Iterable[dict], total: Optional[int]) -> Iterator[dict]:
    """The records, with a transient bar (articles done of ``total``, time left) on stderr meanwhile."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    with Progress(SpinnerColumn(), BarColumn(), MofNCompleteColumn(), "articles", TimeElapsedColumn(),
                  TimeRemainingColumn(), console=console, transient=True) as progress:
        _LIVE[0] = console
        try:
            task = progress.add_task("extract", total=total)
            for record in records:
                yield record
                progress.advance(task)
        finally:
            _LIVE[0] = None

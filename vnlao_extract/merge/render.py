"""Writing a timeline: one JSON object (`--json`), one event per line (`--jsonl`), or a rich table."""
from __future__ import annotations

import contextlib
import json
import sys
from typing import IO, Iterable, Optional

from ..output import _escape_surrogates, dumps_line


def _when(event: dict) -> str:
    start, end = event.get("start"), event.get("end")
    text = f"{start} → {end}" if end else (start or "")
    return text + (" *" if event.get("date_from") else "")


def _table(timeline: dict):
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"Timeline: {len(timeline['timeline'])} events from {timeline['articles']} articles"
                        f" ({timeline['errors']} errors); * dated by a sibling article",
                  title_justify="left")
    for column in ("when", "type", "actors", "place", "status", "sources"):
        table.add_column(column, overflow="fold")
    for event in timeline["timeline"]:
        cells = [_when(event), event["type"], ", ".join(event["actors"]), event.get("place") or "",
                 event.get("status") or "", str(len(event["sources"]))]
        table.add_row(*[escape(c) if c else "—" for c in cells])
    return table


def write_timeline(timeline: dict, fmt: str, stream: IO[str], console_options: Optional[dict] = None) -> None:
    """`fmt` is "json", "jsonl" or "table"."""
    if fmt == "jsonl":
        for event in timeline["timeline"]:
            stream.write(dumps_line(event) + "\n")
    elif fmt == "json":  # written piece by piece: the same bytes as dumps_pretty, never one big string
        encoder = json.JSONEncoder(ensure_ascii=False, indent=2, allow_nan=False)
        for piece in encoder.iterencode(timeline):
            stream.write(_escape_surrogates(piece))
        stream.write("\n")
    else:
        from rich.console import Console

        Console(file=stream, highlight=False, emoji=False, **(console_options or {})).print(_table(timeline))
    stream.flush()


def write_timeline_records(records: Iterable[dict], fmt, out: Optional[str], options, total: Optional[int] = None):
    """`run`'s writer for `--timeline`: merge every record, then write the one timeline; the run's counts."""
    from ..output import atomic_writer
    from ..run import RunResult, whole
    from ..views.writers import _counting, strip_evidence
    from . import build_timeline

    result = RunResult()
    counted = _counting(records, result)
    if options.progress and (total is None or total > 1):
        from ..views.progress import with_progress

        counted = with_progress(counted, total)
    with contextlib.closing(records) if hasattr(records, "close") else contextlib.nullcontext():
        timeline = build_timeline(counted)
    if not options.evidence:
        timeline = strip_evidence(timeline)
    sizing = {"width": options.width} if options.width else {}
    if out is not None:
        sizing = {"width": options.width or 120, "force_terminal": False}
    target = atomic_writer(out) if out else contextlib.nullcontext(sys.stdout)
    with target as stream, whole():
        write_timeline(timeline, getattr(fmt, "value", fmt), stream, sizing)
    return result

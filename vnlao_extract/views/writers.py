"""The write loop: every record to its stream in the chosen format, each record written whole."""
from __future__ import annotations

import contextlib
import sys
from typing import Iterable, Iterator, Optional


def strip_evidence(value):
    """A copy of a record without `evidence` and `mentions` (at any depth), for --no-evidence."""
    if isinstance(value, dict):
        return {k: strip_evidence(v) for k, v in value.items() if k not in ("evidence", "mentions")}
    if isinstance(value, list):
        return [strip_evidence(v) for v in value]
    return value


def write_records(records: Iterable[dict], fmt, out: Optional[str], options, total: Optional[int] = None,
                  text_of=None):
    """Write every record to ``out`` (atomically) or stdout; return the run's counts. ``text_of(record)``
    gives an article's text, for the views that show it."""
    from ..output import atomic_writer
    from ..run import Format, RunResult

    result = RunResult()
    counted = _counting(records, result)
    if options.progress and (total is None or total > 1):
        from .progress import with_progress

        counted = with_progress(counted, total)
    target = atomic_writer(out) if out else contextlib.nullcontext(sys.stdout)
    with contextlib.closing(records) if hasattr(records, "close") else contextlib.nullcontext(), \
            target as stream:
        writer = {Format.table: _write_tables, Format.json: _write_json, Format.jsonl: _write_json,
                  Format.csv: _write_csv, Format.html: _write_html}[Format(fmt)]
        writer(counted, stream, fmt, out, options, text_of or (lambda record: None))
        stream.flush()
    return result


def _counting(records: Iterable[dict], result) -> Iterator[dict]:
    for record in records:
        result.records += 1
        result.failures += record.get("error") is not None
        result.events += len(record.get("events") or ())
        result.people += len(record.get("people") or ())
        yield record


# Every writer: (records, stream, format, out file or None, RunOptions, text_of(record)).


def _write_json(records, stream, fmt, out, options, text_of) -> None:
    from ..output import JsonArrayWriter, JsonlWriter
    from ..run import Format, whole

    with (JsonlWriter if Format(fmt) is Format.jsonl else JsonArrayWriter)(stream) as writer:
        for record in records:
            with whole():
                writer.write(record if options.evidence else strip_evidence(record))


def _write_tables(records, stream, fmt, out, options, text_of) -> None:
    from rich.console import Console

    from ..run import whole
    from .tables import render_record

    sizing = {"width": options.width} if options.width else {}
    if out is not None:
        sizing = {"width": options.width or 120, "force_terminal": False}
    console = Console(file=stream, highlight=False, emoji=False, **sizing)
    for record in records:
        with whole():
            render_record(record, console, explain=options.explain)


def _write_csv(records, stream, fmt, out, options, text_of) -> None:
    from ..run import whole
    from .csv_table import CsvTableWriter, write_timeline_csv

    if options.timeline:
        from ..merge import build_timeline

        write_timeline_csv(build_timeline(records), stream)
        return
    writer = CsvTableWriter(stream, options.table, options.evidence)
    for record in records:
        with whole():
            writer.write(record)


def _write_html(records, stream, fmt, out, options, text_of) -> None:
    from .html import HtmlReportWriter

    report = HtmlReportWriter(stream, text_of, timeline=options.timeline)
    for record in records:
        report.write(record)
    report.close()

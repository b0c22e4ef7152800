"""The `extract` command: parse arguments, call the extractor, render. No extraction logic here."""
from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from contextlib import nullcontext
from enum import Enum
from typing import Annotated, Optional

import click
import typer
from rich.console import Console

from .errors import Errors, ResourceError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 143, 141

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that output is closed cleanly."""


def _parse_published(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(Errors.E009.format(value=value)) from None


def _choose_format(fmt: Optional[Format], as_json: bool, as_jsonl: bool, out: Optional[str]) -> Format:
    if as_json and as_jsonl:
        raise click.UsageError("give only one of --json and --jsonl")
    if as_json:
        return Format.json
    if as_jsonl:
        return Format.jsonl
    if fmt is not None:
        return fmt
    return Format.table if out is None and sys.stdout.isatty() else Format.json


@app.command(help="Extract people, congresses, events, dates and trade targets from news articles.\n\n"
                  "PATH is a file, a directory (walked recursively for --glob files) or - for standard input.")
def extract(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, directories, or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array of article records.")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON record per line, streamed.")] = False,
    fmt: Annotated[Optional[Format], typer.Option("--format", help="table (default on a terminal), json, jsonl.")] = None,
    glob: Annotated[str, typer.Option(help="File name pattern for directories.")] = "*.txt",
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="Write to FILE (atomically) instead of stdout.")] = None,
    published: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD for articles that carry no date.")] = None,
    actors: Annotated[Optional[list[str]], typer.Option("--actors", help="Extra actor registry JSONL (repeatable).")] = None,
    patterns: Annotated[Optional[list[str]], typer.Option("--patterns", help="Extra event Matcher patterns JSONL (repeatable).")] = None,
    max_bytes: Annotated[int, typer.Option(min=1, help="Larger inputs get an error record.")] = 10 * 1024 * 1024,
    jobs: Annotated[int, typer.Option(min=1, help="Worker processes; output is identical to --jobs 1.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or progress on stderr.")] = False,
) -> int:
    from .extract import Options, extract_sources, load_pipeline
    from .inputs import iter_sources

    chosen = _choose_format(fmt, as_json, as_jsonl, out)
    options = Options(published=_parse_published(published), actors=tuple(actors or ()),
                      patterns=tuple(patterns or ()), max_bytes=max_bytes, jobs=jobs)
    try:
        nlp = load_pipeline(options) if jobs == 1 else None
    except ResourceError as exc:
        raise click.UsageError(str(exc)) from None
    failures = 0

    def on_message(message: str) -> None:
        nonlocal failures
        if not message.startswith("warning:"):
            failures += 1
            err_console.print(f"extract: {message}", markup=False)
        elif not quiet:
            err_console.print(f"extract: {message}", markup=False)

    sources = iter_sources(paths, glob=glob, on_warning=None if not quiet else (lambda m: None))
    records = extract_sources(sources, options, nlp=nlp, on_message=on_message)
    _write(records, chosen, out, quiet)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _progress(records, quiet: bool):
    if quiet or not sys.stderr.isatty():
        yield from records
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                  console=err_console, transient=True) as progress:
        task = progress.add_task("extract", total=None)
        for record in records:
            yield record
            progress.advance(task)


def _write(records, chosen: Format, out: Optional[str], quiet: bool) -> None:
    from .output import JsonArrayWriter, JsonlWriter, atomic_writer
    from .render import render_record

    records = _progress(records, quiet)
    if chosen is Format.table:
        console = Console(highlight=False)
        for record in records:
            render_record(record, console)
        return
    target = atomic_writer(out) if out else nullcontext(sys.stdout)
    with target as stream:
        writer = (JsonlWriter if chosen is Format.jsonl else JsonArrayWriter)(stream)
        with writer:
            for record in records:
                writer.write(record)


def _on_sigterm(signum, frame):
    raise Terminated()


def main(argv: Optional[list[str]] = None) -> None:
    """Console entry point: maps every outcome to an exit code and one stderr line, never a traceback."""
    from .output import is_broken_pipe

    signal.signal(signal.SIGTERM, _on_sigterm)
    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="extract", standalone_mode=False)
    except click.UsageError as exc:
        err_console.print(f"extract: error: {exc.format_message()} (see extract --help)", markup=False)
        code = EXIT_USAGE
    except click.exceptions.Abort:
        err_console.print(f"extract: {Errors.E012}", markup=False)
        code = EXIT_INTERRUPTED
    except KeyboardInterrupt:
        err_console.print(f"extract: {Errors.E012}", markup=False)
        code = EXIT_INTERRUPTED
    except Terminated:
        err_console.print(f"extract: {Errors.E012} (SIGTERM)", markup=False)
        code = EXIT_TERMINATED
    except ResourceError as exc:
        err_console.print(f"extract: error: {exc}", markup=False)
        code = EXIT_USAGE
    except OSError as exc:
        if not is_broken_pipe(exc):
            err_console.print(f"extract: error: {exc}", markup=False)
            code = EXIT_SOME_FAILED
        else:
            code = EXIT_BROKEN_PIPE
    if code == EXIT_BROKEN_PIPE:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush cannot fail again
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":
    main()

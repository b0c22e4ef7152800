"""The `extract` command: parse arguments, call the extractor, render. No extraction logic here.

Every outcome is an exit code and at most one line per problem on stderr, never a traceback:
0 all inputs read; 1 some inputs have an `error` record; 2 usage error; 130 SIGINT; 143 SIGTERM;
141 when the reader of stdout goes away (`extract ... | head -1`).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from .errors import Errors, ResourceError, one_line

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 143, 141

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that output is closed cleanly."""


class UsageProblem(Exception):
    """A bad command line found after parsing (exit 2)."""


class _Signals:
    """SIGINT/SIGTERM arriving while a record is being written wait until it is whole."""

    deferring = False
    pending: Optional[BaseException] = None


def _on_signal(signum, frame):
    exc = Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()
    if _Signals.deferring:
        _Signals.pending = _Signals.pending or exc
        return
    raise exc


@contextlib.contextmanager
def _whole():
    """Write one record whole: a signal meanwhile is raised right after it, never halfway through."""
    _Signals.deferring = True
    try:
        yield
    finally:
        _Signals.deferring = False
    pending, _Signals.pending = _Signals.pending, None
    if pending is not None:
        raise pending


def _install_signal_handlers() -> None:
    try:
        signal.signal(signal.SIGTERM, _on_signal)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not if started ignoring it
            signal.signal(signal.SIGINT, _on_signal)
    except ValueError:  # not in the main thread
        pass


def say(line: str) -> None:
    """One line on stderr, prefixed with the program name; never raises (stderr may be gone)."""
    try:
        from .inputs import _UNPRINTABLE_NAME_RE

        line = _UNPRINTABLE_NAME_RE.sub(lambda m: "\\x%02x" % ord(m.group()) if ord(m.group()) < 0x100
                                        else "\\u%04x" % ord(m.group()), line)
        stream = sys.stderr
        if stream is None:
            return
        console = _LIVE_CONSOLE[0]
        if console is not None:  # a progress display owns the terminal: print through it
            console.print(f"extract: {line}", markup=False, highlight=False, emoji=False, soft_wrap=True)
        else:
            stream.write(f"extract: {line}\n")
            stream.flush()
    except (OSError, ValueError):
        pass


_LIVE_CONSOLE: list = [None]


def _parse_published(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageProblem(Errors.E009.format(value=value)) from None


def _choose_format(fmt: Optional[Format], as_json: bool, as_jsonl: bool, out: Optional[str]) -> Format:
    asked = {f for f, on in ((Format.json, as_json), (Format.jsonl, as_jsonl), (fmt, fmt is not None)) if on}
    if len(asked) > 1:
        raise UsageProblem("give only one of --json, --jsonl and --format")
    if asked:
        return asked.pop()
    return Format.table if out is None and _isatty(sys.stdout) else Format.json


def _isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def _check_out(out: Optional[str]) -> Optional[str]:
    """--out must name a file in an existing, writable directory: checked before any work is done."""
    if out is None or out == "-":
        return None
    if not out.strip():
        raise UsageProblem("--out needs a file name")
    if os.path.isdir(out):
        raise UsageProblem(f"--out {out}: is a directory")
    directory = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(directory):
        raise UsageProblem(f"--out {out}: no such directory {directory}")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise UsageProblem(f"--out {out}: cannot write in {directory}")
    return out


def _checked(check, value):
    """``check(value)``, its ValueError as a usage error."""
    try:
        return check(value)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None


def _check_user_files(option: str, files: tuple[str, ...]) -> None:
    for name in files:
        if not os.path.isfile(name):
            what = "is a directory" if os.path.isdir(name) else "no such file"
            raise UsageProblem(f"{option} {name}: {what}")


@app.command(help="Extract people, congresses, events, dates and trade targets from news articles.\n\n"
                  "PATH is a file, a directory (walked recursively for --glob files) or - for standard input. "
                  "Exit status: 0 all read; 1 some inputs failed (each still has a record, with an error field, "
                  "and one line on stderr); 2 usage error; 130 Ctrl-C; 143 SIGTERM; 141 stdout closed (| head).")
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
    max_bytes: Annotated[int, typer.Option(min=1, max=64 * 1024 * 1024,
                                           help="Larger inputs get an error record (at most 64 MiB).")] = 10 * 1024 * 1024,
    jobs: Annotated[int, typer.Option(min=1, help="Worker processes; output is identical to --jobs 1.")] = 1,
    timeout: Annotated[float, typer.Option(min=0, help="Seconds one article may take (0: no limit); "
                                           "an article over it gets an error record.")] = 30.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or progress on stderr.")] = False,
) -> int:
    # Everything about the command line is checked before spaCy is imported and the pipeline built.
    out = _check_out(out)
    if out is None and sys.stdout is None:
        raise UsageProblem("standard output is closed: give --out FILE")
    chosen = _choose_format(fmt, as_json, as_jsonl, out)
    published_date = _parse_published(published)
    _check_user_files("--actors", tuple(actors or ()))
    _check_user_files("--patterns", tuple(patterns or ()))

    from .budget import checked_timeout
    from .extract import Options, extract_sources, load_pipeline
    from .inputs import iter_sources

    options = Options(published=published_date, actors=tuple(actors or ()),
                      patterns=tuple(patterns or ()), max_bytes=max_bytes, jobs=jobs,
                      timeout=_checked(checked_timeout, timeout))
    try:
        nlp = load_pipeline(options)
    except ResourceError as exc:
        raise UsageProblem(one_line(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a user file the loaders did not expect
        if not (options.actors or options.patterns):
            raise
        raise UsageProblem(f"cannot load --actors/--patterns: {one_line(f'{type(exc).__name__}: {exc}')}") from None

    def on_message(message: str) -> None:
        if not (quiet and message.startswith("warning:")):
            say(message)

    def on_warning(message: str) -> None:
        on_message("warning: " + message)

    sources = iter_sources(paths, glob=glob, on_warning=on_warning)
    records = extract_sources(sources, options, nlp=nlp, on_message=on_message)
    # A bar needs the total: on a terminal the inputs are walked once more, without reading them.
    total = sum(1 for _ in iter_sources(paths, glob=glob, on_warning=lambda _: None)) if _shows_progress(quiet) else None
    failures = _write(records, chosen, out, quiet, total)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _shows_progress(quiet: bool) -> bool:
    return not quiet and _isatty(sys.stderr)


def _progress(records, quiet: bool, total: Optional[int] = None):
    """The records, with a progress bar on stderr while they come (only on a terminal)."""
    if not _shows_progress(quiet):
        yield from records
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    with Progress(SpinnerColumn(), BarColumn(), MofNCompleteColumn(), "articles", TimeElapsedColumn(),
                  TimeRemainingColumn(), console=console, transient=True) as progress:
        _LIVE_CONSOLE[0] = console
        try:
            task = progress.add_task("extract", total=total)
            for record in records:
                yield record
                progress.advance(task)
        finally:
            _LIVE_CONSOLE[0] = None


def _write(records, chosen: Format, out: Optional[str], quiet: bool, total: Optional[int] = None) -> int:
    """Write every record; return how many carry an error."""
    from .output import JsonArrayWriter, JsonlWriter, atomic_writer

    failures = 0
    target = atomic_writer(out) if out else contextlib.nullcontext(sys.stdout)
    with contextlib.closing(records), target as stream:
        if chosen is Format.table:
            from rich.console import Console

            from .render import render_record

            console = Console(file=stream, highlight=False, emoji=False,
                              **({} if out is None else {"width": 120, "force_terminal": False}))
            for record in _progress(records, quiet, total):
                failures += record.get("error") is not None
                with _whole():
                    render_record(record, console)
            stream.flush()
            return failures
        writer = (JsonlWriter if chosen is Format.jsonl else JsonArrayWriter)(stream)
        with writer:
            for record in _progress(records, quiet, total):
                failures += record.get("error") is not None
                with _whole():
                    writer.write(record)
    return failures


def _exception_types(name: str) -> tuple[type, ...]:
    """`name` from click and from the click that typer may vendor (they are different classes)."""
    modules = [sys.modules.get(typer.BadParameter.__module__), sys.modules.get("typer.exceptions")]
    try:
        import click.exceptions

        modules.append(click.exceptions)
    except ImportError:
        pass
    found = {getattr(module, name) for module in modules if module is not None and hasattr(module, name)}
    return tuple(found)


def _run(argv: Optional[list[str]]) -> int:
    command = typer.main.get_command(app)
    args = sys.argv[1:] if argv is None else list(argv)
    with command.make_context("extract", args) as ctx:
        return command.invoke(ctx)


def main(argv: Optional[list[str]] = None) -> None:
    """Console entry point: maps every outcome to an exit code and one stderr line, never a traceback."""
    from .output import is_broken_pipe

    usage_errors = _exception_types("UsageError")
    click_errors = _exception_types("ClickException")
    exits = _exception_types("Exit")
    aborts = _exception_types("Abort")
    _install_signal_handlers()
    try:
        code = _run(argv)
    except usage_errors as exc:
        say(f"error: {one_line(exc.format_message()).replace('Value error, ', '')} (see extract --help)")
        code = EXIT_USAGE
    except (UsageProblem, ResourceError) as exc:
        say(f"error: {exc} (see extract --help)")
        code = EXIT_USAGE
    except exits as exc:  # --help
        code = getattr(exc, "exit_code", EXIT_OK)
    except (KeyboardInterrupt, *aborts):
        say(Errors.E012)
        code = EXIT_INTERRUPTED
    except Terminated:
        say(f"{Errors.E012} (SIGTERM)")
        code = EXIT_TERMINATED
    except click_errors as exc:
        say(f"error: {exc.format_message()}")
        code = EXIT_SOME_FAILED
    except OSError as exc:
        if is_broken_pipe(exc):
            code = EXIT_BROKEN_PIPE
        else:
            say(f"error: {exc}")
            code = EXIT_SOME_FAILED
    except Exception as exc:  # noqa: BLE001 - a bug: still one line, never a traceback
        say(f"internal error: {one_line(f'{type(exc).__name__}: {exc}')} (set VNLAO_DEBUG=1 for a traceback)")
        if os.environ.get("VNLAO_DEBUG"):
            import traceback

            traceback.print_exc()
        code = EXIT_SOME_FAILED
    if code == EXIT_BROKEN_PIPE:
        # so that the interpreter's final flush cannot fail (and print) again
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":
    main()

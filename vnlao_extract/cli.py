"""The `extract` command: parse arguments, call `run.run`, map the outcome to an exit code.

Every outcome is an exit code and at most one line per problem on stderr, never a traceback:
0 all inputs read; 1 some inputs have an `error` record; 2 usage error; 130 SIGINT; 143 SIGTERM;
141 when the reader of stdout goes away (`extract ... | head -1`).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sys
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import Errors, ResourceError, one_line
from .run import Format, RunOptions, Terminated, UsageProblem, default_format, isatty

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 143, 141
TABLES = ("events", "people", "congresses", "trade_targets", "dates")
SCHEMAS = ("record", "timeline")
_SIZE_RE = re.compile(r"^\s*(\d+)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)

EPILOG = """Examples:

  extract seeds/                                  tables on a terminal

  extract seeds/ --json | jq '.[].events[] | select(.type=="visit")'

  extract seeds/ --format csv > events.csv        one row per event

  extract seeds/ --format csv --table people

  extract seeds/ --html report.html               one self-contained page

  cat article.txt | extract - --published 2026-02-02 --json

  extract --schema                                JSON Schema of a record
"""

app = typer.Typer(add_completion=True, pretty_exceptions_enable=False, rich_markup_mode="rich",
                  context_settings={"help_option_names": ["-h", "--help"]})

_IN, _OUT, _EXTRACT, _VIEW = "Input", "Output", "Extraction", "Views"


def _readable_help_types() -> None:
    """Help shows metavars (FILE, N, SIZE), not Python types: nothing for flags and for PATH...."""
    core = typer.core
    if getattr(core, "_vnlao_readable", False) or not hasattr(core.TyperOption, "display_type_rich"):
        return
    option_type = core.TyperOption.display_type_rich
    core.TyperOption.display_type_rich = lambda self, ctx: None if self.is_flag else option_type(self, ctx)
    core.TyperArgument.display_type_rich = lambda self, ctx: None
    core._vnlao_readable = True


_readable_help_types()


def say(line: str) -> None:
    """One line on stderr, prefixed with the program name; never raises (stderr may be gone)."""
    from .inputs import _UNPRINTABLE_NAME_RE
    from .views.progress import print_line

    print_line("extract: " + _UNPRINTABLE_NAME_RE.sub(_escaped, line))


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return "\\x%02x" % code if code < 0x100 else "\\u%04x" % code


def parse_size(value) -> int:
    """`10M`, `512k`, `1GiB`, `2000` -> bytes (k/M/G are powers of 1024)."""
    if isinstance(value, int):
        return value
    match = _SIZE_RE.match(str(value))
    if not match or int(match.group(1)) < 1:
        raise typer.BadParameter(f"expected a size such as 2000, 512k or 10M, got {value!r}")
    unit = (match.group(2) or "b")[0].lower()
    return int(match.group(1)) * {"b": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[unit]


def _parse_published(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageProblem(Errors.E009.format(value=value)) from None


def _choose_format(fmt: Optional[Format], as_json: bool, as_jsonl: bool, html: Optional[str],
                   out: Optional[str]) -> tuple[Format, Optional[str]]:
    if html is not None:
        if out is not None and out != html:
            raise UsageProblem("give only one of --html FILE and --out FILE")
        fmt, out = (fmt or Format.html), html
        if fmt is not Format.html:
            raise UsageProblem("--html writes HTML: leave out --format")
    asked = {f for f, on in ((Format.json, as_json), (Format.jsonl, as_jsonl), (fmt, fmt is not None)) if on}
    if len(asked) > 1:
        raise UsageProblem("give only one of --json, --jsonl and --format")
    return (asked.pop() if asked else default_format(out)), out


def _check_out(out: Optional[str]) -> Optional[str]:
    """--out must name a regular file or a new name in a writable folder (outfile.py): checked before any work."""
    from .outfile import OutRefused, check_out

    try:
        return check_out(out)
    except OutRefused as exc:
        raise UsageProblem(str(exc)) from None


def _refuse_inputs_as_out(out: Optional[str], paths: list[str], globs: tuple[str, ...]) -> None:
    from .outfile import OutRefused, refuse_inputs

    try:
        refuse_inputs(out, paths, globs)
    except OutRefused as exc:
        raise UsageProblem(str(exc)) from None


def _check_user_files(option: str, files: tuple[str, ...]) -> None:
    for name in files:
        if not os.path.isfile(name):
            what = "is a directory" if os.path.isdir(name) else "no such file"
            raise UsageProblem(f"{option} {name}: {what}")


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"extract (vnlao_extract) {__version__}")
        raise typer.Exit()


def _shows_progress(quiet: bool, fmt: Format, out: Optional[str], paths: list[str]) -> bool:
    """A bar only for a batch, on a terminal, and never on the terminal the tables are drawn on."""
    if quiet or not isatty(sys.stderr):
        return False
    if fmt is Format.table and out is None and isatty(sys.stdout):
        return False
    return not (len(paths) == 1 and (paths[0] == "-" or not os.path.isdir(paths[0])))


@app.command(help="Extract people, congresses, events, dates and trade targets from news articles.\n\n"
                  "PATH is a file, a directory (walked recursively for --glob files, hidden folders skipped) "
                  "or - for standard input. Exit status: 0 all read; 1 some inputs failed (each still has a "
                  "record, with an error field, and one line on stderr); 2 usage error; 130 Ctrl-C; "
                  "143 SIGTERM; 141 stdout closed (| head).", epilog=EPILOG)
def extract(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATH", show_default=False,
                                                         help="Files, directories, or - for stdin.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array of article records.",
                                          rich_help_panel=_OUT)] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON record per line, streamed.",
                                           rich_help_panel=_OUT)] = False,
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", metavar="FORMAT", rich_help_panel=_OUT,
                                                  help="table (default on a terminal), json (default when "
                                                       "piped), jsonl, csv, html.")] = None,
    out: Annotated[Optional[str], typer.Option("--out", "-o", metavar="FILE", rich_help_panel=_OUT,
                                               help="Write to FILE (atomically) instead of stdout.")] = None,
    html: Annotated[Optional[str], typer.Option("--html", metavar="FILE", rich_help_panel=_OUT,
                                                help="Write the HTML report to FILE.")] = None,
    no_evidence: Annotated[bool, typer.Option("--no-evidence", rich_help_panel=_OUT,
                                              help="Leave evidence and mentions out of JSON and CSV.")] = False,
    table: Annotated[str, typer.Option("--table", metavar="TABLE", rich_help_panel=_OUT,
                                       help="With --format csv: events, people, congresses, trade_targets "
                                            "or dates.")] = "events",
    schema: Annotated[bool, typer.Option("--schema", rich_help_panel=_OUT,
                                         help="Print the JSON Schema of a record (--schema timeline: of "
                                              "the timeline) and exit.")] = False,
    glob: Annotated[Optional[list[str]], typer.Option("--glob", "-g", metavar="PATTERN", rich_help_panel=_IN,
                                                      help="File names to take in directories (repeatable; "
                                                           "default *.txt).")] = None,
    hidden: Annotated[bool, typer.Option("--hidden", rich_help_panel=_IN,
                                         help="Also walk hidden files and folders (.name).")] = False,
    input_format: Annotated[str, typer.Option("--input-format", metavar="FORMAT", rich_help_panel=_IN,
                                              help="auto (by extension; HTML also by content), text, html, "
                                                   "jsonl, json or csv (one article per line/item/row).")] = "auto",
    text_field: Annotated[Optional[str], typer.Option(metavar="NAME", rich_help_panel=_IN,
                                                      help="Collections: the article text (default maintext, "
                                                           "text).")] = None,
    date_field: Annotated[Optional[str], typer.Option(metavar="NAME", rich_help_panel=_IN,
                                                      help="Collections: the published date (default "
                                                           "date_publish, published).")] = None,
    id_field: Annotated[Optional[str], typer.Option(metavar="NAME", rich_help_panel=_IN,
                                                    help="Collections: the article id (default id).")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", metavar="SIZE", parser=parse_size, rich_help_panel=_IN,
                                           help="Larger inputs get an error record (2000, 512k, 10M; at most 64M).")] = "10M",
    published: Annotated[Optional[str], typer.Option(metavar="YYYY-MM-DD", rich_help_panel=_EXTRACT,
                                                     help="Date of articles that carry none.")] = None,
    actors: Annotated[Optional[list[str]], typer.Option("--actors", metavar="FILE.jsonl", rich_help_panel=_EXTRACT,
                                                        help="Extra actor registry (repeatable).")] = None,
    patterns: Annotated[Optional[list[str]], typer.Option("--patterns", metavar="FILE.jsonl",
                                                          rich_help_panel=_EXTRACT,
                                                          help="Extra event Matcher patterns (repeatable).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", rich_help_panel=_EXTRACT,
                                      help="Worker processes; output is identical to --jobs 1.")] = 1,
    timeout: Annotated[float, typer.Option("--timeout", min=0, metavar="SECONDS", rich_help_panel=_EXTRACT,
                                           help="Seconds one article may take (0: no limit); an article over "
                                                "it gets an error record.")] = 30.0,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="local|tcp://HOST:PORT", rich_help_panel=_EXTRACT,
                                                help="Run on Dask: a LocalCluster of --jobs worker processes, "
                                                     "or a running scheduler.")] = None,
    explain: Annotated[bool, typer.Option("--explain", rich_help_panel=_VIEW,
                                          help="Tables: each item with its sentence, span and rule.")] = False,
    width: Annotated[Optional[int], typer.Option("--width", min=40, metavar="COLUMNS", rich_help_panel=_VIEW,
                                                 help="Width of the tables (default: the terminal's).")] = None,
    timeline: Annotated[bool, typer.Option("--timeline", rich_help_panel=_OUT,
                                           help="One merged timeline for the batch: each event once, with "
                                                "its sources (--jsonl: one event per line).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings, progress or summary on stderr.")] = False,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> int:
    if schema:  # `--schema timeline`: the word is read as the one PATH
        return _print_schema((paths or ["record"])[0] if len(paths or ()) <= 1 else "")
    if not paths:
        raise UsageProblem("missing PATH (a file, a directory or -)")
    # Everything about the command line is checked before spaCy is imported and the pipeline built.
    if table not in TABLES:
        raise UsageProblem(f"--table must be one of {', '.join(TABLES)}, got {table!r}")
    out = _check_out(out)
    chosen, out = _choose_format(fmt, as_json, as_jsonl, _check_out(html) if html else None, out)
    if out is None and sys.stdout is None:
        raise UsageProblem("standard output is closed: give --out FILE")
    _refuse_inputs_as_out(out, paths, tuple(glob or ("*.txt",)))
    extract_options = _extract_options(published, actors, patterns, max_bytes, jobs, timeout)
    extract_options = _with_input_settings(extract_options, input_format, text_field, date_field, id_field, dask)
    options = RunOptions(extract=extract_options, globs=tuple(glob or ("*.txt",)), hidden=hidden, quiet=quiet,
                         evidence=not no_evidence, explain=explain, table=table, width=width, timeline=timeline,
                         progress=_shows_progress(quiet, chosen, out, paths))
    from .run import run

    result = run(paths, chosen, out, options, on_message=say)
    if not quiet and isatty(sys.stderr) and result.records > 1:
        say(f"{result.records} articles, {result.failures} with errors, {result.events} events, "
            f"{result.people} people")
    return EXIT_SOME_FAILED if result.failures else EXIT_OK


def _extract_options(published, actors, patterns, max_bytes: int, jobs: int, timeout: float):
    published_date = _parse_published(published)
    _check_user_files("--actors", tuple(actors or ()))
    _check_user_files("--patterns", tuple(patterns or ()))
    from .budget import checked_timeout
    from .extract import Options
    from .inputs import MAX_BYTES_LIMIT

    if max_bytes > MAX_BYTES_LIMIT:
        raise UsageProblem(f"--max-bytes must be at most {MAX_BYTES_LIMIT >> 20}M, got {max_bytes}")
    try:
        timeout = checked_timeout(timeout)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None
    return Options(published=published_date, actors=tuple(actors or ()), patterns=tuple(patterns or ()),
                   max_bytes=max_bytes, jobs=jobs, timeout=timeout)


def _with_input_settings(options, input_format, text_field, date_field, id_field, dask):
    """--input-format, the field names and --dask, checked by `sources` and carried in Options.extra."""
    from dataclasses import replace

    from .sources import input_settings

    try:
        return replace(options, extra={**options.extra, **input_settings(input_format, text_field, date_field,
                                                                         id_field, dask)})
    except (ValueError, ImportError) as exc:
        raise UsageProblem(one_line(exc)) from None


def _print_schema(which: str) -> int:
    if which not in SCHEMAS:
        raise UsageProblem(f"--schema must be one of {', '.join(SCHEMAS)}, got {which!r}")
    import json

    from .schema import json_schema

    sys.stdout.write(json.dumps(json_schema(which), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


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
    if os.environ.get("_EXTRACT_COMPLETE"):  # shell completion (`extract --install-completion`)
        command.main(prog_name="extract")
    args = sys.argv[1:] if argv is None else list(argv)
    with command.make_context("extract", args) as ctx:
        return command.invoke(ctx)


def main(argv: Optional[list[str]] = None) -> None:
    """Console entry point: maps every outcome to an exit code and one stderr line, never a traceback."""
    from .output import is_broken_pipe, utf8_stdout
    from .run import install_signal_handlers

    utf8_stdout()

    usage_errors = _exception_types("UsageError")
    click_errors = _exception_types("ClickException")
    exits = _exception_types("Exit")
    aborts = _exception_types("Abort")
    install_signal_handlers()
    try:
        code = _run(argv)
    except usage_errors as exc:
        say(f"error: {one_line(exc.format_message()).replace('Value error, ', '')} (see extract --help)")
        code = EXIT_USAGE
    except (UsageProblem, ResourceError) as exc:
        say(f"error: {exc} (see extract --help)")
        code = EXIT_USAGE
    except exits as exc:  # --help, --version
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

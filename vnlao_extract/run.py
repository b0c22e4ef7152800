"""What the `extract` command does, as one plain function any Python program can call.

``run(paths, format, out, options, on_message)`` walks the inputs, builds the pipeline, extracts, and
writes every record in the chosen format to ``out`` (a file written atomically, or stdout). It never
parses a command line and never exits: a bad option is a :class:`UsageProblem`, SIGINT/SIGTERM arriving
while a record is written wait until that record is whole. The CLI (`cli.py`) only parses and renders.
"""
from __future__ import annotations

import contextlib
import signal
import sys
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Iterable, Iterator, Optional

from .errors import ResourceError, one_line


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that output is closed cleanly."""


class UsageProblem(Exception):
    """A bad command line or option value found before any article is read (exit 2)."""


@dataclass(frozen=True)
class RunOptions:
    """Everything `run` needs besides the paths: how to walk, extract and show."""

    extract: object = None  # extract.Options (imported lazily: spaCy stays unloaded until needed)
    globs: tuple[str, ...] = ("*.txt",)
    hidden: bool = False
    quiet: bool = False
    evidence: bool = True
    explain: bool = False
    table: str = "events"
    timeline: bool = False
    progress: bool = False
    width: Optional[int] = None
    extra: dict = field(default_factory=dict)

    def extraction(self):
        from .extract import Options

        return self.extract if self.extract is not None else Options()


@dataclass
class RunResult:
    records: int = 0
    failures: int = 0
    events: int = 0
    people: int = 0


# ---------------------------------------------------------------------------
# Signals: a record is written whole


class _Signals:
    deferring = False
    pending: Optional[BaseException] = None


def on_signal(signum, frame):
    """SIGINT/SIGTERM handler: raises at once, or right after the record being written."""
    exc = Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()
    if _Signals.deferring:
        _Signals.pending = _Signals.pending or exc
        return
    raise exc


def install_signal_handlers() -> None:
    try:
        signal.signal(signal.SIGTERM, on_signal)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not if started ignoring it
            signal.signal(signal.SIGINT, on_signal)
    except ValueError:  # not in the main thread
        pass


@contextlib.contextmanager
def whole():
    """Write one record whole: a signal meanwhile is raised right after it, never halfway through."""
    _Signals.deferring = True
    try:
        yield
    finally:
        _Signals.deferring = False
    pending, _Signals.pending = _Signals.pending, None
    if pending is not None:
        raise pending


# ---------------------------------------------------------------------------
# The run


def load_checked_pipeline(extract_options):
    """The pipeline; a user's --actors/--patterns file that cannot be loaded is a UsageProblem."""
    from . import extract as extract_module

    try:
        return extract_module.load_pipeline(extract_options)
    except ResourceError as exc:
        raise UsageProblem(one_line(exc)) from None
    except Exception as exc:  # noqa: BLE001 - a user file the loaders did not expect
        if not (extract_options.actors or extract_options.patterns):
            raise
        raise UsageProblem(f"cannot load --actors/--patterns: {one_line(f'{type(exc).__name__}: {exc}')}") from None


def iter_records(paths: Iterable[str], options: RunOptions, on_message: Callable[[str], None], nlp=None,
                 texts: Optional["KeptTexts"] = None) -> Iterator[dict]:
    """Every input's record, in input order (errors as records); ``texts`` keeps what each one read."""
    from .inputs import iter_sources

    extract_options = options.extraction()
    if nlp is None:
        nlp = load_checked_pipeline(extract_options)
    from .sources import expand_for, records_for  # collections, web pages, --dask

    def warn(message: str) -> None:
        on_message("warning: " + message)

    sources = expand_for(iter_sources(list(paths), **walk_arguments(options), on_warning=warn), extract_options, warn)
    if texts is not None:
        sources = texts.keep(sources)
    return records_for(sources, extract_options, nlp, on_message)


class KeptTexts:
    """The texts behind the records, for views that show them (the HTML report): files are read again;
    standard input is read once, before the extractor, and kept."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.sources: dict = {}

    def keep(self, sources):
        from .inputs import preread_stdin

        for source in sources:
            if source.path is None and source.error is None and not hasattr(source, "text"):
                source = preread_stdin(source, self.max_bytes)
            self.sources.setdefault(source.name, source)
            yield source

    def text_of(self, record: dict):
        """(the text the pipeline read, a map of the record's offsets into it), or None if unreadable."""
        from .errors import InputError
        from .inputs import read_source

        source = self.sources.get(record["source"])
        try:
            article = read_source(source, self.max_bytes) if source is not None else None
        except (InputError, OSError):
            return None
        return None if article is None else (article.text, offsets_into(article))


def offsets_into(article) -> Optional[Callable[[int, int], tuple[int, int]]]:
    """Records' offsets index the text as decoded; the pipeline read it repaired (textmap.py). This
    maps a (start, end) of the first onto the second, by bisection over the repair's monotone map."""
    import bisect

    text_map = getattr(article, "offsets", None)
    if text_map is None or not getattr(text_map, "passes", None):
        return None
    positions = range(len(article.text) + 1)

    def locate(start: int, end: int) -> tuple[int, int]:
        new_start = bisect.bisect_left(positions, start, key=text_map.start)
        return new_start, max(new_start, bisect.bisect_left(positions, end, key=text_map.end))

    return locate


def walk_arguments(options: RunOptions) -> dict:
    """Keyword arguments of inputs.iter_sources for these options."""
    return {"glob": options.globs, "hidden": options.hidden}


def count_inputs(paths: Iterable[str], options: RunOptions) -> int:
    """How many records a run will write (the inputs walked once more, unread), for a progress bar."""
    from .sources import count_sources

    return count_sources(list(paths), walk_arguments(options), options.extraction())


def run(paths: Iterable[str], format: Format | str = Format.json, out: Optional[str] = None,
        options: Optional[RunOptions] = None, on_message: Optional[Callable[[str], None]] = None) -> RunResult:
    """Extract every input in ``paths`` and write the records to ``out`` (None or "-": stdout).

    ``on_message`` receives each line meant for stderr (warnings start with "warning: ").
    Returns counts; ``failures`` is the number of records with an ``error``.
    """
    from .views.writers import write_records

    options = options or RunOptions()
    fmt = Format(format)
    paths = list(paths)
    say = on_message or (lambda message: None)

    def filtered(message: str) -> None:
        if not (options.quiet and message.startswith("warning:")):
            say(message)

    texts = KeptTexts(options.extraction().max_bytes) if fmt is Format.html else None
    records = iter_records(paths, options, filtered, texts=texts)
    total = count_inputs(paths, options) if options.progress else None
    if options.timeline and fmt in (Format.json, Format.jsonl, Format.table):
        from .merge.render import write_timeline_records

        return write_timeline_records(records, fmt, None if out == "-" else out, options, total)
    return write_records(records, fmt, None if out == "-" else out, options, total,
                         text_of=texts.text_of if texts else None)


def default_format(out: Optional[str]) -> Format:
    """Tables on a terminal, JSON when piped or written to a file."""
    return Format.table if out is None and isatty(sys.stdout) else Format.json


def isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False

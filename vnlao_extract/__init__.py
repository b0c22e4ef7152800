"""vnlao_extract: rule-based spaCy extraction of diplomatic news into structured records.

The Python API (spaCy loads on first use, not on import)::

    import vnlao_extract as vx
    record = vx.extract_text("General Secretary Tô Lâm paid a state visit to Laos ...", published="2026-02-05")
    for record in vx.extract_files(["seeds/"], jobs=2):
        print(record["source"], len(record["events"]))
    merged = vx.timeline(vx.extract_files(["seeds/"]))

Records are the dicts that `extract --json` prints (`docs/output.md`, `extract --schema`).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Iterable, Iterator, Optional, Union

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"
__all__ = ["extract_text", "extract_files", "timeline", "load_pipeline", "__version__", "SCHEMA_VERSION"]

_DEFAULT_PIPELINE: list = []


def load_pipeline(actors: Iterable[str] = (), patterns: Iterable[str] = ()):
    """The spaCy pipeline (a `Language`), with extra actor registry and event pattern JSONL files."""
    from .pipeline import build_pipeline

    return build_pipeline(actors=tuple(actors), patterns=tuple(patterns))


def _default_pipeline():
    if not _DEFAULT_PIPELINE:
        _DEFAULT_PIPELINE.append(load_pipeline())
    return _DEFAULT_PIPELINE[0]


def _as_date(published: Union[str, _dt.date, None]) -> Optional[_dt.date]:
    if published is None or isinstance(published, _dt.date):
        return published
    return _dt.date.fromisoformat(published.strip())


def extract_text(text: str, published: Union[str, _dt.date, None] = None, *, source: str = "<text>",
                 nlp=None) -> dict:
    """The record of one article's text. ``published`` ("YYYY-MM-DD" or a date) is used when the text
    carries no date of its own; ``nlp`` defaults to a pipeline built once per process."""
    from .extract import extract_text as _extract

    return _extract(nlp or _default_pipeline(), text, source, _as_date(published))


def extract_files(paths: Iterable[str], *, glob: Union[str, Iterable[str]] = "*.txt", hidden: bool = False,
                  published: Union[str, _dt.date, None] = None, actors: Iterable[str] = (),
                  patterns: Iterable[str] = (), max_bytes: int = 10 * 1024 * 1024, jobs: int = 1,
                  on_message: Optional[Callable[[str], None]] = None, **options: Any) -> Iterator[dict]:
    """A record per input file, in the order `extract` uses (files as given, folders walked sorted).

    Bad inputs give records with an ``error``, never exceptions; ``on_message`` receives the lines the
    command prints on stderr. A bad ``actors``/``patterns`` file raises ``run.UsageProblem``. Further
    keywords are fields of ``extract.Options`` (e.g. ``timeout``); unknown ones go to its ``extra``.
    """
    import dataclasses

    from .extract import Options
    from .run import RunOptions, iter_records

    known = {f.name for f in dataclasses.fields(Options)} - {"extra"}
    extract_options = Options(published=_as_date(published), actors=tuple(actors), patterns=tuple(patterns),
                              max_bytes=max_bytes, jobs=jobs, **{k: v for k, v in options.items() if k in known},
                              extra={k: v for k, v in options.items() if k not in known})
    options = RunOptions(extract=extract_options, globs=(glob,) if isinstance(glob, str) else tuple(glob),
                         hidden=hidden)
    nlp = None if (actors or patterns) else _default_pipeline()
    return iter_records([str(p) for p in paths], options, on_message or (lambda message: None), nlp=nlp)


def timeline(records: Iterable[dict]) -> dict:
    """One object for a batch of records: each real event once, with the sources reporting it."""
    from .merge import build_timeline

    return build_timeline(records)

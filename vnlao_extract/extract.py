"""Run the pipeline over inputs: one record per input, errors as records, in input order.

Worker processes (``--jobs``) are in pool.py.

The CLI calls this; so can any Python program. spaCy is imported only when a pipeline is built.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .budget import DEFAULT_TIMEOUT
from .errors import Errors, InputError, Warnings, one_line
from .inputs import DEFAULT_MAX_BYTES, Source, display_name, read_source
from .normalize import near_calendar_edge
from .output import dumps_line
from .record import doc_to_record, error_record
from .textmap import remap_offsets

# Articles per spaCy memory zone: what a batch adds to the vocabulary (new words, their lexemes, the
# tokenizer's cache entries) is freed after it, so memory stays flat however long the batch. A zone per
# article would rebuild the common words' entries every time.
ZONE_ARTICLES = 100


@dataclass(frozen=True)
class Options:
    published: dt.date | None = None
    actors: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 1
    extra: dict = field(default_factory=dict)
    # Seconds one article may take (None: no budget); enforced by killing its worker process.
    timeout: float | None = DEFAULT_TIMEOUT
    # True: work in this process (no budget, a signal waits for the running article); for library use.
    in_process: bool = False


def load_pipeline(options: Options):
    from .pipeline import build_pipeline

    return build_pipeline(actors=options.actors, patterns=options.patterns)


class MemoryZones:
    """Runs a pipeline in spaCy memory zones of ``size`` articles: call :meth:`next_article` before each.
    Records are plain data, so nothing made inside a zone is used after it."""

    def __init__(self, nlp, size: int | None = None):
        self.nlp, self.size, self.articles = nlp, size or ZONE_ARTICLES, 0
        self._zone = None

    def next_article(self) -> None:
        if self.articles % self.size == 0:
            self.close()
            self._zone = self.nlp.memory_zone()
            self._zone.__enter__()
        self.articles += 1

    def close(self) -> None:
        zone, self._zone = self._zone, None
        if zone is not None:
            zone.__exit__(None, None, None)

    def __enter__(self) -> MemoryZones:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def fit_max_length(nlp, characters: int) -> None:
    """Let the pipeline take texts of ``characters``: spaCy's max_length guards the parser and NER's
    memory, which this pipeline does not have, so the input size limit (--max-bytes) is the only one."""
    if nlp.max_length <= characters:
        nlp.max_length = characters + 1


def extract_text(nlp, text: str, source: str, published: dt.date | None = None, encoding: str | None = None) -> dict:
    """The record of one article's text."""
    from .matching.facts import keep_text  # spaCy loads only once an article is read

    fit_max_length(nlp, len(text))
    doc = keep_text(nlp.make_doc(text), text)
    doc._.published_default = published
    return doc_to_record(nlp(doc), source, encoding)


def _failed(source: Source, message: str) -> tuple[dict, list[str]]:
    return error_record(source.name, message), [message]


def extract_source(nlp, source: Source, options: Options) -> tuple[dict, list[str]]:
    """(record, messages for stderr) for one input; never raises for bad input, nor for a bug in the
    pipeline (that costs this input's record, which then carries the error)."""
    if source.error:
        return _failed(source, source.error)
    shown = display_name(source.name)
    try:
        article = read_source(source, options.max_bytes)
    except InputError as exc:
        return _failed(source, one_line(exc))
    except Exception as exc:  # noqa: BLE001 - e.g. MemoryError: one input, not the batch
        return _failed(source, Errors.E001.format(path=shown, reason=one_line(f"{type(exc).__name__}: {exc}")))
    messages = ["warning: " + note for note in article.notes]
    if article.encoding not in ("utf-8", "utf-8-sig"):
        messages.append("warning: " + Warnings.W001.format(path=shown, encoding=article.encoding))
    try:
        given = getattr(article, "published", None)  # a web page's or collection item's own date
        record = extract_text(nlp, article.text, source.name, given or options.published, article.encoding)
        if given and record["published_from"] == "option":
            record["published_from"] = article.published_from
        remap_offsets(record, article.offsets)
        _warn_at_calendar_edge(record)
        dumps_line(record)  # a record the writer would choke on (NaN, a stray object) fails here, alone
    except Exception as exc:  # noqa: BLE001 - a bug must cost one record, not the batch
        message = Errors.E008.format(path=shown, reason=one_line(f"{type(exc).__name__}: {exc}"))
        return error_record(source.name, message), messages + [message]
    if record["unresolved_dates"] and record["published"] is None:  # the record holds it too (record.py)
        messages.append("warning: " + Warnings.W005.format(path=shown, count=record["unresolved_dates"]))
    return record, messages


def _warn_at_calendar_edge(record: dict) -> None:
    published = record.get("published")
    if published and near_calendar_edge(dt.date.fromisoformat(published)):
        record["warnings"].append(Warnings.W041.format(date=published))


def extract_sources(sources: Iterable[Source], options: Options, nlp=None,
                    on_message: Callable[[str], None] = lambda m: None) -> Iterator[dict]:
    """Records for every source, in input order, worked out by ``options.jobs`` worker processes (the
    output is the same, byte for byte, for any number) or, with ``options.in_process``, here."""
    if nlp is None:
        nlp = load_pipeline(options)
    if options.in_process:
        results = _extract_serial(sources, options, nlp)
    else:
        from .pool import extract_parallel

        results = extract_parallel(sources, options, nlp)
    with contextlib.closing(results):  # stops the workers as soon as the caller stops reading
        for record, messages in results:
            for message in messages:
                on_message(message)
            yield record


def _extract_serial(sources: Iterable[Source], options: Options, nlp) -> Iterator[tuple[dict, list[str]]]:
    with MemoryZones(nlp) as zones:
        for source in sources:
            zones.next_article()
            yield extract_source(nlp, source, options)

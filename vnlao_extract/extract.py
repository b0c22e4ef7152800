"""Run the pipeline over inputs: one record per input, errors as records, in input order.

The CLI calls this; so can any Python program. spaCy is imported only when a pipeline is built.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .errors import Errors, InputError, Warnings
from .inputs import DEFAULT_MAX_BYTES, Source, read_source
from .record import doc_to_record, error_record

_WORKER_NLP = None
_WORKER_OPTIONS = None


@dataclass(frozen=True)
class Options:
    published: dt.date | None = None
    actors: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 1
    extra: dict = field(default_factory=dict)


def load_pipeline(options: Options):
    from .pipeline import build_pipeline

    return build_pipeline(actors=options.actors, patterns=options.patterns)


def extract_text(nlp, text: str, source: str, published: dt.date | None = None, encoding: str | None = None) -> dict:
    """The record of one article's text."""
    doc = nlp.make_doc(text)
    doc._.published_default = published
    return doc_to_record(nlp(doc), source, encoding)


def extract_source(nlp, source: Source, options: Options) -> tuple[dict, list[str]]:
    """(record, messages for stderr) for one input; never raises for bad input."""
    if source.error:
        return error_record(source.name, source.error), [source.error]
    try:
        article = read_source(source, options.max_bytes)
    except InputError as exc:
        return error_record(source.name, str(exc)), [str(exc)]
    messages = []
    if article.encoding not in ("utf-8", "utf-8-sig"):
        messages.append("warning: " + Warnings.W001.format(path=source.name, encoding=article.encoding))
    try:
        record = extract_text(nlp, article.text, source.name, options.published, article.encoding)
    except Exception as exc:  # a bug must cost one record, not the batch
        message = Errors.E008.format(path=source.name, reason=f"{type(exc).__name__}: {exc}")
        return error_record(source.name, message), messages + [message]
    return record, messages


def _init_worker(options: Options) -> None:
    global _WORKER_NLP, _WORKER_OPTIONS
    _WORKER_NLP, _WORKER_OPTIONS = load_pipeline(options), options


def _work(source: Source) -> tuple[dict, list[str]]:
    return extract_source(_WORKER_NLP, source, _WORKER_OPTIONS)


def extract_sources(sources: Iterable[Source], options: Options, nlp=None,
                    on_message: Callable[[str], None] = lambda m: None) -> Iterator[dict]:
    """Records for every source, in input order; with ``options.jobs > 1`` a process pool does the work
    and the output is the same, byte for byte."""
    if options.jobs <= 1:
        nlp = nlp or load_pipeline(options)
        for source in sources:
            record, messages = extract_source(nlp, source, options)
            for message in messages:
                on_message(message)
            yield record
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(options.jobs, initializer=_init_worker, initargs=(options,)) as pool:
        for record, messages in pool.imap(_work, sources, chunksize=8):
            for message in messages:
                on_message(message)
            yield record

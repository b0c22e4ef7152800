"""Inputs beyond plain text files: web pages and crawler collections (`--input-format`).

`expand_sources` sits between `inputs.iter_sources` (the walk) and the extractor: a collection file
becomes one source per article, any other file a `FileSource` that knows its format, so that
`inputs.read_source` hands it back here to be read (HTML through `sources.html`).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from ..errors import Errors, InputError
from ..inputs import ArticleText, Source, display_name, read_source
from .collections import Fields, ItemMaker, ItemSource, collection_items
from .formats import COLLECTIONS, FORMATS, format_for, looks_like_html
from .html import PageText, html_available, page_to_article

__all__ = ["FORMATS", "Fields", "FileSource", "ItemSource", "PageText", "expand_sources", "html_available"]


@dataclass(frozen=True)
class FileSource(Source):
    """A file or stdin read as `text`, `html`, or `auto` (HTML recognised by its content)."""

    format: str = "auto"

    def read_article(self, max_bytes: int, stdin=None) -> ArticleText:
        article = read_source(Source(self.name, self.path, data=self.data), max_bytes, stdin)
        if self.format == "html" or (self.format == "auto" and looks_like_html(article.text)):
            return page_to_article(article.text, self.name, article.encoding, article.notes)
        return article


def expand_sources(sources: Iterable[Source], input_format: str = "auto", fields: Fields | None = None,
                   on_warning: Callable[[str], None] | None = None, max_bytes: int | None = None,
                   stdin=None) -> Iterator[Source]:
    """The walk's sources with collections opened into one source per article, lazily and in order."""
    from ..inputs import DEFAULT_MAX_BYTES

    if input_format not in FORMATS:
        raise ValueError(Errors.E055.format(value=input_format, known=", ".join(FORMATS)))
    fields = fields or Fields()
    warn = on_warning or (lambda message: print(f"warning: {message}", file=sys.stderr))
    limit = max_bytes or DEFAULT_MAX_BYTES
    for source in sources:
        kind = format_for(source.name, input_format)
        if source.error is not None:
            yield source
        elif kind in COLLECTIONS:
            yield from _collection(source, kind, fields, warn, limit, stdin)
        else:
            yield FileSource(source.name, source.path, data=source.data, format=kind)


def _collection(source: Source, kind: str, fields: Fields, warn, max_bytes: int, stdin) -> Iterator[Source]:
    """The articles of one collection; a collection that cannot be opened is one error source."""
    maker = ItemMaker(source.name, fields, warn)
    try:
        with _open(source, stdin) as stream:
            yield from collection_items(kind, stream, maker, max_bytes)
    except InputError as exc:
        yield Source(source.name, source.path, str(exc))
    except OSError as exc:
        yield Source(source.name, source.path,
                     Errors.E001.format(path=display_name(source.name), reason=exc.strerror or type(exc).__name__))


class _Unclosed:
    """Standard input is read, never closed (a later reader gets EOF, not an error)."""

    def __init__(self, stream):
        self.stream = stream

    def __enter__(self):
        return self.stream

    def __exit__(self, *exc_info) -> None:
        return None


def _open(source: Source, stdin):
    if source.path is None:
        stream = stdin if stdin is not None else sys.stdin
        return _Unclosed(getattr(stream, "buffer", stream))
    return open(os.fspath(source.path), "rb")


# ---------------------------------------------------------------------------
# What the command line needs (kept here so that cli.py holds only glue)


def input_settings(input_format: str = "auto", text_field: str | None = None, date_field: str | None = None,
                   id_field: str | None = None, dask: str | None = None) -> dict:
    """The input options as `extract.Options.extra`; a ValueError/ImportError text is the usage line."""
    if input_format not in FORMATS:
        raise ValueError(Errors.E055.format(value=input_format, known=", ".join(FORMATS)))
    if dask is not None:
        from ..dask import check_address

        check_address(dask)
    return {"input_format": input_format, "fields": Fields.given(text_field, date_field, id_field), "dask": dask}


def expand_for(sources: Iterable[Source], options, on_warning=None) -> Iterator[Source]:
    """`expand_sources` with the input settings of `options.extra` (defaults when there are none)."""
    extra = options.extra or {}
    # vnlao_extract.extract_files(..., input_format="jsonl", text_field="body") lands here as plain keys
    fields = extra.get("fields") or Fields.given(extra.get("text_field"), extra.get("date_field"), extra.get("id_field"))
    return expand_sources(sources, extra.get("input_format", "auto"), fields, on_warning, options.max_bytes)


def records_for(sources: Iterable[Source], options, nlp, on_message) -> Iterator[dict]:
    """Records on Dask when `--dask` was given, else in this process or its `--jobs` pool."""
    address = (options.extra or {}).get("dask")
    if address:
        from ..dask import extract_on_dask

        return extract_on_dask(sources, options, address, on_message)
    from ..extract import extract_sources

    return extract_sources(sources, options, nlp=nlp, on_message=on_message)


def count_sources(paths, walk: dict, options) -> int:
    """How many records the inputs give (for a progress bar): collections are counted by their items,
    standard input as one (it can be read only once)."""
    from ..inputs import iter_sources

    walked = iter_sources([p for p in paths if p != "-"], **walk, on_warning=lambda _: None)
    return sum(1 for _ in expand_for(walked, options, lambda _: None)) + ("-" in paths)

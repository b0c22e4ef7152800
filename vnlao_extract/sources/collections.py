"""Crawler collections to one source per article: JSON Lines, JSON arrays, CSV with a text column.

Field names are the common ones (news-please, trafilatura, most scrapers) unless overridden:
text `maintext` or `text`, date `date_publish` or `published`, id `id`, plus `title`. Each article's
source is ``FILE#ID`` when it has an id, else ``FILE:LINE`` (for a JSON array, ``FILE:N``, the item's
number). A bad line or item becomes a source that already carries its error, so the batch goes on.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import Errors, InputError, Warnings
from ..inputs import Source, display_name
from ..textmap import repair_text
from .html import PageText

TEXT_FIELDS = ("maintext", "text")
DATE_FIELDS = ("date_publish", "published")
ID_FIELDS = ("id",)
TITLE_FIELDS = ("title",)
# CSV cells hold whole articles: far more than the csv module's default 128 KiB field limit.
CSV_FIELD_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class Fields:
    """Which keys of an item hold its text, date and id (the first present wins)."""

    text: tuple[str, ...] = TEXT_FIELDS
    date: tuple[str, ...] = DATE_FIELDS
    id: tuple[str, ...] = ID_FIELDS
    title: tuple[str, ...] = TITLE_FIELDS

    @classmethod
    def given(cls, text: str | None = None, date: str | None = None, id: str | None = None) -> Fields:
        return cls(text=(text,) if text else TEXT_FIELDS, date=(date,) if date else DATE_FIELDS,
                   id=(id,) if id else ID_FIELDS)


@dataclass(frozen=True)
class ItemSource(Source):
    """One article of a collection: its text is already here, nothing is read from disk again."""

    text: str = ""
    published: dt.date | None = None
    title: str | None = None

    def read_article(self, max_bytes: int, stdin=None) -> PageText:
        if len(self.text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputError(Errors.E014.format(path=display_name(self.name), limit=max_bytes))
        # offsets index the item's text (after its title and a blank line when one is put first)
        text, offsets = repair_text(_with_title(self.title, self.text))
        return PageText(text=text, encoding="utf-8", offsets=offsets, published=self.published,
                        published_from="field" if self.published else None)


def _with_title(title: str | None, text: str) -> str:
    """The headline as the first paragraph, as an article saved as text has it (unless already there)."""
    title = (title or "").strip()
    if not title or text.lstrip().startswith(title):
        return text
    return f"{title}\n\n{text}"


def _first(item: dict, keys: tuple[str, ...]):
    for key in keys:
        value = item.get(key)
        if value is not None and value != "":
            return value
    return None


def parse_published(value) -> dt.date | None:
    """A date field's value as a date (ISO date or datetime, with or without time zone), else None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class ItemMaker:
    """Turns parsed items of one collection into sources, naming each and noting duplicate ids."""

    def __init__(self, name: str, fields: Fields, warn: Callable[[str], None]):
        self.name, self.fields, self.warn = name, fields, warn
        # Never None: a source without a path is read in the main process, as stdin (pool.py).
        self.path = Path(name)
        self.ids: set[str] = set()

    def bad(self, place: str, reason: str) -> Source:
        return Source(place, None, Errors.E053.format(path=display_name(place), reason=reason))

    def item(self, item, number: int, separator: str = ":") -> Source:
        place = f"{self.name}{separator}{number}"
        if not isinstance(item, dict):
            return self.bad(place, f"expected an object, got {type(item).__name__}")
        source_name = self._name(item, place)
        text = _first(item, self.fields.text)
        if not isinstance(text, str) or not text.strip():
            wanted = " or ".join(repr(k) for k in self.fields.text)
            return self.bad(source_name, f"no text in {wanted}")
        date_value = _first(item, self.fields.date)
        published = parse_published(date_value)
        if date_value is not None and published is None:
            self.warn(Warnings.W050.format(path=display_name(source_name), value=str(date_value)[:40]))
        title = _first(item, self.fields.title)
        return ItemSource(source_name, self.path, text=text, published=published,
                          title=title if isinstance(title, str) else None)

    def _name(self, item: dict, place: str) -> str:
        ident = _first(item, self.fields.id)
        if ident is None or isinstance(ident, (dict, list)):
            return place
        ident = str(ident)
        if ident in self.ids:
            self.warn(Warnings.W051.format(path=display_name(place), id=ident))
            return place
        self.ids.add(ident)
        return f"{self.name}#{ident}"


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8-sig" if raw.startswith(codecs.BOM_UTF8) else "utf-8")


def jsonl_items(stream: io.BufferedIOBase, maker: ItemMaker, max_bytes: int) -> Iterator[Source]:
    """One source per non-blank line, read lazily; a line that is not one JSON object is an error source."""
    for number, raw in enumerate(_lines(stream, max_bytes), 1):
        if raw is None:
            yield maker.bad(f"{maker.name}:{number}", f"line longer than --max-bytes ({max_bytes} bytes)")
            continue
        if not raw.strip():
            continue
        try:
            item = json.loads(_decode(raw))
        except (UnicodeDecodeError, ValueError) as exc:
            yield maker.bad(f"{maker.name}:{number}", _json_reason(exc))
            continue
        yield maker.item(item, number)


def _lines(stream, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary stream; None for a line over the limit (skipped without holding it whole)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(max_bytes + 1)
            yield None
            continue
        yield line


def _json_reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8"
    return f"not JSON ({getattr(exc, 'msg', exc)})"


def json_items(stream, maker: ItemMaker) -> Iterator[Source]:
    """A JSON array of article objects (read whole: JSON gives no item before the closing bracket)."""
    try:
        items = json.loads(_decode(stream.read()))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(Errors.E054.format(path=display_name(maker.name), reason=_json_reason(exc))) from None
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise InputError(Errors.E054.format(path=display_name(maker.name), reason="expected an array of objects"))
    for number, item in enumerate(items, 1):
        yield maker.item(item, number)


def csv_items(stream, maker: ItemMaker) -> Iterator[Source]:
    """Rows of a CSV file with a header; LINE is the line where the row starts."""
    csv.field_size_limit(min(CSV_FIELD_LIMIT, sys.maxsize))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text)
    line = 1
    while True:
        start = line + 1
        try:
            row = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            line = reader.line_num
            yield maker.bad(f"{maker.name}:{start}", f"bad CSV row ({exc})")
            if isinstance(exc, UnicodeDecodeError):
                return  # the decoder cannot resynchronise: the rest of the file is lost, said once
            continue
        if row is None:
            return
        line = reader.line_num
        if None in row:
            yield maker.bad(f"{maker.name}:{start}", "more cells than the header has")
            continue
        yield maker.item(row, start)


def collection_items(kind: str, stream, maker: ItemMaker, max_bytes: int) -> Iterable[Source]:
    if kind == "jsonl":
        return jsonl_items(stream, maker, max_bytes)
    if kind == "json":
        return json_items(stream, maker)
    return csv_items(stream, maker)

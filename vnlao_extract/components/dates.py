"""Dates: finds date expressions with Matcher patterns (``resources/date_patterns.jsonl``) and
normalizes each matched string against the published date.

Adds to the Doc:
- ``doc._.dates``: list of :class:`DateMention` (absolute and weekday dates, then relative ones),
  each with ISO ``start``/``end`` at the precision written. Year-less dates take the year nearest
  the published date and are dropped when there is none.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..normalize import (WEEKDAYS, Point, month_number, nearest_weekday, resolve_point,
                         resolve_relative)
from ..resources import load_package_jsonl
from .patterns import build_matcher, evidence, expand_classes, matched_spans

NOT_A_YEAR_AFTER = {"%", "percent", "per", "people", "delegates", "members", "km", "kilometres", "kilometers",
                    "tonnes", "tons", "hectares", "ha", "mw", "kwh", "households", "units", "projects",
                    "students", "workers", "times", "billion", "million", "trillion", "usd", "vnd"}
NOT_A_YEAR_BEFORE = {"$", "us$", "usd", "vnd", "no.", "number", "resolution", "decree", "decision", "aipa-",
                     "covid-", "about", "over", "nearly", "around", "some", "than", "top", "the"}
SEPARATORS = {"-", "–", "—", "to", "and", "through", "till", "until", "thru", "/"}


@dataclass
class DateMention:
    span: Span
    text: str
    start: str
    end: str | None
    kind: str
    rule: str

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.start)]

    def as_record(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "precision": self.precision,
                "kind": self.kind, "evidence": evidence(self.span, self.rule)}


def _is_bare_year_noise(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return after in NOT_A_YEAR_AFTER or before in NOT_A_YEAR_BEFORE and before != "the" or (
        before == "the" and after in NOT_A_YEAR_AFTER)


def parse_points(words: list[str]) -> list[Point]:
    """Split the words of a date into its start and end points, filling what one end leaves unsaid."""
    parts: list[dict] = [{}]
    for word in words:
        lower = word.lower()
        if lower in SEPARATORS:
            parts.append({})
        elif month_number(lower):
            parts[-1]["month"] = month_number(lower)
        elif word[:4].isdigit() and len(word) == 4:
            parts[-1]["year"] = int(word)
        elif word.rstrip("stndrh").isdigit():
            parts[-1]["day"] = int(word.rstrip("stndrh"))
    parts = [p for p in parts if p]
    if len(parts) == 2:
        first, last = parts
        for key in ("year", "month"):
            if key in first and key not in last and "day" in last:
                last[key] = first[key]
            if key in last and key not in first:
                first[key] = last[key]
    return [Point(p.get("year"), p.get("month"), p.get("day")) for p in parts]


def _absolute(words: list[str], published: dt.date | None) -> tuple[str, str | None] | None:
    if len(words) == 1 and words[0].count("/") == 2:
        day, month, year = (int(x) for x in words[0].split("/"))
        if day <= 12 < month:
            day, month = month, day
        start = resolve_point(Point(year, month, day), None)
        return (start, None) if start else None
    if len(words) == 5 and words[1] == "-" and words[3] == "-":
        start = resolve_point(Point(int(words[0]), int(words[2]), int(words[4])), None)
        return (start, None) if start else None
    words = [w.split("-")[-1] if "-" in w and w[-4:].isdigit() else w for w in words]
    points = parse_points(words)
    if not points or len(points) > 2:
        return None
    start = resolve_point(points[0], published)
    end = resolve_point(points[1], published) if len(points) == 2 else None
    if start is None or (len(points) == 2 and (end is None or end < start)):
        return None
    return start, end


def normalize_span(words: list[str], kind: str, published: dt.date | None) -> tuple[str, str | None] | None:
    if kind == "weekday":
        if published is None:
            return None
        weekday = next(WEEKDAYS[w.lower()] for w in words if w.lower() in WEEKDAYS)
        return nearest_weekday(weekday, published).isoformat(), None
    if kind == "relative":
        start = resolve_relative(" ".join(words), published)
        return (start, None) if start else None
    return _absolute(words, published)


class DateFinder:
    """Finds and normalizes dates; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        _, patterns = expand_classes(load_package_jsonl("date_patterns.jsonl"))
        self.matcher, self.rows = build_matcher(nlp.vocab, patterns, greedy=None)

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        found = [(span[row.get("trim", 0):], row) for span, row in matched_spans(doc, self.matcher, self.rows)]
        row_of = {}
        for span, row in sorted(found, key=lambda item: "trim" in item[1]):
            row_of.setdefault((span.start, span.end), row)
        spans = filter_spans([span for span, _ in found])
        return [(span, row_of[(span.start, span.end)]) for span in spans]

    def set_annotations(self, doc: Doc, found) -> None:
        published = doc._.published
        mentions = []
        for span, row in found:
            if row["id"] == "year" and _is_bare_year_noise(span):
                continue
            words = [t.text for t in span if t.text != ","]
            resolved = normalize_span(words, row["kind"], published)
            if resolved is None:
                continue
            start, end = resolved
            mentions.append(DateMention(span, span.text, start, end if end != start else None, row["kind"], row["id"]))
        doc._.dates = mentions

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=[])


@Language.factory("vnlao_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)

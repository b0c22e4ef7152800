"""Dates: finds date expressions with Matcher patterns (``resources/date_patterns.jsonl``) and
normalizes each matched string against the published date.

Adds to the Doc:
- ``doc._.dates``: list of :class:`DateMention` (absolute and weekday dates, then relative ones),
  each with ISO ``start``/``end`` at the precision written. Year-less dates take the year nearest
  the published date on the side the sentence's tense says (the nearest tense cue before the date, else
  one after it in its clause), or the year "last/this/next year" right after them gives ("September last
  year"), and are dropped when there is no published date; a weekday is the one nearest the published
  date ("last"/"next" pick the past or future one) and is dropped when a calendar date stands beside it;
  "from Monday to Wednesday" is one span, its end read from its start.
  Lone numbers that count or number things ("2025 delegates", "No. 2030") are not years: the word
  lists are in the patterns file.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..normalize import (WEEKDAYS, Point, month_number, nearest_weekday, resolve_point,
                         resolve_relative)
from ..rules.cues import cue_scope, cue_values, cue_words
from ..matching import evidence, lower_words
from ..matching.anchors import ClassAnchoredMatcher
from ..rules import load_package

SEPARATORS = cue_words("dates", "dates.range_separators")
WEEKDAY_DIRECTION = cue_values("dates", "dates.weekday_direction")
YEAR_AFTER = cue_values("dates", "dates.year_after")
TENSE_AFTER_STOPS = cue_words("dates", "dates.tense_after")
TENSE_AFTER_REACH = cue_scope("dates", "dates.tense_after")
WEEKDAY_RANGE_LEADS = cue_words("dates", "dates.weekday_range_lead")
WEEKDAY_RANGE_SEPARATORS = cue_words("dates", "dates.weekday_range_separators")
WEEKDAY_RANGE_BETWEEN = cue_words("dates", "dates.weekday_range_between")
WEEKDAY_RANGE_AND = cue_words("dates", "dates.weekday_range_and")
YEAR_WORDS = cue_words("dates", "dates.year_word")


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


def load_date_rules() -> tuple[list[dict], dict[str, set[str]]]:
    """The Matcher pattern rows of ``date_patterns.jsonl`` and its word lists (rows with "words")."""
    rows = load_package("date_patterns.jsonl")
    words = {row["words"]: {w.lower() for w in row["list"]} for row in rows if "words" in row}
    return [row for row in rows if "words" not in row], words


def is_bare_year_noise(span: Span, words: dict[str, set[str]]) -> bool:
    """A lone four-digit number that counts something ("2025 delegates", "US$ 2030", "Resolution No. 2030")
    rather than naming a year."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before == "." and span.start > 1 and doc[span.start - 2].lower_ in words["not_a_year_before"]:
        before = doc[span.start - 2].lower_  # "No. 2030" is tokenized "No", ".", "2030"
    return after in words["not_a_year_after"] or before in words["not_a_year_before"]


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
            parts[-1]["year_written"] = True
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
        _roll_over_year(first, last)
    return [Point(p.get("year"), p.get("month"), p.get("day")) for p in parts]


def _roll_over_year(first: dict, last: dict) -> None:
    """A range written with one year that crosses New Year ("December 30 to January 2, 2026",
    "from December 30, 2025 to January 2"): the end month comes before the start month, so the year
    that only one end wrote belongs to that end, and the other end is a year earlier or later."""
    if "month" in first and "month" in last and "year" in first and first.get("year") == last.get("year") \
            and (last["month"], last.get("day", 0)) < (first["month"], first.get("day", 0)):
        if first.get("year_written") and not last.get("year_written"):
            last["year"] += 1
        elif last.get("year_written") and not first.get("year_written"):
            first["year"] -= 1


def _absolute(words: list[str], published: dt.date | None, direction: int = 0) -> tuple[str, str | None] | None:
    if len(words) == 1 and words[0].count("/") == 2:
        day, month, year = (int(x) for x in words[0].split("/"))
        if day <= 12 < month:
            day, month = month, day
        start = resolve_point(Point(year, month, day), None)
        return (start, None) if start else None
    if len(words) == 5 and words[1] == "-" and words[3] == "-":
        start = resolve_point(Point(int(words[0]), int(words[2]), int(words[4])), None)
        return (start, None) if start else None
    if len(words) == 3 and len(words[0]) == 4 and len(words[2]) == 2 and words[2].isdigit():
        return _year_and_two_digits(int(words[0]), words[1], int(words[2]))
    words = [w.split("-")[-1] if "-" in w and w[-4:].isdigit() else w for w in words]
    points = parse_points(words)
    if not points or len(points) > 2:
        return None
    start = resolve_point(points[0], published, direction)
    end = None
    if len(points) == 2:
        end_point = points[1]
        if end_point.year is None and start and end_point.month:
            end_point = Point(int(start[:4]), end_point.month, end_point.day)  # same year as its start
        end = resolve_point(end_point, published, direction)
    if start and end and end < start and points[1].year is None and points[1].month:
        # "December 30 - January 2", both placed by the published date but on either side of it
        end = resolve_point(Point(int(start[:4]) + 1, points[1].month, points[1].day), None)
    if start is None or (len(points) == 2 and (end is None or end < start)):
        return None
    return start, end


def _year_and_two_digits(year: int, dash: str, digits: int) -> tuple[str, str | None] | None:
    """ "2021–25" is a range of years; "2026-02", where the digits cannot end a range, is a month."""
    if digits > year % 100:
        return f"{year:04d}", f"{year // 100 * 100 + digits:04d}"
    if dash == "-" and 1 <= digits <= 12:
        return f"{year:04d}-{digits:02d}", None
    return None


def normalize_span(words: list[str], kind: str, published: dt.date | None,
                   lead: str | None = None, tense: int = 0) -> tuple[str, str | None] | None:
    """(start, end) ISO strings for the words of a matched date, or None when it cannot be placed.
    ``lead`` is the word before it ("last" Thursday, "next" Monday); ``tense`` -1/+1 is the sentence's
    past or future, used to place year-less dates and weekdays."""
    if kind == "weekday":
        if published is None:
            return None
        weekday = next(WEEKDAYS[w.lower()] for w in words if w.lower() in WEEKDAYS)
        direction = WEEKDAY_DIRECTION.get((lead or "").lower(), 0)
        if not direction and tense:
            nearest = nearest_weekday(weekday, published) if published.year < 9999 else published
            direction = 0 if abs((nearest - published).days) <= 1 else tense  # a day off is a time zone
        try:
            return nearest_weekday(weekday, published, direction).isoformat(), None
        except OverflowError:  # a published date at the end of the calendar
            return None
    if kind == "relative":
        start = resolve_relative(" ".join(words), published)
        return (start, None) if start else None
    return _absolute(words, published, tense)


def sentence_tense(span: Span, words: dict[str, set[str]]) -> int:
    """-1 (past), +1 (future) or 0, from the cue word nearest before the date in its sentence (else the
    first one after it)."""
    doc, lower = span.doc, lower_words(span.doc)
    start = span.sent.start if doc.has_annotation("SENT_START") else 0
    end = span.sent.end if doc.has_annotation("SENT_START") else len(doc)
    # the nearest cue before the date, else the first after it in its clause ("On Wednesday the ministers
    # will sign"; not "..., the ministry said")
    after = range(span.end, min(end, span.end + TENSE_AFTER_REACH))
    after = after[:next((k for k, i in enumerate(after) if lower[i] in TENSE_AFTER_STOPS), len(after))]
    for i in [*range(span.start - 1, start - 1, -1), *after]:
        if lower[i] in words["past_cues"]:
            return 1 if i > 0 and lower[i - 1] == "be" else -1  # "will be held"
        if lower[i] in words["future_cues"]:
            return 1
    return 0


def _restates_a_date(mention: DateMention, mentions: list[DateMention]) -> bool:
    """A weekday written next to the calendar date it names ("Thursday, February 5", "February 5
    (Thursday)"): the calendar date says it all, and the weekday's guess could only disagree."""
    if mention.kind != "weekday":
        return False
    doc = mention.span.doc
    for other in mentions:
        if other.kind != "absolute" or other.precision != "day":
            continue
        gap = doc[mention.span.end:other.span.start] if other.span.start >= mention.span.end else \
            doc[other.span.end:mention.span.start]
        if len(gap) <= 2 and all(t.is_punct for t in gap):
            return True
    return False


def year_told_after(span: Span, words: list[str], kind: str) -> int | None:
    """ "September last year", "on March 3-5 this year": the years from the published one that the words
    after a year-less calendar date give, else None."""
    if kind != "absolute" or any(w[:4].isdigit() and len(w) == 4 for w in words):
        return None
    lower = lower_words(span.doc)
    i = span.end
    if i + 1 < len(lower) and lower[i] in YEAR_AFTER and lower[i + 1] in YEAR_WORDS:
        return YEAR_AFTER[lower[i]]
    return None


def with_year(start: str, end: str | None, year: int) -> tuple[str, str | None]:
    """``start`` moved to ``year``, ``end`` by as many years (a range across New Year stays one)."""
    shift = year - int(start[:4])
    moved = [f"{int(x[:4]) + shift:04d}{x[4:]}" if x else x for x in (start, end)]
    try:
        for iso in moved:
            if iso and len(iso) == 10:
                dt.date.fromisoformat(iso)  # February 29 of a year with none
    except ValueError:
        return start, end
    return moved[0], moved[1]


def join_weekday_ranges(mentions: list[DateMention]) -> list[DateMention]:
    """ "from Monday to Wednesday", "between Monday and Wednesday": one span of days, not two dates."""
    joined: list[DateMention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if last is not None and is_weekday_range(last, mention):
            span = mention.span.doc[last.span.start:mention.span.end]
            joined[-1] = DateMention(span, span.text, last.start, days_on(last.start, last.text, mention.text),
                                     "weekday", last.rule)
            continue
        joined.append(mention)
    return joined


def days_on(start: str, first_day: str, last_day: str) -> str:
    """The date of weekday ``last_day`` on or after ``start`` (a weekday ``first_day``): a span's end is
    read from its start, not from the published date ("from Friday to Monday")."""
    gap = (WEEKDAYS[last_day.lower()] - WEEKDAYS[first_day.lower()]) % 7
    return (dt.date.fromisoformat(start) + dt.timedelta(days=gap)).isoformat()


def is_weekday_range(first: DateMention, second: DateMention) -> bool:
    """Two weekdays written as one span: "from Monday to Wednesday", "between Monday and Wednesday"."""
    if first.kind != "weekday" or second.kind != "weekday" or first.text.lower() == second.text.lower():
        return False
    if first.text.lower() not in WEEKDAYS or second.text.lower() not in WEEKDAYS or first.start > "9999-12-24":
        return False
    lower = lower_words(first.span.doc)
    lead = lower[first.span.start - 1] if first.span.start > 0 else ""
    between = lower[first.span.end:second.span.start]
    if lead not in WEEKDAY_RANGE_LEADS or len(between) != 1:
        return False
    return between[0] in WEEKDAY_RANGE_SEPARATORS or (between[0] in WEEKDAY_RANGE_AND and lead in WEEKDAY_RANGE_BETWEEN)


def _trim_comma(span: Span) -> Span:
    """"September 11 to 14," matched with the comma that may come before a year: the date ends before it."""
    return span[:-1] if len(span) > 1 and span[-1].text == "," else span


class DateFinder:
    """Finds and normalizes dates; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        rows, self.words = load_date_rules()
        self.matcher = ClassAnchoredMatcher(nlp.vocab, rows, greedy=None)

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        found = [(_trim_comma(span[row.get("trim", 0):]), row) for span, row in self.matcher(doc)]
        row_of = {}
        for span, row in sorted(found, key=lambda item: "trim" in item[1]):
            row_of.setdefault((span.start, span.end), row)
        spans = filter_spans([span for span, _ in found])
        return [(span, row_of[(span.start, span.end)]) for span in spans]

    def set_annotations(self, doc: Doc, found) -> None:
        published = doc._.published
        mentions = []
        unresolved = 0
        for span, row in found:
            if row.get("bare") and is_bare_year_noise(span, self.words):
                continue
            words = [t.text for t in span if t.text != ","]
            lead = doc[span.start - 1].text if span.start > 0 else None
            tense = sentence_tense(span, self.words) if published else 0
            resolved = normalize_span(words, row["kind"], published, lead, tense)
            if resolved is None:
                unresolved += published is None  # a year-less date with no published date to take it from
                continue
            start, end = resolved
            offset = year_told_after(span, words, row["kind"]) if published else None
            if offset is not None:
                start, end = with_year(start, end, published.year + offset)
            mentions.append(DateMention(span, span.text, start, end if end != start else None, row["kind"], row["id"]))
        doc._.dates = join_weekday_ranges([m for m in mentions if not _restates_a_date(m, mentions)])
        doc._.unresolved_dates = unresolved

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


if not Doc.has_extension("dates"):
    Doc.set_extension("dates", default=[])
if not Doc.has_extension("unresolved_dates"):  # dates left out for want of a published date
    Doc.set_extension("unresolved_dates", default=0)


@Language.factory("vnlao_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)

"""`--format html` / `--html FILE`: one self-contained page (inline styles, no network).

The batch overview (or the timeline) at the top, then each article's text with every extracted item's
evidence span highlighted by kind, the kind as its label and the normalized value and rule as a tooltip.
The text is drawn by spaCy's displacy span renderer (``style="span"``, ``manual=True``), the page by the
jinja2 template ``resources/templates/report.html.j2``.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from importlib import resources
from typing import Callable, Iterable, Optional

from .tables import host_text, kind_text, span_text

# record key -> (kind shown on the highlight, colour)
KINDS = {
    "events": ("event", "#feca74"),
    "people": ("person", "#aa9cfc"),
    "congresses": ("congress", "#7aecec"),
    "dates": ("date", "#bfe1d9"),
    "relative_dates": ("relative date", "#e4e7d2"),
    "trade_targets": ("trade target", "#f0b0c0"),
}
_WORD_RE = re.compile(r"\S+")
# Words per piece of text handed to displacy at most (unless a highlight spans the cut).
BLOCK_WORDS = 250


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str
    tooltip: str
    color: str


def item_value(key: str, item: dict) -> str:
    """The normalized value of an item, as the tooltip shows it."""
    if key == "events":
        return f"{kind_text(item)}: {', '.join(item['actors']) or '—'} {span_text(item['start'], item['end'])}".strip()
    if key == "people":
        return "; ".join([item["name"], *item["titles"], *([item["country"]] if item.get("country") else [])])
    if key == "congresses":
        return f"{item['ordinal']} {item['party']} {span_text(item['start'], item['end'])}".strip()
    if key == "trade_targets":
        return f"{item['value']:,} {item['currency']}"
    return span_text(item["start"], item["end"])


def highlights(record: dict, locate: Optional[Callable[[int, int], tuple[int, int]]] = None) -> list[Highlight]:
    """One highlight per extracted item that has evidence, in text order; ``locate`` maps the record's
    offsets into the text shown when that is not the text they index."""
    found = []
    for key, (kind, color) in KINDS.items():
        for item in record.get(key) or ():
            evidence = item.get("evidence")
            if not evidence:
                continue
            tooltip = f"{kind}: {item_value(key, item)} · rule {evidence.get('rule')}"
            start, end = evidence["start_char"], evidence["end_char"]
            if locate is not None:
                start, end = locate(start, end)
            found.append(Highlight(start, end, kind, tooltip, color))
    return sorted(found, key=lambda h: (h.start, -h.end, h.kind))


def blocks(text: str, marks: list[Highlight], size: int = BLOCK_WORDS) -> list[tuple[int, int]]:
    """(start, end) of the pieces displacy draws: each non-blank line, a long one cut every ``size``
    words where no highlight spans the cut (displacy's cost is words x spans per piece)."""
    pieces, line_start = [], 0
    ends = sorted((m.start, m.end) for m in marks)
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if line.strip():
            pieces.extend(_cut_line(text, line_start, line_end, ends, size))
        line_start = line_end + 1
    return pieces


def _cut_line(text: str, start: int, end: int, marks: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    pieces, piece_start, words = [], start, 0
    first = bisect.bisect_left(marks, (start, -1))
    covered = start  # the furthest end of a highlight begun so far
    for match in _WORD_RE.finditer(text, start, end):
        while first < len(marks) and marks[first][0] < match.start():
            covered = max(covered, marks[first][1])
            first += 1
        if words >= size and covered <= match.start():
            pieces.append((piece_start, match.start()))
            piece_start, words = match.start(), 0
        words += 1
    pieces.append((piece_start, end))
    return pieces


def _tokens(text: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    """Words of text[start:end], also cut where a highlight starts or ends inside a word (``cuts`` sorted)."""
    tokens = []
    for match in _WORD_RE.finditer(text, start, end):
        low, high = bisect.bisect_right(cuts, match.start()), bisect.bisect_left(cuts, match.end())
        edges = [match.start(), *cuts[low:high], match.end()]
        tokens.extend(zip(edges, edges[1:]))
    return tokens


def displacy_piece(text: str, start: int, end: int, marks: list[Highlight], anchor: str) -> dict:
    """The manual-mode input of displacy's span renderer for one piece of text and its highlights."""
    tokens = _tokens(text, start, end, sorted({m.start for m in marks} | {m.end for m in marks}))
    starts = [s for s, _ in tokens]
    spans = []
    for mark in marks:
        first, stop = bisect.bisect_left(starts, mark.start), bisect.bisect_left(starts, mark.end)
        if first < stop:
            spans.append({"start_token": first, "end_token": stop, "label": html.escape(mark.tooltip),
                          "kb_id": html.escape(mark.kind), "kb_url": anchor})
    return {"text": text[start:end], "tokens": [text[s:e] for s, e in tokens], "spans": spans}


def article_markup(text: str, marks: list[Highlight], anchor: str) -> str:
    """The article's text as displacy span markup, one block per line (long lines in pieces)."""
    from spacy import displacy
    from spacy.displacy.templates import TPL_SPAN, TPL_SPAN_SLICE

    ordered = sorted(marks, key=lambda m: m.start)
    keys = [m.start for m in ordered]
    pieces = []
    for start, end in blocks(text, ordered):
        mine = ordered[bisect.bisect_left(keys, start):bisect.bisect_left(keys, end)]
        pieces.append(displacy_piece(text, start, end, mine, anchor))
    if not pieces:
        return ""
    options = {"colors": {html.escape(m.tooltip): m.color for m in marks},
               "template": {"span": TPL_SPAN, "slice": TPL_SPAN_SLICE, "start": _template("span_start.html")}}
    return displacy.render(pieces, style="span", manual=True, page=False, options=options, jupyter=False)


def _template(name: str) -> str:
    return resources.files("vnlao_extract.resources").joinpath("templates", name).read_text(encoding="utf-8")


def overview(records: list[dict], timeline: Optional[dict]) -> dict:
    """The table at the top: every event of the batch, or the timeline's merged events."""
    if timeline is not None:
        rows = [[e.get("id"), kind_text(e), ", ".join(e.get("actors") or ()), span_text(e.get("start"), e.get("end")),
                 e.get("place"), e.get("status"), len(e.get("sources") or ())] for e in timeline.get("timeline") or ()]
        return {"caption": "Timeline", "rows": rows,
                "columns": ["id", "event", "actors", "when", "place", "status", "sources"]}
    events = [(r["source"], e) for r in records for e in r.get("events") or ()]
    with_host = any(e.get("host") for _, e in events)
    rows = [[source, kind_text(e), ", ".join(e["actors"]), *([host_text(e)] if with_host else []),
             span_text(e["start"], e["end"]), e["place"], e["status"]] for source, e in events]
    return {"caption": "Events", "rows": rows,
            "columns": ["source", "event", "actors", *(["host"] if with_host else []), "when", "place", "status"]}


def _counts(record: dict) -> str:
    parts = [f"{len(record.get(key) or ())} {label}" for key, label in
             (("events", "events"), ("people", "people"), ("congresses", "congresses"), ("dates", "dates"),
              ("trade_targets", "trade targets"))]
    return ", ".join(parts)


def render_report(articles: Iterable[tuple], timeline: Optional[dict] = None) -> str:
    """The page for (record, text) or (record, text, locate) tuples (see :func:`highlights`); a record
    whose text is None is listed without its text."""
    import jinja2
    from markupsafe import Markup

    from .. import __version__

    articles = [(record, text, *(rest or [None])) for record, text, *rest in articles]
    records = [record for record, _, _ in articles]
    sections = [{"source": r["source"], "published": r.get("published"), "title": r.get("title"),
                 "error": r.get("error"), "counts": _counts(r),
                 "markup": Markup(article_markup(text, highlights(r, locate), f"#article-{n}")) if text else None}
                for n, (r, text, locate) in enumerate(articles, 1)]
    failed = sum(r.get("error") is not None for r in records)
    summary = (f"{len(records)} articles · {sum(len(r.get('events') or ()) for r in records)} events · "
               f"{sum(len(r.get('people') or ()) for r in records)} people · {failed} with errors")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                                     keep_trailing_newline=True)
    page = environment.from_string(_template("report.html.j2"))
    return page.render(title="vnlao_extract report", summary=summary, version=__version__,
                       legend=[(kind, color) for kind, color in dict(KINDS.values()).items()],
                       overview=overview(records, timeline), articles=sections)


class HtmlReportWriter:
    """Collects records and their texts; the page is written when the batch is done."""

    def __init__(self, stream, text_of: Callable[[dict], Optional[tuple]], timeline: bool = False):
        self.stream, self.text_of, self.timeline = stream, text_of, timeline
        self.articles: list[tuple] = []

    def write(self, record: dict) -> None:
        shown = None if record.get("error") else self.text_of(record)
        self.articles.append((record, *(shown or (None, None))))

    def close(self) -> None:
        merged = None
        if self.timeline:
            from ..merge import build_timeline

            merged = build_timeline([article[0] for article in self.articles])
        self.stream.write(render_report(self.articles, merged))

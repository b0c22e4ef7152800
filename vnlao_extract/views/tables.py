"""Rich tables for people reading the output on a terminal.

Per article: a header line, then the overview of its events (who visited or met whom, when, where, in
what status), then people, congresses, dates and trade targets; sections with no rows are left out.
With ``explain``, every item is followed by its evidence: the sentence with the matched span
highlighted and the id of the rule that produced it.
"""
from __future__ import annotations

from typing import Iterable, Optional

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

EMPTY = "—"


def _cell(value) -> str:
    return EMPTY if value in (None, "", []) else str(value)


def _table(title: str, columns: list[str], rows: list[list]) -> Optional[Table]:
    if not rows:
        return None
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, expand=False,
                  pad_edge=False, show_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[Text(_cell(cell)) for cell in row])
    return table


def span_text(start, end) -> str:
    """`2026-01-26 → 2026-01-27`, or the start alone."""
    return f"{start} → {end}" if end else (start or "")


def kind_text(event: dict) -> str:
    """`visit (state)`: the type and, when known, its subtype."""
    return f"{event['type']} ({event['subtype']})" if event.get("subtype") else event["type"]


def host_text(event: dict) -> str:
    host = event.get("host")
    if isinstance(host, dict):
        return host.get("name") or host.get("country") or ""
    if isinstance(host, list):
        return ", ".join(map(str, host))
    return host or ""


def overview_rows(record: dict) -> tuple[list[str], list[list]]:
    """The events overview: columns and rows (the host column only when some event has one)."""
    events = record.get("events") or []
    with_host = any(e.get("host") for e in events)
    columns = ["event", "actors", *(["host"] if with_host else []), "when", "place", "status"]
    rows = [[kind_text(e), ", ".join(e["actors"]), *([host_text(e)] if with_host else []),
             span_text(e["start"], e["end"]), e["place"], e["status"]] for e in events]
    return columns, rows


SECTIONS = (
    ("People", ["name", "titles", "country", "aliases"], "people",
     lambda p: [p["name"], "; ".join(p["titles"]), p["country"], ", ".join(p["aliases"])]),
    ("Congresses", ["ordinal", "party", "when"], "congresses",
     lambda c: [c["ordinal"], c["party"], span_text(c["start"], c["end"])]),
    ("Dates", ["text", "normalized"], "dates", lambda d: [d["text"], span_text(d["start"], d["end"])]),
    ("Trade targets", ["value", "currency", "text"], "trade_targets",
     lambda t: [f"{t['value']:,}", t["currency"], t["text"]]),
)


def highlighted_sentence(evidence: dict) -> Text:
    """The evidence sentence with the matched span in bold reverse."""
    sentence = Text(evidence.get("sentence") or "")
    found = sentence.plain.find(evidence.get("text") or "\0")
    if found >= 0:
        sentence.stylize("bold reverse", found, found + len(evidence["text"]))
    return sentence


def evidence_table(title: str, items: Iterable[tuple[str, dict]]) -> Optional[Table]:
    """One row per item: what it is, the rule, and the sentence with the span highlighted."""
    rows = [(label, item.get("evidence")) for label, item in items]
    rows = [(label, evidence) for label, evidence in rows if evidence]
    if not rows:
        return None
    table = Table(title=f"{title}: evidence", title_justify="left", title_style="bold dim", box=box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False)
    for column in ("item", "rule", "sentence"):
        table.add_column(column, overflow="fold")
    for label, evidence in rows:
        table.add_row(Text(label), Text(evidence.get("rule") or EMPTY), highlighted_sentence(evidence))
    return table


def _print(console: Console, *renderables) -> None:
    for renderable in renderables:
        if renderable is not None:
            console.print(renderable)
            console.print()


def render_record(record: dict, console: Console, explain: bool = False) -> None:
    """Print one article record: header, events overview, then the other non-empty sections."""
    header = f"[bold]{escape(record['source'])}[/bold]"
    if record.get("published"):
        header += f"  published {record['published']}"
    console.rule(header, align="left")
    if record.get("error"):
        console.print(Text.assemble(("error: ", "red"), record["error"]))
        return
    events = record.get("events") or []
    _print(console, _table("Events", *overview_rows(record)))
    if explain:
        _print(console, evidence_table("Events", ((kind_text(e), e) for e in events)))
    for title, columns, key, row in SECTIONS:
        items = record.get(key) or []
        _print(console, _table(title, columns, [row(item) for item in items]))
        if explain:
            _print(console, evidence_table(title, ((str(row(item)[0]), item) for item in items)))
    if not any(record.get(key) for key in ("events", "people", "congresses", "dates", "trade_targets")):
        console.print(Text("nothing found", style="dim"))
    for warning in record.get("warnings") or []:
        console.print(Text.assemble(("warning: ", "yellow"), warning))

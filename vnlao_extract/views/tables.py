"""Rich tables for people reading the output on a terminal."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[escape(str(cell)) if cell not in (None, "") else "—" for cell in row])
    return table


def _span(start, end) -> str:
    return f"{start} → {end}" if end else (start or "")


def render_record(record: dict, console: Console, explain: bool = False) -> None:
    """Print one article record as tables: people, events, congresses, dates, trade targets."""
    header = f"[bold]{escape(record['source'])}[/bold]"
    if record.get("published"):
        header += f"  published {record['published']}"
    console.rule(header)
    if record.get("error"):
        console.print(f"[red]error:[/red] {escape(record['error'])}")
        return
    console.print(_table("People", ["name", "titles", "country", "aliases"],
                         [[p["name"], "; ".join(p["titles"]), p["country"], ", ".join(p["aliases"])]
                          for p in record["people"]]))
    console.print(_table("Events", ["type", "actors", "when", "place", "status"],
                         [[e["type"], ", ".join(e["actors"]), _span(e["start"], e["end"]), e["place"], e["status"]]
                          for e in record["events"]]))
    console.print(_table("Congresses", ["ordinal", "party", "when"],
                         [[c["ordinal"], c["party"], _span(c["start"], c["end"])] for c in record["congresses"]]))
    console.print(_table("Dates", ["text", "normalized"],
                         [[d["text"], _span(d["start"], d["end"])] for d in record["dates"]]))
    console.print(_table("Trade targets", ["value", "currency", "text"],
                         [[f"{t['value']:,}", t["currency"], t["text"]] for t in record["trade_targets"]]))
    for warning in record.get("warnings", []):
        console.print(f"[yellow]warning:[/yellow] {escape(warning)}")

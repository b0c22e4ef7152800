"""`--format csv`: one flat table (RFC 4180, Python's csv module) of one kind of item across the batch.

One row per item, the article's `source` first; lists are joined with "; ". The evidence sentence is the
last column unless --no-evidence. With a timeline, one row per merged event with its source count.
"""
from __future__ import annotations

import csv
from typing import Callable, Iterable, TextIO

JOIN = "; "


def _joined(values) -> str:
    return JOIN.join(str(v) for v in values or () if v is not None)


def _host(item: dict) -> str:
    from .tables import host_text

    return host_text(item)


# table -> (columns, row of an item); every row starts with the record's source
COLUMNS: dict[str, tuple[list[str], Callable[[dict], list]]] = {
    "events": (["type", "subtype", "actors", "host", "start", "end", "place", "status"],
               lambda e: [e["type"], e.get("subtype"), _joined(e["actors"]), _host(e), e["start"], e["end"],
                          e["place"], e["status"]]),
    "people": (["name", "titles", "country", "aliases", "registry_id"],
               lambda p: [p["name"], _joined(p["titles"]), p["country"], _joined(p["aliases"]),
                          p.get("registry_id")]),
    "congresses": (["ordinal", "party", "start", "end"], lambda c: [c["ordinal"], c["party"], c["start"], c["end"]]),
    "trade_targets": (["value", "currency", "text"], lambda t: [t["value"], t["currency"], t["text"]]),
    "dates": (["text", "start", "end", "precision", "kind"],
              lambda d: [d["text"], d["start"], d["end"], d.get("precision"), d.get("kind")]),
}
TIMELINE_COLUMNS = ["id", "type", "actors", "start", "end", "place", "status", "source_count", "sources"]


def _text(value) -> str:
    return "" if value is None else str(value)


class CsvTableWriter:
    """Writes the header once, then the rows of each record as it comes."""

    def __init__(self, stream: TextIO, table: str = "events", evidence: bool = True):
        self.columns, self.row = COLUMNS[table]
        self.table, self.evidence = table, evidence
        self.writer = csv.writer(stream)  # excel dialect: RFC 4180 quoting, CRLF line ends
        self.writer.writerow(["source", *self.columns, *(["sentence"] if evidence else [])])

    def write(self, record: dict) -> None:
        for item in record.get(self.table) or ():
            sentence = [(item.get("evidence") or {}).get("sentence")] if self.evidence else []
            self.writer.writerow([_text(v) for v in (record["source"], *self.row(item), *sentence)])


def write_timeline_csv(timeline: dict, stream: TextIO) -> int:
    """The timeline's events, one row each with how many articles report it; returns the row count."""
    writer = csv.writer(stream)
    writer.writerow(TIMELINE_COLUMNS)
    events: Iterable[dict] = timeline.get("timeline") or ()
    count = 0
    for event in events:
        sources = event.get("sources") or []
        writer.writerow([_text(v) for v in (event.get("id"), event.get("type"), _joined(event.get("actors")),
                                            event.get("start"), event.get("end"), event.get("place"),
                                            event.get("status"), len(sources), _joined(sources))])
        count += 1
    return count

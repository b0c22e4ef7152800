"""One plain function from a processed Doc to the output record (the JSON contract), and the error record."""
from __future__ import annotations

from spacy.tokens import Doc

from . import SCHEMA_VERSION, __version__
from .errors import Warnings
from .people_record import drop_dead_actors, link_people


def _date_key(date) -> tuple:
    return (date.start, date.end or "")


def doc_to_record(doc: Doc, source: str, encoding: str | None = None) -> dict:
    """The article record: the contract's fields first, then evidence and extras."""
    article = doc._.article
    absolute = [d for d in doc._.dates if d.kind != "relative"]
    relative = [d for d in doc._.dates if d.kind == "relative"]
    events = drop_dead_actors(doc, [e.as_record() for e in doc._.events])
    return {
        "source": source,
        "published": article.published.isoformat() if article.published else None,
        "people": link_people(doc, events),
        "congresses": [c.as_record() for c in doc._.congresses],
        "events": events,
        "trade_targets": [t.as_record() for t in doc._.trade_targets],
        "dates": _unique_dates(absolute),
        "relative_dates": _unique_dates(relative),
        "references": [{"text": r.span.text, "person": r.person.name if r.person else r.registry_name,
                        "resolved_by": "article" if r.person else "registry" if r.registry_name else None}
                       for r in doc._.references],
        "title": article.title,
        "published_from": article.published_from,
        "dateline": article.dateline,
        "outlet": article.outlet,
        "warnings": list(doc._.warnings) + _date_warnings(doc, source),
        "unresolved_dates": doc._.unresolved_dates,
        "encoding": encoding,
        "error": None,
        "schema_version": SCHEMA_VERSION,
        "extractor_version": __version__,
    }


def _date_warnings(doc: Doc, source: str) -> list[str]:
    """The year-less dates left out for want of a published date, as one warning."""
    if not doc._.unresolved_dates or doc._.article.published is not None:
        return []
    return [Warnings.W005.format(path=source, count=doc._.unresolved_dates)]


def _unique_dates(dates) -> list[dict]:
    """Each distinct normalized date once, at its first mention (the others as extra mentions)."""
    seen: dict[tuple, dict] = {}
    for date in dates:
        record = seen.get(_date_key(date))
        if record is None:
            seen[_date_key(date)] = record = date.as_record()
            record["mentions"] = []
        record["mentions"].append([date.span.start_char, date.span.end_char])
    return list(seen.values())


def error_record(source: str, message: str) -> dict:
    """The record of an input that could not be read: every field present, empty, with the error."""
    return {"source": source, "published": None, "people": [], "congresses": [], "events": [],
            "trade_targets": [], "dates": [], "relative_dates": [], "references": [], "title": None,
            "published_from": None, "dateline": None, "outlet": None, "warnings": [], "unresolved_dates": 0,
            "encoding": None, "error": message, "schema_version": SCHEMA_VERSION, "extractor_version": __version__}

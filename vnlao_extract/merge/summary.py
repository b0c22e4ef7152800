"""Per-article summaries of records and their combine: what a timeline is built from.

`summarize(record)` keeps of one article record only what merging needs: one row per event mention (actors
as person keys, place, date, weekday cue, the event of the same article it belongs to), one row per person
and per congress. `combine(a, b)` is a sorted multiset union of rows plus counts: associative and
commutative, so summaries can be combined in any grouping and order (Dask partitions, `--jobs`) and always
give the same summary. Rows are sorted by a key ending in a digest of the row, so equal keys mean equal rows.
"""
from __future__ import annotations

import hashlib
import heapq
import json
from typing import Iterable, Optional

from ..registry import fold
from . import cues
from .rules import merge_family, places_compatible, resolve_place, settings

EMPTY = {"articles": 0, "errors": 0, "mentions": (), "people": (), "congresses": ()}
_LISTS = ("mentions", "people", "congresses")


def _keyed(rows: Iterable[dict], *fields: str) -> tuple:
    """(sort key, row) pairs in key order: the key leads with the row's identifying fields and ends with a
    digest of all of it, so two rows share a key only when they are equal."""
    def key(row: dict) -> str:
        digest = hashlib.blake2b(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass"),
                                 digest_size=8).hexdigest()
        return "\x1f".join([*(str(row.get(f)) for f in fields), digest])

    return tuple(sorted((key(row), row) for row in rows))


def combine(a: dict, b: dict) -> dict:
    """The summary of both inputs' articles (sorted merge: linear in their sizes)."""
    out = {"articles": a["articles"] + b["articles"], "errors": a["errors"] + b["errors"]}
    for name in _LISTS:
        out[name] = tuple(heapq.merge(a[name], b[name], key=lambda pair: pair[0]))
    return out


def combine_all(summaries: Iterable[dict]) -> dict:
    """`combine` of any number of summaries at once: one sort (n log n), where a left fold of `combine`
    would copy the growing summary at every step."""
    out = {"articles": 0, "errors": 0, **{name: [] for name in _LISTS}}
    for summary in summaries:
        out["articles"] += summary["articles"]
        out["errors"] += summary["errors"]
        for name in _LISTS:
            out[name].extend(summary[name])
    for name in _LISTS:
        out[name] = tuple(sorted(out[name], key=lambda pair: pair[0]))
    return out


def person_key(person: dict) -> str:
    """One person across articles: the registry id, else the record's id, else the folded name."""
    return person.get("registry_id") or person.get("id") or "name:" + fold(person.get("name") or "")


def _people_index(record: dict) -> tuple[dict[str, str], dict[str, str]]:
    """Folded name forms and record person ids -> person key."""
    by_form, by_id = {}, {}
    for person in record.get("people") or ():
        key = person_key(person)
        for form in [person.get("name") or "", *(person.get("aliases") or ())]:
            by_form.setdefault(fold(form), key)
        if person.get("id"):
            by_id[person["id"]] = key
    return by_form, by_id


def _actor_keys(event: dict, by_form: dict, by_id: dict) -> dict[str, str]:
    """Person key -> the name the article wrote, in the event's actor order (visitor first)."""
    names, ids = event.get("actors") or [], event.get("actor_ids") or []
    if ids and len(ids) == len(names):
        keys = [by_id.get(i) or by_form.get(fold(n)) or i for i, n in zip(ids, names)]
    else:
        keys = [by_form.get(fold(n)) or "name:" + fold(n) for n in names]
    out: dict[str, str] = {}
    for key, name in zip(keys, names):
        out.setdefault(key, name)
    return out


def _evidence(event: dict, source: str) -> dict:
    ev = event.get("evidence") or {}
    return {"source": source, "type": event.get("type"), "text": ev.get("text"), "rule": ev.get("rule"),
            "sentence": ev.get("sentence"), "start_char": ev.get("start_char"), "end_char": ev.get("end_char"),
            "start": event.get("start"), "end": event.get("end"), "place": event.get("place"),
            "status": event.get("status")}


def _sentence_span(event: dict) -> tuple[int, int]:
    ev = event.get("evidence") or {}
    start, sentence, text = ev.get("start_char") or 0, ev.get("sentence") or "", ev.get("text") or ""
    offset = sentence.find(text) if text else -1
    first = start - max(offset, 0)
    return first, first + max(len(sentence), 1)


def _spans(event: dict) -> list[int]:
    starts = [m[0] for m in event.get("mentions") or () if isinstance(m, (list, tuple)) and m]
    return starts or [(event.get("evidence") or {}).get("start_char") or 0]


def _rank(event_type: str) -> Optional[int]:
    return settings().rank.get(event_type)


def _fold_same_occasion(events: list[dict], keys: list[list[str]]) -> list[int]:
    """Index of the event each one is folded into: an undated meeting of exactly the leaders who hold the
    article's talks is those talks ("the two leaders also discussed ..."); others stay themselves."""
    target = list(range(len(events)))
    for i, event in enumerate(events):
        if event.get("start") or len(keys[i]) < 2:
            continue
        for j, other in enumerate(events):
            if (j != i and target[j] == j and other.get("type") != event.get("type")
                    and merge_family(other["type"]) == other["type"] == merge_family(event["type"])
                    and set(keys[j]) == set(keys[i])
                    and places_compatible(resolve_place(event.get("place")), resolve_place(other.get("place")))):
                target[i] = j
                break
    return target


def _anchor(i: int, events: list[dict], keys: list[list[str]], kept: list[bool]) -> Optional[int]:
    """The event of the same article this one belongs to: a lower-ranked event of shared actors named in
    its sentence (the visit "as part of" which talks are held), else the nearest one told before it, else
    (for an undated one: the lede's talks of a visit told later) the nearest one told after it."""
    rank = _rank(events[i]["type"])
    if rank is None:
        return None
    first, last = _sentence_span(events[i])
    at = (events[i].get("evidence") or {}).get("start_char") or 0
    same, before, after = [], [], []
    for j, other in enumerate(events):
        other_rank = _rank(other["type"])
        if j == i or not kept[j] or other_rank is None or other_rank >= rank or not set(keys[i]) & set(keys[j]):
            continue
        for start in _spans(other):
            if first <= start < last:
                same.append((abs(start - at), other_rank, j))
            elif start < at:
                before.append((at - start, other_rank, j))
            elif not events[i].get("start"):
                after.append((start - at, other_rank, j))
    for found in (same, before, after):
        if found:
            return min(found)[2]
    return None


def _borrowed_dates(events: list[dict], keys: list[list[str]]) -> set[int]:
    """Visits whose date belongs to another visit of the same sentence: "X will visit Vietnam on May 24-25
    after his trip to Laos" dates one visit, told first; the one told later keeps no date of its own."""
    told: dict[tuple, int] = {}
    borrowed = set()
    order = sorted(range(len(events)), key=lambda i: (events[i].get("evidence") or {}).get("start_char") or 0)
    for i in order:
        event = events[i]
        if event.get("type") != "visit" or not event.get("start") or not keys[i]:
            continue
        key = (keys[i][0], event["start"], event.get("end"), (event.get("evidence") or {}).get("sentence"))
        first = told.setdefault(key, i)
        if first != i and not places_compatible(resolve_place(event.get("place")),
                                                 resolve_place(events[first].get("place"))):
            borrowed.add(i)
    return borrowed


def _mention_rows(record: dict) -> list[dict]:
    source, events = record.get("source") or "", list(record.get("events") or ())
    by_form, by_id = _people_index(record)
    named = [_actor_keys(event, by_form, by_id) for event in events]
    keys = [list(n) for n in named]
    target = _fold_same_occasion(events, keys)
    kept = [target[i] == i for i in range(len(events))]
    mids = [f"{source}#{(e.get('evidence') or {}).get('start_char') or 0}#{e.get('type')}" for e in events]
    borrowed = _borrowed_dates(events, keys)
    rows = []
    for i, event in enumerate(events):
        if not kept[i]:
            continue
        anchor = _anchor(i, events, keys, kept)
        folded_in = [j for j in range(len(events)) if target[j] == i]
        sentence = (event.get("evidence") or {}).get("sentence")
        rows.append({
            "mid": mids[i], "source": source, "published": record.get("published"),
            "type": event.get("type"), "subtype": event.get("subtype"), "status": event.get("status"),
            "actors": keys[i], "names": named[i],
            "place": event.get("place"), "start": None if i in borrowed else event.get("start"),
            "end": None if i in borrowed else event.get("end"),
            "weekday": cues.weekday(sentence),
            "monthday": cues.month_day(sentence) if not (record.get("published") or event.get("start")) else None,
            "anchor": mids[anchor] if anchor is not None else None,
            "evidence": [_evidence(events[j], source) for j in folded_in],
        })
    return rows


def _person_rows(record: dict) -> list[dict]:
    return [{"source": record.get("source") or "", "key": person_key(p), "name": p.get("name"),
             "aliases": list(p.get("aliases") or ()), "titles": list(p.get("titles") or ()),
             "country": p.get("country"), "registry_id": p.get("registry_id")}
            for p in record.get("people") or () if p.get("name")]


def _congress_rows(record: dict) -> list[dict]:
    return [{"source": record.get("source") or "", "ordinal": c.get("ordinal"), "party": c.get("party"),
             "start": c.get("start"), "end": c.get("end")}
            for c in record.get("congresses") or () if c.get("ordinal") is not None]


def summarize(record: dict) -> dict:
    """The summary of one article record (an error record only counts)."""
    if record.get("error"):
        return {**EMPTY, "articles": 1, "errors": 1}
    return {"articles": 1, "errors": 0, "mentions": _keyed(_mention_rows(record), "mid"),
            "people": _keyed(_person_rows(record), "source", "key"),
            "congresses": _keyed(_congress_rows(record), "source", "ordinal", "party")}

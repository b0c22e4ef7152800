"""Per-article summaries of records and their combine: what a timeline is built from.

`summarize(record)` keeps of one article record only what merging needs: one row per event mention (actors
as person keys, place, date, weekday cue, the event of the same article it belongs to), one row per person
and per congress. `combine(a, b)` is a sorted multiset union of rows plus counts: associative and
commutative, so summaries can be combined in any grouping and order (Dask partitions, `--jobs`) and always
give the same summary. Rows are sorted by their identifying fields, rows of equal fields by their content.
"""
from __future__ import annotations

import heapq
import json
import re
import sys
from typing import Iterable, NamedTuple, Optional

from ..registry import fold
from . import cues
from .rules import day_span, merge_family, places_compatible, resolve_place, settings

EMPTY = {"articles": 0, "errors": 0, "mentions": (), "people": (), "congresses": ()}
_LISTS = ("mentions", "people", "congresses")


def _shared(value):
    if isinstance(value, str):
        return sys.intern(value)
    if isinstance(value, list):
        return [_shared(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_shared(v) for v in value)
    if isinstance(value, dict):
        return {sys.intern(k): _shared(v) for k, v in value.items()}
    return value


def _canonical(row: dict) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def _ordered(pairs: list) -> tuple:
    """(key, row) pairs sorted by key, rows of one key (the same article given twice) by their content:
    the order never depends on which summary came first."""
    pairs.sort(key=lambda pair: pair[0])
    start = 0
    for end in range(1, len(pairs) + 1):
        if end == len(pairs) or pairs[end][0] != pairs[start][0]:
            if end - start > 1:
                pairs[start:end] = sorted(pairs[start:end], key=lambda pair: _canonical(pair[1]))
            start = end
    return tuple(pairs)


def combine(a: dict, b: dict) -> dict:
    """The summary of both inputs' articles (sorted merge: linear in their sizes)."""
    out = {"articles": a["articles"] + b["articles"], "errors": a["errors"] + b["errors"]}
    for name in _LISTS:
        out[name] = _ordered(list(heapq.merge(a[name], b[name], key=lambda pair: pair[0])))
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
        out[name] = _ordered(out[name])
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


def _evidence(event: dict) -> tuple:
    """One report of an event: trigger offsets, type, text and rule, and the date, place and status it gives
    (the sentence stays in the article's record, found by the offsets)."""
    ev = event.get("evidence") or {}
    return (ev.get("start_char"), ev.get("end_char"), event.get("type"), ev.get("text"), ev.get("rule"),
            event.get("start"), event.get("end"), event.get("place"), event.get("status"))


EVIDENCE_FIELDS = ("start_char", "end_char", "type", "text", "rule", "start", "end", "place", "status")


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


def _date_offsets(record: dict, start: str, end: Optional[str]) -> list[int]:
    """Where the article writes the date of that span (offsets of its mentions)."""
    return [m[0] for d in record.get("dates") or () if d.get("start") == start and (d.get("end") or None) == end
            for m in d.get("mentions") or () if isinstance(m, (list, tuple)) and m]


def _shared_spans(events: list[dict], keys: list[list[str]], record: dict) -> tuple[set[int], set[int]]:
    """Visits of one article that carry one span but go to different countries. Written after all of them
    ("state visits to Vietnam, Malaysia and Cambodia from April 14 to 18") it is the tour's span: each leg
    lies within it (returned second). Otherwise it dates one visit, told first ("X will visit Vietnam on
    May 24-25 after his trip to Laos"), and the ones told later keep no date of their own (returned first)."""
    groups: dict[tuple, list[int]] = {}
    order = sorted(range(len(events)), key=lambda i: (events[i].get("evidence") or {}).get("start_char") or 0)
    for i in order:
        event = events[i]
        if event.get("type") != "visit" or not event.get("start") or not keys[i]:
            continue
        key = (keys[i][0], event["start"], event.get("end"))
        groups.setdefault(key, []).append(i)
    borrowed, tours = set(), set()
    for (_, start, end), group in groups.items():
        first, last = group[0], group[-1]
        others = [i for i in group[1:] if not places_compatible(resolve_place(events[i].get("place")),
                                                                 resolve_place(events[first].get("place")))]
        if not others:
            continue
        told, sentence_end = (events[last].get("evidence") or {}).get("start_char") or 0, \
            _sentence_span(events[last])[1]
        if any(told < at < sentence_end for at in _date_offsets(record, start, end or None)):
            tours.update(group)
        else:
            borrowed.update(others)
    return borrowed, tours


def _reporting_day(event: dict, anchor: Optional[dict], published: Optional[str]) -> bool:
    """A planned event of an occasion that has not begun by its article's day, yet dated on or before that day:
    the date is the report's ("will visit on June 18 for talks ..., the office said on Thursday"), not the event's."""
    if event.get("status") != "planned" or anchor is None or not published:
        return False
    own, later, today = day_span(event.get("start")), day_span(anchor.get("start")), day_span(published)
    return bool(own and later and today) and own[1] <= today[0] < later[0]


_YEAR = re.compile(r"\b\d{4}\b")


def _yearless(event: dict, record: dict) -> bool:
    """Whether the event's month-only date was written without a year ("his visit in March") in a sentence
    without a word of tense: the extractor guessed the nearest year, and the March of the year before or
    after may be the one meant ("will visit in March" says which)."""
    start = event.get("start") or ""
    if len(start) != 7 or event.get("end"):
        return False
    written = [d.get("text") or "" for d in record.get("dates") or () if d.get("start") == start]
    return bool(written) and not any(_YEAR.search(text) for text in written) \
        and cues.tense_free((event.get("evidence") or {}).get("sentence"))


def _written_dates(record: dict) -> tuple:
    """The spans an article without a published date writes in full, year included: what it is about."""
    if record.get("published"):
        return ()
    return tuple(sorted({(d["start"], d.get("end") or "") for d in record.get("dates") or ()
                         if d.get("start") and d.get("kind", "absolute") == "absolute"}))


def _mention_rows(record: dict) -> list[dict]:
    source, events = record.get("source") or "", list(record.get("events") or ())
    by_form, by_id = _people_index(record)
    named = [_actor_keys(event, by_form, by_id) for event in events]
    keys = [list(n) for n in named]
    target = _fold_same_occasion(events, keys)
    kept = [target[i] == i for i in range(len(events))]
    mids = [f"{source}#{(e.get('evidence') or {}).get('start_char') or 0}#{e.get('type')}" for e in events]
    borrowed, tours = _shared_spans(events, keys, record)
    written = _written_dates(record)
    rows = []
    for i, event in enumerate(events):
        if not kept[i]:
            continue
        anchor = _anchor(i, events, keys, kept)
        undated = i in borrowed or _reporting_day(event, events[anchor] if anchor is not None else None,
                                                  record.get("published"))
        folded_in = [j for j in range(len(events)) if target[j] == i]
        sentence = (event.get("evidence") or {}).get("sentence")
        rows.append(MentionRow(
            mid=mids[i], source=source, published=record.get("published"), type=event.get("type"),
            subtype=event.get("subtype"), status=event.get("status"), actors=tuple(keys[i]),
            names=tuple((k, n) for k, n in named[i].items() if k.startswith("name:")), place=event.get("place"),
            start=None if undated else event.get("start"), end=None if undated else event.get("end"),
            weekday=cues.weekday(sentence), anchor=mids[anchor] if anchor is not None else None,
            monthday=tuple(cues.month_day(sentence) or ()) if not (record.get("published") or event.get("start"))
            else (),
            yearless=_yearless(event, record) and not undated, written_dates=written, tour=i in tours,
            evidence=tuple(_evidence(events[j]) for j in folded_in)))
    return rows


class MentionRow(NamedTuple):
    """One report of an event in one article (a tuple: a batch holds a few per article). Fields read by
    name as `row["type"]` or `row.get("anchor")` too."""

    mid: str
    source: str
    published: Optional[str]
    type: str
    subtype: Optional[str]
    status: Optional[str]
    actors: tuple
    names: tuple  # (person key, name as written) for people the article's people list lacks
    place: Optional[str]
    start: Optional[str]
    end: Optional[str]
    weekday: Optional[int]
    anchor: Optional[str]
    monthday: tuple
    yearless: bool
    written_dates: tuple  # in an article without a date: the dated spans it writes ("March 10-11, 2025")
    tour: bool  # its span is that of a tour of several countries: the visit lies within it
    evidence: tuple

    def __getitem__(self, key):
        return getattr(self, key) if isinstance(key, str) else tuple.__getitem__(self, key)

    def get(self, key: str, default=None):
        value = getattr(self, key, default)
        return default if value is None else value


class PersonRow(NamedTuple):
    """One person as one article names them (a tuple: thousands are held; "" for unknown)."""

    source: str
    key: str
    name: str
    aliases: tuple
    titles: tuple
    country: str
    registry_id: str


class CongressRow(NamedTuple):
    source: str
    ordinal: int
    party: str
    start: str
    end: str


def _person_rows(record: dict) -> list[PersonRow]:
    return [PersonRow(record.get("source") or "", person_key(p), p["name"], tuple(p.get("aliases") or ()),
                      tuple(p.get("titles") or ()), p.get("country") or "", p.get("registry_id") or "")
            for p in record.get("people") or () if p.get("name")]


def _congress_rows(record: dict) -> list[CongressRow]:
    return [CongressRow(record.get("source") or "", int(c["ordinal"]), c.get("party") or "", c.get("start") or "",
                        c.get("end") or "")
            for c in record.get("congresses") or () if isinstance(c.get("ordinal"), int)]


def _tupled(rows: list) -> tuple:
    """(row, row) pairs in order: a tuple row is its own key (equal keys are equal rows)."""
    return tuple((row, row) for row in sorted(type(row)(*map(_shared, row)) for row in rows))


def summarize(record: dict) -> dict:
    """The summary of one article record (an error record only counts)."""
    if record.get("error"):
        return {**EMPTY, "articles": 1, "errors": 1}
    mentions = [type(row)(*map(_shared, row)) for row in _mention_rows(record)]
    return {"articles": 1, "errors": 0, "mentions": _ordered([(row.mid, row) for row in mentions]),
            "people": _tupled(_person_rows(record)), "congresses": _tupled(_congress_rows(record))}

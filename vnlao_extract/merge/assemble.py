"""A combined summary -> the timeline object: events, people and congresses, each once for the batch."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import Optional

from ..registry import fold, strip_marks
from .cluster import Cluster, cluster_mentions
from .people import same_people
from .rules import resolve_place
from .summary import EVIDENCE_FIELDS

_STATUS_ORDER = {"completed": 3, "ongoing": 2, "planned": 1}


def _best_name(names: Counter) -> str:
    """The corpus-wide name: the native spelling (with its marks) if any report has it, else the most used."""
    return min(names, key=lambda n: (strip_marks(n) == n, -len(n.split()), -names[n], n))


def corpus_people(rows) -> tuple[list[dict], dict[str, str]]:
    """Each person once: every form seen, each title with the articles that used it; and key -> name."""
    grouped: dict[str, list] = defaultdict(list)
    for _, row in rows:
        grouped[row.key].append(row)
    people, names = [], {}
    for key, group in grouped.items():
        name = _best_name(Counter(r.name for r in group))
        names[key] = name
        aliases = sorted({a for r in group for a in (r.name, *r.aliases)} - {name}, key=lambda a: (fold(a), a))
        titles: dict[str, set] = defaultdict(set)
        for r in group:
            for title in r.titles:
                titles[title].add(r.source)
        countries = Counter(r.country for r in group if r.country)
        people.append({
            "id": key, "name": name, "aliases": aliases, "titles": sorted(titles),
            "title_sources": {t: sorted(s) for t, s in sorted(titles.items())},
            "country": min(countries, key=lambda c: (-countries[c], c)) if countries else None,
            "registry_id": next((r.registry_id for r in group if r.registry_id), None),
            "sources": sorted({r.source for r in group}),
        })
    people.sort(key=lambda p: (fold(p["name"]), p["id"]))
    return people, names


def corpus_congresses(rows) -> list[dict]:
    """Each (ordinal, party) once, dated by the most precise report that dates it."""
    grouped: dict[tuple, list] = defaultdict(list)
    for _, row in rows:
        grouped[(row.ordinal, row.party)].append(row)
    out = []
    for (ordinal, party), group in sorted(grouped.items()):
        dated = sorted(((r.start, r.end) for r in group if r.start), key=lambda s: (-len(s[0]), -len(s[1]), s))
        start, end = dated[0] if dated else (None, None)
        out.append({"ordinal": ordinal, "party": party or None, "start": start, "end": end or None,
                    "sources": sorted({r.source for r in group})})
    return out


def _event_type(cluster: Cluster) -> str:
    family = cluster.family
    return "congress" if family.startswith("congress:") else (family if family in cluster.types else min(cluster.types))


def _actors(cluster: Cluster) -> list[str]:
    positions: dict[str, list[int]] = defaultdict(list)
    for item in cluster.members:
        for n, key in enumerate(item.actors):
            positions[key].append(n)
    return sorted(positions, key=lambda k: (min(positions[k]), -len(positions[k]), k))


def _place(cluster: Cluster) -> tuple[Optional[str], Optional[str]]:
    written = Counter(i.row["place"] for i in cluster.members if i.row.get("place"))
    if not written and cluster.anchor is not None and cluster.anchor.family != "visit":
        return cluster.anchor.when.get("place"), cluster.anchor.when.get("place_country")
    place = min(written, key=lambda p: (-written[p], resolve_place(p).local is None, p)) if written else None
    country = next((p.country for p in cluster.places if p.country), None)
    return place, country


def _status(cluster: Cluster) -> Optional[str]:
    """The furthest status any report gives: reports only move from planned to ongoing to completed."""
    said = [i.row["status"] for i in cluster.members if i.row.get("status") in _STATUS_ORDER]
    return max(said, key=_STATUS_ORDER.__getitem__) if said else None


def _common(values) -> Optional[str]:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _mentions(cluster: Cluster) -> list[dict]:
    items = [{"source": i.row["source"], **dict(zip(EVIDENCE_FIELDS, ev))} for i in cluster.members
             for ev in i.row["evidence"]]
    return sorted(items, key=lambda e: (e["source"], e["start_char"] or 0, e["type"] or ""))


def _event(cluster: Cluster, names: dict[str, str]) -> dict:
    keys = _actors(cluster)
    written = {k: n for i in cluster.members for k, n in i.row.get("names", ())}
    place, country = _place(cluster)
    cluster.when["place"], cluster.when["place_country"] = place, country
    when = cluster.when
    event = {
        "id": None, "type": _event_type(cluster), "subtype": _common(i.row.get("subtype") for i in cluster.members),
        "actors": [names.get(k) or written.get(k) or k for k in keys], "actor_ids": keys,
        "start": when["start"], "end": when["end"], "place": place, "place_country": country,
        "status": _status(cluster), "sources": sorted({i.row["source"] for i in cluster.members}),
    }
    if when["date_from"]:
        event["date_from"] = when["date_from"]
    if when["within"]:
        event["within"] = when["within"]
    event["mentions"] = _mentions(cluster)
    return event


def _ids(events: list[dict], clusters: list[Cluster]) -> None:
    """Each id hashes the event's canonical key; a key two events share takes their first mention too."""
    bases = ["|".join([e["type"], ",".join(sorted(e["actor_ids"])), e["start"] or "", e["end"] or "",
                       e["place_country"] or ""]) for e in events]
    shared = Counter(bases)
    for event, base, cluster in zip(events, bases, clusters):
        key = base if shared[base] == 1 else base + "|" + min(i.row["mid"] for i in cluster.members)
        event["id"] = "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _renamed(summary: dict) -> tuple[list, list]:
    """People rows and mention rows with each unknown person's keys made one (see people.py)."""
    person_rows = [row for _, row in summary["people"]]
    moved = same_people(person_rows)
    mentions = [row for _, row in summary["mentions"]]
    if not moved:
        return [(row, row) for row in person_rows], mentions
    people = [(row, row._replace(key=moved.get(row.key, row.key))) for row in person_rows]
    renamed = []
    for row in mentions:
        actors = tuple(dict.fromkeys(moved.get(a, a) for a in row.actors))
        renamed.append(row._replace(actors=actors) if actors != row.actors else row)
    return people, renamed


def finish(summary: dict) -> dict:
    """The timeline object of a (combined) summary."""
    people_rows, mention_rows = _renamed(summary)
    people, names = corpus_people(people_rows)
    clusters = cluster_mentions(mention_rows)
    events = [_event(c, names) for c in clusters]
    _ids(events, clusters)
    events.sort(key=lambda e: (e["start"] is None, e["start"] or "", e["id"]))
    return {"timeline": events, "people": people, "congresses": corpus_congresses(summary["congresses"]),
            "articles": summary["articles"], "errors": summary["errors"]}

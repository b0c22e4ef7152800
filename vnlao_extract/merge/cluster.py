"""Event mentions of many articles -> distinct events (clusters), level by level.

Visits (and types that belong to no other event) are clustered first, then talks and meetings, which may
belong to a visit of their article, then signings and ceremonies, which may belong to talks: so a mention's
`anchor` is always an event already clustered and dated. In each family of types two passes run:
- mentions with a day-precise date of their own, in date order: each joins the cluster of the same actors
  and a compatible place whose span overlaps its own (gap of `day_gap` days), else starts one;
- the others (undated, or only a month or year): each joins the dated cluster that fits the span its
  anchor or its own coarse date allows, else the cluster nearest its article's date (within `near_days`,
  preferring one after it for "planned", before it for "completed"); in an article without a date, the
  only dated cluster of those people and place in the batch (that has its "June 10-11" or "Tuesday");
  else an undated cluster of the same actors and anchor.
Lookups go through an index per person and family, sorted by date, so the cost is about n log n.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from .dating import date_cluster, month_day_span, sibling_year, weekday_in
from .rules import (Place, countries_compatible, day_gap, day_span, iso_day, merge_family, places_compatible,
                    resolve_place, settings)

MAX_SPAN_DAYS = 366  # no reported occasion lasts longer: bounds how far back the date index is searched


@dataclass(eq=False)
class Cluster:
    cid: int
    family: str
    visitor: Optional[str]
    actors: set = field(default_factory=set)
    types: set = field(default_factory=set)
    places: list = field(default_factory=list)
    span: Optional[tuple] = None
    anchor: Optional["Cluster"] = None
    weekdays: set = field(default_factory=set)
    published: list = field(default_factory=list)
    members: list = field(default_factory=list)
    when: dict = field(default_factory=dict)
    keys: set = field(default_factory=set)
    anchors: set = field(default_factory=set)  # cids of the events its reports belong to
    told: dict = field(default_factory=dict)  # source -> the day spans its reports give
    sibling_dated: bool = False  # a report dated by a weekday its siblings placed


@dataclass(eq=False)
class Item:
    row: dict
    family: str
    actors: tuple
    place: Place
    own: Optional[tuple]
    coarse: Optional[tuple]
    anchor: Optional[Cluster]
    published: Optional[int]
    start: Optional[str] = None
    end: Optional[str] = None
    date_from: Optional[list] = None

    @property
    def visitor(self) -> Optional[str]:
        return self.actors[0] if self.actors else None


def level_of(event_type: str) -> int:
    return settings().rank.get(event_type, 0) if event_type != "visit" else 0


def _item(row: dict, by_mid: dict) -> Item:
    start = row.get("start")
    span = day_span(start, row.get("end"))
    day_precise = bool(start) and len(start) == 10 and span is not None and not row.get("tour")
    anchor = by_mid.get(row.get("anchor")) if row.get("anchor") else None
    place = resolve_place(row.get("place"))
    if place == Place() and anchor is not None and anchor.places:
        place = Place(country=anchor.places[0].country)
    published = day_span(row.get("published"))
    family = merge_family(row["type"]) if row["type"] != "congress" else "congress:" + str(row.get("subtype"))
    item = Item(row, family, tuple(row.get("actors") or ()), place, span if day_precise else None,
                None if day_precise else span, anchor, published[0] if published else None,
                start if day_precise else None, row.get("end") if day_precise else None)
    if not day_precise:
        _date_by_weekday(item)
    return item


def _has_month_day(span: tuple, monthday: list) -> bool:
    """Whether a span holds that month and day in one of its years."""
    month, day = monthday[0], monthday[1]
    for year in range(dt.date.fromordinal(span[0]).year, dt.date.fromordinal(span[1]).year + 1):
        try:
            if span[0] <= dt.date(year, month, day).toordinal() <= span[1]:
                return True
        except ValueError:
            continue
    return False


def _date_by_weekday(item: Item) -> None:
    """"on Thursday" in a sentence whose event belongs to a dated one: the only Thursday of that span."""
    anchor, weekday = item.anchor, item.row.get("weekday")
    if weekday is None or anchor is None or not anchor.when.get("start"):
        return
    day = weekday_in(weekday, day_span(anchor.when["start"], anchor.when.get("end")))
    if day is not None:
        item.own, item.start, item.date_from = (day, day), iso_day(day), anchor.when["date_sources"]


def _other_years(month: str) -> list[tuple]:
    """The same month (ISO "YYYY-MM") a year before and a year after, as day spans."""
    year, rest = int(month[:4]), month[4:]
    return [span for span in (day_span(f"{year + d}{rest}") for d in (-1, 1)) if span]


class Clusterer:
    """All clusters of a batch, with the per-person index the passes search."""

    def __init__(self):
        self.clusters: list[Cluster] = []
        self.by_mid: dict[str, Cluster] = {}
        self.index: dict[tuple, list[Cluster]] = {}  # (family, person) -> clusters, in creation order
        self.loose: dict[tuple, list[Cluster]] = {}  # ((family, person), anchor cid) -> undated clusters
        self.by_person: dict[str, dict[int, Cluster]] = {}  # person -> clusters of any type, by cid, in order
        self.s = settings()

    def run(self, rows) -> list[Cluster]:
        levels: dict[int, list[dict]] = {}
        for row in rows:
            levels.setdefault(level_of(row["type"]), []).append(row)
        for level in sorted(levels):
            items = [_item(row, self.by_mid) for row in levels[level]]
            self._stretch_one_day_anchors(items)
            first = len(self.clusters)
            for item in sorted((i for i in items if i.own), key=lambda i: (i.own, i.row["mid"])):
                self._place_exact(item)
            starts = self._date_index(first)
            for item in sorted((i for i in items if not i.own), key=lambda i: i.row["mid"]):
                self._place_loose(item, starts)
            for cluster in self.clusters[first:]:
                cluster.when = date_cluster(cluster)
        return self.clusters

    def _stretch_one_day_anchors(self, items: list[Item]) -> None:
        """A visit that its reports date to one day ("ended his visit on September 20") lasts over the day
        next to it on which an event of that visit is held ("held talks on September 19"): a day's slack."""
        for item in sorted((i for i in items if i.own and i.anchor is not None), key=lambda i: i.row["mid"]):
            anchor = item.anchor
            span = self._anchor_span(anchor)
            if anchor.family != "visit" or span is None or span[0] != span[1] or anchor.when.get("date_from"):
                continue
            if 0 < max(span[0] - item.own[0], item.own[1] - span[1]) <= day_gap(anchor.family) \
                    and item.own[0] == item.own[1] and countries_compatible(item.place, anchor.places[0]
                                                                            if anchor.places else Place()):
                first, last = min(span[0], item.own[0]), max(span[1], item.own[1])
                anchor.when["start"], anchor.when["end"] = iso_day(first), iso_day(last)
                anchor.span = (min(anchor.span[0], first), max(anchor.span[1], last)) if anchor.span else (first, last)

    # -- fitting -------------------------------------------------------------------------------------
    def _keys(self, item: Item) -> list[tuple]:
        people = [item.visitor] if item.family == "visit" else list(item.actors)
        return [(item.family, p) for p in people] or [(item.family, None)]

    def _fits(self, item: Item, cluster: Cluster) -> bool:
        if item.family == "visit":
            actors_ok = item.visitor == cluster.visitor
        elif not item.actors and not cluster.actors:
            actors_ok = item.family.startswith("congress:")
        else:
            mine = set(item.actors)
            if not mine & cluster.actors:
                return False
            actors_ok = (mine <= cluster.actors or cluster.actors <= mine) if item.row["type"] in cluster.types \
                else (mine == cluster.actors and len(mine) >= 2)
        same_place = countries_compatible if item.family == "visit" else places_compatible
        return actors_ok and all(same_place(item.place, p) for p in cluster.places)

    def _overlap(self, a: tuple, b: tuple) -> int:
        """Days two spans share (negative: days between them)."""
        return min(a[1], b[1]) - max(a[0], b[0]) + 1

    # -- pass 1: day-dated mentions ------------------------------------------------------------------
    def _place_exact(self, item: Item) -> None:
        best = None
        for key in self._keys(item):
            for cluster in reversed(self.index.get(key, ())):
                if cluster.span and cluster.span[0] < item.own[0] - MAX_SPAN_DAYS:
                    break
                if cluster.span is None or self._overlap(cluster.span, item.own) < 1 - self._exact_gap(item, cluster):
                    continue
                if self._fits(item, cluster):
                    score = (self._overlap(cluster.span, item.own), -cluster.cid)
                    best = max(best, (score, cluster), key=lambda x: x[0]) if best else (score, cluster)
        cluster = best[1] if best else self._new(item)
        cluster.span = (min(cluster.span[0], item.own[0]), max(cluster.span[1], item.own[1])) \
            if cluster.span else item.own
        self._add(cluster, item)

    def _exact_gap(self, item: Item, cluster: Cluster) -> int:
        """Days two reports may be apart and still be one event: `day_gap` of the type, or `same_visit_day_gap`
        for reports that belong to the same visit (outlets a day apart on the talks of one visit), unless one
        article tells both days (talks on two days of a visit are two talks) or a weekday placed by the siblings
        ("on Tuesday") dates one of them: that day is the article's own choice."""
        gap = day_gap(item.family)
        if item.anchor is None or item.anchor.cid not in cluster.anchors:
            return gap
        told = cluster.told.get(item.row["source"], set())
        if item.date_from or cluster.sibling_dated or (told - {item.own}):
            return gap
        return max(gap, self.s.same_visit_day_gap)

    # -- pass 2: undated or coarse mentions ----------------------------------------------------------
    def _date_index(self, first: int) -> dict[tuple, tuple[list, list]]:
        out = {}
        for key, clusters in self.index.items():
            dated = sorted((c.span[0], c.cid, c) for c in clusters if c.span and c.cid >= first)
            out[key] = ([d[0] for d in dated], [d[2] for d in dated])
        return out

    def _constraint(self, item: Item) -> Optional[tuple]:
        spans = [s for s in (item.coarse, self._anchor_span(item.anchor)) if s]
        if not spans:
            return None
        lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
        return (lo, hi) if lo <= hi else spans[0]

    @staticmethod
    def _anchor_span(anchor: Optional[Cluster]) -> Optional[tuple]:
        if anchor is None or not anchor.when.get("start"):
            return None
        return day_span(anchor.when["start"], anchor.when.get("end"))

    def _direction_ok(self, item: Item, span: tuple) -> bool:
        status, day, slack = item.row.get("status"), item.published, self.s.status_slack_days
        if status == "planned":
            return span[1] >= day - slack
        if status == "completed":
            return span[0] <= day + slack
        return True

    def _dated_candidates(self, item: Item, starts: dict, window: Optional[tuple]) -> list[tuple]:
        """Dated clusters that fit the item and overlap the window (all of them without one), best first:
        those its status points to ("planned": not over by its article's date), then the nearest."""
        found = {}
        for key in self._keys(item):
            firsts, clusters = starts.get(key, ([], []))
            lo = 0 if window is None else bisect.bisect_left(firsts, window[0] - MAX_SPAN_DAYS)
            hi = len(firsts) if window is None else bisect.bisect_right(firsts, window[1] + day_gap(item.family))
            for cluster in clusters[lo:hi]:
                if window and self._overlap(cluster.span, window) < 1 - day_gap(item.family):
                    continue
                if self._fits(item, cluster):
                    ref = window or cluster.span
                    distance = max(0, -self._overlap(cluster.span, (sum(ref) // 2, sum(ref) // 2)))
                    wrong_way = bool(item.published) and not self._direction_ok(item, cluster.span)
                    found[cluster.cid] = (wrong_way, distance, cluster.cid, cluster)
        return sorted(found.values(), key=lambda x: x[:3])

    def _dated_choice(self, item: Item, starts: dict) -> Optional[Cluster]:
        """The one dated cluster an undated or coarse mention joins, if any."""
        constraint = self._constraint(item)
        if constraint:
            found = self._dated_candidates(item, starts, constraint)
            if not found and item.row.get("yearless") and item.anchor is None:
                found = sorted(f for window in _other_years(item.row["start"])
                               for f in self._dated_candidates(item, starts, window))
            return found[0][-1] if found else None
        if item.published:
            near = self.s.near_days
            found = [f for f in self._dated_candidates(item, starts, (item.published - near, item.published + near))
                     if not f[0]]  # a "completed" report is never of a visit still to come, nor "planned" of one over
            return found[0][-1] if found else None
        found = [f for f in self._dated_candidates(item, starts, None) if not f[0]]
        if item.row.get("monthday"):  # "June 10-11" in an undated article: the year that has those days
            found = [f for f in found if _has_month_day(f[-1].span, item.row["monthday"])]
        if len(found) > 1 and item.row.get("written_dates"):  # the one its article's own full dates touch
            spans = [day_span(start, end or None) for start, end in item.row["written_dates"]]
            touched = [f for f in found if any(s and self._overlap(f[-1].span, s) > 0 for s in spans)]
            found = touched or found
        if len(found) > 1 and item.row.get("weekday") is not None:  # "on Tuesday": the one with a Tuesday
            found = [f for f in found if weekday_in(item.row["weekday"], f[-1].span) is not None]
        return found[0][-1] if len(found) == 1 else None  # the one dated event of these people, if one

    def _loose_fits(self, item: Item, cluster: Cluster) -> bool:
        if cluster.span is not None or cluster.anchor is not item.anchor or not self._fits(item, cluster):
            return False
        weekday = item.row.get("weekday")
        if weekday is not None and cluster.weekdays and weekday not in cluster.weekdays:
            return False
        near = self.s.near_days
        return not (item.published and cluster.published
                    and all(abs(item.published - p) > near for p in cluster.published))

    def _place_loose(self, item: Item, starts: dict) -> None:
        dated = self._dated_choice(item, starts)
        if dated is not None:
            self._add(dated, item)
            return
        if self._date_by_siblings(item):
            self._place_exact(item)
            return
        anchor = item.anchor.cid if item.anchor else None
        for key in self._keys(item):
            for cluster in self.loose.get((key, anchor), ()):
                if self._loose_fits(item, cluster):
                    self._add(cluster, item)
                    return
        cluster = self._new(item)
        cluster.anchor = item.anchor
        self._add(cluster, item)

    def _date_by_siblings(self, item: Item) -> bool:
        """A year-less day of an article without a date ("PUTRAJAYA, April 16 -- ... on Wednesday") that no
        dated event holds: the year of its people's other events near those days dates it."""
        monthday = item.row.get("monthday")
        if not monthday or item.published or item.own or item.anchor is not None:
            return False
        clusters = {c.cid: c for p in item.actors for c in self.by_person.get(p, {}).values() if c.span}
        year = sibling_year(monthday, item.row.get("weekday"), [c.span for c in clusters.values()],
                            self.s.near_days)
        if year is None:
            return False
        days = month_day_span(year, monthday)
        near = [c for c in clusters.values() if c.span[0] - self.s.near_days <= days[1]
                and days[0] <= c.span[1] + self.s.near_days]
        item.own, item.start = days, iso_day(days[0])
        item.end = iso_day(days[1]) if days[1] != days[0] else None
        item.date_from = sorted({m.row["source"] for c in near for m in c.members if m.own and not m.date_from})
        return True

    # -- bookkeeping ---------------------------------------------------------------------------------
    def _new(self, item: Item) -> Cluster:
        cluster = Cluster(len(self.clusters), item.family, item.visitor)
        self.clusters.append(cluster)
        return cluster

    def _add(self, cluster: Cluster, item: Item) -> None:
        cluster.members.append(item)
        cluster.actors.update(item.actors)
        cluster.types.add(item.row["type"])
        if item.anchor is not None:
            cluster.anchors.add(item.anchor.cid)
        if item.own:
            cluster.told.setdefault(item.row["source"], set()).add(item.own)
        cluster.sibling_dated |= bool(item.date_from)
        if item.place != Place() and item.place not in cluster.places:
            cluster.places.append(item.place)
        if item.row.get("weekday") is not None:
            cluster.weekdays.add(item.row["weekday"])
        if item.published:
            cluster.published.append(item.published)
        self.by_mid[item.row["mid"]] = cluster
        for person in item.actors:
            self.by_person.setdefault(person, {})[cluster.cid] = cluster
        for key in self._keys(item):
            if key not in cluster.keys:
                cluster.keys.add(key)
                self.index.setdefault(key, []).append(cluster)
                if cluster.span is None:
                    self.loose.setdefault((key, cluster.anchor.cid if cluster.anchor else None), []).append(cluster)


def cluster_mentions(rows) -> list[Cluster]:
    """Distinct events for the mention rows of a summary."""
    return Clusterer().run(rows)

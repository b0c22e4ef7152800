"""The date of a merged event: the most precise span any report supports, else one a sibling gives.

- Reports with a day-precise date of their own: the span most of them support; a range counts the reports
  of a day inside it too ("February 5" and "February 5-6" -> February 5-6; "concluded on May 21" supports
  "May 20-21"); on a tie the longer span.
- A report dated only by a weekday cue ("on Thursday") inside the span of the event it belongs to (talks
  during a visit) has the only such day of that span (see cluster.py); `date_from` lists the articles that
  dated the span. An event that belongs to a one-day event (a signing concluding the talks) has its day.
- Otherwise the finest month or year a report gives, else no date (`within` keeps the span it lies in: that
  of the event it belongs to, or of the tour it is a leg of).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Optional

from .rules import day_span, iso_day


def _own_best(items) -> Optional[tuple[str, Optional[str]]]:
    spans = Counter((i.start, i.end or None) for i in items)
    singles = Counter(start for (start, end) in spans.elements() if end is None)

    def score(span):
        start, end = span
        width = day_span(start, end)
        inside = sum(n for day, n in singles.items() if end and width[0] <= day_span(day)[0] <= width[1])
        return (spans[span] + inside, width[1] - width[0])

    return min(spans, key=lambda span: (tuple(-x for x in score(span)), span)) if spans else None


def weekday_in(weekday: int, span: tuple) -> Optional[int]:
    """The one day of that weekday (Monday 0) in a span of days, if there is exactly one."""
    if span[1] - span[0] > 13:
        return None
    days = [d for d in range(span[0], span[1] + 1) if dt.date.fromordinal(d).weekday() == weekday]
    return days[0] if len(days) == 1 else None


def month_day_span(year: int, monthday) -> Optional[tuple[int, int]]:
    """[month, first day, last day] in that year as day ordinals, if those days exist."""
    try:
        return dt.date(year, monthday[0], monthday[1]).toordinal(), dt.date(year, monthday[0], monthday[2]).toordinal()
    except ValueError:
        return None


def sibling_year(monthday, weekday: Optional[int], spans: list[tuple], near: int) -> Optional[int]:
    """The one year in which a year-less "April 15-17" (on that weekday, if one is named) lies within `near`
    days of a dated event of the same people: an article without a date, placed by its siblings."""
    years = set()
    for span in spans:
        for year in range(dt.date.fromordinal(span[0]).year - 1, dt.date.fromordinal(span[1]).year + 2):
            days = month_day_span(year, monthday)
            if days is None or (weekday is not None and dt.date.fromordinal(days[0]).weekday() != weekday):
                continue
            if days[0] - near <= span[1] and span[0] <= days[1] + near:
                years.add(year)
    return years.pop() if len(years) == 1 else None


def _coarse_best(items) -> Optional[tuple[str, Optional[str]]]:
    spans = [(i.row["start"], i.row.get("end") or None) for i in items if i.row.get("start") and not i.row.get("tour")]
    if not spans:
        return None
    counts = Counter(spans)
    return min(counts, key=lambda s: (-len(s[0]), -counts[s], s))


def date_cluster(cluster) -> dict:
    """`start`, `end`, `date_from` (articles that gave a sibling's date), `date_sources`, `within`."""
    exact = [i for i in cluster.members if i.own]
    if exact:
        start, end = _own_best([i for i in exact if not i.date_from] or exact)
        derived = all(i.date_from for i in exact)
        sources = sorted({s for i in exact for s in (i.date_from or [i.row["source"]])})
        return {"start": start, "end": end if end != start else None, "date_from": sources if derived else None,
                "date_sources": sources, "within": None}
    anchor = cluster.anchor
    span = day_span(anchor.when["start"], anchor.when.get("end")) if anchor and anchor.when.get("start") else None
    if span and span[0] == span[1]:
        return {"start": iso_day(span[0]), "end": None, "date_from": anchor.when["date_sources"],
                "date_sources": anchor.when["date_sources"], "within": None}
    coarse = _coarse_best(cluster.members)
    if coarse:
        return {"start": coarse[0], "end": coarse[1], "date_from": None,
                "date_sources": sorted({i.row["source"] for i in cluster.members if i.row.get("start")}),
                "within": None}
    tours = sorted((i.row["start"], i.row["end"]) for i in cluster.members if i.row.get("tour"))
    if span is None and tours:  # a leg of a tour no report dates: it lies within the tour's span
        span = day_span(*tours[0])
    within = {"start": iso_day(span[0]), "end": iso_day(span[1])} if span else None
    return {"start": None, "end": None, "date_from": None, "date_sources": [], "within": within}

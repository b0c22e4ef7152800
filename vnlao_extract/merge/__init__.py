"""One timeline for a batch of article records: each real event once, with its sources and best date.

    build_timeline(records) == finish(reduce(combine, map(summarize, records), EMPTY))
                            == finish(combine_all(map(summarize, records)))

`summarize(record)` makes a small per-article summary (event mentions, people, congresses; never a Doc),
`combine(a, b)` joins two summaries and is associative and commutative (a sorted multiset union), and
`finish(summary)` merges the mentions into events. `combine_all(summaries)` is `combine` of many at once (one
sort; a left fold of `combine` copies the growing summary each step). Summaries of any partition of the
records, combined in any order, give byte-identical timelines: run `summarize` (and `combine_all`) per Dask
partition, `combine` in a tree reduction and `finish` once. See README "Timeline" for the merging rules.
"""
from __future__ import annotations

from typing import Iterable

from .assemble import finish
from .summary import EMPTY, combine, combine_all, summarize

__all__ = ["EMPTY", "build_timeline", "combine", "combine_all", "finish", "summarize"]


def build_timeline(records: Iterable[dict]) -> dict:
    """The timeline object for article records (error records are counted, never merged)."""
    return finish(combine_all(map(summarize, records)))

"""One timeline for a batch of article records: each real event once, with its sources and best date.

    build_timeline(records) == finish(reduce(combine, map(summarize, records), EMPTY))

`summarize(record)` makes a small per-article summary (event mentions, people, congresses; never a Doc),
`combine(a, b)` joins two summaries and is associative and commutative (a sorted multiset union), and
`finish(summary)` merges the mentions into events. Summaries of any partition of the records, combined in
any order, give byte-identical timelines: run `summarize` per Dask partition, `combine` in a tree reduction
and `finish` once. See README "Timeline" for the merging rules.
"""
from __future__ import annotations

from functools import reduce
from typing import Iterable

from .assemble import finish
from .summary import EMPTY, combine, summarize

__all__ = ["EMPTY", "build_timeline", "combine", "finish", "summarize"]


def build_timeline(records: Iterable[dict]) -> dict:
    """The timeline object for article records (error records are counted, never merged)."""
    return finish(reduce(combine, map(summarize, records), EMPTY))

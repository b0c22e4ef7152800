"""Cue vocabularies and window sizes of the components, as ConText-style rows in ``resources/cues/*.jsonl``:
``{"id": ..., "category": ..., "words": [...], "direction": "before"|"after", "max_scope": N}``.

A component asks for a row by file and id; a missing id is an error at start-up, not a silent empty list.
"""
from __future__ import annotations

from functools import lru_cache

from ..errors import Errors, ResourceError
from . import load_package
from .reader import Row, where


def rows_by_id(rows) -> dict[str, Row]:
    """Cue rows by id; a second row with an id already used is an error naming its FILE:LINE."""
    by_id: dict[str, Row] = {}
    for row in rows:
        if row["id"] in by_id:
            path, line = where(row)
            raise ResourceError(Errors.E019.format(path=path, line=line, kind="cues",
                                                   reason=f"duplicate id {row['id']!r}"))
        by_id[row["id"]] = row
    return by_id


@lru_cache(maxsize=None)
def cue_rows(name: str) -> dict[str, Row]:
    """The rows of ``resources/cues/NAME.jsonl`` by id (validated; duplicate ids refused)."""
    return rows_by_id(load_package(f"cues/{name}.jsonl"))


def cue(name: str, cue_id: str) -> Row:
    rows = cue_rows(name)
    if cue_id not in rows:
        raise KeyError(f"cues/{name}.jsonl has no row {cue_id!r}")
    return rows[cue_id]


def cue_words(name: str, cue_id: str) -> frozenset[str]:
    """The words of a cue row, as a set."""
    return frozenset(cue(name, cue_id)["words"])


def cue_phrases(name: str, cue_id: str) -> frozenset[tuple[str, ...]]:
    """The word phrases (``phrases``) of a cue row, as tuples."""
    return frozenset(tuple(phrase) for phrase in cue(name, cue_id).get("phrases") or ())


def cue_sequence(name: str, cue_id: str) -> tuple[str, ...]:
    """The words of a cue row in the order written (for rows where order matters: a priority)."""
    return tuple(cue(name, cue_id)["words"])


def cue_scope(name: str, cue_id: str) -> int:
    """The window size (``max_scope``, in tokens) of a cue row."""
    return int(cue(name, cue_id)["max_scope"])


def cue_values(name: str, cue_id: str) -> dict:
    """The word -> value map (``values``) of a cue row."""
    return dict(cue(name, cue_id)["values"])

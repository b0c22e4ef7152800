"""Cue vocabularies and window sizes of the components, as ConText-style rows in ``resources/cues/*.jsonl``:
``{"id": ..., "category": ..., "words": [...], "direction": "before"|"after", "max_scope": N}``.

A component asks for a row by file and id; a missing id is an error at start-up, not a silent empty list.
"""
from __future__ import annotations

from functools import lru_cache

from . import load_package
from .reader import Row


@lru_cache(maxsize=None)
def cue_rows(name: str) -> dict[str, Row]:
    """The rows of ``resources/cues/NAME.jsonl`` by id."""
    return {row["id"]: row for row in load_package(f"cues/{name}.jsonl")}


def cue(name: str, cue_id: str) -> Row:
    rows = cue_rows(name)
    if cue_id not in rows:
        raise KeyError(f"cues/{name}.jsonl has no row {cue_id!r}")
    return rows[cue_id]


def cue_words(name: str, cue_id: str) -> frozenset[str]:
    """The words of a cue row, as a set."""
    return frozenset(cue(name, cue_id)["words"])


def cue_sequence(name: str, cue_id: str) -> tuple[str, ...]:
    """The words of a cue row in the order written (for rows where order matters: a priority)."""
    return tuple(cue(name, cue_id)["words"])


def cue_scope(name: str, cue_id: str) -> int:
    """The window size (``max_scope``, in tokens) of a cue row."""
    return int(cue(name, cue_id)["max_scope"])


def cue_values(name: str, cue_id: str) -> dict:
    """The word -> value map (``values``) of a cue row."""
    return dict(cue(name, cue_id)["values"])

"""The people finder's cue words, window sizes and office ranks (``resources/cues/people.jsonl``)."""
from __future__ import annotations

from functools import lru_cache

from ...resources import load_package_jsonl

CUE_FILE = "cues/people.jsonl"


@lru_cache(maxsize=None)
def _rows() -> dict[str, dict]:
    return {row["id"]: row for row in load_package_jsonl(CUE_FILE)}


def cue_ids() -> list[str]:
    """Every cue id of the file, in file order."""
    return list(_rows())


def words(cue_id: str) -> frozenset[str]:
    """The words of a word-list cue."""
    return frozenset(_rows()[cue_id]["words"])


def scope(cue_id: str) -> int:
    """The ``max_scope`` of a window cue."""
    return int(_rows()[cue_id]["max_scope"])


def minimum(cue_id: str) -> int:
    """The ``min`` of a window cue (0 when it has none)."""
    return int(_rows()[cue_id].get("min", 0))


def ranks(cue_id: str) -> dict[str, int]:
    """The ``ranks`` of an office-order cue."""
    return dict(_rows()[cue_id]["ranks"])

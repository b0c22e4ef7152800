"""The people finder's cue words, window sizes and office ranks (``resources/cues/people.jsonl``), read
through the shared cue reader (:mod:`vnlao_extract.rules.cues`)."""
from __future__ import annotations

from ...rules.cues import cue, cue_rows, cue_scope, cue_values, cue_words

CUE_NAME = "people"
CUE_FILE = f"cues/{CUE_NAME}.jsonl"


def cue_ids() -> list[str]:
    """Every cue id of the file, in file order."""
    return list(cue_rows(CUE_NAME))


def words(cue_id: str) -> frozenset[str]:
    """The words of a word-list cue."""
    return cue_words(CUE_NAME, cue_id)


def scope(cue_id: str) -> int:
    """The ``max_scope`` of a window cue."""
    return cue_scope(CUE_NAME, cue_id)


def minimum(cue_id: str) -> int:
    """The ``min`` of a window cue (0 when it has none)."""
    return int(cue(CUE_NAME, cue_id).get("min", 0))


def ranks(cue_id: str) -> dict[str, int]:
    """The ``ranks`` of an office-order cue."""
    return dict(cue(CUE_NAME, cue_id)["ranks"])


def values(cue_id: str) -> dict:
    """The ``values`` of a cue that maps words to what they stand for."""
    return cue_values(CUE_NAME, cue_id)

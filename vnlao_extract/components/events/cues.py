"""The events rules' cue vocabularies and window sizes (``resources/cues/events.jsonl``), read through the
shared cue reader (:mod:`vnlao_extract.rules.cues`: validated rows, duplicate ids refused).

Rows are written the way medspacy's ConText keeps its rules: an ``id`` the rules look up, a ``category``
saying what the row is for, the ``words`` (or word ``phrases``, or number ``values``), the ``direction``
from the trigger they are looked for in and a ``max_scope`` in tokens (or days, for ``window`` rows).
"""
from __future__ import annotations

from ...rules.cues import cue_rows

CUE_NAME = "events"


class Cues:
    """Cue rows by id: ``words(*ids)`` as one frozenset, ``phrases(id)`` as tuples, ``values(id)``, ``scope(id)``;
    ``rows`` for the rules that read every row of a category."""

    def __init__(self, rows: dict):
        self.rows = rows

    def words(self, *ids: str) -> frozenset[str]:
        return frozenset(word for id_ in ids for word in self.rows[id_].get("words") or ())

    def phrases(self, id_: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(phrase) for phrase in self.rows[id_].get("phrases") or ())

    def values(self, id_: str) -> dict[str, int | None]:
        return dict(self.rows[id_].get("values") or {})

    def scope(self, id_: str) -> int:
        scope = self.rows[id_].get("max_scope")
        if scope is None:
            raise KeyError(f"cue {id_!r} has no max_scope")
        return scope


CUES = Cues(cue_rows(CUE_NAME))

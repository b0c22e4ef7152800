"""The events rules' cue vocabularies and window sizes, read once from ``resources/cues/events*.jsonl``.

Rows are written the way medspacy's ConText keeps its rules: an ``id`` the rules look up, a ``category``
saying what the row is for, the ``words`` (or word ``phrases``, or number ``values``), the ``direction``
from the trigger they are looked for in and a ``max_scope`` in tokens (or days, for ``window`` rows).
"""
from __future__ import annotations

from importlib import resources
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, ValidationError

from ...errors import Errors, ResourceError
from ...rules import load_package

class CueRow(BaseModel):
    """One cue row; unknown keys are an error."""
    model_config = ConfigDict(extra="forbid")

    id: str
    category: str
    words: list[str] = []
    phrases: list[list[str]] = []
    values: dict[str, Optional[int]] = {}
    direction: Optional[Literal["before", "after", "both"]] = None
    max_scope: Optional[int] = None


class Cues:
    """Cue rows by id: ``words(id)`` as a frozenset, ``phrases(id)`` as tuples, ``values(id)``, ``scope(id)``."""

    def __init__(self):
        self.rows: dict[str, CueRow] = {}

    def add(self, rows: list[dict], origin: str) -> None:
        """Validate and add one file's rows (``line`` in an error counts rows, comments left out)."""
        for number, row in enumerate(rows, 1):
            try:
                cue = CueRow(**row)
            except ValidationError as exc:
                reason = exc.errors()[0]["msg"]
                raise ResourceError(Errors.E010.format(path=origin, line=number, kind="cues", reason=reason)) from None
            if cue.id in self.rows:
                raise ResourceError(Errors.E010.format(path=origin, line=number, kind="cues",
                                                       reason=f"duplicate id {cue.id!r}"))
            self.rows[cue.id] = cue

    def words(self, *ids: str) -> frozenset[str]:
        return frozenset(word for id_ in ids for word in self.rows[id_].words)

    def phrases(self, id_: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(phrase) for phrase in self.rows[id_].phrases)

    def values(self, id_: str) -> dict[str, int | None]:
        return dict(self.rows[id_].values)

    def scope(self, id_: str) -> int:
        scope = self.rows[id_].max_scope
        if scope is None:
            raise KeyError(f"cue {id_!r} has no max_scope")
        return scope


def cue_files() -> list[str]:
    """The packaged cue files for events, sorted (``cues/events.jsonl``, ``cues/events_more.jsonl``, ...)."""
    folder = resources.files("vnlao_extract.resources").joinpath("cues")
    return sorted(f"cues/{item.name}" for item in folder.iterdir()
                  if item.name.startswith("events") and item.name.endswith(".jsonl"))


def load_cues() -> Cues:
    cues = Cues()
    for name in cue_files():
        cues.add(load_package(name), name)
    return cues


CUES = load_cues()

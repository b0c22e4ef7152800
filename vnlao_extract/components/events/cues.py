"""The events rules' cue vocabularies and window sizes, read once from ``resources/cues/events*.jsonl``.

Rows are written the way medspacy's ConText keeps its rules: an ``id`` the rules look up, a ``category``
saying what the row is for, the ``words`` (or word ``phrases``, or number ``values``), the ``direction``
from the trigger they are looked for in and a ``max_scope`` in tokens (or days, for ``window`` rows).
"""
from __future__ import annotations

from importlib import resources

from ...errors import Errors, ResourceError
from ...rules import Row, load_package, validate_row, where


class Cues:
    """Cue rows by id: ``words(id)`` as a frozenset, ``phrases(id)`` as tuples, ``values(id)``, ``scope(id)``.
    Rows are checked by the one cue schema (:class:`~vnlao_extract.rules.schemas.CueRow`)."""

    def __init__(self):
        self.rows: dict[str, Row] = {}

    def add(self, rows: list[dict], origin: str) -> None:
        """Validate and add one file's rows (a plain dict's line counts rows, comments left out)."""
        for number, row in enumerate(rows, 1):
            row = row if isinstance(row, Row) else Row(row, origin, number)
            validate_row(row, "cues")
            if row["id"] in self.rows:
                path, line = where(row)
                raise ResourceError(Errors.E019.format(path=path, line=line, kind="cues",
                                                       reason=f"duplicate id {row['id']!r}"))
            self.rows[row["id"]] = row

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

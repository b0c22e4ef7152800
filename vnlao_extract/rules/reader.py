"""The one JSONL reader of rule and dictionary files: every row keeps the FILE and LINE it came from."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..errors import Errors, ResourceError


class Row(dict):
    """A JSONL row (a plain dict to every reader) that also knows where it was written."""

    __slots__ = ("origin", "line")

    def __init__(self, values=(), origin: str = "?", line: int | str = "?", **extra):
        super().__init__(values, **extra)
        self.origin, self.line = origin, line

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}"

    def copy(self) -> Row:
        return Row(self, self.origin, self.line)

    def replace(self, **values) -> Row:
        """A copy with some values changed, still pointing at the same line."""
        return Row(dict(self, **values), self.origin, self.line)

    def __reduce__(self):
        return Row, (dict(self), self.origin, self.line)


def where(row: dict) -> tuple[str, int | str]:
    """(file, line) of a row; ("?", "?") for a dict that was not read from a file."""
    return getattr(row, "origin", "?"), getattr(row, "line", "?")


def parse_rows(lines: Iterable[str], origin: str, kind: str) -> list[Row]:
    """Parse JSONL lines; blank lines and lines starting with // are comments."""
    rows = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ResourceError(Errors.E010.format(path=origin, line=number, kind=kind, reason=exc.msg)) from None
        if not isinstance(value, dict):
            raise ResourceError(Errors.E010.format(path=origin, line=number, kind=kind, reason="not an object"))
        rows.append(Row(value, origin, number))
    return rows


@lru_cache(maxsize=None)
def package_rows(name: str) -> tuple[Row, ...]:
    """Rows of a file shipped in vnlao_extract/resources (read once per process; never mutate them)."""
    text = resources.files("vnlao_extract.resources").joinpath(name).read_text(encoding="utf-8")
    return tuple(parse_rows(text.splitlines(), name, name))


def user_rows(path: str | Path, kind: str) -> list[Row]:
    """Rows of a user's file (--actors, --patterns)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(Errors.E001.format(path=path, reason=getattr(exc, "strerror", None) or exc)) from None
    return parse_rows(text.splitlines(), str(path), kind)

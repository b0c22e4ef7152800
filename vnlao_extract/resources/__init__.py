"""Load the rule and dictionary files: JSONL inside the package, or a user's own."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..errors import Errors, ResourceError


def parse_jsonl(lines: Iterable[str], origin: str, kind: str) -> list[dict]:
    """Parse JSONL lines; blank lines and lines starting with // are comments."""
    rows = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ResourceError(Errors.E010.format(path=origin, line=number, kind=kind, reason=exc.msg)) from None
        if not isinstance(row, dict):
            raise ResourceError(Errors.E010.format(path=origin, line=number, kind=kind, reason="not an object"))
        rows.append(row)
    return rows


@lru_cache(maxsize=None)
def _package_rows(name: str) -> tuple[dict, ...]:
    text = resources.files("vnlao_extract.resources").joinpath(name).read_text(encoding="utf-8")
    return tuple(parse_jsonl(text.splitlines(), name, name))


def load_package_jsonl(name: str) -> list[dict]:
    """Rows of a JSONL file shipped in vnlao_extract/resources (cached per process)."""
    return [dict(row) for row in _package_rows(name)]


def load_user_jsonl(path: str | Path, kind: str) -> list[dict]:
    """Rows of a user's JSONL file (--actors, --patterns)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(Errors.E001.format(path=path, reason=getattr(exc, "strerror", None) or exc)) from None
    return parse_jsonl(text.splitlines(), str(path), kind)

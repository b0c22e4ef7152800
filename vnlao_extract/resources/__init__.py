"""Load the rule and dictionary files: JSONL inside the package, or a user's own.

The reading and checking is done by :mod:`vnlao_extract.rules`; these names stay for the components that
call them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..rules import load_package, load_user, parse_rows


def parse_jsonl(lines: Iterable[str], origin: str, kind: str) -> list[dict]:
    """Parse JSONL lines; blank lines and lines starting with // are comments."""
    return parse_rows(lines, origin, kind)


def load_package_jsonl(name: str) -> list[dict]:
    """Validated rows of a JSONL file shipped in vnlao_extract/resources (read once per process)."""
    return load_package(name)


def load_user_jsonl(path: str | Path, kind: str) -> list[dict]:
    """Validated rows of a user's JSONL file (--actors, --patterns)."""
    return load_user(path, kind)

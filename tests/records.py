"""Reading the records the tests make."""
from __future__ import annotations

from vnlao_extract.registry import fold


def person(record: dict, name: str) -> dict:
    """The person whose name (or an alias) folds to ``name``; fails with the names that were found."""
    for p in record["people"]:
        if fold(name) in {fold(p["name"]), *map(fold, p["aliases"])}:
            return p
    raise AssertionError(f"{name!r} not among {[p['name'] for p in record['people']]}")

"""Every record the suite produces is checked against `extract --schema` (see conftest.py)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=None)
def validator(which: str = "record"):
    from jsonschema import Draft202012Validator

    from vnlao_extract.schema import json_schema

    schema = json_schema(which)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def assert_valid(record: dict, which: str = "record") -> dict:
    """The record itself, after checking it; a failure names the first wrong path."""
    errors = sorted(validator(which).iter_errors(record), key=lambda e: list(e.absolute_path))
    assert not errors, f"{record.get('source')}: {'/'.join(map(str, errors[0].absolute_path))}: {errors[0].message}"
    return record

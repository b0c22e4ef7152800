"""Checks rows against their schema and Matcher patterns against spaCy's own pattern schema; every error
names the FILE:LINE of the row."""
from __future__ import annotations

import copy

from pydantic import ValidationError

from ..errors import Errors, ResourceError
from .reader import Row, where
from .schemas import model_for


def describe(error: dict) -> str:
    """One pydantic error as a short phrase: "unknown key 'tirm'", "missing 'type'", ..."""
    key = ".".join(str(part) for part in error["loc"]) or "row"
    if error["type"] == "extra_forbidden":
        return f"unknown key {key!r}"
    if error["type"] == "missing":
        return f"missing {key!r}"
    if error["type"] == "value_error":
        return f"{key!r}: {error['msg'].removeprefix('Value error, ')}"
    return f"{key!r}: {error['msg']}, got {error.get('input')!r}"


def validate_row(row: dict, kind: str) -> None:
    """Raise ResourceError naming the row's FILE:LINE when it does not fit the schema of its kind."""
    model = model_for(kind, row)
    try:
        model.model_validate(dict(row))
    except ValidationError as exc:
        path, line = where(row)
        reasons = "; ".join(describe(error) for error in exc.errors()[:3])
        raise ResourceError(Errors.E019.format(path=path, line=line, kind=kind, reason=reasons)) from None


def validate_rows(rows: list[dict], kind: str) -> list[dict]:
    for row in rows:
        validate_row(row, kind)
    return rows


def expand_classes(rows: list[dict]) -> tuple[dict[str, dict], list[dict]]:
    """Split rows into token-class definitions and patterns, with {"class": X} replaced by X's token (the
    keys written beside "class" override the class's). Pattern rows keep their FILE:LINE."""
    classes = {row["define"]: row["token"] for row in rows if "define" in row}
    patterns = []
    for row in rows:
        if "define" in row:
            continue
        path, line = where(row)
        if not isinstance(row.get("pattern"), list) or "id" not in row:
            raise ResourceError(Errors.E019.format(path=path, line=line, kind="pattern",
                                                   reason='a pattern row needs an "id" and a "pattern" list'))
        expanded = [_expand_token(token, classes, row) for token in row["pattern"]]
        patterns.append(Row(dict(row, pattern=expanded), path, line))
    return classes, patterns


def _expand_token(token, classes: dict[str, dict], row: dict):
    if not isinstance(token, dict) or "class" not in token:
        return token
    if token["class"] not in classes:
        path, line = where(row)
        raise ResourceError(Errors.E021.format(path=path, line=line, id=row.get("id"), name=token["class"]))
    merged = copy.deepcopy(classes[token["class"]])
    merged.update({key: value for key, value in token.items() if key != "class"})
    return merged


def check_matcher_patterns(patterns: list[dict], vocab=None) -> None:
    """Let spaCy's Matcher check each (class-expanded) pattern; the first bad one raises ResourceError."""
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    matcher = Matcher(vocab if vocab is not None else Vocab(), validate=True)
    for row in patterns:
        try:
            matcher.add(str(row["id"]), [row["pattern"]])
        except (ValueError, KeyError, TypeError) as exc:
            path, line = where(row)
            raise ResourceError(Errors.E020.format(path=path, line=line, id=row["id"],
                                                   reason=_spacy_reason(exc))) from None


def _spacy_reason(exc: Exception) -> str:
    """The lines of spaCy's pattern error that say what is wrong ("- [pattern -> 0 -> LOWR] Extra ...")."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    details = [line.lstrip("- ") for line in lines if line.startswith("- ")]
    return "; ".join(details[:3]) if details else lines[0] if lines else type(exc).__name__

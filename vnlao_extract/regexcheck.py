"""Refuse user regexes that can take exponential time, when their file is loaded.

spaCy's Matcher runs a token pattern's {"REGEX": ...} with Python's backtracking ``re``, inside code a
signal cannot interrupt. A part made only of variable repeats, itself repeated without bound (``^(a+)+$``,
``(\\w+\\s?)*``, ``(a{1,3})+``), backtracks exponentially on a near miss, so such a pattern is refused
at load with one FILE:LINE line. (Other slow shapes, such as overlapping alternatives
under a repeat, ``(a|a)+``, are not detected: the per-article budget still ends them.)
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants
    import sre_parse

from .errors import Errors, ResourceError

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_UNBOUNDED = sre_constants.MAXREPEAT


def nested_repeat(regex: str) -> str | None:
    """``regex`` if it repeats, without bound, a part made only of variable repeats (``(a+)+``,
    ``(\\w+\\s?)*``, ``((a+)|b)+``): such a part splits a run in exponentially many ways. None if not.
    A fixed element in the repeated part (``(,\\d+)*``, ``(ab)+``) pins each split, so it passes.
    Raises ``re.error`` for a regex that does not compile."""
    return regex if _has_loose_repeat(sre_parse.parse(regex)) else None


# A repeat this high counts as unbounded: (a+){1,50} is polynomial of degree 50.
LARGE_REPEAT = 16


def _has_loose_repeat(items) -> bool:
    for op, av in items:
        if op in _REPEATS:
            low, high, body = av
            if (high == _UNBOUNDED or high > LARGE_REPEAT) and _loose(body):
                return True
            if _has_loose_repeat(body):
                return True
            continue
        if any(_has_loose_repeat(child) for child in _children(op, av)):
            return True
    return False


def _loose(items) -> bool:
    """True if every element of ``items`` has a variable length: a run can be cut between them at will."""
    if not len(items):
        return False
    for op, av in items:
        if op in _REPEATS:
            if av[0] == av[1]:
                return False
        elif op is sre_constants.SUBPATTERN:
            if not _loose(av[-1]):
                return False
        elif op is sre_constants.BRANCH:
            if not any(_loose(alternative) for alternative in av[1]):
                return False
        else:
            return False
    return True


def _children(op, av):
    """The sub-patterns inside one parsed item (groups, branches, lookarounds)."""
    if op is sre_constants.SUBPATTERN:
        return [av[-1]]
    if op is sre_constants.BRANCH:
        return list(av[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [av[1]]
    return []


def user_regexes(value):
    """Every {"REGEX": ...} string inside a pattern (any depth: {"TEXT": {"REGEX": ...}}, {"LOWER": ...})."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "REGEX" and isinstance(item, str):
                yield item
            else:
                yield from user_regexes(item)
    elif isinstance(value, list):
        for item in value:
            yield from user_regexes(item)


def refuse_slow_regexes(rows) -> None:
    """Raise ResourceError (one line, FILE:LINE) for the first row whose pattern holds a regex that does
    not compile or nests repeats."""
    for row in rows:
        for regex in user_regexes(row.get("pattern")):
            try:
                nested = nested_repeat(regex)
            except (re.error, RecursionError, OverflowError) as exc:
                reason = f"regex {regex!r} does not compile: {exc}"
            else:
                if nested is None:
                    continue
                reason = (f"regex {regex!r} repeats a part made only of repeats, which can take exponential "
                          "time (write '(a+)+' as 'a+')")
            raise ResourceError(Errors.E044.format(path=getattr(row, "origin", "?"), line=getattr(row, "line", "?"),
                                                   id=row.get("id", "?"), reason=reason))

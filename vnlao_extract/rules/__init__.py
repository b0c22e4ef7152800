"""Rules as data: the one JSONL reader (rows keep their FILE:LINE), one schema per kind of row, and the
checks that turn a bad row into one line ``FILE:LINE: what is wrong``."""
from .reader import Row, package_rows, parse_rows, user_rows, where
from .schemas import SCHEMAS, USER_KINDS, model_for
from .validate import check_matcher_patterns, expand_classes, validate_row, validate_rows

__all__ = ["Row", "SCHEMAS", "USER_KINDS", "check_matcher_patterns", "expand_classes", "model_for",
           "package_rows", "parse_rows", "user_rows", "validate_row", "validate_rows", "where",
           "package_kind", "load_package", "load_user", "load_user_patterns"]


def package_kind(name: str) -> str:
    """The kind of a packaged file: its name without ".jsonl" ("date_patterns.jsonl" -> "date_patterns"); every
    file of the cues/ folder is of kind "cues"."""
    if name.startswith("cues/"):
        return "cues"
    return name.rsplit("/", 1)[-1].removesuffix(".jsonl")


_checked: set[str] = set()


def load_package(name: str) -> list[Row]:
    """Validated copies of the rows of a packaged file (checked once per process)."""
    rows = package_rows(name)
    if name not in _checked:
        validate_rows(list(rows), package_kind(name))
        _checked.add(name)
    return [row.copy() for row in rows]


def load_user(path, kind: str) -> list[Row]:
    """Validated rows of a user's file; ``kind`` is "patterns" (event patterns) or "actors"."""
    rows = user_rows(path, kind)
    validate_rows(rows, USER_KINDS.get(kind, kind))
    if kind == "patterns":
        from ..regexcheck import refuse_slow_regexes

        refuse_slow_regexes(rows)
        load_user_patterns(rows)
    return rows


def load_user_patterns(rows: list[Row]) -> None:
    """Check a user's event patterns with spaCy's Matcher, their classes expanded with the package's."""
    origins = {row.origin for row in rows}
    _, patterns = expand_classes([*package_rows("event_patterns.jsonl"), *rows])
    check_matcher_patterns([row for row in patterns if where(row)[0] in origins])


def __getattr__(name: str):
    """``Lexicon``, ``load_lexicon`` and ``lexicon_of`` from rules.lexicon, imported when first asked for."""
    if name in ("Lexicon", "load_lexicon", "lexicon_of", "build_lexicon"):
        from . import lexicon
        return getattr(lexicon, name)
    raise AttributeError(name)

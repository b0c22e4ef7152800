"""Cue rows: components read their vocabularies and windows by file and id."""
from __future__ import annotations

import pytest

from vnlao_extract.rules.cues import cue, cue_scope, cue_sequence, cue_values, cue_words


@pytest.mark.parametrize("name, cue_id, read, expected", [
    ("trade", "trade.cues", cue_scope, 12),
    ("trade", "trade.relative", cue_words, frozenset({"which", "that", "who"})),
    ("dates", "dates.weekday_direction", cue_values, {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}),
    ("lexicon", "lexicon.label_priority", lambda n, i: cue_sequence(n, i)[:2], ("office", "party")),
    ("titles", "titles.complement_link", cue_words, frozenset({"of", "to", "for", "on"})),
])
def test_cue_rows(name, cue_id, read, expected):
    assert read(name, cue_id) == expected


def test_a_missing_cue_is_an_error():
    with pytest.raises(KeyError, match="no row 'titles.nothing'"):
        cue("titles", "titles.nothing")


@pytest.mark.parametrize("name", ["titles", "dates", "trade", "lexicon", "article"])
def test_rows_say_what_they_are_for(name):
    from vnlao_extract.rules.cues import cue_rows

    rows = cue_rows(name)
    assert rows and all(row["category"].split(".")[0] == name and row["id"].startswith(name + ".")
                        for row in rows.values())


def test_the_components_keep_their_word_lists_as_data():
    """At most 8 lists, sets or tuples of three or more strings in the whole components/ tree, and those
    only names the code itself defines (the factories' requires/assigns, __all__, the cue ids it reads):
    word lists are cue rows."""
    import ast
    from pathlib import Path

    import vnlao_extract.components as components

    folder = Path(components.__file__).parent
    literals = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.List, ast.Set, ast.Tuple)) and sum(
                    isinstance(item, ast.Constant) and isinstance(item.value, str) for item in node.elts) >= 3:
                literals.append(f"{path.relative_to(folder)}:{node.lineno}")
    assert len(literals) <= 8, literals

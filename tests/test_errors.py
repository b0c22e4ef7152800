"""The message catalogue: codes inside the error messages, as spaCy writes them, all defined in the class."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from vnlao_extract import errors
from vnlao_extract.errors import Errors, Warnings, one_line

CODES = sorted(name for name in vars(Errors) if re.fullmatch(r"E\d{3}", name))


@pytest.mark.parametrize("code", CODES)
def test_an_error_message_starts_with_its_code(code):
    assert getattr(Errors, code).startswith(f"[{code}] ") and f"[{code}]" not in vars(Errors)[code]


def test_codes_are_unique_and_nothing_is_patched_on_after_the_class():
    tree = ast.parse(Path(errors.__file__).read_text(encoding="utf-8"))
    patched = [node for node in tree.body if isinstance(node, ast.Assign)
               and any(isinstance(target, ast.Attribute) for target in node.targets)]
    assert not patched
    warnings = [name for name in vars(Warnings) if re.fullmatch(r"W\d{3}", name)]
    assert len(set(CODES)) == len(CODES) and warnings


@pytest.mark.parametrize("text, expected", [("a\nb  c", "a b c"), ("x" * 400, "x" * 299 + "…")])
def test_one_line(text, expected):
    assert one_line(text) == expected

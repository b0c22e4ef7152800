"""The package's shape: modules stay short, and the matching layer has one name."""
from __future__ import annotations

from pathlib import Path

import pytest

import vnlao_extract

PACKAGE = Path(vnlao_extract.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_module_over_450_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 450


@pytest.mark.parametrize("old", ["anchors", "patterns", "tokens"])
def test_the_old_matching_names_are_gone(old):
    assert not (PACKAGE / "components" / f"{old}.py").exists()
    users = [p for p in MODULES if f"components.{old}" in p.read_text(encoding="utf-8")
             or f"from .{old} import" in p.read_text(encoding="utf-8") and p.parent.name == "components"]
    assert users == []

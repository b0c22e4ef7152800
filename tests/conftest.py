"""Shared fixtures: the pipeline is built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from vnlao_extract.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, published=None) -> record"""
    from vnlao_extract.extract import extract_text

    from .schema_check import assert_valid

    def run(text: str, published=None, source: str = "test.txt") -> dict:
        return assert_valid(extract_text(nlp, text, source, published))

    return run

"""Whole-article golden records for the seed articles, compared field by field.

Regenerate after an intended change with: python -m tests.test_seeds_golden
"""
from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
FIELDS = ("published", "people", "congresses", "events", "trade_targets", "dates")


def summary(record: dict) -> dict:
    """The contract's fields without evidence (offsets change with any rule tweak; meaning should not)."""
    return {
        "published": record["published"],
        "people": sorted([{"name": p["name"], "titles": p["titles"], "country": p["country"]}
                          for p in record["people"]], key=lambda p: p["name"]),
        "congresses": sorted([[c["ordinal"], c["party"], c["start"], c["end"]] for c in record["congresses"]]),
        "events": sorted([[e["type"], e["actors"], e["start"], e["end"], e["status"]] for e in record["events"]
                          if e["type"] in ("visit", "talks")], key=json.dumps),
        "trade_targets": sorted([[t["value"], t["currency"]] for t in record["trade_targets"]]),
        "dates": sorted(d["start"] if not d["end"] else f"{d['start']}/{d['end']}" for d in record["dates"]),
    }


def seed_files():
    return sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name)
@pytest.mark.parametrize("field", FIELDS)
def test_seed_matches_golden(extract, path, field):
    golden = json.loads((GOLDEN / (path.stem + ".json")).read_text(encoding="utf-8"))
    got = summary(extract(path.read_text(encoding="utf-8"), source=f"seeds/{path.name}"))
    assert got[field] == golden[field]


if __name__ == "__main__":
    from vnlao_extract.extract import extract_text
    from vnlao_extract.pipeline import build_pipeline

    nlp = build_pipeline()
    GOLDEN.mkdir(exist_ok=True)
    for path in seed_files():
        record = extract_text(nlp, path.read_text(encoding="utf-8"), f"seeds/{path.name}")
        (GOLDEN / (path.stem + ".json")).write_text(json.dumps(summary(record), ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    sys.exit(0)

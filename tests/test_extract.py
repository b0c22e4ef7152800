"""Running the pipeline over many inputs: records in input order, and memory that does not grow."""
from __future__ import annotations

import datetime as dt

import pytest

from vnlao_extract import extract
from vnlao_extract.extract import MemoryZones, Options, extract_sources, extract_text
from vnlao_extract.inputs import iter_sources

ARTICLE = ("Hanoi, March {day} (VNA) - Prime Minister Pham Minh Chinh received Lao Ambassador "
           "{name} Phommachanh in Hanoi on March {day}, 2025. They discussed trade, which they aim to "
           "raise to USD {amount} billion.\n")
NAMES = ["Khamsing", "Bounthavy", "Sengdao", "Vilayphone", "Keomany", "Thongsavanh", "Phouvong"]


@pytest.fixture
def articles(tmp_path):
    for number, name in enumerate(NAMES):
        text = ARTICLE.format(day=number + 2, name=name, amount=number + 3)
        (tmp_path / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("zone_size", [1, 3, 100])
def test_batch_in_memory_zones_gives_the_records_of_one_by_one(nlp, articles, monkeypatch, zone_size):
    monkeypatch.setattr(extract, "ZONE_ARTICLES", zone_size)
    batch = list(extract_sources(iter_sources([articles]), Options(), nlp))
    alone = [extract_text(nlp, path.read_text(encoding="utf-8"), rec["source"], encoding="utf-8")
             for path, rec in zip(sorted(articles.iterdir()), batch)]
    assert [rec["source"] for rec in batch] == [str(articles / f"{n:02d}.txt") for n in range(len(NAMES))]
    assert batch == alone


def test_memory_zones_free_the_words_a_batch_adds(nlp, articles):
    texts = [path.read_text(encoding="utf-8") for path in sorted(articles.iterdir())]
    extract_text(nlp, texts[0], "warm-up")
    before = len(nlp.vocab.strings)
    with MemoryZones(nlp, size=2) as zones:
        for number, text in enumerate(texts):
            zones.next_article()
            record = extract_text(nlp, text.replace("Phommachanh", f"Xaysomboun{number}x"), "x")
            assert any(f"Xaysomboun{number}x" in person["name"] for person in record["people"])
    assert len(nlp.vocab.strings) == before


def test_a_text_over_a_million_characters_is_processed_whole(nlp):
    filler = "The delegations reviewed cooperation in many fields. " * 20_000
    text = filler + "Prime Minister Sonexay Siphandone held talks in Vientiane."
    assert len(text) > 1_000_000  # spaCy's default max_length
    record = extract_text(nlp, text, "long.txt")
    assert record["error"] is None
    (person,) = record["people"]
    assert person["name"] == "Sonexay Siphandone"


@pytest.mark.parametrize("max_bytes", [10**18, 2**63 - 1])
def test_a_huge_max_bytes_reads_stdin_without_allocating_it(nlp, monkeypatch, max_bytes):
    import io
    import sys

    from vnlao_extract.inputs import Source

    text = b"Prime Minister Sonexay Siphandone held talks in Vientiane."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    (record,) = extract_sources([Source("-", None)], Options(max_bytes=max_bytes, in_process=True), nlp)
    assert record["error"] is None and record["people"]


EDGE_TEXT = ("General Secretary To Lam visited Vientiane on Monday and will return next year. "
             "Talks were held yesterday, last week and on January 5; the visit ended on December 30.\n")


@pytest.mark.parametrize("header, published, expected", [
    ("date 9999-12-31\n", None, "9999-12-31"),
    ("", dt.date(1, 1, 1), "0001-01-01"),
    ("", dt.date(9999, 12, 31), "9999-12-31"),
    ("date 0001-01-02\n", None, "0001-01-02"),
])
def test_a_published_date_at_the_calendar_edge_costs_no_article(nlp, tmp_path, header, published, expected):
    from vnlao_extract.errors import Warnings
    from vnlao_extract.extract import extract_source
    from vnlao_extract.inputs import Source

    path = tmp_path / "edge.txt"
    path.write_text(header + EDGE_TEXT, encoding="utf-8")
    record, _ = extract_source(nlp, Source("edge.txt", path), Options(published=published))
    assert record["error"] is None and record["published"] == expected
    assert record["people"] and Warnings.W041.format(date=expected) in record["warnings"]
    assert all("0001" <= d["start"][:4] <= "9999" for d in record["dates"] + record["relative_dates"])


def test_an_ordinary_published_date_gets_no_calendar_warning(nlp, tmp_path):
    from vnlao_extract.extract import extract_source
    from vnlao_extract.inputs import Source

    path = tmp_path / "a.txt"
    path.write_text("date 2026-02-02\n" + EDGE_TEXT, encoding="utf-8")
    record, _ = extract_source(nlp, Source("a.txt", path), Options())
    assert not any("edge of the calendar" in w for w in record["warnings"])

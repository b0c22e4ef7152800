"""Web pages: the main text through trafilatura, the date through htmldate, then the usual pipeline.

Pages are written here (tests/pages.py wraps an article's text in navigation, a related-news list and a
footer); a seed saved as a page must give the record the same seed gives as text."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEEDS
from tests.pages import page
from vnlao_extract.errors import Errors, InputError
from vnlao_extract.extract import Options, extract_sources
from vnlao_extract.inputs import Source, iter_sources
from vnlao_extract.sources import FileSource, expand_sources
from vnlao_extract.sources import html as html_module
from vnlao_extract.sources.formats import format_for, looks_like_html

pytest.importorskip("trafilatura")
pytest.importorskip("htmldate")

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def contract(record: dict) -> dict:
    """The fields the scorers read, without evidence offsets (a page's text is not the file's text)."""
    return {
        "published": record["published"],
        "people": [{k: p[k] for k in ("name", "aliases", "titles", "country")} for p in record["people"]],
        "events": [{k: e[k] for k in ("type", "actors", "start", "end", "place", "status")} for e in record["events"]],
        "dates": [(d["text"], d["start"], d["end"]) for d in record["dates"]],
        "congresses": [(c["ordinal"], c["party"], c["start"], c["end"]) for c in record["congresses"]],
        "trade_targets": [(t["value"], t["currency"]) for t in record["trade_targets"]],
    }


def records(paths, input_format="auto", nlp=None):
    sources = expand_sources(iter_sources([str(p) for p in paths], glob="*"), input_format)
    return list(extract_sources(sources, Options(), nlp=nlp))


@pytest.mark.parametrize("date_markup", ["meta", "time"])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_saved_as_a_page_gives_the_text_record(tmp_path, nlp, seed, date_markup):
    saved = tmp_path / (seed.stem + ".html")
    saved.write_text(page(seed.read_text(encoding="utf-8"), date_markup), encoding="utf-8")
    as_text, as_page = records([seed, saved], nlp=nlp)
    assert as_page["error"] is None
    assert as_page["source"] == str(saved)
    assert contract(as_page) == contract(as_text)
    assert as_page["people"] and as_page["dates"]


@pytest.mark.parametrize("date_markup, expected", [
    ("meta", "2025-11-20"),
    ("time", "2025-11-20"),
    ("none", None),
])
def test_published_date_comes_from_the_markup(tmp_path, nlp, date_markup, expected):
    text = ("date 2025-11-20 Prime Minister Phạm Minh Chính received the Lao Minister of Foreign Affairs "
            "in Hanoi on November 19.\n\nThe two sides agreed to raise two-way trade.\n")
    saved = tmp_path / "p.html"
    saved.write_text(page(text, date_markup), encoding="utf-8")
    [record] = records([saved], nlp=nlp)
    assert record["published"] == expected
    assert record["published_from"] == ("html" if expected else None)
    if expected:  # "November 19" takes its year from the page's date
        assert [d["start"] for d in record["dates"]] == ["2025-11-19"]


def test_navigation_footer_and_related_news_are_left_out(tmp_path, nlp):
    body = "VIENTIANE — President Thongloun Sisoulith held talks with visiting leaders on May 7, 2025.\n"
    saved = tmp_path / "p.htm"
    saved.write_text(page(body, "meta", headline="Leaders hold talks in Vientiane"), encoding="utf-8")
    article = FileSource(str(saved), saved, format="auto").read_article(10_000_000)
    assert "Related news" not in article.text and "Copyright" not in article.text
    assert "Politics" not in article.text
    assert article.text.startswith("Leaders hold talks in Vientiane\n\nVIENTIANE")
    [record] = records([saved], nlp=nlp)
    assert [d["start"] for d in record["dates"]] == ["2025-05-07"]  # not the related list's dates


@pytest.mark.parametrize("name, requested, expected", [
    ("a.html", "auto", "html"), ("a.HTM", "auto", "html"), ("dir/a.xhtml", "auto", "html"),
    ("a.txt", "auto", "auto"), ("a", "auto", "auto"), (".html", "auto", "auto"),
    ("a.jsonl", "auto", "jsonl"), ("a.ndjson", "auto", "jsonl"), ("a.json", "auto", "json"),
    ("a.csv", "auto", "csv"), ("a.txt", "html", "html"), ("a.html", "text", "text"), ("-", "auto", "auto"),
])
def test_format_by_option_then_extension(name, requested, expected):
    assert format_for(name, requested) == expected


@pytest.mark.parametrize("text, is_html", [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
    ("  <!-- saved --> <html lang='en'><p>x</p>", True),
    ("<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>", True),
    ("The minister said <b>nothing</b> new.", False),
    ("Trade rose 5% (<10% target) in 2025.", False),
    ("The talks <p>were held</p> in Hanoi.", False),
])
def test_html_recognised_by_content(text, is_html):
    assert looks_like_html(text) is is_html


def test_page_saved_as_txt_is_recognised_and_text_format_keeps_it_raw(tmp_path, nlp):
    text = "date 2025-11-20 General Secretary To Lam met the ambassador in Hanoi on November 18.\n"
    saved = tmp_path / "saved.txt"
    saved.write_text(page(text, "meta"), encoding="utf-8")
    [auto] = records([saved], nlp=nlp)
    [raw] = records([saved], "text", nlp=nlp)
    assert auto["published"] == "2025-11-20" and [p["name"] for p in auto["people"]] == ["To Lam"]
    assert auto["published"] != raw["published"] or raw["people"] != auto["people"]


@pytest.mark.parametrize("markup, message", [
    ("<html><head><title>x</title></head><body><img src='a.png'></body></html>", Errors.E052),
    ("<html><body></body></html>", Errors.E052),
])
def test_page_without_article_text_is_an_error_record(tmp_path, nlp, markup, message):
    saved = tmp_path / "empty.html"
    saved.write_text(markup, encoding="utf-8")
    [record] = records([saved], nlp=nlp)
    assert record["error"] == message.format(path=str(saved))
    assert record["people"] == [] and record["source"] == str(saved)


def test_missing_libraries_give_one_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(html_module, "_libraries", lambda: None)
    saved = tmp_path / "a.html"
    saved.write_text("<html><body><p>Text.</p></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"pip install 'vnlao-extract\[html\]'"):
        FileSource(str(saved), saved).read_article(1000)


def test_cli_reads_a_page_from_stdin_and_from_a_folder(tmp_path):
    text = "date 2025-11-20 Prime Minister Sonexay Siphandone visited Hanoi on November 19.\n"
    (tmp_path / "p.html").write_text(page(text, "time"), encoding="utf-8")
    piped = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", "-", "--jsonl"], input=page(text, "meta"),
                           capture_output=True, text=True, timeout=120)
    walked = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", str(tmp_path), "--glob", "*.html",
                             "--jsonl"], capture_output=True, text=True, timeout=120)
    for run, source in ((piped, "-"), (walked, str(tmp_path / "p.html"))):
        assert run.returncode == 0, run.stderr
        record = json.loads(run.stdout)
        assert (record["source"], record["published"]) == (source, "2025-11-20")
        assert [p["name"] for p in record["people"]] == ["Sonexay Siphandone"]


def test_plain_sources_still_read_as_text(tmp_path, nlp):
    saved = tmp_path / "a.txt"
    saved.write_text("President Thongloun Sisoulith arrived on May 7, 2025.\n", encoding="utf-8")
    [record] = list(extract_sources([Source(str(saved), saved)], Options(), nlp=nlp))
    assert record["published_from"] is None and record["dates"][0]["start"] == "2025-05-07"

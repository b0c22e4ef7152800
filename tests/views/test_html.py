"""The HTML report: displacy span markup in a jinja2 page, checked piece by piece and in headless Chromium."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from vnlao_extract.record import error_record
from vnlao_extract.views.html import Highlight, _tokens, blocks, displacy_piece, highlights, render_report

from ..conftest import SEEDS
from ..test_cli import cli  # noqa: F401 - the in-process command fixture

PUBLISHED = dt.date(2026, 2, 20)
KEYS = ("events", "people", "congresses", "dates", "relative_dates", "trade_targets")
TEXT = ("HANOI — Prime Minister Sonexay Siphandone will pay an official visit to Cambodia on March 3.\n\n"
        "Trade <b>grew</b> & the two sides aim for US$2 billion.\n")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


class Dom(HTMLParser):
    """Counts what the tests look for: highlight starts, overview rows, external references."""

    def __init__(self):
        super().__init__()
        self.starts: list[str] = []
        self.overview_rows = 0
        self.external: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "vx-start" in classes:
            self.starts.append(attrs.get("title") or "")
        if tag == "tr" and "overview-row" in classes:
            self.overview_rows += 1
        for name in ("src", "href"):
            if (attrs.get(name) or "").startswith(("http:", "https:", "//")):
                self.external.append(attrs[name])
        if tag in ("link", "script", "img", "iframe"):
            self.external.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Dom:
    dom = Dom()
    dom.feed(page)
    return dom


def items_with_evidence(records) -> int:
    return sum(1 for r in records for key in KEYS for item in r.get(key) or () if item.get("evidence"))


@pytest.mark.parametrize("text, cuts, words", [
    ("Tô Lâm's visit", [6], ["Tô", "Lâm", "'s", "visit"]),
    ("Laos, Vietnam", [4], ["Laos", ",", "Vietnam"]),
    ("(Laos)", [1, 5], ["(", "Laos", ")"]),
    ("  two  words ", [], ["two", "words"]),
])
def test_words_are_cut_where_a_highlight_starts_or_ends(text, cuts, words):
    assert [text[s:e] for s, e in _tokens(text, 0, len(text), cuts)] == words


def _mark(start: int, end: int) -> Highlight:
    return Highlight(start, end, "date", "date: x · rule r", "#fff")


@pytest.mark.parametrize("words, marks, size, pieces", [
    (10, [], 4, [4, 4, 2]),
    (10, [(3, 6)], 4, [6, 4]),  # the piece grows until no highlight spans the cut
    (3, [], 4, [3]),
])
def test_long_lines_are_cut_into_pieces_between_highlights(words, marks, size, pieces):
    text = " ".join(f"w{n:02d}" for n in range(words))  # every word 3 characters and a space
    found = blocks(text, [_mark(a * 4, b * 4 - 1) for a, b in marks], size)
    assert [len(text[s:e].split()) for s, e in found] == pieces
    assert "".join(text[s:e] for s, e in found) == text


def test_a_huge_line_gives_pieces_of_bounded_size():
    text = " ".join(["Talks"] * 20_000)
    marks = [_mark(n * 6, n * 6 + 5) for n in range(0, 20_000, 7)]
    found = blocks(text, marks)
    assert max(len(text[s:e].split()) for s, e in found) <= 251 and len(found) >= 20_000 // 251
    for start, end in found[:3]:
        piece = displacy_piece(text, start, end, [m for m in marks if start <= m.start < end], "#a")
        assert all(piece["tokens"][span["start_token"]] == "Talks" for span in piece["spans"])


def test_one_highlight_per_item_with_value_and_rule_in_the_tooltip(extract):
    record = extract(TEXT, published=PUBLISHED)
    dom = parse(render_report([(record, TEXT)]))
    assert len(dom.starts) == items_with_evidence([record]) == len(highlights(record)) > 0
    visit = next(e for e in record["events"] if e["type"] == "visit")
    assert any(t.startswith("event: visit (official)") and visit["evidence"]["rule"] in t for t in dom.starts)
    assert any(t.startswith("date: 2026-03-03 · rule ") for t in dom.starts)


def test_article_text_is_escaped_and_nothing_is_fetched(extract):
    record = extract(TEXT, published=PUBLISHED)
    page = render_report([(record, TEXT)])
    assert "<b>grew</b>" not in page and "&lt;b&gt;grew&lt;/b&gt;" in page
    assert parse(page).external == []


def test_an_error_record_is_listed_without_text():
    record = error_record("gone.txt", "extract: gone.txt: no such file or directory")
    dom = parse(render_report([(record, None)]))
    assert "extract: gone.txt: no such file or directory" in "".join(dom.text)
    assert dom.starts == [] and dom.overview_rows == 0


def test_timeline_goes_on_top_when_given(extract):
    record = extract(TEXT, published=PUBLISHED)
    timeline = {"timeline": [{"id": "v1", "type": "visit", "actors": ["Sonexay Siphandone"], "start": "2026-03-03",
                              "end": None, "place": "Cambodia", "status": "planned", "sources": ["a", "b"]}],
                "people": [], "congresses": [], "articles": 2}
    page = render_report([(record, TEXT)], timeline)
    assert parse(page).overview_rows == 1 and "Timeline" in page


def test_cli_html_from_stdin_highlights_the_piped_text(cli):  # noqa: F811
    result = cli(["-", "--format", "html", "--published", "2026-02-20"], stdin=TEXT.encode())
    assert result.code == 0
    dom = parse(result.stdout.decode("utf-8"))
    assert dom.starts and "Sonexay Siphandone" in "".join(dom.text)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _browser(binary: str, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(_chromium() is None, reason="chromium is not installed (Debian package: chromium)")
def test_seeds_report_in_headless_chromium(cli, tmp_path):  # noqa: F811
    report = tmp_path / "report.html"
    assert cli([SEEDS.name, "--html", report], cwd=SEEDS.parent).code == 0  # sources shown as seeds/...
    records = json.loads(cli([SEEDS.name, "--json"], cwd=SEEDS.parent).stdout)

    dumped = _browser(_chromium(), "--dump-dom", report.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-500:]
    dom = parse(dumped.stdout)
    assert len(dom.starts) == items_with_evidence(records)
    assert dom.overview_rows == sum(len(r["events"]) for r in records)
    assert dom.external == []

    shot = Path(os.environ.get("VNLAO_REPORT_PNG") or tmp_path / "report.png")
    taken = _browser(_chromium(), "--window-size=1280,1600", "--hide-scrollbars", f"--screenshot={shot}",
                     report.as_uri())
    assert taken.returncode == 0, taken.stderr[-500:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_highlights_land_on_their_words_in_a_repaired_text(nlp, tmp_path):
    from vnlao_extract.run import KeptTexts, RunOptions, iter_records

    path = tmp_path / "crlf.txt"
    path.write_bytes(("HANOI, May 4, 2026 —\r\n\r\nPrime Minister Hun\u200b Manet paid an official\u2060 visit\r\n"
                      "to Vietnam on May 4 and held talks with Prime Minister Phạm Minh Chính.\r\n").encode())
    texts = KeptTexts(10**6)
    (record,) = iter_records([str(path)], RunOptions(), lambda message: None, nlp=nlp, texts=texts)
    shown, locate = texts.text_of(record)
    assert locate is not None  # the text was repaired: offsets need mapping
    evidence = sorted(item["evidence"]["text"] for key in KEYS for item in record.get(key) or ())
    assert sorted(shown[h.start:h.end] for h in highlights(record, locate)) == evidence

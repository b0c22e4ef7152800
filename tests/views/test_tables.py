"""The terminal tables: events overview first, empty sections left out, --explain evidence."""
from __future__ import annotations

import io

import pytest
from rich.console import Console

from vnlao_extract.record import error_record
from vnlao_extract.views.tables import highlighted_sentence, host_text, kind_text, render_record, span_text

TEXT = ("VIENTIANE, March 3, 2026 — President Thongloun Sisoulith began a state visit to Cambodia on Tuesday "
        "and held talks with King Norodom Sihamoni in Phnom Penh.\n")


def rendered(record: dict, explain: bool = False, width: int = 120) -> str:
    out = io.StringIO()
    render_record(record, Console(file=out, width=width, force_terminal=False, color_system=None), explain)
    return out.getvalue()


@pytest.mark.parametrize("event, expected", [
    ({"type": "visit", "subtype": "state"}, "visit (state)"),
    ({"type": "talks", "subtype": None}, "talks"),
    ({"type": "meeting"}, "meeting"),
])
def test_kind_text(event, expected):
    assert kind_text(event) == expected


@pytest.mark.parametrize("start, end, expected", [("2026-01-26", "2026-01-27", "2026-01-26 → 2026-01-27"),
                                                  ("2026", None, "2026"), (None, None, "")])
def test_span_text(start, end, expected):
    assert span_text(start, end) == expected


@pytest.mark.parametrize("host, expected", [("Hun Manet", "Hun Manet"), ({"name": "Hun Manet", "country": "KH"},
                                            "Hun Manet"), ({"country": "KH"}, "KH"), (["A", "B"], "A, B"), (None, "")])
def test_host_text_takes_any_shape(host, expected):
    assert host_text({"host": host}) == expected


@pytest.mark.parametrize("sentence, span, start", [("They held talks in Hanoi.", "talks", 10),
                                                   ("No such span here.", "visit", None)])
def test_the_evidence_span_is_highlighted_in_its_sentence(sentence, span, start):
    text = highlighted_sentence({"sentence": sentence, "text": span})
    marked = [(s.start, s.end) for s in text.spans if "reverse" in str(s.style)]
    assert marked == ([] if start is None else [(start, start + len(span))])


def test_overview_comes_first_and_holds_subtype_place_status(extract):
    text = rendered(extract(TEXT))
    assert text.index("Events") < text.index("People") < text.index("Dates")
    overview = text[text.index("Events"):text.index("People")]
    assert "visit (state)" in overview and "Cambodia" in overview
    assert "Congresses" not in text and "Trade targets" not in text


def test_explain_shows_rule_and_sentence_for_every_item(extract):
    record = extract(TEXT)
    text = rendered(record, explain=True, width=200)
    for key in ("events", "people", "dates"):
        for item in record[key]:
            assert item["evidence"]["rule"] in text
    assert "Events: evidence" in text and "People: evidence" in text


def test_an_error_record_is_one_line_under_its_header():
    text = rendered(error_record("gone.txt", "extract: gone.txt: no such file or directory"))
    assert text.splitlines()[1] == "error: extract: gone.txt: no such file or directory"
    assert "Events" not in text


def test_markup_in_the_data_is_printed_as_text(extract):
    record = extract("[bold]Talks[/bold] in [red]Hanoi[/red] on March 3, 2026.\n", source="[x].txt")
    text = rendered(record)
    assert "[x].txt" in text and "March 3, 2026" in text

"""Text repair and the offset map back to the user's text."""
from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnlao_extract.textmap import TextMap, remap_offsets, repair_text

REPAIRS = [
    pytest.param("a\r\nb\rc", "a\nb\nc", id="newlines"),
    pytest.param("Prime\u200bMinister", "Prime Minister", id="zero-width-space-between-words"),
    pytest.param("Prime \u200bMinister\u200b", "Prime Minister", id="zero-width-space-beside-a-space"),
    pytest.param("Vie\u200b\u0302t", "Vi\u00eat", id="zero-width-space-before-a-mark"),
    pytest.param("Thong\u00adloun", "Thongloun", id="soft-hyphen"),
    pytest.param("\u202bVientiane\u202c\u200e", "Vientiane", id="direction-marks"),
    pytest.param("To\u0302 La\u0302m", "Tô Lâm", id="nfd"),
    pytest.param("(" * 40, " ".join(["(" * 16, "(" * 16, "(" * 8]), id="punctuation-run"),
    pytest.param("a" * 40 + "." * 16, "a" * 40 + "." * 16, id="short-run-and-letters-untouched"),
]


@pytest.mark.parametrize("text, repaired", REPAIRS)
def test_repair(text, repaired):
    assert repair_text(text)[0] == repaired


@pytest.mark.parametrize("text, word", [
    ("x\r\n\r\nTô Lâm met", "Tô Lâm"),
    ("\u200fx\u200b To\u0302 La\u0302m\u200b met", "To\u0302 La\u0302m"),
    ("(((((((((((((((((((((((((( Lâm", "Lâm"),
    ("Sone\u00adxay Siphan\u00addone", "Sone\u00adxay Siphan\u00addone"),
])
def test_a_span_in_the_repaired_text_maps_onto_the_same_words(text, word):
    repaired, text_map = repair_text(text)
    target = unicodedata.normalize("NFC", word).replace("\u00ad", "")
    start = repaired.index(target)
    s, e = text_map.span(start, start + len(target))
    assert text[s:e] == word


def test_records_are_remapped_wherever_the_offsets_are():
    repaired, text_map = repair_text("a\r\nb\r\nLâm")
    start = repaired.index("Lâm")
    record = {"people": [{"evidence": {"start_char": start, "end_char": start + 3}, "mentions": [[start, start + 3]]}],
              "x": [[{"start_char": 0, "end_char": 1}]]}
    remap_offsets(record, text_map)
    assert record == {"people": [{"evidence": {"start_char": 6, "end_char": 9}, "mentions": [[6, 9]]}],
                      "x": [[{"start_char": 0, "end_char": 1}]]}


def test_no_repair_no_map():
    text, text_map = repair_text("Plain text, nothing to repair.\n")
    assert text_map.passes == [] and text_map.span(3, 7) == (3, 7)


@pytest.mark.parametrize("unit", ["(", '"', "“", ")", "[", "'", "-"])
def test_a_punctuation_run_becomes_tokens_in_linear_work(nlp, unit):
    counts = [len(nlp.tokenizer(repair_text(unit * size)[0])) for size in (2_000, 8_000)]
    assert 3.5 * counts[0] <= counts[1] <= 4.5 * counts[0]  # the tokens (the work) grow with the text


PIECES = st.sampled_from(["Tô", "Lâm", "To\u0302", "La\u0302m", " ", "\r\n", "\r", "\n", "\u200b", "\u00ad",
                          "\u200e", "(" * 20, "met", "Vientiane", "e\u0301", "\ufeff", "."])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(pieces=st.lists(PIECES, max_size=30))
def test_every_word_maps_back_onto_what_the_user_wrote(pieces):
    text = "".join(pieces)
    repaired, text_map = repair_text(text)
    for match in re.finditer(r"\w+", repaired):
        s, e = text_map.span(match.start(), match.end())
        assert 0 <= s <= e <= len(text)
        assert repair_text(text[s:e])[0].strip() == match.group()


def test_an_empty_map_is_the_identity():
    assert TextMap().span(5, 9) == (5, 9)

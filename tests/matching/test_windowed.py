"""The windowed matcher: pieces of a long window give what the whole window gives; what a pattern token
accepts is read once (semantics.py)."""
from __future__ import annotations

import pytest

from vnlao_extract.matching.anchors import AnchoredMatcher, ClassAnchoredMatcher
from vnlao_extract.matching.semantics import SpecUnion, read_token, repeats, token_words
from vnlao_extract.matching.windowed import Bounds, greedy_filter
from vnlao_extract.pipeline import build_pipeline
from vnlao_extract.rules import load_package


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


TEXTS = [
    "Talks began on January 5, 2026, went on March 3 to 5, 2026, and ended in 2027, they said, in May 2028.",
    "On 5 February 2026 and on 6 February 2026 and on 7 February 2026 and on 8 February 2026 the talks went on.",
]


@pytest.mark.parametrize("greedy", [None, "LONGEST"])
@pytest.mark.parametrize("text", TEXTS)
def test_pieces_find_what_one_window_finds(nlp, text, greedy):
    rows = [row for row in load_package("date_patterns.jsonl") if "words" not in row]
    doc = nlp(text)
    whole = ClassAnchoredMatcher(nlp.vocab, rows, greedy, Bounds(10_000, 10))
    pieces = ClassAnchoredMatcher(nlp.vocab, rows, greedy, Bounds(14, 7))
    spans = lambda found: sorted((s.start, s.end, row["id"]) for s, row in found)  # noqa: E731
    assert spans(pieces(doc)) == spans(whole(doc)) and pieces.work.windows > whole.work.windows


def test_word_anchored_pieces(nlp):
    rows = [{"id": "talks", "pattern": [{"LOWER": {"IN": ["official", "bilateral"]}, "OP": "*"}, {"LOWER": "talks"}]}]
    doc = nlp("official talks " * 40)
    whole = AnchoredMatcher(nlp.vocab, rows, bounds=Bounds(10_000, 10))
    pieces = AnchoredMatcher(nlp.vocab, rows, bounds=Bounds(16, 6))
    assert [(s.start, s.end) for s, _ in pieces(doc)] == [(s.start, s.end) for s, _ in whole(doc)]


@pytest.mark.parametrize("found, greedy, kept", [
    ([(1, 0, 3), (1, 2, 5), (1, 4, 5)], "LONGEST", [(1, 0, 3), (1, 4, 5)]),
    ([(1, 2, 6), (1, 0, 3), (2, 0, 3)], "LONGEST", [(1, 2, 6), (2, 0, 3)]),
    ([(1, 2, 6), (1, 0, 3)], "FIRST", [(1, 0, 3)]),
    ([(1, 2, 6), (1, 0, 3)], None, [(1, 2, 6), (1, 0, 3)]),
])
def test_greedy_filter_is_the_matchers(found, greedy, kept):
    assert greedy_filter(found, greedy) == kept


@pytest.mark.parametrize("token, bounds", [
    ({"LOWER": "a"}, (1, 1)), ({"OP": "?"}, (0, 1)), ({"OP": "+"}, (1, None)), ({"OP": "*"}, (0, None)),
    ({"OP": "{2}"}, (2, 2)), ({"OP": "{1,3}"}, (1, 3)), ({"OP": "{2,}"}, (2, None)), ({"OP": "!"}, (1, 1)),
])
def test_repeats(token, bounds):
    assert repeats(token) == bounds


@pytest.mark.parametrize("token, words", [
    ({"LOWER": {"IN": ["Visit", "trip"]}}, {"visit", "trip"}),
    ({"ORTH": "Talks"}, {"talks"}),
    ({"LOWER": {"REGEX": "^summit"}}, None),
    ({"LOWER": "met", "OP": "!"}, None),
])
def test_token_words(token, words):
    assert token_words(token) == words


@pytest.mark.parametrize("token, word, label, flags, accepted", [
    ({"LOWER": {"IN": ["may"]}, "ORTH": "May"}, "may", "", (), True),
    ({"LOWER": {"IN": ["may"]}, "ORTH": "June"}, "may", "", (), False),
    ({"_": {"lex": {"IN": ["place", "party"]}}}, "cpv", "party", (), True),
    ({"_": {"title_office": True}}, "pm", "office", ("title_office",), True),
    ({"_": {"title_office": True}}, "pm", "office", (), False),
    ({"IS_ALPHA": True}, "anything", "", (), True),
    ({"LOWER": "no", "OP": "!"}, "no", "", (), True),
])
def test_what_a_token_accepts(token, word, label, flags, accepted):
    assert read_token(token).accepts(word, label, set(flags)) is accepted


def test_union_accepts_what_any_token_accepts():
    union = SpecUnion.of([{"LOWER": "of"}, {"_": {"lex": "place"}}, {"_": {"org_end": True}}])
    assert union.accepts("of", "", lambda name: False) and union.accepts("laos", "place", lambda name: False)
    assert union.accepts("cpv", "", lambda name: name == "org_end") and not union.accepts("x", "", lambda n: False)


IN_PLACE = [{"id": "in_place", "pattern": [{"LOWER": {"IN": ["is", "are"]}}, {"LOWER": "in"}, {"_": {"lex": "place"}},
                                           {"LOWER": {"IN": ["for", "to"]}}]}]


@pytest.mark.parametrize("text, windows, found", [
    ("The minister is in Hanoi for talks.", 1, [(2, 6)]),
    ("The minister is in good health, and talks are in Hanoi to start.", 1, [(9, 13)]),
    ("Prices rose in May and fell in June.", 0, []),  # "in" without "is" before it or a place after it
    ("She is in Hanoi", 0, []),  # the pattern's last token would lie past the Doc
])
def test_anchor_windows_only_where_the_exact_tokens_fit(nlp, text, windows, found):
    doc = nlp(text)
    matcher = AnchoredMatcher(nlp.vocab, IN_PLACE)
    whole = [(start, end) for _, start, end in matcher.matcher(doc)]
    assert [(s.start, s.end) for s, _ in matcher(doc)] == whole == found
    assert matcher.work.windows == windows

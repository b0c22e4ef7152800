"""The Matcher's work grows linearly with the text, for runs of every kind of phrase the matching
components start from (issue 11): the counts of windows, tokens given to the Matcher and matches double
when the run doubles."""
from __future__ import annotations

import pytest

from vnlao_extract.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _work(nlp, component: str, text: str) -> tuple[int, int, int]:
    """(windows, tokens, matches) the component's windowed matcher did on ``text``."""
    doc = nlp.make_doc(text)
    for name in ("sentencizer", "vnlao_article", "vnlao_lexicon"):
        doc = nlp.get_pipe(name)(doc)
    pipe = nlp.get_pipe(component)
    matcher = pipe.title_matcher if component == "vnlao_titles" else pipe.matcher
    before = (matcher.work.windows, matcher.work.tokens, matcher.work.matches)
    pipe(doc)
    return tuple(after - was for after, was in zip((matcher.work.windows, matcher.work.tokens, matcher.work.matches),
                                                   before))


RUNS = [
    ("vnlao_titles", lambda n: "Prime Minister " * (n // 2)),  # n office words
    ("vnlao_titles", lambda n: "PM " * (n // 3) + "of " + "UN of " * (n // 3) + "UN."),
    ("vnlao_titles", lambda n: "Minister of Labour, Invalids and " * (n // 6)),
    ("vnlao_dates", lambda n: "on January 5, 2026, " * (n // 6)),
    ("vnlao_dates", lambda n: "in 2026 " * (n // 2)),
    ("vnlao_dates", lambda n: "from March 3 to 5 " * (n // 5)),
    ("vnlao_trade", lambda n: "US$5 billion, " * (n // 4)),
    ("vnlao_trade", lambda n: "five billion US dollars " * (n // 4)),
]


@pytest.mark.parametrize("component, make", RUNS, ids=[f"{c}-{i}" for i, (c, _) in enumerate(RUNS)])
def test_matcher_work_grows_linearly(nlp, component, make):
    small, large = _work(nlp, component, make(2000)), _work(nlp, component, make(4000))
    assert small[1] > 0 and small[2] > 0, "the run must give the matcher something to do"
    for count_small, count_large in zip(small, large):
        assert count_large <= 2.3 * count_small, (small, large)


def test_a_short_text_is_matched_in_one_window(nlp):
    windows, tokens, _ = _work(nlp, "vnlao_titles", "The Lao Prime Minister met the Vietnamese President.")
    assert windows == 2 and tokens < 8

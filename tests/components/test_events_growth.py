"""The events rules' work grows linearly with the text: the lines the package runs on a long article
double when the article doubles (issue 11). Counted with a line tracer, never timed."""
from __future__ import annotations

import datetime
import sys

import pytest

from vnlao_extract.extract import extract_text

PACKAGE = "/components/events/"
SENTENCES = {
    "meetings": "Prime Minister Hun Manet met President Luong Cuong in Hanoi on May 3, and the meeting was warm. "
                "The two leaders held talks. ",
    "visits": "President Prabowo Subianto paid a state visit to Laos from May 3 to 5. Prabowo also attended the "
              "summit in Vientiane, said the ministry on Friday. ",
    "signings": "After the talks, the two sides signed 12 documents. Ambassador Nguyen Ba Hung, said on Monday. ",
}


def lines_run(nlp, text: str) -> int:
    """Lines of the events package executed while extracting ``text``."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if PACKAGE not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        extract_text(nlp, text, "growth.txt", datetime.date(2025, 5, 4))
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("kind", sorted(SENTENCES))
def test_events_work_grows_linearly(nlp, kind):
    small, large = (lines_run(nlp, SENTENCES[kind] * n) for n in (60, 120))
    assert small > 1000, "the text must give the rules something to do"
    assert large <= 2.3 * small, (small, large)

"""The events and people rules' work grows linearly with the text: the lines each package runs on a long
article at most double, within a margin, when the article doubles (issue 11)."""
from __future__ import annotations

import pytest

from ..tracing import lines_run

RUNS = {
    "meetings": ("/components/events/", "Prime Minister Hun Manet met President Luong Cuong in Hanoi on May 3, and "
                                        "the meeting was warm. The two leaders held talks. "),
    "visits": ("/components/events/", "President Prabowo Subianto paid a state visit to Laos from May 3 to 5. "
                                      "Prabowo also attended the summit in Vientiane, said the ministry on Friday. "),
    "signings": ("/components/events/", "After the talks, the two sides signed 12 documents. Ambassador Nguyen Ba "
                                        "Hung, said on Monday. "),
    "references": ("/components/people/", "The Lao Prime Minister met his Vietnamese counterpart. The Lao leader "
                                          "and the Vietnamese President spoke. "),
    "bare offices": ("/components/people/", "Prime Minister Hun Manet arrived. The PM praised the President of the "
                                            "Senate. The PM spoke. "),
}


LEADERS = ["Hun Manet", "Anwar Ibrahim", "Prabowo Subianto", "Lawrence Wong", "Sonexay Siphandone",
           "Pham Minh Chinh", "Paetongtarn Shinawatra", "Shigeru Ishiba", "Anthony Albanese", "Narendra Modi"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def distinct_events(n: int) -> str:
    """``n`` sentences whose events stay apart: other pairs, other days, other years."""
    return " ".join(f"Prime Minister {LEADERS[i % 10]} met Prime Minister {LEADERS[(i * 3 + 1) % 10]} on "
                    f"{MONTHS[i % 10]} {1 + i % 27}, {1990 + i % 35}, and the two leaders signed {2 + i % 9} "
                    f"documents. {LEADERS[(i * 7 + 3) % 10]} paid a visit to Laos in {1990 + (i * 11) % 35}."
                    for i in range(n))


def test_work_grows_linearly_with_many_events(nlp):
    lines_run(nlp, distinct_events(120), "/components/events/")
    small, large = (lines_run(nlp, distinct_events(n), "/components/events/") for n in (60, 120))
    assert large <= 2.3 * small, (small, large)


@pytest.mark.parametrize("run", sorted(RUNS))
def test_work_grows_linearly(nlp, run):
    package, sentence = RUNS[run]
    lines_run(nlp, sentence * 120, package)  # caches of words and names warmed alike for both runs
    small, large = (lines_run(nlp, sentence * n, package) for n in (60, 120))
    assert small > 1000, "the text must give the rules something to do"
    assert large <= 2.3 * small, (small, large)

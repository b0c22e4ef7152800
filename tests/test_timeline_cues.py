"""Date cues read from a record's sentences when its article has no date."""
from __future__ import annotations

import pytest

from vnlao_extract.merge.cues import month_day, weekday


@pytest.mark.parametrize("sentence, expected", [
    ("He will visit Laos on June 10-11.", [6, 10, 11]),
    ("The visit runs from 10 to 11 June.", [6, 10, 11]),
    ("They met on Sept. 3 in Hanoi.", [9, 3, 3]),
    ("They met on June 10, 2025.", None),            # a year is written: the record has the date already
    ("Officials may 10 times a year meet.", None),   # "may" is no month
    ("Between June 3 and July 4 they met twice.", None),
])
def test_month_day(sentence, expected):
    assert month_day(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("They held talks on Thursday.", 3), ("On Sunday the visit ended.", 6),
    ("They met on Monday and Friday.", None), ("Thursdays are busy.", None),
])
def test_weekday(sentence, expected):
    assert weekday(sentence) == expected


@pytest.mark.parametrize("sentence, free", [
    ("The trip returns his state visit to Vietnam in March.", True),
    ("He will visit Laos in March.", False),
    ("He paid a visit to Laos in March.", False),
    ("The upcoming visit in March.", False),
    (None, True),
])
def test_a_sentence_without_a_word_of_tense(sentence, free):
    from vnlao_extract.merge.cues import tense_free

    assert tense_free(sentence) is free

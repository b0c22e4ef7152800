"""An article with no published date whose year-less dates cannot be resolved: one warning naming the
article, how many dates were left, and the --published hint (record and stderr)."""
from __future__ import annotations

import datetime as dt

import pytest

from vnlao_extract.extract import Options, extract_source
from vnlao_extract.inputs import Source


@pytest.mark.parametrize("text, published, left", [
    ("President Joko Widodo visited Manila on March 3 and met President Ferdinand Marcos on March 4.", None, 2),
    ("Prime Minister Anwar Ibrahim arrived in Bangkok on Monday.", None, 1),
    # a year written, or a published date given: nothing is left
    ("President Joko Widodo visited Manila on March 3, 2023.", None, 0),
    ("President Joko Widodo visited Manila on March 3.", dt.date(2023, 3, 5), 0),
    ("date 2023-03-05\nPresident Joko Widodo visited Manila on March 3.", None, 0),
])
def test_warning_for_dates_left_without_a_year(nlp, tmp_path, text, published, left):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    record, messages = extract_source(nlp, Source(str(path), path), Options(published=published, in_process=True))
    warnings = [m for m in messages if "--published" in m]
    assert record["unresolved_dates"] == left
    if left:
        assert warnings == [f"warning: {path}: no published date, so {left} date(s) without a year were left "
                            "out (give --published YYYY-MM-DD)"]
        assert warnings[0].removeprefix("warning: ") in record["warnings"]
    else:
        assert not warnings and not any("--published" in w for w in record["warnings"])

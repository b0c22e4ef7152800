"""Work counted, never timed: the lines a package of the extractor runs on a text (a line tracer)."""
from __future__ import annotations

import datetime
import sys

from vnlao_extract.extract import extract_text


def lines_run(nlp, text: str, package: str) -> int:
    """Lines of files whose path holds ``package`` executed while extracting ``text``."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if package not in frame.f_code.co_filename:
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

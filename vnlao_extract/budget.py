"""The per-article budget (``--timeout``): how long one article may take, and the message when it is over.

The budget is enforced by the worker pool (pool.py), which kills a worker whose article is over it:
the Matcher and the tokenizer cannot be interrupted from inside, a process can.
"""
from __future__ import annotations

from .errors import Errors

DEFAULT_TIMEOUT = 30.0
# No budget may exceed a day: a larger number is a typo, and the event loop's waits must stay finite.
MAX_TIMEOUT = 86_400.0


def checked_timeout(seconds: float | None) -> float | None:
    """The budget in seconds, None for no budget (0 or None); raises ValueError outside [0, MAX_TIMEOUT]."""
    if seconds is None or seconds == 0:
        return None
    if not 0 < seconds <= MAX_TIMEOUT:  # also refuses NaN
        raise ValueError(Errors.E040.format(value=seconds, limit=MAX_TIMEOUT))
    return float(seconds)


def over_budget_message(path: str, seconds: float) -> str:
    return Errors.E041.format(path=path, seconds=f"{seconds:g}")

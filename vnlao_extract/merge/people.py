"""One person across articles when the actor registry does not know them: the same name, longer or shorter.

An outlet writes "Gabriel Boric Font", another "Gabriel Boric": without a registry entry the two records give
two person keys. A name of two or more words written inside exactly one other name of the batch (word for
word, in order, folded) is that person, if the countries do not contradict; a registry person's full name
inside an unknown longer name ("Samdech Hun Manet") is the registry person. Registry keys never move. Only
names are compared, never aliases ("the Lao leader" may name anyone). Names are indexed by their runs of
words, so the cost is linear in the people of the batch.
"""
from __future__ import annotations

from collections import defaultdict

from ..registry import fold


def _runs(words: tuple) -> set[tuple]:
    """Every run of two or more consecutive words of a name, the name itself excluded."""
    return {words[i:j] for i in range(len(words)) for j in range(i + 2, len(words) + 1)} - {words}


def _names(rows) -> tuple[dict[str, set], dict[str, set], set]:
    """Person key -> word tuples of the names it is written with, -> countries, and the registry's keys."""
    names, countries, registered = defaultdict(set), defaultdict(set), set()
    for row in rows:
        words = tuple(fold(row.name).split())
        if len(words) >= 2:
            names[row.key].add(words)
        if row.country:
            countries[row.key].add(row.country)
        if row.registry_id:
            registered.add(row.key)
    return names, countries, registered


def same_people(rows) -> dict[str, str]:
    """Person key -> the key it is the same person as (keys that stay themselves are left out)."""
    names, countries, registered = _names(rows)
    holders, owners = defaultdict(set), defaultdict(set)  # run -> keys whose name holds it; name -> keys
    for key, forms in names.items():
        for words in forms:
            owners[words].add(key)
            for run in _runs(words):
                holders[run].add(key)

    def agree(a: str, b: str) -> bool:
        return not (countries[a] and countries[b] and countries[a] != countries[b])

    moved = {}
    for key in sorted(names):
        if key in registered:
            continue
        wider = {k for words in names[key] for k in holders[words] if k != key and agree(key, k)}
        inner = {k for words in names[key] for run in _runs(words) for k in owners[run]
                 if k in registered and agree(key, k)}
        targets = wider | inner
        widest = {t for t in targets if not any(o != t and o in wider and names[t] & _all_runs(names[o])
                                                for o in targets)}
        if len(widest) == 1:
            moved[key] = widest.pop()
    return {key: _final(key, moved) for key in moved}


def _all_runs(forms: set) -> set:
    return {run for words in forms for run in _runs(words)}


def _final(key: str, moved: dict) -> str:
    seen = {key}
    while key in moved and moved[key] not in seen:
        key = moved[key]
        seen.add(key)
    return key

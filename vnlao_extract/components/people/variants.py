"""Registry names written another way: glued into one word ("ThonglounSisoulith") or misspelled
by a letter or two ("Thongloun Sisulith", "Sonexay Siphandon", "Thong Loun Sisoulith"). A misspelling is
accepted only in long words, never in a Vietnamese name (whose one-letter differences are other people),
and only when one registry actor fits."""
from __future__ import annotations

from spacy.tokens import Span

from ...registry import Actor
from . import cues
from .model import folded, name_words

MIN_GLUED = cues.scope("people.glued_min_letters")
MIN_MISSPELT = cues.scope("people.misspelt_min_letters")
TWO_EDITS_FROM = cues.scope("people.misspelt_two_edits_from")


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is sure to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def allowed_edits(word: str) -> int:
    return 2 if len(word) >= TWO_EDITS_FROM else 1


class NameVariants:
    """The registry's multi-word forms, glued (one key each) and by their words."""

    def __init__(self, actors: tuple[Actor, ...], vietnamese_families: frozenset[str]):
        self.vietnamese_families = vietnamese_families
        self.glued: dict[str, set[str]] = {}
        self.actors: dict[str, Actor] = {}
        self.by_word: dict[str, list[tuple[Actor, list[str]]]] = {}
        for actor in actors:
            self.actors[actor.id] = actor
            for form in actor.forms():
                words = [folded(w) for w in form.replace("-", " ").split()]
                if len(words) < 2:
                    continue
                self.glued.setdefault("".join(words), set()).add(actor.id)
                for word in {words[0], words[-1]}:
                    self.by_word.setdefault(word, []).append((actor, words))

    def glued_actor(self, text: str) -> Actor | None:
        """The one actor whose full name, glued, is ``text``."""
        key = folded(text).replace("-", "")
        ids = self.glued.get(key, ()) if len(key) >= MIN_GLUED else ()
        return self.actors[next(iter(ids))] if len(ids) == 1 else None

    def misspelt_actor(self, run: Span) -> Actor | None:
        """The one actor whose name the run spells with a letter or two wrong, or split differently."""
        words = [folded(w) for w in name_words(run)]
        if len(words) < 2 or words[0] in self.vietnamese_families:
            return None
        found = {actor.id for word in {words[0], words[-1]} for actor, form in self.by_word.get(word, ())
                 if form != words and _close(words, form)}
        return self.actors[found.pop()] if len(found) == 1 else None


def _close(words: list[str], form: list[str]) -> bool:
    if len(words) == len(form):
        different = [(a, b) for a, b in zip(words, form) if a != b]
        return len(different) == 1 and all(
            min(len(a), len(b)) >= MIN_MISSPELT and edit_distance(a, b, allowed_edits(b)) <= allowed_edits(b)
            for a, b in different)
    return "".join(words) == "".join(form)  # "Thong Loun Sisoulith"

"""What a word's letters tell (capitalised, a Vietnamese syllable, a Vietnamese family name, ...) and
which tokens can be part of a person's name; ``token._.name_part`` reads the per-Doc list."""
from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc, Span, Token

from ...registry import fold
from ...matching import ignored_mask, lex_entries, lex_labels
from . import cues
from .origins import all_families, vietnamese_families

# One Vietnamese syllable, diacritics folded: initial consonant, one to three vowels, final consonant.
INITIALS = re.compile(r"^(?:[A-Z]\.){1,2}$")  # "E.", "L.P."
VN_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")
VN_FAMILIES = vietnamese_families()
FAMILIES = all_families()
GIVEN_NAME_LABELS = cues.words("people.given_name_labels")
NAME_PARTS = ("vnlao", "name_parts")  # doc.user_data key of name_parts(doc)
GIVEN_NAME_WORDS = cues.scope("people.given_name_words")
NAME_PARTICLES = cues.words("people.name_particles")

# What a word's letters tell, as bits. Kept per distinct word (orth id): the same words recur in every Doc.
FIRST_UPPER, FIRST_ALPHA, ALL_UPPER, ALPHA, DASH, ONE_CHAR, VN_SYLLABLE_WORD, VN_FAMILY = 1, 2, 4, 8, 16, 32, 64, 128
# A word of letters only, capitalised and not all capitals ("Nguyen", not "UN").
CAPITALISED_MASK, CAPITALISED = ALPHA | FIRST_UPPER | ALL_UPPER, ALPHA | FIRST_UPPER
_SHAPES: dict[int, int] = {}
SHAPE_CACHE_SIZE = 20_000  # words; emptied when full, so that a long batch's new names do not pile up


def _shape_of(text: str) -> int:
    first, folded = text[:1], fold(text)
    return ((FIRST_UPPER if first.isupper() else 0) | (FIRST_ALPHA if first.isalpha() else 0) |
            (ALL_UPPER if text.isupper() else 0) | (ALPHA if text.isalpha() else 0) |
            (DASH if text == "-" else 0) | (ONE_CHAR if len(text) == 1 else 0) |
            (VN_SYLLABLE_WORD if VN_SYLLABLE.match(folded) else 0) | (VN_FAMILY if folded in VN_FAMILIES else 0))


def word_shapes(doc: Doc) -> list[int]:
    """What the letters of every token tell (``FIRST_UPPER``, ``ALPHA``...)."""
    orths = doc.to_array(ORTH).tolist()
    shapes = list(map(_SHAPES.get, orths))
    if None in shapes:
        if len(_SHAPES) > SHAPE_CACHE_SIZE:
            _SHAPES.clear()
        strings = doc.vocab.strings
        for i, orth in enumerate(orths):
            if shapes[i] is None:
                shapes[i] = _SHAPES[orth] = _shape_of(strings[orth])
    return shapes


def name_parts(doc: Doc) -> list[bool]:
    """For each token: can it be part of a person's name? (:func:`find_name_parts`, kept in ``doc.user_data``.)"""
    parts = doc.user_data.get(NAME_PARTS)
    if parts is None or len(parts) != len(doc):
        parts = doc.user_data[NAME_PARTS] = find_name_parts(doc, word_shapes(doc))
    return parts


def find_name_parts(doc: Doc, shapes: list[int]) -> list[bool]:
    """For each token: can it be part of a person's name? Capitalised words outside the lexicon, the
    pieces of a hyphenated name ("Chan-o-cha"), and lexicon words that are Vietnamese given names inside a
    Vietnamese name (``_lexicon_word_in_name``). Never a token outside the article body."""
    lex, ignored, entries = lex_labels(doc), ignored_mask(doc), lex_entries(doc)
    spaces = doc.to_array(SPACY).tolist()
    last = len(doc) - 1
    parts = [False] * len(doc)
    for i in _name_part_candidates(shapes):
        shape = shapes[i]
        if ignored[i]:
            continue
        if lex[i]:
            parts[i] = _lexicon_word_in_name(i, lex, ignored, entries, shapes, spaces)
        elif shape & DASH:
            parts[i] = 0 < i < last and not spaces[i - 1] and not spaces[i] and bool(shapes[i + 1] & ALPHA)
        elif not shape & FIRST_ALPHA:
            continue
        elif shape & FIRST_UPPER:
            parts[i] = not (shape & ALL_UPPER and not shape & ONE_CHAR) or _capital_family(doc, i, shapes, lex)
        else:
            parts[i] = bool(shapes[i - 1] & DASH) and not spaces[i - 1]
    _join_particles(doc, parts, ignored, lex)
    return parts


def _capital_family(doc: Doc, i: int, shapes: list[int], lex: list[str]) -> bool:
    """A family name in capitals before the given name, as Cambodian and Chinese news write it: "KONG Vibol"."""
    return (i + 1 < len(doc) and not lex[i + 1] and shapes[i + 1] & CAPITALISED_MASK == CAPITALISED
            and fold(doc[i].text) in FAMILIES)


def _join_particles(doc: Doc, parts: list[bool], ignored: list[bool], lex: list[str]) -> None:
    """A name particle or an initial between two name parts is a name part too ("Hussein bin Abdullah",
    "Marc E. Knapper", "Retno L.P. Marsudi")."""
    gaps = [i for i in range(1, len(parts) - 1) if parts[i - 1] and not parts[i] and parts[i + 1]]
    for i in gaps:
        text = doc[i].text
        if not ignored[i] and (text in NAME_PARTICLES or (not lex[i] and INITIALS.match(text))):
            parts[i] = True


def _name_part_candidates(shapes: list[int]) -> list[int]:
    """The tokens that can be name parts at all: capitalised, a hyphen, or right after a hyphen."""
    shapes = numpy.array(shapes, dtype=numpy.int64)
    dashes = (shapes & DASH) != 0
    found = ((shapes & FIRST_UPPER) != 0) | dashes
    found[1:] |= dashes[:-1]
    return numpy.flatnonzero(found).tolist()


def _lexicon_word_in_name(i: int, lex: list[str], ignored: list[bool], entries: list[dict | None],
                          shapes: list[int], spaces: list[int]) -> bool:
    """A lexicon word that is also a Vietnamese given name, inside a name that starts with a Vietnamese
    family name: "Nguyễn Văn An", "Nguyễn Thị Hue", "Trần Văn Vinh", "Nguyen Thai Hoc"."""
    label, shape = lex[i], shapes[i]
    if label not in GIVEN_NAME_LABELS:
        return False
    if not shape & FIRST_UPPER or shape & ALL_UPPER or not shape & VN_SYLLABLE_WORD:
        return False
    if i + 1 < len(lex) and lex[i + 1] == label:
        return False  # a longer phrase: "Hai Phong", "Thai Binh"
    kind = (entries[i] or {}).get("kind")
    if (label == "place" and kind != "city") or kind == "name_tail":
        return False
    j, words = i - 1, 0
    while j >= 0 and words < GIVEN_NAME_WORDS:
        if lex[j] or ignored[j] or not spaces[j] or shapes[j] & CAPITALISED_MASK != CAPITALISED:
            break
        j -= 1
        words += 1
    return words >= 1 and bool(shapes[j + 1] & VN_FAMILY)


def runs_of_true(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of every longest run of True values."""
    runs, end, n = [], 0, len(flags)
    while end < n:
        try:
            start = flags.index(True, end)
        except ValueError:
            break
        try:
            end = flags.index(False, start)
        except ValueError:
            end = n
        runs.append((start, end))
    return runs


def name_runs(doc: Doc) -> list[Span]:
    """The longest runs of name parts, in text order, without a trailing hyphen."""
    runs = []
    for start, end in runs_of_true(name_parts(doc)):
        while end > start and doc[end - 1].text == "-":
            end -= 1
        if end > start:
            runs.append(doc[start:end])
    return runs


if not Token.has_extension("name_part"):
    Token.set_extension("name_part", getter=lambda token: name_parts(token.doc)[token.i])

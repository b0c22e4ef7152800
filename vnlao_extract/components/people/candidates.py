"""Where names can be: registry names matched in the text, and runs of name parts that are a person
because of their shape (a Vietnamese name) or because they speak or are introduced; and what is no
person (the head of a place or organisation name, a photo or story credit)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ...matching import lex_phrases
from ...registry import Actor
from ..titles import text_is_acronym
from . import cues
from .index import PeopleIndex
from .attach import make_mention
from .model import VARIANT_RULE, Facts, Mention, folded, name_words
from .shapes import VN_SYLLABLE, name_runs

CREDIT_CUES = cues.words("people.credit_cues")
CREDIT_BY_CUES = CREDIT_CUES | cues.words("people.credit_by_cues")
CREDIT_PUNCTUATION = cues.words("people.credit_punctuation")
DATE_WORDS = cues.words("people.date_words")
SPEECH_VERBS = cues.words("people.speech_verbs")
SPEECH_VERBS_BEFORE = cues.words("people.speech_verbs_before")
INDEFINITE = cues.words("people.indefinite_articles")
INTRODUCED_MIN, INTRODUCED_MAX = cues.minimum("people.introduced_words"), cues.scope("people.introduced_words")
NAME_MIN, NAME_MAX = cues.minimum("people.name_words"), cues.scope("people.name_words")
VIETNAMESE_MIN, VIETNAMESE_MAX = cues.minimum("people.vietnamese_words"), cues.scope("people.vietnamese_words")
# Lexicon phrases a registry name may not reach into: "Ho Chi Minh" in "Ho Chi Minh City".
BLOCKING_LABELS = cues.words("people.blocking_labels")
SINGLE_NAME_COUNTRIES = cues.words("people.single_name_countries")
NAME_SUFFIXES = cues.words("people.name_suffixes")


def registry_spans(facts: Facts, index: PeopleIndex) -> list[tuple[Span, Actor]]:
    """Registry names in the text, longest first where they overlap, none inside a longer lexicon phrase."""
    doc = facts.doc
    matches = index.full_matcher(doc)
    if not matches:
        return []
    ignored = facts.ignored
    # Only a phrase of several tokens can reach past a name it overlaps.
    phrases = [(start, end) for start, end, row in lex_phrases(doc)
               if end - start > 1 and row["label"] in BLOCKING_LABELS]
    found = []
    for match_id, start, end in matches:
        if any(ignored[start:end]):
            continue
        if any(s < end and start < e and (s < start or e > end) for s, e in phrases):
            continue
        found.append((start, end, match_id))
    found.sort(key=lambda match: (match[0], match[0] - match[1]))
    kept, last_end = [], -1
    for start, end, match_id in found:
        if start >= last_end:
            kept.append((doc[start:end], index.actor_of[match_id]))
            last_end = end
    return kept


def with_suffix(span: Span) -> Span:
    """The name with the generational suffix written after it: "Joseph R. Biden Jr.", "Ferdinand Marcos Sr."."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in NAME_SUFFIXES and doc[span.end].text[:1].isupper():
        return doc[span.start:span.end + 1]
    return span


def heads_a_name(facts: Facts, span: Span) -> bool:
    """The name is the first part of a place or organisation: "Tran Hung Dao Street",
    "Kaysone Phomvihane Museum", "Ho Chi Minh National Academy of Politics"."""
    doc = facts.doc
    if span.end >= len(doc):
        return False
    i = span.end
    if facts.lex[i] not in ("common", "org") or facts.ignored[i]:
        return False
    nxt = doc[i]
    if nxt.is_sent_start or span[-1].text.endswith("."):
        return False  # "... received by Hun Sen. They discussed ...": the next sentence heads nothing
    return nxt.text[:1].isupper() and nxt.lower_ not in DATE_WORDS


def credited(doc: Doc, span: Span) -> bool:
    """A photo or story credit: "Photo: Trần Hải Nam", "By Souksakhone Vaenkeo", "Trần Hải Nam/VNA"."""
    i = span.start
    while i > 0 and doc[i - 1].text in CREDIT_PUNCTUATION:
        i -= 1
    if i > 0:
        before = doc[i - 1]
        if before.lower_ in CREDIT_CUES:
            return True
        if before.lower_ == "by" and i > 1 and doc[i - 2].lower_ in CREDIT_BY_CUES:
            return True  # "Photo by ...", "Story by ..."
        if before.text == "By" and (before.i == 0 or before.is_sent_start or "\n" in doc[before.i - 1].whitespace_):
            return True
    return (span.end + 1 < len(doc) and doc[span.end].text == "/" and not doc[span.end].whitespace_
            and text_is_acronym(doc[span.end + 1].text))


def not_a_person(facts: Facts, span: Span) -> bool:
    return heads_a_name(facts, span) or credited(facts.doc, span)


def vietnamese_shape(facts: Facts, index: PeopleIndex, run: Span) -> bool:
    """Three or four Vietnamese syllables after a Vietnamese family name, standing on their own."""
    doc = facts.doc
    words = name_words(run)
    if not VIETNAMESE_MIN <= len(words) <= VIETNAMESE_MAX or any(t.text == "-" for t in run):
        return False
    if index.origins.family(words[0]) != "VN":
        return False
    if not all(VN_SYLLABLE.match(folded(w)) and w[:1].isupper() for w in words):
        return False
    nxt = doc[run.end] if run.end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and facts.lex[nxt.i]:
        return False  # "Ho Chi Minh National ...": part of a longer name
    return not (run.start > 0 and doc[run.start - 1].lower_ == "the")


def introduced(facts: Facts, index: PeopleIndex, run: Span) -> bool:
    """A name of known origin that speaks or is introduced: "Khamphou Sengsouvanh said", "said Li Ming",
    "according to Sok Vanna", "Somphone Keola, 52, a farmer", "the spokeswoman, Anna Petrova, said"."""
    doc = facts.doc
    words = name_words(run)
    if not INTRODUCED_MIN <= len(words) <= INTRODUCED_MAX or index.origins.of(words) is None:
        return False
    nxt = doc[run.end] if run.end < len(doc) else None
    if nxt is not None and nxt.lower_ in SPEECH_VERBS:
        return True
    if nxt is not None and nxt.text == "," and run.end + 1 < len(doc) and doc[run.end + 1].lower_ in SPEECH_VERBS:
        return True  # "..., Maria Ivanova, said on Thursday"
    if run.start > 0 and doc[run.start - 1].lower_ in SPEECH_VERBS_BEFORE:
        return True
    if run.start > 1 and doc[run.start - 2].lower_ == "according" and doc[run.start - 1].lower_ == "to":
        return True
    if nxt is not None and nxt.text == "," and run.end + 2 < len(doc):
        after = doc[run.end + 1]
        if after.like_num and doc[run.end + 2].text == ",":
            return True  # an age
        if after.lower_ in INDEFINITE and doc[run.end + 2].is_lower:
            return True
    return False


def single_name(index: PeopleIndex, mention: Mention, words: list[str]) -> bool:
    """A one-word name right after a title of a country where many people have only one name
    ("Indonesian Trade Minister Lutfi"); never a registry short form, which the coreference joins."""
    return (len(words) == 1 and mention.rule == "title_before" and (mention.country or "").lower() in SINGLE_NAME_COUNTRIES
            and len(words[0]) > 2 and folded(words[0]) not in index.short_of)


def variant_actor(index: PeopleIndex, run: Span) -> Actor | None:
    """The registry actor a glued or misspelt name stands for."""
    if len(run) == 1:
        return index.variants.glued_actor(run.text)
    return index.variants.misspelt_actor(run)


def find_mentions(facts: Facts, index: PeopleIndex) -> list[Mention]:
    """Full-name mentions in text order: registry names first, then runs of name parts that a title, an
    anchor, their shape or their introduction make a person."""
    doc = facts.doc
    mentions: list[Mention] = []
    taken = set()
    for span, actor in registry_spans(facts, index):
        if not_a_person(facts, span):
            continue
        span = with_suffix(span)
        mentions.append(make_mention(facts, span, actor, "registry"))
        taken.update(range(span.start, span.end))
    runs = [run for run in name_runs(doc) if not taken.intersection(range(run.start, run.end))]
    for run in runs:
        actor = variant_actor(index, run)
        if actor is not None and not not_a_person(facts, run):
            mentions.append(make_mention(facts, run, actor, VARIANT_RULE))
            taken.update(range(run.start, run.end))
    for run in runs:
        if taken.intersection(range(run.start, run.end)):
            continue
        words = name_words(run)
        if len(words) > NAME_MAX or not_a_person(facts, run):
            continue
        mention = make_mention(facts, run, None, "")
        if len(words) < NAME_MIN and not single_name(index, mention, words):
            continue
        if not mention.rule and vietnamese_shape(facts, index, run):
            mention.rule = "vietnamese_name"
        if not mention.rule and introduced(facts, index, run):
            mention.rule = "introduced"
        if mention.rule:
            mentions.append(mention)
            taken.update(range(run.start, run.end))
    return sorted(mentions, key=lambda m: m.span.start)

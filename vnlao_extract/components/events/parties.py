"""The people of a ``parties``-frame trigger (talks, meetings, calls, signings, ...) and what they signed."""
from __future__ import annotations

from itertools import islice

from spacy.tokens import Span

from . import candidates as cand
from .cues import CUES
from .facts import DocFacts

RELATIVE_PRONOUNS = CUES.words("relative.pronouns")
SPEAKING_TYPES = CUES.words("speaker.party_types")
CLAUSE_BREAKS = CUES.words("clause.breaks")
COMPLEMENTIZERS = CUES.words("clause.complement")
RECIPROCAL_AFTER = CUES.words("reciprocal.after")
RECIPROCAL_BEFORE = CUES.words("reciprocal.before")
RECIPROCAL_OBJECTS = CUES.words("reciprocal.objects")
RECIPROCAL_REACH = CUES.scope("reciprocal.objects")
PAIR_LEADS = CUES.words("the_two.lead")
PAIR_NOUNS = CUES.words("the_two.nouns")
PAIR_REACH = CUES.scope("the_two.lead")
PAIR_PHRASES = CUES.phrases("the_two.phrases")
PAIR_PEOPLE = CUES.scope("the_two.nouns")
PAIR_MENTIONS = CUES.scope("the_two.mentions")
DOCUMENT_NOUNS = CUES.words("documents.plural")
DOCUMENT_NOUN = CUES.words("documents.singular")
DOCUMENT_REACH = CUES.scope("documents.plural")
NUMBER_WORDS = CUES.values("number.words")
NUMBER_REACH = CUES.scope("signing.occasions")


def limits(facts: DocFacts, trigger: Span, others: list[Span]) -> tuple[int, int]:
    """(start, end) of the stretch between the other triggers of the sentence around ``trigger``."""
    sentence = facts.sentence(trigger.start)
    before = [s.end for s in others if s.end <= trigger.start and facts.sentence(s.start) == sentence]
    after = [s.start for s in others if s.start >= trigger.end and facts.sentence(s.start) == sentence]
    return (max(before) if before else sentence[0], min(after) if after else sentence[1])


def visits_of_other_clauses(facts: DocFacts, trigger: Span, visits: list[Span]) -> list[Span]:
    """The visit triggers that a clause break parts from the trigger ("attend the Summit, and will pay a
    visit from March 7 to 8": those dates are the visit's; not "talks with his visiting counterpart")."""
    return [v for v in visits if parted(facts, trigger, v)]


def parted(facts: DocFacts, a: Span, b: Span) -> bool:
    """Whether a clause break stands between two spans."""
    first, last = (a.end, b.start) if b.start >= a.end else (b.end, a.start)
    return any(facts.lower[i] in CLAUSE_BREAKS for i in range(first, last))


def before_relative_clause(facts: DocFacts, trigger: Span, bounds: tuple[int, int]) -> tuple[int, int]:
    """``bounds`` cut at a relative clause after the trigger ("witnessed by X, who is on a visit from ..."):
    its dates are its own."""
    who = next((i for i in range(trigger.end, bounds[1]) if facts.lower[i] in RELATIVE_PRONOUNS), bounds[1])
    return bounds[0], who


def parties(facts: DocFacts, trigger: Span, clause_triggers: list[Span], kind: str = "",
            sides_: tuple[list, list] | None = None) -> list:
    """The people of the trigger's clause: its own subject (else the sentence's, else "he"), then the
    people after it up to the next trigger's subject; all the sentence's people when it names no one.
    ``sides_`` are the trigger's :func:`sides` when the caller has them already."""
    subject, own = sides_ or sides(facts, trigger, clause_triggers, kind)
    speaking = kind in SPEAKING_TYPES
    found = subject + own or [m for m in cand.mentions_in(facts, *facts.sentence(trigger.start))
                              if not (cand.is_source(facts, m) or
                                      not speaking and (cand.is_speaker(facts, m, trigger.start) or
                                                        cand.reports_after(facts, m)))]
    return actors_of(found)


def actors_of(found: list) -> list:
    actors = [cand.actor(c) for c in found]
    return list(dict.fromkeys(a for a in actors if a is not None))


def sides(facts: DocFacts, trigger: Span, clause_triggers: list[Span], kind: str = "") -> tuple[list, list]:
    """(subject, own): the candidates of the trigger's subject and those after it, up to a "that" clause
    (see :func:`parties`)."""
    lower = facts.lower
    sentence = facts.sentence(trigger.start)
    start, end = limits(facts, trigger, clause_triggers)
    end = next((i for i in range(trigger.end, end) if lower[i] in COMPLEMENTIZERS), end)
    own = [c for c in cand.candidates(facts, trigger.end, end) if not cand.reports_after(facts, c)]
    if end < sentence[1]:
        own = [c for c in own if c not in cand.subject_group(facts, own, end)]
    subject = cand.candidates(facts, start, trigger.start)
    reciprocal = reciprocal_after(facts, trigger, sentence[1]) or (
        trigger.start > 0 and lower[trigger.start - 1] in RECIPROCAL_BEFORE)
    if own and between_follows(facts, trigger):
        return [], own  # "He noted the meeting held between A and B": A and B only
    if start != sentence[0] and not own and reciprocal:
        subject = cand.candidates(facts, *sentence)  # "..., followed by talks between the two"
    elif start != sentence[0]:
        subject = cand.subject_group(facts, subject, trigger.start)
        if not subject:
            first = min(s.start for s in clause_triggers if facts.sentence(s.start) == sentence)
            subject = cand.candidates(facts, sentence[0], first)
    if not reciprocal and kind not in SPEAKING_TYPES:  # "A and B said the talks between the two ..."
        subject = [c for c in subject if not cand.is_speaker(facts, c, trigger.start)]
    if not subject:
        subject = [he for he in [cand.he(facts, trigger)] if he is not None]
    return subject, own


def reciprocal_after(facts: DocFacts, trigger: Span, end: int) -> bool:
    """ "talks between the two", "a meeting between both sides": the parties are the sentence's people."""
    lower = facts.lower
    if trigger.end >= end or lower[trigger.end] not in RECIPROCAL_AFTER:
        return False
    return any(word in RECIPROCAL_OBJECTS for word in lower[trigger.end + 1:min(end, trigger.end + 1 + RECIPROCAL_REACH)])


def between_follows(facts: DocFacts, trigger: Span) -> bool:
    """ "the meeting between", "the talks held between", "the meeting organized among" """
    lower = facts.lower
    i = trigger.end
    if i < len(lower) and lower[i].endswith("ed"):
        i += 1
    return i < len(lower) and lower[i] in RECIPROCAL_AFTER


def the_two(facts: DocFacts, trigger: Span, talks: list | None = None, start: int | None = None) -> list:
    """ "the two leaders held talks", "the two sides will sign": the parties of the talks told before (the
    two sides of the occasion), else the last two people named before; the phrase is looked for from
    ``start`` (the sentence's start by default) to the trigger."""
    first = facts.sentence(trigger.start)[0] if start is None else start
    if not names_a_pair(facts.lower[first:trigger.start]):
        return []
    if talks and len(talks) >= 2:
        return list(talks)
    return last_pair(facts, trigger.start)


def last_pair(facts: DocFacts, i: int) -> list:
    """The last person named before token ``i`` and the last one before from another country (a pair of
    two sides; looked for among the last ``PAIR_PEOPLE`` people of the last ``PAIR_MENTIONS`` mentions),
    else the last two people, in text order."""
    recent = []
    for mention in islice(cand.mentions_back_from(facts, i), PAIR_MENTIONS):
        if mention.person is not None and mention.person not in recent:
            recent.append(mention.person)
            if len(recent) == PAIR_PEOPLE:
                break
    if len(recent) < 2:
        return []
    last = recent[0]
    other = next((p for p in recent[1:] if p.country and last.country and p.country != last.country), recent[1])
    return [other, last]


def names_a_pair(words: list[str]) -> bool:
    """ "the two leaders", "both foreign ministers", "the two General Secretaries" among ``words``."""
    return any(word in PAIR_LEADS and any(w in PAIR_NOUNS for w in words[i + 1:i + 1 + PAIR_REACH]) or
               any(tuple(words[i:i + len(phrase)]) == phrase for phrase in PAIR_PHRASES)
               for i, word in enumerate(words))


def documents(facts: DocFacts, span: Span) -> int | None:
    """How many documents were signed: "signed 12 documents", "the signing of five agreements",
    "signed a memorandum of understanding"."""
    lower = facts.lower
    before = documents_before(facts, span)
    if before is not None:
        return before
    for i in range(span.start, min(facts.sentence(span.start)[1], span.end + DOCUMENT_REACH)):
        if lower[i] in DOCUMENT_NOUNS or lower[i] in DOCUMENT_NOUN:
            for j in reversed(range(span.start, i)):
                if lower[j].isdigit() and facts.doc[j].like_num:
                    return int(lower[j])
                if lower[j] in NUMBER_WORDS and (lower[i] in DOCUMENT_NOUNS) == (NUMBER_WORDS[lower[j]] != 1):
                    return NUMBER_WORDS[lower[j]]
    return None


def documents_before(facts: DocFacts, span: Span) -> int | None:
    """ "Seven new agreements ... were signed", "12 documents were signed": the number of a document noun
    that opens the passive before the trigger."""
    lower = facts.lower
    start = facts.sentence(span.start)[0]
    for i in range(start, span.start):
        if lower[i] in DOCUMENT_NOUNS:
            for j in reversed(range(max(start, i - NUMBER_REACH), i)):
                if lower[j].isdigit() and facts.doc[j].like_num:
                    return int(lower[j])
                if NUMBER_WORDS.get(lower[j]) and NUMBER_WORDS[lower[j]] > 1:
                    return NUMBER_WORDS[lower[j]]
            return None
    return None

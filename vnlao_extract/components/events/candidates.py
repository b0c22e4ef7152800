"""The people an event rule can pick: person mentions and resolved references, their noun phrases, their
roles (object, host, subject group)."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span

from .cues import CUES
from .facts import DocFacts

OBJECT_CUES = CUES.words("object.before")
NOT_SUBJECT_GAP = OBJECT_CUES | CUES.words("subject.gap.not")
SUBJECT_GAP = CUES.scope("subject.gap.not")
NP_LEAD = CUES.words("np.lead")
HOST_CUES = CUES.phrases("host.phrases")
PRONOUNS = CUES.words("pronouns.possessive")
SPOUSE_WORDS = CUES.words("spouse.words")
SUBJECT_PRONOUNS = CUES.words("pronouns.subject")
SOURCE_PHRASES = CUES.phrases("source.phrases")
SUBJECT_JOINERS = CUES.words("subject.joiners")
SPEAKER_VERBS = CUES.words("speaker.verbs")
SPEAKER_REACH = CUES.scope("speaker.verbs")
SPEAKER_OCCASION = CUES.words("speaker.occasion")
INVERTED_AFTER = CUES.words("speaker.after.inverted")
OBJECT_VERBS = CUES.words("speaker.after.object_verbs")
REPORT_OPENERS = CUES.words("speaker.after.openers")
REPORT_ENDS = CUES.words("speaker.after.clause_end")
REPORT_END_REACH = CUES.scope("speaker.after.clause_end")
NP_LEAD_LABELS = ("honorific", "nationality")


def mentions_in(facts: DocFacts, start: int, end: int) -> list:
    first, last = bisect_left(facts.mention_starts, start), bisect_left(facts.mention_starts, end)
    return [m for m in facts.mentions[first:last] if m.span.end <= end]


def references_in(facts: DocFacts, start: int, end: int) -> list:
    first, last = bisect_left(facts.reference_starts, start), bisect_left(facts.reference_starts, end)
    return [r for r in facts.references[first:last] if r.span.end <= end]


def mentions_back_from(facts: DocFacts, i: int):
    """The mentions that end before token ``i``, the latest first (a generator: callers stop early)."""
    for k in range(bisect_left(facts.mention_starts, i) - 1, -1, -1):
        if facts.mentions[k].span.end <= i:
            yield facts.mentions[k]


def candidates(facts: DocFacts, start: int, end: int) -> list:
    """Mentions and resolved references in [start, end), in text order, none inside another, none named as
    the source of the news ("according to X")."""
    mentions = [m for m in mentions_in(facts, start, end) if not is_source(facts, m)]
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    references = [r for r in references_in(facts, start, end)
                  if not taken.intersection(range(r.span.start, r.span.end))]
    return sorted(mentions + references, key=lambda c: c.span.start)


def is_source(facts: DocFacts, candidate) -> bool:
    start = np_start(facts, candidate)
    return start >= 2 and (facts.lower[start - 2], facts.lower[start - 1]) in SOURCE_PHRASES


def np_start(facts: DocFacts, candidate) -> int:
    """Where the candidate's noun phrase begins: before its titles, honorifics, "his visiting counterpart"."""
    titles = getattr(candidate, "titles", [])
    start = min([candidate.span.start] + [t.start for t in titles if t.start < candidate.span.start])
    while start > 0 and (facts.labels[start - 1] in NP_LEAD_LABELS or facts.lower[start - 1] in NP_LEAD):
        start -= 1
    return start


def np_end(candidate) -> int:
    titles = getattr(candidate, "titles", [])
    return max([candidate.span.end] + [t.end for t in titles if t.start >= candidate.span.end])


def is_speaker(facts: DocFacts, candidate, trigger_start: int) -> bool:
    """ "X said (that) the meeting ...": the one who reports an event before its trigger is no party to it
    (unless the words after the verb place the speaking at an occasion: "X said at the talks")."""
    lower, i = facts.lower, np_end(candidate)
    for verb in range(i, min(i + SPEAKER_REACH, trigger_start)):
        if lower[verb] in SPEAKER_VERBS:
            return verb + 1 < len(lower) and lower[verb + 1] not in SPEAKER_OCCASION
        if lower[verb] != ",":
            return False
    return False


def reports_after(facts: DocFacts, candidate) -> bool:
    """ "..., the ministry's spokeswoman, Maria Zakharova, said on Thursday", '..." Zakharova told reporters': a
    person after the trigger, set off by a comma or a closing quote and followed by a speech verb, reports the
    event (not "..., with Y, said the ministry"); the verb ends the sentence ("At the talks, X affirmed that ..."
    is the occasion's party)."""
    lower, i = facts.lower, np_end(candidate)
    if not any(start > 0 and lower[start - 1] in REPORT_OPENERS
               for start in (np_start(facts, candidate), candidate.span.start)):
        return False
    if i < len(lower) and lower[i] == ",":
        i += 1
    if i >= len(lower) or lower[i] not in SPEAKER_VERBS:
        return False
    if not (lower[i] in OBJECT_VERBS or i + 1 >= len(lower) or lower[i + 1] not in INVERTED_AFTER):
        return False
    sentence_end = facts.sentence(i)[1]
    return sentence_end - i <= REPORT_END_REACH or any(w in REPORT_ENDS for w in lower[i + 1:i + 1 + REPORT_END_REACH])


def is_object(facts: DocFacts, candidate) -> bool:
    start = np_start(facts, candidate)
    return start > 0 and facts.lower[start - 1] in OBJECT_CUES


def actor(candidate):
    """The Person of a mention or of a reference resolved in the article; a reference resolved only by the
    registry ("his Lao counterpart", never named) is no actor: every actor is a person named in the text."""
    person = getattr(candidate, "person", None)
    return person


def country(candidate) -> str | None:
    person = getattr(candidate, "person", None)
    return person.country if person is not None else getattr(candidate, "country", None)


def hosts(facts: DocFacts, sentence: tuple[int, int], found: list) -> set[int]:
    """ids of the candidates named as hosts: "at the invitation of Y (and his spouse) and Z", "hosted by Y"."""
    result: set[int] = set()
    lower = facts.lower
    for j in range(sentence[0], sentence[1] - 1):
        if (lower[j], lower[j + 1]) in HOST_CUES:
            i = j + 2
            while True:
                host = next((c for c in found if c.span.start >= i), None)
                if host is None or np_start(facts, host) > i:
                    break
                result.add(id(host))
                i = after_and(facts, np_end(host), sentence[1])
                if i is None:
                    break
    return result


def after_and(facts: DocFacts, i: int, end: int) -> int | None:
    """The index after "and" / ", and" (past "his spouse"), or None when the list ends at ``i``."""
    lower = facts.lower
    for _ in range(2):
        if i < end and lower[i] == "and":
            i += 1
        elif i + 1 < end and lower[i] == "," and lower[i + 1] == "and":
            i += 2
        else:
            return None
        if i + 1 < end and lower[i] in PRONOUNS and lower[i + 1] in SPOUSE_WORDS:
            i += 2
            continue
        return i
    return None


def prefer_foreign(found: list, country_code: str | None):
    """The first candidate not from the destination country, else the first."""
    foreign = [c for c in found if country_code is None or country(c) != country_code]
    return (foreign or found or [None])[0]


def subject_group(facts: DocFacts, found: list, trigger_start: int) -> list:
    """ "X and Y held talks", "Z also received": the candidates standing right before the trigger."""
    group, i = [], trigger_start
    for candidate in reversed(found):
        gap = range(np_end(candidate), i)
        if group:
            joined = facts.doc[gap.start:gap.stop].text.lower() in SUBJECT_JOINERS
        else:
            joined = len(gap) <= SUBJECT_GAP and all(facts.doc[j].is_alpha and facts.lower[j] not in NOT_SUBJECT_GAP
                                                     for j in gap)
        if not joined:
            break
        group.insert(0, candidate)
        i = np_start(facts, candidate)
    return group


def he(facts: DocFacts, trigger: Span):
    """ "X arrived in Beijing on Monday. He is paying a state visit to China": a "he"/"she" subject is
    the previous sentence's subject."""
    start, _ = facts.sentence(trigger.start)
    if not any(word in SUBJECT_PRONOUNS for word in facts.lower[start:trigger.start]) or start == 0:
        return None
    previous = facts.sentence(start - 1)
    subjects = [c for c in candidates(facts, *previous) if not is_object(facts, c)]
    return subjects[0] if subjects else None

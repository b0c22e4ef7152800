"""Who makes a visit: the first cue rule that names the visitor, hosts left out (see the package docstring)."""
from __future__ import annotations

from spacy.tokens import Span

from . import candidates as cand
from .cues import CUES
from .facts import DocFacts

POSSESSIVE_MARKS = CUES.words("possessive.marks")
POSSESSIVE_REACH = CUES.scope("possessive.marks")
LATTER_FORMER = CUES.words("latter.former")
LATTER_REACH = CUES.scope("latter.former")
DEFINITE = CUES.words("definite.words")
PRONOUNS = CUES.words("pronouns.possessive")
OBJECT_PRONOUNS = CUES.words("pronouns.object")
OBJECT_FIRST = CUES.words("pronoun.object_first")
INVITE_VERBS = CUES.words("invite.verbs")
WELCOME_VERBS = CUES.words("welcome.verbs")
AGENT_GAP = CUES.words("agent.gap")
AGENT_REACH = CUES.scope("agent.gap")
AGENT_GAP_LABELS = ("place", "nationality")
VISITING_GAP = CUES.words("visiting.gap")
VISITING_REACH = CUES.scope("visiting.gap")
VISIT_VERBS = CUES.words("visit.verbs")
VISIT_VERB_REACH = CUES.scope("visit.verbs")
ANAPHORIC_VERBS = CUES.words("anaphoric.verbs")
GENERIC_PLURALS = CUES.words("visit.generic_plurals")
GENERIC_REACH = CUES.scope("visit.generic_plurals")
NOT_MAKING_ONE = CUES.words("visit.generic_not_verbs")
BE_VERBS = CUES.words("be.verbs")
SUBTYPES = CUES.words("visit.subtypes")
DEICTIC = CUES.words("visit.deictic")
DEICTIC_REACH = CUES.scope("visit.deictic")


def visitor(facts: DocFacts, trigger: Span, country: str | None):
    """(visitor, how) for a visit trigger; (None, "definite") for a mention of an earlier visit."""
    sentence = facts.sentence(trigger.start)
    found = cand.candidates(facts, *sentence)
    hosts = cand.hosts(facts, sentence, found)
    guests = [c for c in found if id(c) not in hosts]
    before = [c for c in guests if c.span.end <= trigger.start]
    after = [c for c in guests if c.span.start >= trigger.end]
    for rule in (by_possessive, by_agent, by_visiting, by_invitation, by_relative_clause, by_visiting_nationality):
        hit = rule(facts, trigger, before, after)
        if hit is not None:
            return cand.actor(hit), rule.__name__[3:]
    if generic_plural(facts, trigger, before) or bare_visiting(facts, trigger):
        return None, None
    if invite(facts, trigger) is not None:
        return None, None  # the one who invites is the host
    if trigger.start > sentence[0] and facts.lower[trigger.start - 1] in PRONOUNS:
        hit = by_pronoun(facts, trigger, before, after, country)
        return (cand.actor(hit), "pronoun") if hit is not None else (None, "definite")
    if definite(facts, trigger) and not has_verb_subject(facts, trigger):
        return None, "definite"
    welcome = any(word in WELCOME_VERBS for word in facts.lower[sentence[0]:trigger.start])
    if welcome and before and cand.is_object(facts, before[-1]):
        return cand.actor(before[-1]), "welcomed"
    subjects = [c for c in reversed(before) if not cand.is_object(facts, c)]
    hit = cand.prefer_foreign(subjects, country)
    if hit is not None:
        return cand.actor(hit), "subject"
    hit = cand.he(facts, trigger) if not before else None
    return (cand.actor(hit), "he") if hit is not None else (None, None)


def host_of(facts: DocFacts, trigger: Span, visitor_: object):
    """A visit's host where its sentence names one: "at the invitation of Y", "hosted by Y", "Y invited X to
    visit", "Y welcomed X"; never the visitor."""
    sentence = facts.sentence(trigger.start)
    found = [c for c in cand.candidates(facts, *sentence) if cand.actor(c) is not visitor_]
    hosts = cand.hosts(facts, sentence, found)
    named = [c for c in found if id(c) in hosts]
    if not named:
        verb = invite(facts, trigger)
        if verb is None:
            verb = next((i for i in range(sentence[0], trigger.start) if facts.lower[i] in WELCOME_VERBS), None)
        named = [c for c in found if verb is not None and c.span.end <= verb and not cand.is_object(facts, c)][-1:]
    return cand.actor(named[0]) if named else None


def first_mention_visitor(facts: DocFacts, trigger: Span, country: str | None):
    """ "X emphasized that this first official visit ...", with no visit told before: the sentence's subject
    (not one of the host country)."""
    sentence = facts.sentence(trigger.start)
    lead = facts.lower[max(sentence[0], trigger.start - DEICTIC_REACH):trigger.start]
    if not DEICTIC.intersection(lead):
        return None
    found = cand.candidates(facts, sentence[0], trigger.start)
    hosts = cand.hosts(facts, sentence, found)
    subjects = [c for c in found if id(c) not in hosts and not cand.is_object(facts, c)
                and (country is None or cand.country(c) != country)]
    return cand.actor(subjects[0]) if subjects else None


def by_possessive(facts: DocFacts, trigger: Span, before: list, after: list):
    """ "Lâm's state visit", "the Lao leader's recent visit", "the latter's official visit" """
    doc = facts.doc
    for candidate in reversed(before):
        gap = range(candidate.span.end, trigger.start)
        if gap and doc[gap[0]].text in POSSESSIVE_MARKS and len(gap) <= POSSESSIVE_REACH and not any(
                doc[i].is_punct and facts.lower[i] != "-" for i in gap[1:]):
            return candidate  # "X's first official two-day visit"
    start = max(facts.sentence(trigger.start)[0], trigger.start - LATTER_REACH)
    for i in range(start, trigger.start - 1):
        if facts.lower[i] in LATTER_FORMER and doc[i + 1].text in POSSESSIVE_MARKS and before:
            return before[-1] if facts.lower[i] == "latter" else before[0]
    return None


def by_agent(facts: DocFacts, trigger: Span, before: list, after: list):
    """ "the visit to Laos by General Secretary To Lam", "the state visit of President X" """
    if trigger.end < len(facts.lower) and facts.lower[trigger.end] == "of":
        following = [c for c in after if cand.np_start(facts, c) <= trigger.end + 1]
        if following:
            return following[0]
    by = agent_by(facts, trigger)
    if by is not None:
        after_by = [c for c in after if c.span.start > by]
        if after_by:
            return after_by[0]
    return None


def agent_by(facts: DocFacts, trigger: Span) -> int | None:
    """The index of the "by" that names the visitor: after the trigger, past nothing but where and when
    ("the visit to Laos on May 5 by ..."), not a "by" of another clause ("was received by ...")."""
    for i in range(trigger.end, min(facts.sentence(trigger.start)[1], trigger.end + AGENT_REACH)):
        if facts.lower[i] == "by":
            return i
        if not (facts.labels[i] in AGENT_GAP_LABELS or i in facts.dated or facts.lower[i] in AGENT_GAP):
            return None
    return None


def by_visiting(facts: DocFacts, trigger: Span, before: list, after: list):
    """ "his visiting Vietnamese counterpart H.E. Nguyen Xuan Phuc", "the visiting Lao delegation led by X" """
    if facts.lower[trigger.end - 1] != "visiting" or not after:
        return None
    gap = range(trigger.end, cand.np_start(facts, after[0]))
    if all(facts.lower[i] in VISITING_GAP or facts.labels[i] == "nationality" for i in gap) and \
            len(gap) <= VISITING_REACH:
        return after[0]
    return None


def by_visiting_nationality(facts: DocFacts, trigger: Span, before: list, after: list):
    """ "PM meets visiting Laotian deputy prime minister" (no name): the first person of the article from
    that country."""
    i = trigger.end
    if facts.lower[i - 1] != "visiting" or i >= len(facts.lower) or facts.labels[i] != "nationality":
        return None
    if after and cand.np_start(facts, after[0]) <= i + VISITING_REACH:
        return None  # a name follows: by_visiting's
    code = (facts.entries[i] or {}).get("country")
    return next((m for m in facts.mentions if m.person is not None and code and m.person.country == code), None)


def invite(facts: DocFacts, trigger: Span) -> int | None:
    """The index of the "invited" of "Y invited X to visit" before the trigger (not "invited by")."""
    start = facts.sentence(trigger.start)[0]
    hit = next((i for i in range(start, trigger.start) if facts.lower[i] in INVITE_VERBS), None)
    return hit if hit is not None and facts.lower[hit + 1] != "by" else None


def by_invitation(facts: DocFacts, trigger: Span, before: list, after: list):
    """ "invited H.E. Bounnhang Vorachith to pay a visit to Cambodia", "conveyed greetings to X and invited
    him to visit Laos" """
    at = invite(facts, trigger)
    if at is None:
        return None
    invited = [c for c in before if c.span.start > at]
    if invited:
        return invited[0]
    if facts.lower[at + 1] in OBJECT_PRONOUNS:
        objects = [c for c in before if c.span.start < at and cand.is_object(facts, c)]
        return objects[-1] if objects else None
    return None


def by_relative_clause(facts: DocFacts, trigger: Span, before: list, after: list):
    """ "Hun Manet, who is currently on a visit to Vietnam" """
    start = facts.sentence(trigger.start)[0]
    who = [i for i in range(start, trigger.start) if facts.lower[i] == "who"]
    if who:
        near = [c for c in before if c.span.end <= who[-1]]
        if near:
            return near[-1]
    return None


def generic_plural(facts: DocFacts, trigger: Span, before: list) -> bool:
    """ "promote mutual visits", "regular high-level visits": plural nouns that name no one's trip.
    "Xi Jinping visits Vietnam" (a verb right after its subject) and "paid visits to" are kept."""
    if facts.lower[trigger.end - 1] not in GENERIC_PLURALS:
        return False
    if before and cand.np_end(before[-1]) == trigger.start:
        return False
    window = set(facts.lower[max(facts.sentence(trigger.start)[0], trigger.start - GENERIC_REACH):trigger.start])
    return not window & (VISIT_VERBS | PRONOUNS) - NOT_MAKING_ONE


def bare_visiting(facts: DocFacts, trigger: Span) -> bool:
    """ "tourists continue visiting": "visiting" with no one after it is a visit only as "is visiting"."""
    return facts.lower[trigger.end - 1] == "visiting" and not (
        trigger.start > 0 and facts.lower[trigger.start - 1] in BE_VERBS)


def by_pronoun(facts: DocFacts, trigger: Span, before: list, after: list, country: str | None):
    """ "Li Keqiang concluded his visit", "thanked X for his visit", "welcomed X on his first visit",
    "During his visit to Laos, X will ..." """
    sentence = facts.sentence(trigger.start)
    preposition = facts.lower[trigger.start - 2] if trigger.start - 2 >= sentence[0] else ""
    objects = [c for c in reversed(before) if cand.is_object(facts, c)]
    subjects = [c for c in reversed(before) if not cand.is_object(facts, c)]
    order = objects + subjects if preposition in OBJECT_FIRST else subjects + objects
    if not order:
        comma = next((i for i in range(trigger.end, sentence[1]) if facts.lower[i] == ","), None)
        order = [c for c in after if comma is not None and c.span.start > comma
                 and not cand.is_object(facts, c)][:1]
    if not order and sentence[0] > 0:  # "His previous visit took place in May": the last sentence's subject
        order = [c for c in cand.candidates(facts, *facts.sentence(sentence[0] - 1))
                 if not cand.is_object(facts, c)][:1]
    if order and country is not None and all(cand.country(c) == country for c in order):
        return None  # "his visit to Russia" with only a Russian named: the visitor is someone else
    return cand.prefer_foreign(order, country)


def definite(facts: DocFacts, trigger: Span) -> bool:
    return trigger.start > 0 and facts.lower[trigger.start - 1] in DEFINITE


def has_verb_subject(facts: DocFacts, trigger: Span) -> bool:
    window = set(facts.lower[max(facts.sentence(trigger.start)[0], trigger.start - VISIT_VERB_REACH):trigger.start])
    return bool(window & VISIT_VERBS and not window & ANAPHORIC_VERBS)


PREVIOUS_WORDS = CUES.words("visit.previous")
PREVIOUS_REACH = CUES.scope("visit.previous")
NOT_PREVIOUS = CUES.words("visit.previous.not_before")


def subtype(facts: DocFacts, span: Span) -> str | None:
    return next((word for word in facts.lower[span.start:span.end] if word in SUBTYPES), None)


def told_as_previous(facts: DocFacts, span: Span) -> bool:
    """ "his previous visit", "her last trip to Japan": the trigger names an earlier trip."""
    lower = facts.lower
    start = max(facts.sentence(span.start)[0], span.start - PREVIOUS_REACH)
    return any(lower[i] in PREVIOUS_WORDS and not (i + 1 < len(lower) and lower[i + 1] in NOT_PREVIOUS)
               for i in range(start, span.end))

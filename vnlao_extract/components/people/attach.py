"""Titles and anchors attached to a name: the chain of titles right before it ("General Secretary and
President Thongloun Sisoulith") or set off after it ("Sonexay Siphandone, Prime Minister of Laos"), and
the honorific or "counterpart" that stands before it."""
from __future__ import annotations

from spacy.tokens import Span

from ...registry import Actor
from ..titles import TitleMention
from . import cues
from .model import Facts, Mention

CHAIN_JOINERS = cues.words("people.chain_joiners")
CHAIN_ADVERBS = cues.words("people.chain_adverbs")
GLUE = cues.words("people.chain_glue")
APPOSITION_VERBS = cues.words("people.apposition_verbs")
APPOSITION_GAP = cues.scope("people.apposition_gap")
COUNTERPART_WORDS = cues.words("people.counterpart_words")
COUNTERPART_MODIFIERS = cues.words("people.counterpart_modifiers")
NAME_MODIFIERS = cues.words("people.name_modifiers")
FULL_OFFICE_WORDS = cues.words("people.full_office_words")
POSSESSIVES = cues.words("people.possessives")
ASIDE_WORDS = cues.scope("people.aside_words")
COUNTRY_POSSESSIVES = cues.words("people.country_possessives")


def make_mention(facts: Facts, span: Span, actor: Actor | None, rule: str) -> Mention:
    """A mention of ``span`` with the titles around it; ``rule`` says why it is a person ("" = only if a
    title or an anchor says so)."""
    before = titles_before(facts, span.start)
    if not before and facts.lex[span.start] == "office" and len(span) > 1:
        # "King Sultan Ibrahim": a title before the name ran into the office word the name opens with
        before = [t for t in titles_before(facts, span.start + 1) if t.start < span.start]
    after = titles_after(facts, span.end)
    anchor, anchor_country = anchor_before(facts, span.start)
    if not rule:
        rule = ("title_before" if before else "apposition" if after else anchor or "")
    titles = before + after
    country = next((t.country for t in titles if t.country), None) or anchor_country
    return Mention(span, titles, actor, rule, country)


def skip_back(facts: Facts, i: int) -> int:
    """Index just after the title before a name: skip honorifics and "(NA)"-like asides."""
    doc, lex = facts.doc, facts.lex
    while i > 0:
        if lex[i - 1] == "honorific":
            i -= 1
        elif doc[i - 1].text == ")" and i >= 3 and doc[i - 3].text == "(":
            i -= 3
        else:
            break
    return i


def titles_before(facts: Facts, start: int) -> list[TitleMention]:
    doc, ends = facts.doc, facts.ends
    i = skip_back(facts, start)
    comma_gap = i > 0 and doc[i - 1].text == "," and (i - 1) in ends
    if comma_gap:
        i -= 1
    chain = []
    while i in ends:
        title = ends[i]
        chain.insert(0, title)
        i = title.start
        if i > 0 and doc[i - 1].lower_ in CHAIN_JOINERS and (i - 1) in ends:
            i -= 1
        elif i > 1 and doc[i - 1].lower_ in CHAIN_JOINERS and doc[i - 2].text in GLUE and (i - 2) in ends:
            i -= 2  # "..., and President", "Deputy Prime Minister-cum-Foreign Minister"
        else:
            break
    if comma_gap and not introduces_name(facts, chain):
        return []
    return chain


def introduces_name(facts: Facts, chain: list[TitleMention]) -> bool:
    """ "the General Secretary of ... and President of Laos, Thongloun Sisoulith", "the Lao Prime Minister,
    Sonexay Siphandone": a title set off by a comma names the person after it only when it opens with "the"
    and is a full office or names a country, or follows a possessive ("the ministry's spokeswoman, ...") or
    opens with a country's ("Vietnam's president, Vo Van Thuong")."""
    doc = facts.doc
    first = chain[0].start if chain else 0
    full = len(chain) > 1 or any(t.lower_ in FULL_OFFICE_WORDS for t in chain[-1].span) if chain else False
    national = bool(chain) and facts.lex[first] == "nationality"
    if first > 0 and chain and doc[first - 1].lower_ in POSSESSIVES:
        return True  # "the ministry's spokeswoman, Anna Petrova"
    if national and any(facts.lex[t.i] == "nationality" and t.lower_ in COUNTRY_POSSESSIVES for t in chain[0].span):
        return True  # "Laos' prime minister, Sonexay Siphandone"
    return first > 0 and doc[first - 1].lower_ == "the" and (full or national)


def skip_aside(facts: Facts, i: int) -> int:
    """Index after a short aside in brackets right after a name, such as a caption's "(R)" or "(2nd, L)"."""
    doc = facts.doc
    if i >= len(doc) or doc[i].text != "(":
        return i
    for j in range(i + 1, min(i + 2 + ASIDE_WORDS, len(doc))):
        if doc[j].text == ")":
            return j + 1 if all(facts.lex[k] != "office" for k in range(i + 1, j)) else i
    return i


def titles_after(facts: Facts, end: int) -> list[TitleMention]:
    doc, starts = facts.doc, facts.starts
    i = skip_aside(facts, end)
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        i += 2  # an age: "Sonexay Siphandone, 57, became prime minister"
    if i < len(doc) and doc[i].text == ",":
        i += 1
    elif not (i < len(doc) and doc[i].lower_ in APPOSITION_VERBS):
        return []
    while i < len(doc) and i - end < APPOSITION_GAP and doc[i].lower_ in APPOSITION_VERBS and i not in starts:
        i += 1
    chain = []
    while i in starts:
        title = starts[i]
        chain.append(title)
        i = title.end
        if i < len(doc) and doc[i].lower_ in CHAIN_JOINERS and (i + 1) in starts:
            i += 1
        elif i + 1 < len(doc) and doc[i].text in GLUE and doc[i + 1].lower_ in CHAIN_JOINERS and (i + 2) in starts:
            i += 2
        elif (i + 2 < len(doc) and doc[i].lower_ in CHAIN_JOINERS and doc[i + 1].lower_ in CHAIN_ADVERBS
              and (i + 2) in starts):
            i += 2  # "former Prime Minister and now Chairman of ..."
        else:
            break
    if chain and opens_name(facts, chain[-1].end):
        return []  # "X, Title Y": the title belongs to Y
    return chain


def opens_name(facts: Facts, i: int) -> bool:
    while i < len(facts.lex) and facts.lex[i] == "honorific":
        i += 1
    return i < len(facts.lex) and facts.parts[i]


def _nationality_run(facts: Facts, i: int, modifiers: frozenset[str], country: str | None) -> tuple[int, str | None]:
    """Step back from ``i`` over nationality words and ``modifiers``; the first country met, if none yet."""
    doc, lex = facts.doc, facts.lex
    while i > 0 and (lex[i - 1] == "nationality" or doc[i - 1].lower_ in modifiers):
        if lex[i - 1] == "nationality" and country is None:
            country = (facts.entries[i - 1] or {}).get("country")
        i -= 1
    return i, country


def anchor_before(facts: Facts, start: int) -> tuple[str | None, str | None]:
    """("honorific"|"counterpart", country) for what stands right before a name: "Mr.", "H.E.",
    "his Lao counterpart", "his visiting Vietnamese counterpart Gen.", "Lao counterpart"."""
    doc, lex = facts.doc, facts.lex
    i = start
    honorific = False
    while i > 0 and lex[i - 1] == "honorific":
        i -= 1
        honorific = True
    j, country = _nationality_run(facts, i, NAME_MODIFIERS, None)
    if j > 0 and doc[j - 1].text == ",":
        j -= 1  # "his Lao counterpart, Sonexay Siphandone"
    if j > 0 and doc[j - 1].lower_ in COUNTERPART_WORDS:
        _, country = _nationality_run(facts, j - 1, COUNTERPART_MODIFIERS, country)
        return "counterpart", country
    if honorific:
        return "honorific", None
    return None, None

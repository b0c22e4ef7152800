"""The office a counterpart shares: "Foreign Minister Saleumxay Kommasith and his Vietnamese counterpart Bui
Thanh Son" names no office for the counterpart, but when the article also calls both by the office in the
plural ("Lao, Vietnamese foreign ministers co-chair ...", "the prime ministers agreed ..."), the
counterpart holds the office of the person it is the counterpart of.

Only that plural says so: a counterpart alone gets no title (the guideline), and a registry person whose
dates say they did not hold the office that day gets none either."""
from __future__ import annotations

from ...matching import lower_words
from ..titles import TitleMention
from . import cues
from .attach import anchor_before
from .index import PeopleIndex
from .model import Facts, Mention, Person

LINKS = cues.words("people.office_links")
SYNONYM_ROLES = cues.words("people.synonym_roles")
COUNTRY_LABELS = cues.words("people.country_labels")
TAIL_WORDS = cues.words("people.office_tail_words")
LOOKBACK = cues.scope("people.counterpart_lookback")
PLURAL_RULE = "counterpart_plural"


def share_offices(facts: Facts, index: PeopleIndex, mentions: list[Mention]) -> None:
    """Give each untitled counterpart mention the office of the titled person before it in its sentence,
    when the article names that office in the plural."""
    plurals = None
    titled: dict[int, bool] = {}  # per person, read once: a person's titles walk all its mentions
    for k, mention in enumerate(mentions):
        if mention.titles or _titled(mention.person, titled):
            continue
        if anchor_before(facts, mention.span.start)[0] != "counterpart":
            continue
        other = _titled_before(mentions, k)
        if other is None:
            continue
        plurals = plurals or PluralOffices(facts)
        for title in other.titles:
            span = next(filter(None, map(plurals.find, _plural_forms(facts, index, title))), None)
            if span is not None and not _contradicted(facts, index, mention, title):
                text = _office_text(facts, title)
                mention.titles.append(TitleMention(span, text, title.role, None, title.past, PLURAL_RULE))
                titled[id(mention.person)] = True
                break


def _titled(person: Person | None, titled: dict[int, bool]) -> bool:
    if person is None:
        return False
    if id(person) not in titled:
        titled[id(person)] = bool(person.titles)
    return titled[id(person)]


def _titled_before(mentions: list[Mention], k: int) -> Mention | None:
    """The nearest mention before ``mentions[k]`` in its sentence that holds a title, of another person."""
    sentence = mentions[k].span.sent
    for other in reversed(mentions[max(0, k - LOOKBACK):k]):
        if other.span.start < sentence.start:
            return None
        if other.titles and other.person is not mentions[k].person:
            return other
    return None


def _plural_forms(facts: Facts, index: PeopleIndex, title: TitleMention) -> list[list[str]]:
    """The office of a title in the plural, lowercase, as written and, for an office all of whose phrases
    name the same post, as any of them: ["foreign", "ministers"], ["ministers", "of", "foreign", "affairs"];
    ["pms"] for a "Prime Minister" ("Lao, Vietnamese PMs")."""
    words = [t.lower_ for t in _office_tokens(facts, title)]
    forms = [_pluralized(words)] if words else []
    if title.role in SYNONYM_ROLES:
        forms += [_pluralized(phrase.split()) for phrase, role in index.office_role.items() if role == title.role]
    return forms


def _office_tokens(facts: Facts, title: TitleMention) -> list:
    """The first run of office words of a title."""
    tokens = []
    for token in title.span:
        if facts.lex[token.i] != "office":
            if tokens:
                break
            continue
        tokens.append(token)
    return tokens


def _pluralized(words: list[str]) -> list[str]:
    """The office phrase with its head noun (the word before its first link, else its last) in the plural."""
    words = [w.lower() for w in words]
    head = next((k - 1 for k, w in enumerate(words) if w in LINKS and k > 0), len(words) - 1)
    return [*words[:head], _plural(words[head]), *words[head + 1:]]


def _office_text(facts: Facts, title: TitleMention) -> str:
    """The title without the country it names, which is the other person's: "Minister of Foreign Affairs of
    Laos" -> "Minister of Foreign Affairs", "General Secretary of the LPRP Central Committee" -> "General
    Secretary"."""
    doc, lex = facts.doc, facts.lex
    tokens = [t.i for t in title.span]
    head = next((i for i in tokens if lex[i] == "office"), None)
    if head is None:
        return title.text
    end = next((i for i in tokens if i > head and lex[i] in COUNTRY_LABELS), title.span.end)
    while end > head + 1 and doc[end - 1].lower_ in TAIL_WORDS:
        end -= 1
    return doc[head:end].text if end < title.span.end else title.text


class PluralOffices:
    """Offices named in the plural anywhere in the article, headline included: "foreign ministers", "prime
    ministers"; a one-word office only after a nationality ("Lao, Vietnamese presidents"), since a bare
    "ministers" or "the two ministers" may be of any ministry. Each office is looked up once per Doc."""

    def __init__(self, facts: Facts):
        self.facts = facts
        self.lower = lower_words(facts.doc)
        self.positions: dict[str, list[int]] = {}
        for i, word in enumerate(self.lower):
            self.positions.setdefault(word, []).append(i)
        self.found: dict[tuple[str, ...], object] = {}

    def find(self, plural: list[str]):
        """The span of the office in the plural, or None."""
        if not plural:
            return None
        plural = tuple(plural)
        if plural not in self.found:
            self.found[plural] = self._first(plural)
        return self.found[plural]

    def _first(self, plural: tuple[str, ...]):
        doc, lex, n = self.facts.doc, self.facts.lex, len(plural)
        for end in self.positions.get(plural[-1], ()):
            start = end - n + 1
            if start < 0 or tuple(self.lower[start:end + 1]) != plural:
                continue
            if n > 1 or (start > 0 and lex[start - 1] == "nationality"):
                return doc[start:end + 1]
        return None


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"  # "secretaries"
    return word + "s"


def _contradicted(facts: Facts, index: PeopleIndex, mention: Mention, title: TitleMention) -> bool:
    actor = mention.person.actor if mention.person else mention.actor
    return (actor is not None and facts.published is not None
            and index.registry.title_conflicts(actor, title.role, facts.published))

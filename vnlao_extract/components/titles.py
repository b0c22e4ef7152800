"""Titles: finds offices as written ("Lao Prime Minister", "General Secretary of the CPV Central
Committee", "Ambassador to Laos") with Matcher patterns over the lexicon labels
(``resources/title_patterns.jsonl``).

Adds to the Doc:
- ``doc._.titles``: list of :class:`TitleMention` (span, text without nationality words, role, the
  country the title names, whether it is a past office), in text order, non-overlapping.
- ``token._.title_modifier`` / ``org_word`` / ``org_end``: the word classes the patterns are written in.

The role is the office head's (``offices.jsonl``), refined by the complement when it names another body
("President of the National Assembly" -> ``na_chair``; the ``refine`` rows of title_patterns.jsonl). The
country is a nationality or place before the office, else the first one after it that does not follow
"to" ("Ambassador of Vietnam to Laos" -> VN; "Ambassador to Laos" names the host, so no country).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..resources import load_package_jsonl
from .patterns import build_matcher, expand_classes, matched_spans

MODIFIER_WORDS = {"party", "state", "government", "then", "former", "late", "outgoing", "incoming", "acting",
                  "standing", "permanent", "first", "senior", "executive", "executive", "newly-elected",
                  "re-elected", "top", "current", "new", "(", ")", "formerly", "ex"}
PAST_WORDS = {"late", "former", "then", "outgoing", "formerly", "ex"}
LINK_WORDS = {"of", "the", "'s", "’s", "'", "’", "(", ")", "&", "and", "for", "on", "-"}
COMPLEMENT_LINKS = {"of", "to", "for", "on"}


def _title_modifier(doc: Doc, i: int, lex: list[str], ignored: list[bool]) -> bool:
    """Words before an office head: nationality, party, organisation, place, "former", "(NA)"."""
    token = doc[i]
    if token.text == "-":  # "then-Prime Minister", "ex-President", never a dash between words
        return i > 0 and not token.whitespace_ and not doc[i - 1].whitespace_
    return (lex[i] in ("nationality", "party", "org", "place") or token.lower_ in MODIFIER_WORDS or
            (i > 0 and token.is_upper and len(token) > 1 and doc[i - 1].text == "("))


def _org_word(doc: Doc, i: int, lex: list[str], ignored: list[bool]) -> bool:
    """Words inside an organisation name: lexicon words, acronyms, ordinals and joining words.
    An unknown capitalised word counts only inside a name that goes on with another capitalised word
    ("Committee for Overseas Vietnamese Affairs"): a person's name after a title ends before a verb or "and",
    so it is not taken in."""
    if ignored[i]:
        return False
    token = doc[i]
    text = token.text
    if lex[i] in ("org", "place", "party", "nationality") or text in LINK_WORDS:
        return True
    if lex[i] == "common":  # "National", "Central", but never a lowercase "at" or "with"
        return text[:1].isupper()
    if lex[i] == "office":  # "Office of the Prime Minister", never "... and Minister of Transport"
        previous = doc[i - 1].lower_ if i > 0 else ""
        return (token.lower_ == "prime" and previous in ("the", "'s", "’s")) or \
            (token.lower_ == "minister" and previous == "prime")
    if text_is_acronym(text) or (text[:-2].isdigit() and text[-2:] in ("st", "nd", "rd", "th")):
        return True
    if lex[i] or not token.is_alpha or not text[:1].isupper() or i + 1 >= len(doc):
        return False
    following = doc[i + 1]
    return (following.text[:1].isupper() and following.is_alpha and not ignored[i + 1]
            and lex[i + 1] != "honorific")


def _org_end(doc: Doc, i: int, lex: list[str], ignored: list[bool]) -> bool:
    """The last word of an organisation name: a capitalised lexicon word, an acronym or ")" - so that
    "General Secretary of the CPV Central Committee at the congress" ends on "Committee"."""
    if ignored[i]:
        return False
    text = doc[i].text
    if text == ")":
        return True
    if text_is_acronym(text):
        return lex[i] != "honorific"
    return lex[i] in ("org", "place", "party") and text[:1].isupper()


def text_is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# Word classes the title patterns match on, computed once per Doc before matching (a Matcher would call a
# getter for every token in every state).
WORD_CLASSES = (("title_modifier", _title_modifier), ("org_word", _org_word), ("org_end", _org_end))
for _name, _ in WORD_CLASSES:
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=False)
if not Doc.has_extension("titles"):
    Doc.set_extension("titles", default=[])


@dataclass
class TitleMention:
    span: Span
    text: str
    role: str
    country: str | None
    past: bool
    rule: str

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


def _office_head(span: Span) -> list[Token]:
    """The office words of a title: the first run of office-labelled tokens."""
    head = []
    for token in span:
        if token._.lex == "office":
            head.append(token)
        elif head:
            break
    return head


def _country_of(span: Span, role: str) -> str | None:
    """The country a title names: a nationality, place or party before the office head; else the first
    one after it that does not follow "to" (the host of an envoy, the addressee of an adviser)."""
    head = _office_head(span)
    office_start = head[0].i if head else span.start
    for token in span:
        if token.i >= office_start:
            break
        if token._.lex in ("nationality", "place", "party"):
            return (token._.lex_entry or {}).get("country")
    link = None
    for token in span[office_start - span.start:]:
        if token.lower_ in COMPLEMENT_LINKS:
            link = token.lower_
        elif token._.lex in ("nationality", "place", "party") and link != "to":
            country = (token._.lex_entry or {}).get("country")
            if country:
                return country
    return None


def _refine_role(span: Span, role: str, rules: list[dict]) -> str:
    """The role a complement makes of the office head ("President" of the National Assembly -> na_chair)."""
    head = _office_head(span)
    if not head or head[-1].i + 1 >= span.end:
        return role
    head_text = " ".join(t.lower_ for t in head)
    complement = [t for t in span.doc[head[-1].i + 1:span.end]
                  if t.lower_ not in LINK_WORDS and t.lower_ not in COMPLEMENT_LINKS and t.text != ","]
    folded = " " + " ".join(t.lower_ for t in complement) + " "
    for rule in rules:
        if head_text not in rule["heads"]:
            continue
        if "complement" in rule and any(f" {phrase} " in folded for phrase in rule["complement"]):
            return rule["refine"]
        if "complement_labels" in rule and any(t._.lex in rule["complement_labels"] for t in complement):
            return rule["refine"]
        if "only_words" in rule and complement and all(t.lower_ in rule["only_words"] for t in complement):
            return rule["refine"]
        if "unless_only_words" in rule or "unless_only_labels" in rule:
            words, labels = set(rule.get("unless_only_words", ())), set(rule.get("unless_only_labels", ()))
            if complement and not all(t.lower_ in words or t._.lex in labels for t in complement):
                return rule["refine"]
    return role


def title_text(span: Span) -> str:
    """The title as written, without leading nationality words and articles."""
    tokens = list(span)
    while tokens and (tokens[0]._.lex == "nationality" or tokens[0].lower_ in ("the", "(", ")", "-") or
                      tokens[0].lower_ in PAST_WORDS):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in ("(", ",", "the"):
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i:tokens[-1].i + 1].text


class TitleFinder:
    """Finds titles; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        rows = load_package_jsonl("title_patterns.jsonl")
        self.refinements = [row for row in rows if "refine" in row]
        _, patterns = expand_classes([row for row in rows if "refine" not in row])
        self.matcher, self.rows = build_matcher(nlp.vocab, patterns)

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        found = matched_spans(doc, self.matcher, self.rows)
        rule_of = {(s.start, s.end): row["id"] for s, row in found}
        spans = [self._trim(s) for s in filter_spans([s for s, _ in found])]
        return [(s, rule_of.get((s.start, s.end), "title_of")) for s in spans if s is not None]

    @staticmethod
    def _trim(span: Span) -> Span | None:
        tokens = list(span)
        while tokens and tokens[-1].text in ("(", "and", ","):
            tokens.pop()
        while tokens and tokens[0].text in (")", "("):
            tokens.pop(0)
        depth = 0
        for i, token in enumerate(tokens):  # "(KPL) Lao Minister ...": a bracket opened before the title
            depth += (token.text == "(") - (token.text == ")")
            if depth < 0:
                tokens, depth = tokens[i + 1:], 0
                break
        if not tokens or not any(t._.lex == "office" for t in tokens):
            return None
        return span.doc[tokens[0].i:tokens[-1].i + 1]

    def set_annotations(self, doc: Doc, found) -> None:
        titles = []
        for span, rule in found:
            office = next(t for t in span if t._.lex == "office")
            if (office._.lex_entry or {}).get("needs_complement") and _office_head(span)[-1].i + 1 >= span.end:
                continue  # "a member" alone is no office
            role = _refine_role(span, (office._.lex_entry or {}).get("role", "other"), self.refinements)
            titles.append(TitleMention(span, title_text(span), role, _country_of(span, role),
                                       any(t.lower_ in PAST_WORDS for t in span), rule))
        doc._.titles = sorted(titles, key=lambda t: t.start)

    @staticmethod
    def classify(doc: Doc) -> None:
        """Set the word classes the patterns match on (token._.title_modifier, org_word, org_end)."""
        lex = [token._.lex for token in doc]
        ignored = [token._.ignored for token in doc]
        for i, token in enumerate(doc):
            ext = token._
            for name, classify in WORD_CLASSES:
                ext.set(name, classify(doc, i, lex, ignored))

    def __call__(self, doc: Doc) -> Doc:
        self.classify(doc)
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("vnlao_titles")
def make_title_finder(nlp: Language, name: str) -> TitleFinder:
    return TitleFinder(nlp, name)

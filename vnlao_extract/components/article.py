"""Article reader: header, publication date, dateline, title, and which text is not the article body.

Adds to the Doc:
- ``doc._.article``: an :class:`Article` (title, published, published_from, dateline, outlet)
- ``doc._.published``: the publication date (``datetime.date``) or None
- ``doc._.ignored_mask`` (one bool per token; ``token._.ignored`` reads it): True for tokens outside the body (header, site menus, stamp lines, bylines,
  photo credits, link and credit lines, everything after a sign-off or an end mark such as "./.",
  repeated paragraphs); later components skip them. Photo captions stay, their credits go, and the
  headline above a body is read as a sentence of the article.
It also starts a new sentence at every line break, since headlines and captions carry no full stop.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy

from spacy.language import Language
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.tokens import Doc

from ..rules.cues import cue_scope, cue_sequence, cue_values, cue_words
from ..matching import facts  # also registers doc._.ignored_mask and token._.ignored

HEADER_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?=\b|T)")
MONTHS = {word.casefold(): int(number) for word, number in cue_values("article", "article.month_words").items()}


def _alternatives(words, as_written: bool = True) -> str:
    """A regex alternation of the words, longest first: each as written (unless not wanted), Capitalised
    and in CAPITALS."""
    forms = {form for word in words for form in ((word,) if as_written else ()) + (word.capitalize(), word.upper())}
    return "|".join(re.escape(form) for form in sorted(forms, key=lambda form: (-len(form), form)))


MONTH_WORD = rf"(?:{_alternatives(MONTHS, as_written=False)})(?![\w])\.?"
DAY = rf"\d{{1,2}}(?:{_alternatives(cue_words('article', 'article.day_suffixes'))})?"
# "16 Februari 2016", "16th of September, 2021", "Sept. 16, 2021": the groups give day, month and year.
WORD_DATE = re.compile(
    rf"\b(?:(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH_WORD})|(?P<month2>{MONTH_WORD})\s+(?P<day2>{DAY})),?\s+"
    rf"(?P<year>\d{{4}})\b")
# A month written as a number after a month word: "ngày 16 tháng 9 năm 2021".
NUMBERED_MONTH_DATE = re.compile(
    rf"(?i:\b(\d{{1,2}})\s+(?:{_alternatives(cue_words('article', 'article.numbered_month'))})\s+(\d{{1,2}}),?\s+"
    rf"(?:(?:{_alternatives(cue_words('article', 'article.year_words'))})\s+)?(\d{{4}})\b)")
# What a publication stamp line may hold besides its date and time: a label, a weekday, a time zone;
# and, when it has a clock time, a label or a byline, up to MAX_STAMP_WORDS other words (a name, a site).
MAX_STAMP_WORDS = 4
STAMP_LABEL = re.compile(rf"(?i:(?<![\w])(?:{_alternatives(cue_words('article', 'article.stamp_labels'))})(?![\w]))")
STAMP_FILLER = re.compile(
    rf"(?i:(?<![\w])(?:{_alternatives(cue_words('article', 'article.stamp_labels'))})(?![\w])(?:\s+(?:on|at)\b)?|"
    rf"(?<![\w])(?:{_alternatives(cue_words('article', 'article.stamp_weekdays'))})(?![\w])|"
    rf"(?<![\w])(?:{_alternatives(cue_words('article', 'article.stamp_time_zones'))})\s*[+-]?\s*\d{{0,2}}(?::?\d{{2}})?|"
    r"\b[ap]\.?m\.?(?=\W|$)|T(?=\d)|[+-]\d{2}:\d{2})|"
    r"[\s,|/():.\-–—]+"
)
AGENCIES = (r"(?:VNA|VNS|KPL|AKP|TNA|NNT|NDO|Xinhua|ANN|Vietnam News|Viet Nam News|Nhan Dan|VOV|VGP|Reuters|AFP|AP|"
            r"Bernama|Kyodo|CGTN)")
CAPS_PLACE = r"[A-ZÀ-Ỹ][A-ZÀ-Ỹ.'’]+(?:\s+[A-ZÀ-Ỹ][A-ZÀ-Ỹ.'’]+){0,3}"
TITLE_PLACE = r"[A-Z][\wÀ-ỹ]+(?:\s+[A-Z][\wÀ-ỹ]+){0,2}"
DATELINE = re.compile(
    rf"\A\s*(?P<head>(?P<agency>\(?{AGENCIES}(?:/{AGENCIES})*\)?)?[ ,]*"
    rf"(?P<place>{CAPS_PLACE}|{TITLE_PLACE})?(?:,\s*{TITLE_PLACE}(?=,))?,?\s*"
    rf"(?P<outlet>\({AGENCIES}\),?\s*)?"
    rf"(?P<date>{MONTH_WORD}\s+{DAY}(?:,\s*\d{{4}})?|{DAY}\s+(?:of\s+)?{MONTH_WORD}(?:,?\s*\d{{4}})?)?\s*"
    rf"(?P<paren>\((?:{AGENCIES}|[\w /]+)\))?)\s*(?:--|[–—-])\s*"
)
# A dateline whose brackets hold the outlet and the date: "MOSCOW (Some News / Agency - 16th September,
# 2021) ...", "Jakarta (Agency, March 3, 2019) -"; the dash after the brackets is optional.
BRACKET_DATELINE = re.compile(
    rf"\A\s*(?P<head>(?P<place>{CAPS_PLACE}|{TITLE_PLACE})(?:,\s*{TITLE_PLACE})?\s*\((?P<inside>[^()\n]{{6,80}})\))"
    r"\s*(?:(?:--|[–—-])\s*)?")
AGENCY_LEAD = re.compile(rf"\A\s*\(?(?P<agency>{AGENCIES}(?:/{AGENCIES})?)\)?\s+(?=[A-Z])")
# A line that ends the story: the agency's sign-off ("— VNA/VNS", "KPL", "(TNA)"), a closing byline, or the
# start of the page's lists of other stories.
SIGN_OFF_LINE = re.compile(
    rf"\A\s*(?:[–—-]+\s*)?\(?{AGENCIES}(?:/{AGENCIES})*\)?\s*\Z|"
    r"\A\s*By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*\Z|"
    r"\A\s*(?i:top|read more|related|related (?:news|articles|stories|posts|topics)|other news|more news|latest news|"
    r"see also|you may also like|you might also like|most read|most viewed|most popular|"
    r"share this(?: article)?)\s*:?\s*\Z|"
    r"\A\s*(?i:tags?|keywords?|topics?)\s*:"
)
# A link to another story inside the text ("Read more: Laos, Vietnam sign ..."): that line only is skipped.
LINK_LINE = re.compile(r"\A\s*(?i:read more|read also|also read|see also|related)\s*:\s*\S")
BYLINE = re.compile(r"\A\s*By\s+[A-Z]")
BYLINE_NAME = re.compile(rf"\A\s*By\s+(?!{MONTH_WORD})[A-ZÀ-Ỹ][\wÀ-ỹ.'’-]*")
# An end-of-story mark closes the article: the Vietnamese agencies' "... by 2030./.", Xinhua's "Enditem".
END_MARK = re.compile(r"(?:\./\.|\bEnditem)\s*\Z")
END_MARK_ENDINGS = ("./.", "enditem")
# A line that credits a picture or a source and says nothing else.
CREDIT_LINE = re.compile(r"\A\s*\(?(?i:source|photo|photos|image|video)\s*:\s*[^.!?]{1,60}\)?\s*\Z")
CREDIT_NAME = r"(?!(?:The|A|An|In|On|At|He|She|They|It|This|Both|According)\b)[A-ZÀ-Ỹ][\wÀ-ỹ.'’-]*"
CREDIT_DOMAIN = r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|la|kh|cn|th|net|org|gov)\b"
PHOTO_CREDIT = re.compile(
    rf"(?P<dash>[-–—]{{1,2}}\s*)?(?P<agency>\b{AGENCIES}(?:/{AGENCIES})?\s+)?(?P<open>\()?"
    r"\b(?P<word>(?i:illustrative|illustration|file|archive)\s+(?i:photos?|image)|Photos?|Images?|Illustration)\b"
    r"(?P<sep>\s*(?::|by\b|courtesy\s+of\b|courtesy\b|credit\s*:))?\s*"
    rf"(?P<names>{AGENCIES}(?:/{CREDIT_NAME}(?:\s{CREDIT_NAME}){{0,3}})?(?![\w/])|{CREDIT_DOMAIN}|"
    rf"{CREDIT_NAME}(?:[ /]{CREDIT_NAME}){{0,4}})?(?P<close>\))?"
)
FOREIGN_LETTER = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff]")  # Thai, Lao, Khmer
LINE_BREAK = re.compile(r"\n+")
CREDIT_WORDS = cue_sequence("article", "article.credit_words")
READ_MORE = re.compile(r"(?:…|\.\.\.)?\s*Read (?:full )?(?:this )?story\s*$|Read more\s*$", re.I)
READ_MORE_ENDINGS = ("story", "read more")
HEADLINE_WORDS = cue_scope("article", "article.headline_words")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s*\Z")
PROSE_END = re.compile(r"[.!?][\"”’)]*(?:\s|$)")


@dataclass
class Article:
    title: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    ignored: list[tuple[int, int, str]] = field(default_factory=list)


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= 6 and bool(PROSE_END.search(line))


def _is_long_run_on(line: str) -> bool:
    """A long line without sentence ends that is still text (most words lowercase), not a topic bar."""
    words = line.split()
    return len(words) >= 40 and sum(1 for w in words if w[:1].isupper()) < len(words) / 2


def _stamp_date(line: str) -> dt.date | None:
    """A publication stamp: a short line with a date and a clock time and at most a byline besides
    ("02/02/2026 17:52", "Dec 11, 2023 / 21:37", "By Name  May 16, 2016 | 08:31 am"), or a line that
    holds nothing but a date and stamp words ("Published: February 5, 2026", "Thursday, 05/02/2026")."""
    if len(line) > 90:
        return None
    numeric = NUMERIC_DATE.search(line)
    iso = ISO_DATE.search(line)
    worded = WORD_DATE.search(line)
    numbered = NUMBERED_MONTH_DATE.search(line)
    found = numeric or iso or worded or numbered
    if not found:
        return None
    others = _other_words(line, found)
    if others > (MAX_STAMP_WORDS if _names_a_stamp(line, found) else 0):
        return None
    if numeric:
        first, second, year = (int(numeric.group(i)) for i in (1, 3, 4))
        day, month = (first, second) if first > 12 or second <= 12 else (second, first)
        return _date_or_none(year, month, day)
    if iso:
        return _date_or_none(*(int(g) for g in iso.groups()))
    if numbered:  # day, month number, year
        return _date_or_none(*(int(numbered.group(i)) for i in (3, 2, 1)))
    return word_date(worded)


def word_date(match: re.Match) -> dt.date | None:
    """The date a WORD_DATE match spells, in any language the month words list."""
    day = re.match(r"\d+", match.group("day") or match.group("day2")).group(0)
    month = MONTHS[(match.group("month") or match.group("month2")).rstrip(".").casefold()]
    return _date_or_none(int(match.group("year")), month, int(day))


def _names_a_stamp(line: str, found: re.Match) -> bool:
    """A clock time, a stamp label just before the date or opening the line ("Posted on", "Date"), or a
    leading byline ("By Name") says that the few other words of a short dated line are a name or a site,
    not a sentence."""
    if TIME.search(line):
        return True
    if len(line.split()) >= 6 and SENTENCE_END.search(line):  # a sentence, not a stamp
        return False
    labelled = any(label.start() == 0 or not _filler_free_words(line[label.end():found.start()])
                   for label in STAMP_LABEL.finditer(line, 0, found.start()))
    return labelled or bool(BYLINE_NAME.match(line))


def _filler_free_words(text: str) -> list[str]:
    return STAMP_FILLER.sub(" ", TIME.sub(" ", text)).split()


def _other_words(line: str, found: re.Match) -> int:
    """How many words a line holds besides the date found, clock times and stamp words."""
    return len(_filler_free_words(line[:found.start()] + " " + line[found.end():]))


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def photo_credits(line: str) -> list[tuple[int, int]]:
    """Character ranges of the photo credits in a line ("Photo: VNA", "(Photo: Tran Hai Nam)",
    "--Photo VNA/VNS", "— VNA/VNS Photo Duong Giang", "Photos: Nhat Bac"). The caption around them is
    kept; a bare "Photo" that names no one is a credit only at the end of a line or inside brackets."""
    ranges = []
    lower = line.lower()
    if not any(word in lower for word in CREDIT_WORDS):  # the pattern is slow to rule out on a long line
        return ranges
    for match in PHOTO_CREDIT.finditer(line):
        closes = bool(match.group("close")) or not line[match.end():].strip()
        if match.group("names") or match.group("agency") or match.group("open") or closes:
            ranges.append((match.start(), match.end()))
    return ranges


def _search_end(pattern: re.Pattern, endings: tuple[str, ...], text: str) -> re.Match | None:
    """Search a pattern anchored at the end of the text, only when the text ends with one of the
    (lowercase) endings: an unanchored search is slow to fail on a long paragraph."""
    if not text.rstrip().lower().endswith(endings):
        return None
    return pattern.search(text)


def _is_foreign_script(line: str) -> bool:
    if not FOREIGN_LETTER.search(line):
        return False
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if "\u0e00" <= c <= "\u0eff" or "\u1780" <= c <= "\u17ff") > len(letters) / 2


def _paragraph_key(line: str) -> str:
    """What two copies of a paragraph share: the text without a leading dateline or agency tag and
    without the end-of-story mark."""
    line = AGENCY_LEAD.sub("", line)
    match = DATELINE.match(line)
    if match and len(match.group(0)) < 60:
        line = line[match.end():]
    bracketed = _bracket_dateline(line)
    if bracketed:
        line = line[bracketed[0].end():]
    line = line.strip()
    if _search_end(END_MARK, END_MARK_ENDINGS, line):
        line = END_MARK.sub("", line)
    return " ".join(line.split()).lower()


def read_article(text: str) -> Article:
    """Read the header, stamp, dateline and boilerplate of an article; pure function over its text."""
    article = Article()
    ignored = article.ignored
    body_from = 0
    header = HEADER_DATE.match(text)
    if header:
        article.published = dt.date.fromisoformat(header.group(1)) if _valid_iso(header.group(1)) else None
        article.published_from = "header" if article.published else None
        ignored.append((0, header.end(), "header"))
        body_from = header.end()
    lines = list(_lines(text))
    in_body = False
    body_paragraphs = 0
    seen: set[str] = set()
    header_lines: list[str] = []
    for number, (start, line) in enumerate(lines):
        if start + len(line) <= body_from:
            continue
        offset = max(start, body_from)
        content = text[offset:start + len(line)]
        stripped = content.strip()
        if not stripped:
            continue
        end = start + len(line)
        stamp = _stamp_date(stripped)
        if stamp:
            if not article.published:
                article.published, article.published_from = stamp, "stamp"
            ignored.append((offset, end, "stamp"))
            continue
        if _is_foreign_script(stripped):
            ignored.append((offset, end, "foreign script"))
            continue
        if not in_body:
            if _is_prose(stripped) or _is_long_run_on(stripped):
                in_body = True
            else:
                header_lines.append(stripped)
                ignored.append((offset, end, "header"))
                continue
        if SIGN_OFF_LINE.match(stripped):
            if BYLINE.match(stripped) and body_paragraphs < 2:  # a byline under the lead, not a sign-off
                ignored.append((offset, end, "byline"))
                continue
            ignored.append((offset, len(text), "after sign-off"))
            break
        if LINK_LINE.match(stripped) or CREDIT_LINE.match(stripped):
            ignored.append((offset, end, "link or credit"))
            continue
        key = _paragraph_key(stripped)
        if key in seen:
            ignored.append((offset, end, "repeated paragraph"))
            continue
        seen.add(key)
        body_paragraphs += 1
        _read_dateline(article, stripped)
        _read_agency_lead(article, stripped)
        for credit_start, credit_end in photo_credits(content):
            ignored.append((offset + credit_start, offset + credit_end, "photo credit"))
        more = _search_end(READ_MORE, READ_MORE_ENDINGS, content)
        if more:
            ignored.append((offset + more.start(), offset + more.end(), "read more"))
        if _search_end(END_MARK, END_MARK_ENDINGS, stripped):
            ignored.append((end, len(text), "after end mark"))
            break
    titles = [h for h in header_lines if len(h.split()) >= 4 and not _stamp_date(h)]
    if titles:
        article.title = titles[-1]
        if body_paragraphs and len(article.title.split()) <= HEADLINE_WORDS:
            _read_headline(ignored, text, article.title)
    ignored.sort()
    return article


def _read_headline(ignored: list[tuple[int, int, str]], text: str, title: str) -> None:
    """The title line above a body is a sentence of the article (it may be the only place an event is
    told), so it is read like the body: its header range is dropped. Menus, stamps and bylines stay ignored."""
    ignored[:] = [r for r in ignored if not (r[2] == "header" and text[r[0]:r[1]].strip() == title)]


def _valid_iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _bracket_dateline(paragraph: str) -> tuple[re.Match, re.Match] | None:
    """A dateline with a dated bracket, and the date in it; None when the bracket holds no full date."""
    match = BRACKET_DATELINE.match(paragraph)
    worded = match and WORD_DATE.search(match.group("inside"))
    return (match, worded) if worded and word_date(worded) else None


def _read_bracket_dateline(article: Article, paragraph: str) -> bool:
    found = _bracket_dateline(paragraph)
    if not found:
        return False
    match, worded = found
    article.dateline = match.group("head").strip()
    inside = match.group("inside")
    outlet = (inside[:worded.start()] + " " + inside[worded.end():]).strip(" ,-–—/|")
    article.outlet = " ".join(outlet.split()) or None
    if not article.published:
        article.published, article.published_from = word_date(worded), "dateline"
    return True


def _read_dateline(article: Article, paragraph: str) -> None:
    if article.dateline or _read_bracket_dateline(article, paragraph):
        return
    match = DATELINE.match(paragraph)
    if not match or not _is_dateline(match):
        return
    article.dateline = match.group("head").strip()
    agency = re.search(AGENCIES, match.group("head"))
    if agency:
        article.outlet = agency.group(0)
    date_text = match.group("date")
    worded = WORD_DATE.search(date_text or "")
    if worded and not article.published and word_date(worded):
        article.published, article.published_from = word_date(worded), "dateline"


def _is_dateline(match: re.Match) -> bool:
    """A dateline names an agency, a date, or a place in capitals before its dash."""
    if len(match.group(0)) > 80 or not match.group("head").strip():
        return False
    place = match.group("place") or ""
    return bool(match.group("agency") or match.group("outlet") or match.group("date") or match.group("paren") or
                (place and place.upper() == place and len(place) >= 3))


def _read_agency_lead(article: Article, paragraph: str) -> None:
    lead = AGENCY_LEAD.match(paragraph)
    if lead and not article.dateline:
        article.dateline = lead.group(0).strip()
        article.outlet = article.outlet or lead.group("agency").strip("()")


def ignored_token_mask(doc: Doc, ranges: list[tuple[int, int, str]]) -> list[bool]:
    """True for each token that starts inside one of the character ranges."""
    starts = doc.to_array(IDX)
    mask = numpy.zeros(len(doc), dtype=bool)
    for start, end, _ in ranges:
        mask[numpy.searchsorted(starts, start):numpy.searchsorted(starts, end)] = True
    return mask.tolist()


def _mark_line_breaks(doc: Doc, text: str, ignored: list[bool]) -> None:
    """A line break ends a sentence; the blank itself stays with the sentence before it, so that
    "the sentence before" is always one with words. Entering or leaving ignored text ends one too."""
    if len(doc) < 2:
        return
    token_starts = doc.to_array(IDX)
    breaks = numpy.searchsorted(token_starts, [m.end() for m in LINE_BREAK.finditer(text)])
    mask = numpy.asarray(ignored, dtype=bool)
    edges = numpy.flatnonzero(mask[1:] != mask[:-1]) + 1
    # Written as one array: setting token.is_sent_start checks the whole Doc on every call.
    sent_starts = doc.to_array(SENT_START).astype(numpy.int64)
    sent_starts[breaks[(breaks > 0) & (breaks < len(doc))]] = 1
    sent_starts[edges] = 1
    sent_starts[doc.to_array(IS_SPACE).astype(bool)] = -1
    sent_starts[0] = 1
    doc.from_array([SENT_START], sent_starts.astype(numpy.uint64).reshape(-1, 1))


class ArticleReader:
    """Reads the article layout; see the module docstring for what it adds to the Doc."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = facts.doc_text(doc)  # kept for the evidence sentences
        article = read_article(text)
        if article.published is None and doc._.published_default is not None:
            article.published, article.published_from = doc._.published_default, "option"
        doc._.article = article
        doc._.published = article.published
        doc._.ignored_mask = ignored_token_mask(doc, article.ignored)
        _mark_line_breaks(doc, text, doc._.ignored_mask)
        return doc


for _name, _default in (("article", None), ("published", None), ("published_default", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.factory("vnlao_article")
def make_article_reader(nlp: Language, name: str) -> ArticleReader:
    return ArticleReader(nlp, name)

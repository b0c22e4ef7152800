"""Bytes to the text the pipeline reads: choosing the encoding, refusing binaries, repairing the text.

Standard library only. The repaired text comes with the map of its offsets back to the decoded text
(textmap.py), and with the warnings its decoding earned.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import Errors, InputError, Warnings
from .textmap import TextMap, repair_text

# Text whose share of control characters (besides \t \n \r \f) exceeds this is binary.
CONTROL_SHARE_LIMIT = 0.10

_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

@dataclass(frozen=True)
class ArticleText:
    """The repaired text the pipeline reads; ``offsets`` maps it back to the text as decoded, and
    ``notes`` are the warnings its decoding earned."""

    text: str
    encoding: str
    offsets: TextMap = field(default_factory=TextMap, compare=False, repr=False)
    notes: tuple[str, ...] = field(default=(), compare=False)


def decode_bytes(data: bytes, name: str) -> ArticleText:
    """Decode an article's bytes and normalize the text; raise `InputError` if it is not one.

    Order: a BOM (UTF-32, UTF-8, UTF-16) decides; else strict UTF-8; else NUL
    bytes mean binary; else cp1252, else latin-1.  Text with NULs or a high share
    of control characters is binary whatever the decoding; empty or
    whitespace-only text is empty.
    """
    from .inputs import display_name  # here: inputs imports this module

    shown = display_name(name)
    text = None
    encoding = ""
    notes: list[str] = []
    after_bom = ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)  # these codecs strip their BOM
                encoding = codec
                break
            except UnicodeDecodeError:
                if codec == "utf-8-sig":  # a UTF-8 BOM before non-UTF-8 bytes
                    data = data[len(bom):]
                    after_bom = "-sig"
                    break
                continue
    else:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # a UTF-16/32 BOM followed by undecodable data
            raise InputError(Errors.E013.format(path=shown))

    if text is None:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8" + after_bom
        except UnicodeDecodeError:
            if b"\x00" in data:
                raise InputError(Errors.E003.format(path=shown)) from None
            text, encoding, notes = _decode_not_quite_utf8(data, shown, after_bom)

    if _CONTROL_RE.search(text):
        if "\x00" in text:
            raise InputError(Errors.E003.format(path=shown))
        controls = len(_CONTROL_RE.findall(text))
        if controls > CONTROL_SHARE_LIMIT * len(text):
            raise InputError(Errors.E013.format(path=shown))

    repaired, offsets = repair_text(text)
    if not repaired.strip():
        raise InputError(Errors.E002.format(path=shown))
    return ArticleText(repaired, encoding, offsets, tuple(notes))


def _decode_not_quite_utf8(data: bytes, shown: str, after_bom: str) -> tuple[str, str, list[str]]:
    """Bytes that are not valid UTF-8: still UTF-8, with U+FFFD for the bad sequences, when its valid
    multi-byte characters outnumber them (a damaged UTF-8 file keeps its names); else cp1252 or
    latin-1, whose bytes above 0x7f are almost never valid UTF-8 sequences."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - bad
    if non_ascii > bad:
        return text, "utf-8" + after_bom, [Warnings.W040.format(path=shown, count=bad)]
    try:
        return data.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", []


def normalize_text(text: str) -> str:
    """The text as the pipeline reads it: NFC, LF line ends, invisible characters repaired (textmap.py)."""
    return repair_text(text)[0]

"""Section headings, known by their words whatever marks them.

A heading is a short line of its own whose words are a known heading (with the synonyms
of the settings): ``□ 사업개요``, ``■ 사업개요``, ``Ⅱ. 사업개요``, ``2. 사업개요``,
``가. 사업개요``, ``① 사업개요``, ``<기대효과>``, a private-use or lost glyph, or no marker at
all. A heading may carry a bracketed remark after its words (``□ 추진실적 (2025. 3. 31. 기준)``,
``□ 재원투자 계획 (단위 : 백만 원)``). Headings whose words are unknown (참고자료) are headings
too when they are marked as the card marks its known headings (the same family of marker),
and go to ``sections``; where the known headings have no marker, or a lost glyph that marks
the items too, only their shape tells such a heading (:mod:`pledgecard.extract.card.shapes`).
An outline paragraph (개요, ``Paragraph.outline``) is marked by its
outline level whatever glyph or number it shows: family ``outline1`` for 개요 1, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from pledgecard.extract.card.settings import ParserSettings
from pledgecard.extract.document import Paragraph
from pledgecard.normalize.text import squash
from pledgecard.vocab import BULLET_LEVELS, CIRCLED_NUMBERS, HANGUL_ORDINALS, LOST_GLYPHS, ROMAN_NUMERALS

#: Marker families written in the text itself (bullet glyphs come split off by the readers).
_TEXT_MARKERS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("roman", regex.compile(rf"^\s*(?:[{ROMAN_NUMERALS}]|(?:(?=[IVX])X?(?:IX|IV|V?I{{0,3}})))\s*[.)．]\s*")),
    ("roman", regex.compile(rf"^\s*[{ROMAN_NUMERALS}]\s+")),
    ("arabic", regex.compile(r"^\s*(?:\d{1,2}\s*[.)．]|\(\d{1,2}\))\s*(?!\d)")),
    ("hangul", regex.compile(rf"^\s*(?:[{HANGUL_ORDINALS}]\s*[.)．]|\([{HANGUL_ORDINALS}]\))\s*")),
    ("circled", regex.compile(rf"^\s*[{CIRCLED_NUMBERS}]\s*")),
)
#: The letters a marker of :data:`_TEXT_MARKERS` can start with (besides digits), its spaces
#: before it left out: tested first, they turn most lines away without the patterns.
_MARKER_FIRSTS = frozenset(ROMAN_NUMERALS + "IVX(" + HANGUL_ORDINALS + CIRCLED_NUMBERS)
_BRACKETED = regex.compile(r"^\s*[<〈《\[【]\s*(.+?)\s*[>〉》\]】]\s*$")
#: What may follow a heading's words on its line: a bracketed remark (as-of, unit, 성과).
_REMARK_OPENS = frozenset("(（《<〈[【")
#: Parts whose tables may arrive flattened, a cell per line.
_TABLE_PARTS = frozenset({"finance", "progress", "yearly", "communication", "issues", "goals"})


@dataclass(frozen=True)
class Heading:
    #: The section key, or ``unknown`` for a heading whose words no field takes.
    key: str
    #: The heading as written, without its marker (``재원투자 실적 및 계획``).
    text: str
    #: The marker family: ``glyph0`` (□ ■), ``glyph`` (another bullet), ``roman``, ``arabic``,
    #: ``hangul``, ``circled``, ``bracket``, ``none``, or ``outline<level>`` for an outline paragraph.
    family: str


def heading_marker(paragraph: Paragraph) -> tuple[str, str]:
    """``(family, words)`` of a paragraph: its marker's family and the text after it."""
    family, words = _written_marker(paragraph)
    if paragraph.outline is not None:
        return f"outline{paragraph.outline}", words
    return family, words


def _written_marker(paragraph: Paragraph) -> tuple[str, str]:
    """``(family, words)`` by the marker written before the words (glyph, number, bracket)."""
    if paragraph.bullet is not None:
        level = BULLET_LEVELS.get(paragraph.bullet)
        if paragraph.bullet in LOST_GLYPHS:
            return "lost", paragraph.text
        return ("glyph0" if level == 0 else "glyph"), paragraph.text
    text = paragraph.text
    bracketed = _BRACKETED.match(text) if text.lstrip()[:1] in "<〈《[【" else None
    if bracketed:
        return "bracket", str(bracketed.group(1))
    return _text_marker(text) or ("none", text)


def _text_marker(text: str) -> tuple[str, str] | None:
    """``(family, words)`` of a marker written in the text (Ⅱ., 2., 가., ①); None without one."""
    first = text.lstrip()[:1]
    if not first or not (first in _MARKER_FIRSTS or first.isdigit()):
        return None  # most lines: no marker can start with their first letter
    for family, pattern in _TEXT_MARKERS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return family, text[match.end():]
    return None


def without_marker(text: str) -> str:
    """``사업개요`` of ``Ⅱ. 사업개요`` (a heading marker written in the text is layout, not words)."""
    marked = _text_marker(text)
    return marked[1] if marked else text


@lru_cache(maxsize=4096)
def _known_key(words: str, settings: ParserSettings) -> str | None:
    """The section key of a heading's words (its bracketed remark allowed after them)."""
    squashed = squash(words)
    keys = settings.heading_keys
    key = keys.get(squashed)
    if key is not None:
        return key
    if not squashed or squashed[-1] not in ")）》>〉]】":
        return None
    for at in range(len(squashed) - 1, 0, -1):  # the longest heading followed by a remark's opening
        if squashed[at] in _REMARK_OPENS:
            key = keys.get(squashed[:at])
            if key is not None:
                return key
    return None


def find_heading(paragraph: Paragraph, settings: ParserSettings, current: str | None = None,
                 markerless: bool = False, body_follows: bool = False,
                 marker: tuple[str, str] | None = None) -> Heading | None:
    """The heading a paragraph is, by its words; ``unknown`` for a □-marked line of other words.

    A word that is also a header label or a table's column word (추진상황, 추진실적) on a line
    with no marker is a heading only where the card writes its other headings without markers
    too (``markerless``), and never inside a part of its own kind; after a part with tables
    (``current``) only where a bulleted line follows (``body_follows``), not another cell of a
    table flattened a cell per line. ``marker``: the paragraph's :func:`heading_marker`, when
    already read.
    """
    text = paragraph.text
    if len(text) > settings.max_heading_chars:
        return None
    family, words = marker or heading_marker(paragraph)
    words = words.strip()
    key = _known_key(words, settings)
    if key is not None:
        if family == "none" and squash(words) in settings.ambiguous_headings and not (
                markerless and current is not None and current != key
                and (current not in _TABLE_PARTS or body_follows)):
            return None
        return Heading(key=key, text=words, family=family)
    if family == "glyph0":
        return Heading(key="unknown", text=words, family=family)
    return None


def is_item_like(paragraph: Paragraph) -> bool:
    """A line that reads as an item, not a heading: it states a value (a colon) or a number."""
    return ":" in paragraph.text or "：" in paragraph.text or any(map(str.isdigit, paragraph.text))


def marked_heading(paragraph: Paragraph, families: set[str], settings: ParserSettings,
                   marker: tuple[str, str] | None = None) -> Heading | None:
    """A heading of unknown words, marked with one of the ``families`` the card's known
    headings use (Ⅴ. 참고자료 in a card headed Ⅰ. … Ⅳ.; ``lost`` only where the card marks
    no item with a lost glyph: see :func:`is_item_like`)."""
    text = paragraph.text
    if len(text) > settings.max_heading_chars:
        return None
    if paragraph.outline is None and paragraph.bullet is not None and paragraph.bullet not in LOST_GLYPHS and (
            BULLET_LEVELS.get(paragraph.bullet) != 0):
        return None  # an item's glyph (family ``glyph``): the common case, told at once
    family, words = marker or heading_marker(paragraph)
    words = words.strip()
    if family not in families or family in ("glyph", "none", "bracket"):
        return None
    squashed = squash(words)
    if not squashed or len(squashed) > settings.max_heading_words or ":" in words or "：" in words:
        return None
    if not regex.search(r"\p{Hangul}", squashed):
        return None
    return Heading(key="unknown", text=words, family=family)

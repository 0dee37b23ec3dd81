"""Headings of unknown words told by the shape a card gives its known headings.

A heading whose words no field takes (주민참여 방안) is found by its marker where the card
marks its known headings with a marker no item uses (:func:`~.headings.marked_heading`). Two
ways of writing headings give no such marker: no marker at all, and a lost glyph (U+FFFD)
where the items' glyphs were lost too. There the card's known headings, found by their words,
show the *shape* of its headings: the marker family, the spaces after the glyph (a text dump
keeps them: ``\\ufffd   사업개요`` over ``\\ufffd 기본 …``) and the depth. A line of that shape is
the heading of an extra part only when

- every known heading has that one shape, and no line that reads as an item has it (for a
  lost glyph: in the whole document; with no marker, where header lines and flattened table
  cells have no marker either: in the part above, see below);
- its words are a few Hangul words only (no number, colon or bracket: not ``2024년``,
  ``〈1단계〉``, ``(중앙동 구간)``, ``《’25. 1분기 기준》``, ``<문제점>``) that are no label or
  column word; with no marker at all they also end with a noun the known headings end with
  (방안, 사항, 계획 …: a line wrapped off the item above seldom does);
- it closes a part of marked items (no table, no other line of its shape in it, a marked item
  right above it) and a marked item follows it.

Anything else stays what it was (an item): a wrong part is worse than a line left in place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from pledgecard.extract.card.headings import Heading
from pledgecard.extract.card.settings import ParserSettings
from pledgecard.extract.document import Block, Paragraph, Table
from pledgecard.normalize.text import squash
from pledgecard.vocab import LOST_GLYPHS

#: The marker families whose headings only their shape tells (no marker; a lost glyph).
SHAPED_FAMILIES = frozenset({"none", "lost"})
#: A heading's words: Hangul words, spaces and interpuncts only.
_HANGUL_WORDS = regex.compile(r"^\p{Hangul}[\p{Hangul}\s·ㆍ]*$")
#: What a bracketed line (a caption, an as-of block) opens with: no line of the headings' shape.
_BRACKET_OPENS = frozenset("<〈《[【")


@dataclass(frozen=True)
class Shape:
    #: The marker family (:func:`~.headings.heading_marker`).
    family: str
    #: The spaces between the glyph and the words, where the reader kept them.
    gap: int | None
    depth: int


def shape_of(paragraph: Paragraph, family: str) -> Shape:
    return Shape(family, paragraph.gap, paragraph.depth)


def heading_shape(headings: Iterable[Shape], items: Iterable[Shape]) -> Shape | None:
    """The one shape of the known ``headings`` (a bracketed heading, <기대효과>, aside) when it
    is a shaped family that none of the ``items`` has; None otherwise. A lost glyph tells a
    heading only by the spaces after it, so it needs them read (``gap``)."""
    shapes = {shape for shape in headings if shape.family != "bracket"}
    if len(shapes) != 1:
        return None
    shape = shapes.pop()
    if shape.family not in SHAPED_FAMILIES or shape in set(items):
        return None
    if shape.family == "lost" and shape.gap is None:
        return None
    return shape


def shaped_heading(paragraph: Paragraph, marker: tuple[str, str], shape: Shape, part: list[Block],
                   following: Block | None, settings: ParserSettings) -> Heading | None:
    """The heading of an extra part, by the card's heading ``shape`` (see the module's doc):
    ``marker`` is the paragraph's marker family and words, ``part`` the blocks of the part
    above it, ``following`` the block after it."""
    family, words = marker
    if paragraph.outline is not None or shape_of(paragraph, family) != shape:
        return None
    words = words.strip()
    if not _heading_words(words, shape, settings):
        return None
    if not _closes_item_part(part, shape) or not _marked_item(following, shape):
        return None
    return Heading(key="unknown", text=words, family=shape.family)


def _heading_words(words: str, shape: Shape, settings: ParserSettings) -> bool:
    """Whether ``words`` may be a part's heading: a few Hangul words, no label, column word or
    known heading; with no marker, ending with a noun the known headings end with."""
    squashed = squash(words)
    if len(squashed) > settings.max_heading_words or not _HANGUL_WORDS.match(squashed):
        return False
    if squashed in settings.label_keys or squashed in settings.heading_keys or squashed in _column_words(settings):
        return False
    return shape.family != "none" or squashed.endswith(tuple(settings.heading_nouns))


@lru_cache(maxsize=16)
def _column_words(settings: ParserSettings) -> frozenset[str]:
    return frozenset(squash(word) for word in settings.column_words)


def _closes_item_part(part: list[Block], shape: Shape) -> bool:
    """Whether the part above is a list of marked items (no table, no line of the headings'
    shape), the last block a marked item."""
    if not part or not _marked_item(part[-1], shape):
        return False
    return not any(isinstance(block, Table) or _has_shape(block, shape) for block in part)


def _marked_item(block: Block | None, shape: Shape) -> bool:
    """A bulleted paragraph of another shape than the headings'."""
    return isinstance(block, Paragraph) and block.bullet is not None and not _has_shape(block, shape)


def _has_shape(block: Block, shape: Shape) -> bool:
    """Whether a paragraph has the headings' shape (a shaped family: told without its words)."""
    if not isinstance(block, Paragraph) or block.outline is not None or block.depth != shape.depth:
        return False
    if shape.family == "none":
        return block.bullet is None and block.text.lstrip()[:1] not in _BRACKET_OPENS
    return block.bullet in LOST_GLYPHS and block.gap == shape.gap

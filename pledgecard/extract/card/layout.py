"""A document into cards, and a card into its parts: kind line, header grid, sections.

Format-agnostic: it sees only paragraphs and tables. A booklet holding many cards gives
many cards; page numbers (``- 3 -``) and a running page header that repeats the kind
line start nothing and are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pledgecard.extract.document import Block, Document, Paragraph, Table
from pledgecard.normalize.text import squash
from pledgecard.vocab import (
    BULLET_LEVELS,
    HEADER_LABELS,
    KIND_LINE_SUFFIXES,
    SECTION_HEADINGS,
)

_PAGE_NUMBER = regex.compile(r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*/\s*\d{1,4}|page\s*\d+)\s*$", regex.I)
#: What a page number's last character can be (the pattern above ends in a digit or a dash).
_PAGE_NUMBER_ENDS = frozenset("0123456789-–—")
_BRACKETED = regex.compile(r"^[<〈《\[【]\s*(.+?)\s*[>〉》\]】]$")
_MAX_KIND_CHARS = 40
_KIND_SUFFIXES = tuple(squash(s) for s in KIND_LINE_SUFFIXES)
_KIND_LAST_CHARS = tuple({suffix[-1] for suffix in _KIND_SUFFIXES})
_HEADING_KEYS = {heading: key for key, headings in SECTION_HEADINGS.items() for heading in headings}
_HEADING_FIRSTS = frozenset(heading[:1] for heading in _HEADING_KEYS)
_BRACKET_OPENS = frozenset("<〈《[【")
#: A heading is short; longer paragraphs are never one.
_MAX_HEADING_CHARS = 40
_CARD_START_LABELS = tuple(squash(x) for x in HEADER_LABELS["title"] + HEADER_LABELS["number"])
_CARD_START_FIRSTS = frozenset(label[0] for label in _CARD_START_LABELS)


@dataclass
class Section:
    key: str
    heading: str
    heading_block: Paragraph
    blocks: list[Block] = field(default_factory=list)


@dataclass
class CardLayout:
    kind: Paragraph | None = None
    header: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    dropped: list[Paragraph] = field(default_factory=list)

    def section(self, key: str) -> list[Section]:
        return [s for s in self.sections if s.key == key]


def block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.full_text
    return "\n".join(cell.text for cell in block.cells if cell.text)


def is_page_number(block: Block) -> bool:
    return (isinstance(block, Paragraph) and block.text.rstrip()[-1:] in _PAGE_NUMBER_ENDS
            and bool(_PAGE_NUMBER.match(block.full_text)))


def kind_text(block: Block) -> str | None:
    """The kind line's text when ``block`` is one (also a one-cell title table)."""
    if isinstance(block, Table):
        if len(block.cells) != 1:
            return None
        text = block.cells[0].text.replace("\n", " ")
    elif not block.text.rstrip().endswith(_KIND_LAST_CHARS):
        return None  # the common case, told without building the full text
    else:
        text = block.full_text
    if len(text) > 2 * _MAX_KIND_CHARS or not text.rstrip().endswith(_KIND_LAST_CHARS):
        return None
    squashed = squash(text)
    if len(squashed) <= _MAX_KIND_CHARS and squashed.endswith(_KIND_SUFFIXES):
        return " ".join(text.split())
    return None


def starts_header(block: Block) -> bool:
    """Whether a block opens a header grid (공약명 / 관리번호 …)."""
    first_cell = block.cells[0].text if isinstance(block, Table) and block.cells else ""
    text = first_cell if isinstance(block, Table) else block.text
    return text.lstrip()[:1] in _CARD_START_FIRSTS and squash(text).startswith(_CARD_START_LABELS)


def section_key(block: Block) -> tuple[str, str] | None:
    """``(key, heading)`` when a block is a section heading (□ 사업개요, <기대효과> …)."""
    if not isinstance(block, Paragraph):
        return None
    text = block.text
    if block.bullet is None:
        bracketed = _BRACKETED.match(text) if text[:1] in _BRACKET_OPENS else None
        if bracketed:
            text = bracketed.group(1)
        if len(text) > _MAX_HEADING_CHARS:
            return None
    elif BULLET_LEVELS.get(block.bullet) != 0:
        return None
    if text.lstrip()[:1] in _HEADING_FIRSTS:  # else no heading can match: told without squashing
        squashed = squash(text)
        key = _HEADING_KEYS.get(squashed)
        if key is not None:
            return key, text
        if block.bullet is not None:
            for heading, key in _HEADING_KEYS.items():
                if squashed.startswith(heading):
                    return key, text
    if block.bullet is not None:
        return "unknown", text
    return None


def split_cards(document: Document) -> list[CardLayout]:
    """The cards of a document, each laid out in its parts; none when it holds no card."""
    cards: list[CardLayout] = []
    current: CardLayout | None = None
    blocks = [b for b in document.blocks if not is_page_number(b)]
    for index, block in enumerate(blocks):
        kind = kind_text(block)
        if kind is not None:
            if current is not None and _is_running_header(kind, current, blocks[index + 1:]):
                current.dropped.append(_as_paragraph(block))
                continue
            current = CardLayout(kind=_as_paragraph(block))
            cards.append(current)
            continue
        if current is None or (current.sections and starts_header(block) and current.header):
            if not starts_header(block):
                continue
            current = CardLayout()
            cards.append(current)
        _place(current, block)
    return [card for card in cards if _is_card(card)]


def _as_paragraph(block: Block) -> Paragraph:
    if isinstance(block, Paragraph):
        return block
    return Paragraph(text=block_text(block).replace("\n", " "), provenance=block.provenance)


def _is_running_header(kind: str, current: CardLayout, following: list[Block]) -> bool:
    if current.kind is None or squash(current.kind.text) != squash(kind):
        return False
    if not (current.header or current.sections):
        return False
    upcoming = next((b for b in following if not kind_text(b)), None)
    return upcoming is None or not starts_header(upcoming)


def _place(card: CardLayout, block: Block) -> None:
    heading = section_key(block)
    if heading is not None and isinstance(block, Paragraph):
        card.sections.append(Section(key=heading[0], heading=heading[1], heading_block=block))
    elif card.sections:
        card.sections[-1].blocks.append(block)
    else:
        card.header.append(block)


def _is_card(card: CardLayout) -> bool:
    if card.kind is not None:
        return bool(card.header or card.sections)
    return bool(card.header) and any(s.key != "unknown" for s in card.sections)

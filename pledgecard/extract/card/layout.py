"""A document into cards, and a card into its parts: kind line, header grid, sections.

Format-agnostic: it sees only paragraphs and tables. A card starts where a header grid
starts (공약명 / 관리번호 …), never at a kind line alone: a kind line repeated as a running
header at each page break (``2025년 1분기 도지사 공약사업 관리카드``) and page numbers
(``- 3 -``, ``3 / 12``) start nothing and are kept as dropped page furniture. Text before the
first card belongs to the first card (it is never dropped). Section headings are known by
their words (:mod:`pledgecard.extract.card.headings`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pledgecard.extract.card.headings import Heading, find_heading, heading_marker, is_item_like, marked_heading
from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.card.shapes import Shape, heading_shape, shape_of, shaped_heading
from pledgecard.extract.document import Block, Document, Paragraph, Table
from pledgecard.normalize.text import squash
from pledgecard.vocab import AS_OF_WORDS, HALF_WORDS, LOST_GLYPHS

#: What a page number's last character can be (the pattern above ends in a digit, a dash, 쪽 or 지).
_PAGE_NUMBER_ENDS = frozenset("0123456789-–—쪽지")
#: A running header's date before the kind line: 2025년 1분기, [’25. 2분기], (2025. 3월).
_LEADING_DATE = regex.compile(
    r"^\s*[\[(〔【]?\s*(?:(?:\d{4}|[’‘`'´]\d{2})\s*[년.]?\s*)?(?:\d\s*/\s*4\s*분기|\d\s*분기|[상하]반기|\d{1,2}\s*월)?"
    r"\s*(?:기준|현재)?\s*[\])〕】]?\s*")
#: What a part's body may open with besides a bullet: a bracketed block heading (《… 기준》),
#: or a line that states an as-of date (기준, 현재, 상반기).
_BLOCK_OPENS = frozenset("《≪〈<[【(")
#: Words of a line that states an as-of date: 기준, 현재, or a half year (2025년 상반기).
_AS_OF_CUES = (*AS_OF_WORDS, *HALF_WORDS)

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
    #: The kind line as written, without a running header's date.
    kind_text: str | None = None
    #: Opened by a kind line whose header grid is still to come.
    kind_only: bool = False

    def section(self, key: str) -> list[Section]:
        return [s for s in self.sections if s.key == key]


def block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.full_text
    return "\n".join(cell.text for cell in block.cells if cell.text)


def is_page_number(block: Block, settings: ParserSettings = DEFAULT) -> bool:
    return (isinstance(block, Paragraph) and block.text.rstrip()[-1:] in _PAGE_NUMBER_ENDS
            and bool(settings.page_number.match(block.full_text)))


def kind_text(block: Block, settings: ParserSettings = DEFAULT) -> str | None:
    """The kind line's text when ``block`` is one (also a one-cell title table), without a
    running header's date before it."""
    suffixes = settings.kind_suffixes
    last_chars = settings.kind_last_chars
    if isinstance(block, Table):
        if len(block.cells) != 1:
            return None
        text = block.cells[0].text.replace("\n", " ")
    elif not block.text.rstrip().endswith(last_chars):
        return None  # the common case, told without building the full text
    else:
        text = block.full_text
    limit = settings.max_kind_chars
    if len(text) > 2 * limit or not text.rstrip().endswith(last_chars):
        return None
    if text.lstrip()[:1].isdigit() or text.lstrip()[:1] in "[(〔【’‘`'´":
        text = _LEADING_DATE.sub("", text, count=1)
    squashed = squash(text)
    if 0 < len(squashed) <= limit and squashed.endswith(suffixes):
        return " ".join(text.split())
    return None


def starts_header(block: Block, settings: ParserSettings = DEFAULT) -> bool:
    """Whether a block opens a header grid: a title or number label that only header grids use
    (공약명, 관리번호 …), followed by its value, not by another column label."""
    starts = settings.card_starts
    if isinstance(block, Table):
        if not block.cells or not any(squash(c.text).startswith(starts) for c in block.cells[:2]):
            return False  # told by the first cells without building the grid
        grid = block.grid()
        first_row = [c for c in grid[0] if c is not None] if grid else []
        if not first_row or not squash(first_row[0].text).startswith(starts):
            return False
        label = squash(first_row[0].text)
        if label not in starts:
            return True  # label and value in one cell: 공약명 : …
        following = next((c for c in first_row[1:] if c is not first_row[0]), None)
        return following is None or squash(following.text) not in settings.label_keys
    text = block.text
    firsts = settings.card_start_firsts
    if firsts is not None and text.lstrip()[:1] not in firsts:
        return False  # the common case, told by the first letter
    return squash(text).startswith(starts)



@dataclass
class _Splitter:
    settings: ParserSettings
    cards: list[CardLayout] = field(default_factory=list)
    current: CardLayout | None = None
    before_first: list[Block] = field(default_factory=list)
    furniture: list[Paragraph] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    #: Whether the card writes its unambiguous headings with no marker.
    markerless: bool = False
    #: Each paragraph's heading read without context (by ``id``), from the families pass.
    headings: dict[int, Heading | None] = field(default_factory=dict)
    #: Each short paragraph's marker family and words (by ``id``), read once in that pass.
    markers: dict[int, tuple[str, str] | None] = field(default_factory=dict)
    #: The one shape of the known headings where only it tells a heading of other words
    #: (no marker; a lost glyph on items too): :mod:`pledgecard.extract.card.shapes`.
    shape: Shape | None = None


def split_cards(document: Document, settings: ParserSettings = DEFAULT) -> list[CardLayout]:
    """The cards of a document, each laid out in its parts; none when it holds no card."""
    state = _Splitter(settings)
    blocks = []
    for block in document.blocks:
        if is_page_number(block, settings):
            state.furniture.append(_as_paragraph(block))
        else:
            blocks.append(block)
    state.families, state.shape = _heading_families(blocks, settings, state.headings, state.markers)
    state.markerless = "none" in state.families
    for index, block in enumerate(blocks):
        kind = kind_text(block, settings)
        if kind is not None:
            _kind_line(state, block, kind, blocks[index + 1: index + 1 + settings.kind_lookahead])
            continue
        current = state.current
        if starts_header(block, settings) and (current is None or current.sections or current.kind_only):
            if current is not None and current.kind_only:
                current.kind_only = False
            else:
                _open(state)
        elif state.current is None:
            state.before_first.append(block)
            continue
        _place(state, block, blocks[index + 1] if index + 1 < len(blocks) else None)
    cards = [card for card in state.cards if _is_card(card)]
    if cards:
        cards[0].header[:0] = state.before_first
        cards[0].dropped.extend(state.furniture)
    return cards


def _heading_families(blocks: list[Block], settings: ParserSettings, headings: dict[int, Heading | None],
                      markers: dict[int, tuple[str, str] | None]) -> tuple[set[str], Shape | None]:
    """The marker families the document's known headings use (□, Ⅰ., 1., 가. …), and their
    one shape where only it tells a heading (:func:`~.shapes.heading_shape`). A lost glyph
    counts as a family only where no line it marks reads as an item (a card whose bullets were
    lost too marks items and headings alike, and only the words, or the spaces after the glyph,
    tell them apart). Each paragraph's heading, read without context, is kept in ``headings``,
    and its marker in ``markers``."""
    families: set[str] = set()
    shapes: list[Shape] = []
    lost_items = False
    item_shapes: set[Shape] = set()  # of the lines a lost glyph marks that read as items, or are long
    limit = settings.max_heading_chars
    for block in blocks:
        if isinstance(block, Paragraph):
            marker = markers[id(block)] = heading_marker(block) if len(block.text) <= limit else None
            heading = headings[id(block)] = find_heading(block, settings, marker=marker)
            if heading is not None and heading.key != "unknown":
                families.add(heading.family)
                shapes.append(shape_of(block, heading.family))
            elif block.bullet in LOST_GLYPHS and (marker is None or is_item_like(block)):
                lost_items = lost_items or is_item_like(block)
                item_shapes.add(shape_of(block, "lost"))
    return (families - {"lost"} if lost_items else families), heading_shape(shapes, item_shapes)


def _open(state: _Splitter, kind: Paragraph | None = None, text: str | None = None) -> CardLayout:
    """A new card, opened by its kind line (``text``: the kind as read) or by its header grid."""
    card = CardLayout(kind=kind, kind_text=text)
    state.cards.append(card)
    state.current = card
    return card


def _kind_line(state: _Splitter, block: Block, kind: str, following: list[Block]) -> None:
    """A kind line opens a card when a header grid follows it (or when no card is open yet);
    inside a card it is a running header: dropped page furniture."""
    settings = state.settings
    header_follows = any(starts_header(b, settings) for b in following
                         if kind_text(b, settings) is None)
    current = state.current
    if current is None or (header_follows and (current.sections or current.header)):
        card = _open(state, _as_paragraph(block), kind)
        card.kind_only = header_follows
        return
    if current.kind is None and not current.header and not current.sections:
        current.kind = _as_paragraph(block)
        current.kind_text = kind
        return
    current.dropped.append(_as_paragraph(block))


def _as_paragraph(block: Block) -> Paragraph:
    if isinstance(block, Paragraph):
        return block
    return Paragraph(text=block_text(block).replace("\n", " "), provenance=block.provenance)


def _place(state: _Splitter, block: Block, following: Block | None) -> None:
    card = state.current
    assert card is not None
    heading = _heading(block, card, state, following)
    if heading is not None and isinstance(block, Paragraph):
        card.sections.append(Section(key=heading.key, heading=heading.text, heading_block=block))
    elif card.sections:
        card.sections[-1].blocks.append(block)
    else:
        card.header.append(block)


def _heading(block: Block, card: CardLayout, state: _Splitter, following: Block | None) -> Heading | None:
    if not isinstance(block, Paragraph):
        return None
    heading = state.headings.get(id(block))
    if heading is not None:
        return heading
    # a paragraph that is no heading read alone: its marker (None for a line too long to be
    # one) decides which other reading may make it one, told at once for the others
    marker = state.markers.get(id(block))
    if marker is None:
        return None
    settings = state.settings
    if marker[0] == "none" and squash(block.text) in settings.ambiguous_headings:
        # context decides only a bare word that also heads table columns (추진실적)
        current = card.sections[-1].key if card.sections else None
        body_follows = isinstance(following, Paragraph) and (
            following.bullet is not None or following.text.lstrip()[:1] in _BLOCK_OPENS
            or any(word in following.text for word in _AS_OF_CUES))
        heading = find_heading(block, state.settings, current, state.markerless, body_follows)
    if heading is None and marker[0] in state.families:
        heading = marked_heading(block, state.families, state.settings, marker)
    if heading is None and state.shape is not None and card.sections and marker[0] == state.shape.family:
        heading = shaped_heading(block, marker, state.shape, card.sections[-1].blocks, following, settings)
    return heading


def _is_card(card: CardLayout) -> bool:
    if card.kind is not None:
        return bool(card.header or card.sections)
    return bool(card.header) and any(s.key != "unknown" for s in card.sections)

"""Section records into blocks: paragraphs, tables (cells with spans, nested tables), text boxes.

A paragraph is a PARA_HEADER whose children are its PARA_TEXT and one CTRL_HEADER per
extended control in the text, in order. A table control holds a TABLE record (rows,
cols), then one LIST_HEADER per cell followed by the cell's paragraphs at the same level.
Drawing objects (``gso ``) keep their text boxes' paragraphs; headers, footers, notes,
hidden comments and master pages stay out of the body flow.

A paragraph whose shape has an automatic number (문단 번호, or 개요 번호 through the
numbering the section definition ``secd`` names) starts with that number; the counters
run across sections in document order, as in the HWPX reader.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from pledgecard.extract.base import ReadError
from pledgecard.extract.bullets import clean_text, line_bullet, map_line_glyph
from pledgecard.extract.document import Block, Cell, Paragraph, Table, cell, paragraph, provenance
from pledgecard.extract.hwp.docinfo import HEAD_NUMBER, HEAD_OUTLINE, DocInfo
from pledgecard.extract.hwp.paratext import Control, decode_para_text
from pledgecard.extract.hwp.records import (
    TAG_CTRL_HEADER,
    TAG_LIST_HEADER,
    TAG_PARA_HEADER,
    TAG_PARA_TEXT,
    TAG_TABLE,
    Records,
    u16,
)
from pledgecard.extract.numbering import Numbering
from pledgecard.models import Provenance

CHID_TABLE = b" lbt"  # 'tbl ' as stored (little-endian)
CHID_DRAWING = b" osg"  # 'gso '
CHID_SECTION = b"dces"  # 'secd'
#: Offset of the outline numbering id in a ``secd`` control header (after the ctrl id).
SECTION_NUMBERING_AT = 18
#: Deepest nesting of tables and text boxes accepted.
MAX_NESTING = 32
#: Most grid positions a table may declare.
MAX_TABLE_CELLS = 200_000
_U16 = struct.Struct("<H")
#: A cell's LIST_HEADER from byte 8: column, row, column span, row span.
_CELL_ADDRESS = struct.Struct("<4H")


@dataclass
class Context:
    """Where the blocks being built come from (never changed once made)."""

    section: int
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    _provenance: Provenance | None = field(default=None, repr=False, compare=False)

    def provenance(self) -> Provenance:
        if self._provenance is None:  # every line of a cell comes from the same place
            self._provenance = provenance(section=self.section, paragraph=self.paragraph, table=self.table,
                                          row=self.row, col=self.col)
        return self._provenance


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a paragraph shape gives its paragraphs: bullet, depth, and its automatic number's
    numbering (by id) and level, or ``None`` without one; ``outline``: the outline level or None."""

    bullet: str | None
    depth: int
    numbering: str | None
    level: int
    outline: int | None


class SectionWalker:
    """Walks one section's records; ``tables`` counts tables across the document.

    ``numbering`` holds the paragraph number counters shared by every section (a fresh
    set when none is given); ``outline`` is the numbering id of outline paragraphs when
    the section does not name one.
    """

    def __init__(self, records: Records, info: DocInfo, section: int, first_table: int = 0,
                 numbering: Numbering | None = None, outline: str = "1") -> None:
        self.records = records
        self.info = info
        self.section = section
        self.tables = first_table
        self.nesting = 0
        self.numbering = numbering if numbering is not None else Numbering(info.numberings)
        self.outline = _outline_ref(records) or outline
        self._shapes: dict[int | None, _Shape] = {}

    def blocks(self) -> list[Block]:
        """The section's top-level blocks in reading order."""
        records = self.records
        tags, levels = records.tags, records.levels
        blocks: list[Block] = []
        number = 0
        i = 0
        n = len(records)
        while i < n:
            end = records.subtree_end(i)
            if tags[i] == TAG_PARA_HEADER and levels[i] == 0:
                blocks.extend(self.paragraph(i, end, Context(self.section, paragraph=number)))
                number += 1
            i = end
        return blocks

    def paragraph_list(self, i: int, level: int, context: Context) -> tuple[list[Block], int]:
        """The consecutive paragraphs at ``level`` from ``i``, and the index after them."""
        records = self.records
        tags, levels = records.tags, records.levels
        blocks: list[Block] = []
        n = len(records)
        while i < n and tags[i] == TAG_PARA_HEADER and levels[i] == level:
            end = records.subtree_end(i)
            blocks.extend(self.paragraph(i, end, context))
            i = end
        return blocks, i

    def paragraph(self, i: int, end: int, context: Context) -> list[Block]:
        """One paragraph's blocks: its text lines, split where a table or text box sits."""
        records = self.records
        tags, levels = records.tags, records.levels
        start = records.starts[i]
        shape_id = _U16.unpack_from(records.data, start + 8)[0] if records.ends[i] - start >= 10 else None
        subtree_ends = records.subtree_ends
        child = levels[i] + 1
        text_at: int | None = None
        controls: list[int] = []
        j = i + 1
        while j < end:  # the children; a record's subtree is skipped whole
            if levels[j] == child:
                if tags[j] == TAG_PARA_TEXT and text_at is None:
                    text_at = j
                elif tags[j] == TAG_CTRL_HEADER:
                    controls.append(j)
            j = subtree_ends[j]
        pieces = decode_para_text(records.payload(text_at)) if text_at is not None else []
        shape = self._shapes.get(shape_id) or self._shape(shape_id)
        number = self.numbering.next(shape.numbering, shape.level) if shape.numbering is not None else None
        line = _Lines(shape.bullet, shape.depth, context, number, shape.outline)
        blocks: list[Block] = []
        pending = iter(controls)
        for piece in pieces:
            if isinstance(piece, Control):
                at = next(pending, None)
                inner = self.control(at, context) if at is not None else []
                if inner:
                    blocks.extend(line.flush())
                    blocks.extend(inner)
            else:
                line.add(piece)
        blocks.extend(line.flush())
        for at in pending:  # controls the text did not mark
            blocks.extend(self.control(at, context))
        return blocks

    def _shape(self, shape_id: int | None) -> _Shape:
        """What the paragraph shape ``shape_id`` gives (read once per shape): its bullet, its
        depth, the numbering its automatic number counts in (문단 번호 by its own id, 개요 번호 by
        the section's outline numbering) and its outline level (개요 1 = 1)."""
        info = self.info
        shape = info.shape(shape_id)
        numbering = (str(shape.head_id) if shape.head == HEAD_NUMBER
                     else self.outline if shape.head == HEAD_OUTLINE else None)
        outline = shape.level + 1 if shape.head == HEAD_OUTLINE else None
        found = self._shapes[shape_id] = _Shape(info.bullet_of(shape_id), info.depth_of(shape_id), numbering,
                                                shape.level, outline)
        return found

    def control(self, i: int, context: Context) -> list[Block]:
        """The blocks of one control: a table, or a drawing object's text boxes; else nothing."""
        chid = self.records.payload(i)[:4]
        if chid == CHID_TABLE:
            return self.table(i, context)
        if chid == CHID_DRAWING:
            return self.text_boxes(i, context)
        return []

    def _enter(self, what: str) -> None:
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise ReadError(f"{what} nested too deeply (more than {MAX_NESTING} levels in {self.records.stream})")

    def text_boxes(self, i: int, context: Context) -> list[Block]:
        """Paragraphs of every paragraph list (text box, caption) inside a drawing object."""
        records = self.records
        tags, levels = records.tags, records.levels
        end = records.subtree_end(i)
        blocks: list[Block] = []
        self._enter("drawing objects")
        j = i + 1
        while j < end:
            if tags[j] == TAG_LIST_HEADER:
                inner, j = self.paragraph_list(j + 1, levels[j], context)
                blocks.extend(inner)
            else:
                j += 1
        self.nesting -= 1
        return blocks

    def table(self, i: int, context: Context) -> list[Block]:
        """The caption paragraphs (if any) and the table of a ``tbl `` control."""
        records = self.records
        stream = records.stream
        tags, levels = records.tags, records.levels
        end = records.subtree_end(i)
        child = levels[i] + 1
        index = self.tables
        self.tables += 1
        self._enter("tables")
        caption: list[Block] = []
        cells: list[Cell] = []
        shape: tuple[int, int] | None = None
        j = i + 1
        while j < end:
            tag = tags[j]
            if levels[j] != child:
                j += 1
            elif tag == TAG_TABLE:
                payload = records.payload(j)
                if len(payload) < 8:
                    raise ReadError(f"malformed table record in {stream}")
                shape = (u16(payload, 4), u16(payload, 6))
                j = records.subtree_end(j)
            elif tag == TAG_LIST_HEADER and shape is None:
                inner, j = self.paragraph_list(j + 1, child, context)
                caption.extend(inner)
            elif tag == TAG_LIST_HEADER:
                cell, j = self.cell(j, child, context, index)
                cells.append(cell)
            else:
                j = records.subtree_end(j)
        self.nesting -= 1
        if shape is None:
            raise ReadError(f"table without a TABLE record in {stream}")
        rows = max([shape[0], *(c.row + 1 for c in cells)])
        cols = max([shape[1], *(c.col + 1 for c in cells)])
        if rows * cols > MAX_TABLE_CELLS:
            raise ReadError(f"table of {rows} x {cols} cells is too large in {stream}")
        provenance = Provenance(section=context.section, paragraph=context.paragraph, table=index)
        return [*caption, Table(rows=rows, cols=cols, cells=cells, provenance=provenance)]

    def cell(self, i: int, level: int, context: Context, table: int) -> tuple[Cell, int]:
        """One cell from its LIST_HEADER at ``i`` and the paragraphs after it."""
        records = self.records
        start = records.starts[i]
        if records.ends[i] - start < 16:
            raise ReadError(f"malformed table cell in {records.stream}")
        col, row, colspan, rowspan = _CELL_ADDRESS.unpack_from(records.data, start + 8)
        inner_context = Context(context.section, context.paragraph, table, row, col)
        inner, end = self.paragraph_list(i + 1, level, inner_context)
        paragraphs = [b for b in inner if isinstance(b, Paragraph)]
        tables = [b for b in inner if isinstance(b, Table)]
        built = cell(row, col, "\n".join(p.full_text for p in paragraphs), paragraphs, inner_context.provenance(),
                     rowspan=max(rowspan, 1), colspan=max(colspan, 1), tables=tables)
        return built, end


class _Lines:
    """Text of one paragraph gathered until a table or text box splits it; one Paragraph per line.

    The automatic bullet, or else the automatic number, goes to the first line; the outline
    level, to every line (each is a line of the outline paragraph).
    """

    def __init__(self, bullet: str | None, depth: int, context: Context, number: str | None = None,
                 outline: int | None = None) -> None:
        self.bullet = map_line_glyph(bullet) if bullet else None
        self.number = None if self.bullet else number
        self.depth = depth
        self.outline = outline
        self.context = context
        self.parts: list[str] = []

    def add(self, text: str) -> None:
        self.parts.append(text)

    def flush(self) -> list[Block]:
        if not self.parts:
            return []
        text = clean_text("".join(self.parts))
        self.parts = []
        out: list[Block] = []
        for line in text.split("\n"):
            if not line.strip():
                continue
            bullet: str | None
            if self.bullet:
                bullet, body = self.bullet, line.strip()
                self.bullet = None
            elif self.number:
                bullet, body = line_bullet(f"{self.number} {line.strip()}")
                self.number = None
            else:
                bullet, body = line_bullet(line)
            out.append(paragraph(body, bullet, self.depth, self.context.provenance(), self.outline))
        return out


def _outline_ref(records: Records) -> str | None:
    """The numbering id (1-based, as a string) a section's outline paragraphs use, from its ``secd``.

    Only the section's first paragraph is looked at, where Hangul puts the definition.
    """
    tags, levels = records.tags, records.levels
    if not tags or tags[0] != TAG_PARA_HEADER:
        return None
    for j in range(1, records.subtree_end(0)):
        if tags[j] == TAG_CTRL_HEADER and levels[j] == levels[0] + 1:
            payload = records.payload(j)
            if payload[:4] == CHID_SECTION and len(payload) >= SECTION_NUMBERING_AT + 2:
                return str(u16(payload, SECTION_NUMBERING_AT))
    return None

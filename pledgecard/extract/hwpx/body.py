"""Section XML into blocks: paragraphs, tables with their cells, text-box paragraphs.

``hs:sec`` holds ``hp:p`` paragraphs; a paragraph holds ``hp:run``s whose ``hp:t``
carry its text and whose objects (``hp:tbl``, drawing objects with an
``hp:drawText``, pictures with a caption) carry more paragraphs. A paragraph yields
its text up to an object, the object's blocks, then the text after it (as the HWP
reader does); its automatic bullet or number goes to its first piece of text, and
each line (``hp:lineBreak``) is a Paragraph of its own. A table's cell (``hp:tc``)
holds a ``hp:subList`` of paragraphs: their text goes to ``Cell.paragraphs`` and the
tables among them to ``Cell.tables`` (nested tables stay inside their cell). Controls
(``hp:ctrl``: header, footer, footnote, endnote, hidden comment, fields) are left
out of the flow; only an automatic number (``hp:autoNum``, as in 표 3) is kept as text.

Provenance: ``section`` (index in reading order), ``paragraph`` (index of the
top-level ``hp:p`` in its section, the one a table or text box hangs from), ``table``
(every table, nested ones too, numbered in document order) and the cell's ``row``/``col``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from pledgecard.extract.base import ReadError
from pledgecard.extract.bullets import clean_text, line_bullet
from pledgecard.extract.document import Block, Cell, Paragraph, Table, at_cell, cell, paragraph, provenance
from pledgecard.extract.hwpx.safexml import children, int_attr, local
from pledgecard.extract.hwpx.styles import PLAIN, ParaStyle, Styles
from pledgecard.extract.numbering import Numbering
from pledgecard.models import Provenance

#: Deepest recursion through objects, text boxes and nested tables.
MAX_NESTING = 120
#: Largest grid (rows x cols) a table may declare.
MAX_GRID_CELLS = 1_000_000
#: Inline elements of ``hp:t`` and the text they stand for. A line break ends a line: each
#: line becomes a Paragraph of its own, as in the HWP reader and in Hangul's text export.
_INLINE_TEXT: dict[str, str] = {"tab": " ", "lineBreak": "\n", "fwSpace": " ", "nbSpace": " ", "hyphen": "-"}
#: Objects whose content is not body text (page furniture, notes, alternative text, scripts).
_SKIPPED = frozenset({
    "secPr", "ctrl", "header", "footer", "footNote", "endNote", "hiddenComment", "linesegarray",
    "shapeComment", "equation", "script", "parameterset", "masterPage",
})


def t_text(t: Element) -> str:
    """The text of an ``hp:t``: its characters, a tab as a space, a line break as ``\\n``."""
    if len(t) == 0:
        return t.text or ""
    parts = [t.text or ""]
    for child in t:
        parts.append(_INLINE_TEXT.get(local(child.tag), ""))
        parts.append(child.tail or "")
    return "".join(parts)


class SectionReader:
    """Reads the sections of one document; table indices and numbering run across sections."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.numbering = Numbering(styles.numberings)
        self.tables = 0
        self.part = ""
        self._outline = "1"
        self._kids: Callable[[Element], Iterable[Element]] = children

    def read(self, root: Element, section: int, part: str, has_switch: bool = True) -> list[Block]:
        """The blocks of one section; without ``hp:switch`` in the part, children are read directly."""
        self.part = part
        self._kids = children if has_switch else iter
        self._outline = _outline_ref(root) or self._outline
        blocks: list[Block] = []
        index = 0
        for element in self._kids(root):
            if local(element.tag) != "p":
                continue
            where = provenance(section=section, paragraph=index)
            blocks.extend(self.paragraph(element, where, 0))
            index += 1
        return blocks

    # ------------------------------------------------------------------ paragraphs
    def paragraph(self, p: Element, where: Provenance, nesting: int) -> list[Block]:
        """A paragraph's blocks in order: its text, split where a table or text box sits, and those."""
        if nesting > MAX_NESTING:
            raise ReadError(f"objects nested too deeply (over {MAX_NESTING} levels) in {self.part}")
        style = self.styles.para(p.get("paraPrIDRef"))
        head = self._heading(style)
        blocks: list[Block] = []
        texts: list[str] = []
        for run in self._kids(p):
            if local(run.tag) != "run":
                continue
            for item in self._kids(run):
                name = local(item.tag)
                if name == "t":
                    texts.append(t_text(item))
                elif name == "ctrl":
                    texts.extend(c.get("num", "") for c in self._kids(item) if local(c.tag) == "autoNum")
                elif name == "dutmal":
                    main = self._first(item, "mainText")
                    texts.append((main.text or "") if main is not None else "")
                elif name == "compose":
                    texts.append(item.get("composeText", ""))
                elif name not in _SKIPPED:
                    inner = self.object(item, where, nesting + 1)
                    if inner:
                        lines = _text_paragraphs(texts, head, style, where)
                        if lines:
                            blocks.extend(lines)
                            head = None
                        texts = []
                        blocks.extend(inner)
        blocks.extend(_text_paragraphs(texts, head, style, where))
        return blocks

    def _heading(self, style: ParaStyle) -> _Heading | None:
        """The automatic bullet or number a paragraph of this style starts with (numbers advance)."""
        if style.heading == "bullet":
            glyph = self.styles.bullets.get(style.ref)
            return _Heading(bullet=glyph) if glyph else None
        if style.heading == "number":
            number = self.numbering.next(style.ref, style.level)
        elif style.heading == "outline":
            number = self.numbering.next(self._outline, style.level)
        else:
            return None
        return _Heading(number=number) if number else None

    def sublist(self, sublist: Element, where: Provenance, nesting: int) -> list[Block]:
        blocks: list[Block] = []
        for p in self._kids(sublist):
            if local(p.tag) == "p":
                blocks.extend(self.paragraph(p, where, nesting + 1))
        return blocks

    def _first(self, element: Element, name: str) -> Element | None:
        return next((child for child in self._kids(element) if local(child.tag) == name), None)

    # ------------------------------------------------------------------ objects
    def object(self, element: Element, where: Provenance, nesting: int) -> list[Block]:
        """Blocks inside a run object: a table, text-box and caption paragraphs, grouped shapes."""
        if nesting > MAX_NESTING:
            raise ReadError(f"objects nested too deeply (over {MAX_NESTING} levels) in {self.part}")
        name = local(element.tag)
        if name == "tbl":
            return self.table(element, where, nesting)
        if name == "subList":
            return self.sublist(element, where, nesting)
        if name == "p":
            return self.paragraph(element, where, nesting)
        if name == "textart":
            return list(_text_paragraphs([element.get("text", "")], None, PLAIN, where))
        blocks: list[Block] = []
        for child in self._kids(element):
            if local(child.tag) not in _SKIPPED:
                blocks.extend(self.object(child, where, nesting + 1))
        return blocks

    def table(self, tbl: Element, where: Provenance, nesting: int) -> list[Block]:
        """The table, with its caption's paragraphs before (top/left caption) or after it."""
        index = self.tables
        self.tables += 1
        at = provenance(where.line, where.page, where.section, where.paragraph, index)
        caption = self._first(tbl, "caption")
        before = caption is not None and caption.get("side", "BOTTOM") in ("TOP", "LEFT")
        caption_blocks = self.object(caption, where, nesting + 1) if caption is not None and before else []
        cells: list[Cell] = []
        for r, tr in enumerate(row for row in self._kids(tbl) if local(row.tag) == "tr"):
            next_col = 0
            for tc in self._kids(tr):
                if local(tc.tag) == "tc":
                    cell = self.cell(tc, at, r, next_col, nesting)
                    cells.append(cell)
                    next_col = cell.col + cell.colspan
        if caption is not None and not before:
            caption_blocks = self.object(caption, where, nesting + 1)
        built = self._sized(tbl, cells, at)
        return [*caption_blocks, built] if before else [built, *caption_blocks]

    def _sized(self, tbl: Element, cells: list[Cell], at: Provenance) -> Table:
        """The table with rows/cols from ``rowCnt``/``colCnt``, grown to hold every cell."""
        rows = max(0, int_attr(tbl, "rowCnt", 0))
        cols = max(0, int_attr(tbl, "colCnt", 0))
        if rows and cols:
            for cell in cells:
                if cell.row < rows and cell.row + cell.rowspan > rows:
                    cell.rowspan = rows - cell.row
                if cell.col < cols and cell.col + cell.colspan > cols:
                    cell.colspan = cols - cell.col
        rows = max([rows, *(c.row + c.rowspan for c in cells)])
        cols = max([cols, *(c.col + c.colspan for c in cells)])
        if rows * cols > MAX_GRID_CELLS:
            raise ReadError(f"table too large ({rows} x {cols} cells) in {self.part}")
        return Table(rows=rows, cols=cols, cells=cells, provenance=at)

    def cell(self, tc: Element, at: Provenance, tr_index: int, next_col: int, nesting: int) -> Cell:
        address = span = None
        sublists: list[Element] = []
        for child in self._kids(tc):
            name = local(child.tag)
            if name == "cellAddr":
                address = child
            elif name == "cellSpan":
                span = child
            elif name == "subList":
                sublists.append(child)
        row = max(0, int_attr(address, "rowAddr", tr_index))
        col = max(0, int_attr(address, "colAddr", next_col))
        rowspan = max(1, int_attr(span, "rowSpan", 1))
        colspan = max(1, int_attr(span, "colSpan", 1))
        where = at_cell(at, row, col)
        blocks: list[Block] = []
        for sublist in sublists:
            blocks.extend(self.sublist(sublist, where, nesting + 1))
        paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
        tables = [b for b in blocks if isinstance(b, Table)]
        return cell(row, col, "\n".join(p.full_text for p in paragraphs), paragraphs, where,
                    rowspan=rowspan, colspan=colspan, tables=tables)


@dataclass(frozen=True)
class _Heading:
    bullet: str | None = None
    number: str | None = None


def _text_paragraphs(texts: list[str], head: _Heading | None, style: ParaStyle,
                     where: Provenance) -> list[Paragraph]:
    """One Paragraph per non-blank line of the text pieces; the first one gets the bullet or number,
    every one the style's depth and outline level."""
    depth, outline = style.depth, style.outline
    out: list[Paragraph] = []
    for line in clean_text("".join(texts)).split("\n"):
        text = line.strip()
        if not text:
            continue
        if head is not None and head.bullet:
            out.append(paragraph(text, head.bullet, depth, where, outline))
        else:
            if head is not None and head.number:
                text = f"{head.number} {text}"
            bullet, body = line_bullet(text)
            out.append(paragraph(body, bullet, depth, where, outline))
        head = None
    return out



def _outline_ref(root: Element) -> str | None:
    """The numbering a section's outline paragraphs use (``hp:secPr outlineShapeIDRef``)."""
    for p in children(root):
        for run in children(p):
            for item in children(run):
                if local(item.tag) == "secPr":
                    return item.get("outlineShapeIDRef")
        return None
    return None

"""The renderer's blocks written as HWP, HWPX and PDF, each by more than one producer.

- ``hwp-converter-ai``: HWP 5 and HWPX with real tables and merged cells.
- ``python-hwpx``: HWPX (tables with ``merge_cells``); it writes no HWP 5.
- ``hwp-ingest``: PDF from an HWPX (the way archives hold cards printed from Hangul).
- ``libreoffice``: PDF from a DOCX with real ruled tables (``python-docx``), converted by
  ``soffice --headless --convert-to pdf``.

Paragraph text is the text renderer's (heading markers, bullets, as-of wording, units);
tables are real grids, so the style's table drawing does not apply; page furniture is
left to the page (a break, no repeated header text). The generators are needed only to
rebuild committed fixtures (``pip install -e ".[fixtures]"``, Debian ``libreoffice``,
``librsvg2-bin``, ``fonts-nanum``); the tests never import this module.
"""

from __future__ import annotations

import math
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from pledgecard.models import Card

from .document import Block, Grid, GridCell, Line, PageBreak
from .layout import layout
from .style import Style
from .text import line_text, paginate

#: hwp-ingest leaves U+00B7 out of the PDF text layer; the Hangul interpunct ㆍ survives, and
#: the readers unify interpuncts to U+00B7 again.
RENDERABLE = str.maketrans({"\u00b7": "\u318d"})
#: Text width of the HWPX template's page (A4 less 30 mm margins), in points.
PAGE_WIDTH_PT = 425.0
WIDE_PT, NARROW_PT = 10.0, 5.6
LINE_PT, CELL_PADDING_PT = 16.0, 8.0
MAX_TABLE_PT = 600.0
MIN_COLUMN_PT = 72.0


def blocks_of(cards: list[Card], style: Style) -> list[Block]:
    """The cards' blocks, one card after another on a new page; a 목표달성 table cut into one
    table per year, each on its own page (the PDF renderers do not break tables)."""
    out: list[Block] = []
    for i, card in enumerate(cards):
        if i:
            out.append(PageBreak())
        for block in paginate(layout(card, style), card, style):
            if isinstance(block, Grid) and block.name == "achievements":
                for piece in split_by_year(bulleted(block)):
                    out += [PageBreak(), piece]
            else:
                out.append(block)
    return out


def bulleted(grid: Grid) -> Grid:
    """A 목표달성 row with several details, its target and details bulleted with ``· `` (as the
    seed does): in a printed cell a wrapped line is told from the next detail by its bullet."""
    several = {c.row for c in grid.cells if c.col == 3 and "\n" in c.text}
    cells = tuple(GridCell(c.row, c.col, "\n".join(f"· {x}" for x in c.text.split("\n")), c.rowspan, c.colspan)
                  if c.row in several and c.col in (1, 3) and not c.text.startswith("· ") else c for c in grid.cells)
    return Grid(grid.name, grid.rows, grid.cols, cells, grid.header_rows)


def split_by_year(grid: Grid) -> list[Grid]:
    """The 목표달성 grid as one grid per ``<year>`` row run, each with the header row; a
    piece taller than a page is halved again."""
    starts = [c.row for c in grid.cells if c.col == 1 and c.text.startswith("<")]
    bounds = [*starts, grid.rows] if starts else [1, grid.rows]
    pieces: list[Grid] = []
    for start, end in pairwise(bounds):
        pieces += _fitting(grid, start, end)
    return pieces


def _piece(grid: Grid, start: int, end: int) -> Grid:
    cells = [c for c in grid.cells if c.row == 0]
    for c in grid.cells:
        top, bottom = max(c.row, start), min(c.row + c.rowspan, end)
        if c.row != 0 and top < bottom:
            text = c.text if c.row >= start else ""
            cells.append(GridCell(top - start + 1, c.col, text, bottom - top, c.colspan))
    return Grid(grid.name, end - start + 1, grid.cols, tuple(cells), 1)


def _fitting(grid: Grid, start: int, end: int) -> list[Grid]:
    piece = _piece(grid, start, end)
    if end - start <= 1 or sum(row_heights(piece, column_widths(piece))) <= MAX_TABLE_PT:
        return [piece]
    middle = (start + end) // 2
    return _fitting(grid, start, middle) + _fitting(grid, middle, end)


def text_width(text: str) -> float:
    return sum(WIDE_PT if unicodedata.east_asian_width(ch) in ("W", "F") else NARROW_PT for ch in text)


def column_widths(grid: Grid) -> list[float]:
    """Room for each column's longest line; on a narrow page each column keeps up to
    ``MIN_COLUMN_PT`` and the rest goes to the columns with the most text."""
    natural = [24.0] * grid.cols
    amount = [1.0] * grid.cols
    for cell in grid.cells:
        if cell.colspan == 1:
            lines = cell.text.split("\n")
            natural[cell.col] = max(natural[cell.col], max(map(text_width, lines)) + CELL_PADDING_PT)
            amount[cell.col] += sum(map(text_width, lines))
    total = sum(natural)
    if total <= PAGE_WIDTH_PT:
        return [w * PAGE_WIDTH_PT / total for w in natural]
    base = [min(w, MIN_COLUMN_PT) for w in natural]
    weight = [(w - b) * a for w, b, a in zip(natural, base, amount, strict=True)]
    spare = PAGE_WIDTH_PT - sum(base)
    if spare <= 0 or sum(weight) <= 0:
        return [w * PAGE_WIDTH_PT / total for w in natural]
    return [b + spare * x / sum(weight) for b, x in zip(base, weight, strict=True)]


def _wrapped(text: str, inner: float) -> int:
    return sum(max(1, math.ceil(text_width(line) * 1.08 / inner)) for line in text.split("\n"))


def row_heights(grid: Grid, widths: list[float]) -> list[float]:
    """Row heights that clip no line of a wrapped cell (a tall cell's shortfall goes to its last row)."""
    heights = [LINE_PT + CELL_PADDING_PT] * grid.rows

    def needed(cell: GridCell) -> float:
        inner = sum(widths[cell.col:cell.col + cell.colspan]) - CELL_PADDING_PT
        return _wrapped(cell.text, inner) * LINE_PT + CELL_PADDING_PT

    for cell in grid.cells:
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], needed(cell))
    for cell in grid.cells:
        if cell.rowspan > 1:
            span = range(cell.row, cell.row + cell.rowspan)
            missing = needed(cell) - sum(heights[r] for r in span)
            if missing > 0:
                heights[span[-1]] += missing
    return heights


def _paragraphs(blocks: list[Block], style: Style) -> Iterator[tuple[str, Any]]:
    """("text", str), ("table", Grid) and ("break", None) in document order."""
    for block in blocks:
        if isinstance(block, PageBreak):
            yield "break", None
        elif isinstance(block, Grid):
            yield "table", block
        elif isinstance(block, Line):
            yield "text", line_text(block, style)


# ----------------------------------------------------------------------------- hwp-converter-ai
def _ir(blocks: list[Block], style: Style) -> Any:
    from hwp_converter_ai import BlockNode, BlockType, DocumentIR, InlineNode, InlineType

    nodes = []
    for kind, value in _paragraphs(blocks, style):
        if kind == "break":
            nodes.append(BlockNode(BlockType.PAGE_BREAK))
        elif kind == "text":
            nodes.append(BlockNode(BlockType.PARAGRAPH,
                                   children=[InlineNode(InlineType.TEXT, value.translate(RENDERABLE))]))
        else:
            widths = column_widths(value)
            cells = [{"r": c.row, "c": c.col, "rowspan": c.rowspan, "colspan": c.colspan,
                      "text": c.text.translate(RENDERABLE)} for c in value.cells]
            metadata = {"cells": cells, "n_rows": value.rows, "n_cols": value.cols,
                        "colw": [round(w, 2) for w in widths], "row_h_pt": row_heights(value, widths)}
            nodes.append(BlockNode(BlockType.TABLE, metadata=metadata))
    return DocumentIR(title="", blocks=nodes)


def _through_file(suffix: str, write: Callable[[Path], object]) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"card{suffix}"
        write(path)
        return path.read_bytes()


def hwp_by_converter_ai(blocks: list[Block], style: Style) -> bytes:
    from hwp_converter_ai import HwpWriter

    ir = _ir(blocks, style)
    return _through_file(".hwp", lambda path: HwpWriter().from_ir(ir, path))


def hwpx_by_converter_ai(blocks: list[Block], style: Style) -> bytes:
    from hwp_converter_ai import HwpxGenerator

    ir = _ir(blocks, style)
    return _through_file(".hwpx", lambda path: HwpxGenerator().from_ir(ir, path))


# ----------------------------------------------------------------------------- python-hwpx
def hwpx_by_python_hwpx(blocks: list[Block], style: Style) -> bytes:
    from hwpx import HwpxDocument

    document = HwpxDocument.new()
    page_break = False
    for kind, value in _paragraphs(blocks, style):
        if kind == "break":
            page_break = True
            continue
        if kind == "text":
            if page_break:
                document.add_paragraph(value, pageBreak="1")
            else:
                document.add_paragraph(value)
            page_break = False
            continue
        if page_break:
            document.add_paragraph("", pageBreak="1")
        page_break = False
        hwpx_table(document, value)
    return bytes(document.to_bytes())


def hwpx_table(document: Any, grid: Grid) -> None:
    """A grid as a python-hwpx table: its merged cells first, then each cell's text."""
    table = document.add_table(grid.rows, grid.cols)
    for cell in grid.cells:
        if cell.rowspan > 1 or cell.colspan > 1:
            table.merge_cells(cell.row, cell.col, cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
    for cell in grid.cells:
        if cell.text:
            table.set_cell_text(cell.row, cell.col, cell.text, split_paragraphs=True)


# ----------------------------------------------------------------------------- PDF
def pdf_by_hwp_ingest(blocks: list[Block], style: Style) -> bytes:
    """The HWPX of hwp-converter-ai, rendered by hwp-ingest."""
    import hwp_ingest

    return bytes(hwp_ingest.to_pdf_bytes(hwpx_by_converter_ai(blocks, style)))


def docx_by_python_docx(blocks: list[Block], style: Style, autospace: bool = False) -> bytes:
    """A DOCX with ruled tables (Table Grid) and merged cells, NanumGothic, A4. Word's
    automatic space between Hangul and Latin or digits is off (as in a card printed from
    Hangul) unless ``autospace``."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = "NanumGothic"
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "NanumGothic")

    def spacing(paragraph: Any) -> None:
        properties = paragraph._p.get_or_add_pPr()
        for name in ("w:autoSpaceDE", "w:autoSpaceDN"):
            element = OxmlElement(name)
            element.set(qn("w:val"), "1" if autospace else "0")
            properties.append(element)
    for kind, value in _paragraphs(blocks, style):
        if kind == "break":
            document.add_page_break()  # type: ignore[no-untyped-call]
        elif kind == "text":
            spacing(document.add_paragraph(value))
        else:
            grid: Grid = value
            table = document.add_table(rows=grid.rows, cols=grid.cols)
            table.style = "Table Grid"
            for cell in grid.cells:
                target = table.cell(cell.row, cell.col)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
                target.text = cell.text
                for paragraph in target.paragraphs:
                    spacing(paragraph)
            document.add_paragraph("")
    return _through_file(".docx", lambda path: document.save(str(path)))


def pdf_by_libreoffice(blocks: list[Block], style: Style, autospace: bool = False) -> bytes:
    """The DOCX of python-docx converted by ``soffice --headless --convert-to pdf``."""
    docx = docx_by_python_docx(blocks, style, autospace)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "card.docx"
        source.write_bytes(docx)
        profile = Path(folder) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", folder, str(source)], check=True, capture_output=True, timeout=300)
        return (Path(folder) / "card.pdf").read_bytes()


#: Producer name -> (format, function of blocks and style to the file's bytes).
PRODUCERS: dict[str, tuple[str, Callable[[list[Block], Style], bytes]]] = {
    "hwp-converter-ai.hwp": ("hwp", hwp_by_converter_ai),
    "hwp-converter-ai.hwpx": ("hwpx", hwpx_by_converter_ai),
    "python-hwpx.hwpx": ("hwpx", hwpx_by_python_hwpx),
    "hwp-ingest.pdf": ("pdf", pdf_by_hwp_ingest),
    "libreoffice.pdf": ("pdf", pdf_by_libreoffice),
}


def produce(cards: list[Card], style: Style, producer: str) -> bytes:
    """The cards written by one producer (a key of ``PRODUCERS``)."""
    _, write = PRODUCERS[producer]
    return write(blocks_of(cards, style), style)

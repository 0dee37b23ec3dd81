"""The PDF reader: body text outside the table boxes, tables from ruling lines with merged
cells as spans, tables continued across a page break joined, page furniture (running
headers, page numbers) set aside in ``Document.furniture``, never lost.

One engine (pdfium, through pypdfium2) reads characters and rules once per page; the rest
is geometry. A page with no text layer is a ``pdf.no_text_layer`` finding; a PDF with no
text at all (a scan) fails clearly: OCR is out of scope.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from pathlib import Path
from typing import ClassVar

import pypdfium2 as pdfium
import regex

from pledgecard.extract.base import Reader, ReadError, register
from pledgecard.extract.bullets import clean_text, map_line_glyph, split_bullet
from pledgecard.extract.document import Block, Document, Paragraph, Table, cell, paragraph, provenance
from pledgecard.extract.pdf.grid import Grid, find_grids
from pledgecard.extract.pdf.lines import Line, join_paragraphs, lines_of
from pledgecard.extract.pdf.page import Char, PageContent, read_page
from pledgecard.models import Finding, Provenance, SourceFormat

#: Share of the page height at the top and bottom where running headers and page numbers sit.
FURNITURE_BAND = 0.08
_PAGE_NUMBER = regex.compile(r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}(?:\s*/\s*\d{1,4})?|page\s*\d+)\s*$", regex.I)
#: Column rules closer than this (points) make two tables on consecutive pages one table.
SAME_COLUMNS = 2.0


#: A line starting with one of these opens a paragraph (《2025년 3월 현재》, 〈기대효과〉).
OPENING_BRACKETS = ("《", "〈", "【", "<")


def opens_paragraph(text: str) -> bool:
    stripped = text.lstrip()
    return stripped.startswith(OPENING_BRACKETS) or split_bullet(map_line_glyph(text))[0] is not None


def make_paragraph(text: str, provenance: Provenance, depth: int = 0) -> Paragraph:
    bullet, body = split_bullet(map_line_glyph(clean_text(text)))
    return paragraph(body, bullet, depth, provenance)


def _is_furniture_band(line: Line, page: PageContent) -> bool:
    return line.top < FURNITURE_BAND * page.height or line.bottom > (1 - FURNITURE_BAND) * page.height


def running_furniture(pages: list[tuple[PageContent, list[Line]]]) -> set[str]:
    """Texts in the top or bottom band that repeat on two or more pages."""
    seen: Counter[str] = Counter()
    for page, lines in pages:
        seen.update({line.text for line in lines if _is_furniture_band(line, page)})
    return {text for text, count in seen.items() if count >= 2}


class _Builder:
    """Blocks of one document, page by page, with what joining a continued table needs: the
    column rules and the page of the last table part added."""

    def __init__(self, text_spaces: bool) -> None:
        self.text_spaces = text_spaces
        self.blocks: list[Block] = []
        self.last_columns: list[float] | None = None
        self.last_page = 0
        self.tables = 0
        #: The header rows a continued table wrote again, set aside when the parts were joined.
        self.furniture: list[Paragraph] = []

    def add_table(self, grid: Grid, chars: list[Char], page: int) -> None:
        table = grid_table(grid, chars, page, self.tables, self.text_spaces)
        last = self.blocks[-1] if self.blocks else None
        continues = isinstance(last, Table) and self.last_page == page - 1 and _same_columns(self.last_columns, grid.xs)
        if continues and isinstance(last, Table):
            repeated = repeated_header_rows(last, table)
            self.furniture.extend(p for c in table.cells if c.row < repeated for p in c.paragraphs)
            self.blocks[-1] = join_tables(last, table)
        else:
            self.tables += 1
            self.blocks.append(table)
        self.last_columns, self.last_page = grid.xs, page


def _same_columns(a: list[float] | None, b: list[float]) -> bool:
    return a is not None and len(a) == len(b) and all(abs(x - y) <= SAME_COLUMNS for x, y in zip(a, b, strict=True))


def grid_table(grid: Grid, chars: list[Char], page: int, index: int, text_spaces: bool = False) -> Table:
    by_cell: dict[tuple[int, int], list[Char]] = {}
    for char in chars:
        holder = grid.cell_at(char.cx, char.cy)
        if holder is not None:
            by_cell.setdefault((holder.row, holder.col), []).append(char)
    cells = []
    for gc in grid.cells:
        lines = lines_of(by_cell.get((gc.row, gc.col), []), text_spaces)
        padding = (lines[0].x0 - gc.x0) if lines else 0.0
        where = provenance(page=page, table=index, row=gc.row, col=gc.col)
        paragraphs = [make_paragraph(text, where) for text, _ in
                      join_paragraphs(lines, gc.x1 - max(padding, 0.0), opens_paragraph)]
        cells.append(cell(gc.row, gc.col, "\n".join(p.full_text for p in paragraphs), paragraphs, where,
                          rowspan=gc.rowspan, colspan=gc.colspan))
    return Table(rows=len(grid.ys) - 1, cols=len(grid.xs) - 1, cells=cells,
                 provenance=Provenance(page=page, table=index))


def repeated_header_rows(first: Table, second: Table) -> int:
    """How many rows atop ``second`` (the next page's part of ``first``) repeat its header."""
    return 1 if first.row_texts()[:1] == second.row_texts()[:1] and second.rows > 1 else 0


def join_tables(first: Table, second: Table) -> Table:
    """A table continued on the next page: its repeated header row dropped, rows appended,
    and a merged cell that the page break cut (an empty cell under it) made whole again."""
    skip = repeated_header_rows(first, second)
    grid = first.grid()
    cells = [c.model_copy() for c in first.cells]
    anchors = {id(c): i for i, c in enumerate(first.cells)}
    offset = first.rows - skip
    for below in second.cells:
        if below.row < skip:
            continue
        above = grid[-1][below.col] if below.col < first.cols else None
        if below.row == skip and not below.text and above is not None and above.rowspan > 1:
            i = anchors[id(above)]
            cells[i] = cells[i].model_copy(update={"rowspan": cells[i].rowspan + below.rowspan})
            continue
        cells.append(below.model_copy(update={"row": below.row + offset}))
    return Table(rows=first.rows + second.rows - skip, cols=first.cols, cells=cells,
                 provenance=first.provenance)


def _page_blocks(page: PageContent, grids: list[Grid], body: list[Line], right_edge: float,
                 left_edge: float, builder: _Builder) -> None:
    """Body paragraphs and tables of one page in reading order (top to bottom): the body
    lines above the first table, the table, the lines between it and the next, and so on."""
    ordered = sorted(grids, key=lambda g: g.ys[0])
    tops = [g.ys[0] for g in ordered]
    runs: list[list[Line]] = [[] for _ in range(len(ordered) + 1)]
    for line in body:
        runs[bisect_right(tops, line.top)].append(line)
    for index, run in enumerate(runs):
        for text, first in join_paragraphs(run, right_edge, opens_paragraph):
            depth = max(0, round((first.x0 - left_edge) / max(first.size, 1.0)))
            builder.blocks.append(make_paragraph(text, provenance(page=page.number), depth))
        if index < len(ordered):
            grid = ordered[index]
            builder.add_table(grid, [c for c in page.chars if grid.contains(c.cx, c.cy)], page.number)


@register
class PdfReader(Reader):
    format: ClassVar[SourceFormat] = "pdf"

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return head.lstrip()[:5] == b"%PDF-"

    def read(self, path: Path, data: bytes) -> Document:
        pages = _open_pages(data)
        findings = [Finding(code="pdf.no_text_layer", severity="warning", path=f"page {p.number}",
                            message=f"page {p.number} has no text layer (an image only); it was not read")
                    for p in pages if not p.chars and p.images]
        if not any(p.chars for p in pages):
            reason = "scanned PDF with no text layer (OCR is not supported)" if any(p.images for p in pages) \
                else "PDF without any text"
            raise ReadError(reason)
        text_spaces = any(p.writes_spaces for p in pages)
        laid_out = []
        for page in pages:
            grids = find_grids(page.segments)
            body_chars = [c for c in page.chars if not any(g.contains(c.cx, c.cy) for g in grids)]
            laid_out.append((page, grids, lines_of(body_chars, text_spaces)))
        furniture = running_furniture([(p, lines) for p, _, lines in laid_out])
        body = [(p, g, [ln for ln in lines if not _dropped(ln, p, furniture)]) for p, g, lines in laid_out]
        dropped = [paragraph(ln.text, provenance=provenance(page=p.number))
                   for p, _, lines in laid_out for ln in lines if _dropped(ln, p, furniture)]
        all_lines = [ln for _, _, lines in body for ln in lines]
        right_edge = max((ln.x1 for ln in all_lines), default=0.0)
        left_edge = min((ln.x0 for ln in all_lines), default=0.0)
        builder = _Builder(text_spaces)
        for page, grids, lines in body:
            _page_blocks(page, grids, lines, right_edge, left_edge, builder)
        return Document(path=str(path), format="pdf", blocks=builder.blocks, findings=findings,
                        furniture=sorted([*dropped, *builder.furniture], key=lambda p: p.provenance.page or 0))


def _dropped(line: Line, page: PageContent, furniture: set[str]) -> bool:
    if not _is_furniture_band(line, page):
        return False
    return line.text in furniture or bool(_PAGE_NUMBER.match(line.text))


#: Pages read from one PDF at most; a larger file is read up to here with a finding.
MAX_PAGES = 2000


def _open_pages(data: bytes) -> list[PageContent]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise ReadError("encrypted document (password-protected PDF)") from exc
        raise ReadError(f"not a readable PDF ({exc})") from exc
    try:
        return [read_page(pdf, index) for index in range(min(len(pdf), MAX_PAGES))]
    except pdfium.PdfiumError as exc:
        raise ReadError(f"damaged PDF ({exc})") from exc
    finally:
        pdf.close()

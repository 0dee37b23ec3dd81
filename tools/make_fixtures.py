"""Render every text card of ``samples/`` into HWP, HWPX and PDF fixtures.

    pip install -e ".[fixtures]"          # hwp-converter-ai and hwp-ingest
    apt-get install librsvg2-bin fonts-nanum
    python tools/make_fixtures.py          # writes samples/NAME/NAME.{hwp,hwpx,pdf}

The source of truth is the text card: it is read with pledgecard's own text reader,
its flattened tables (the 소통 and 목표달성 tables of a dump) are rebuilt as real tables
with the card parser's rebuilders, and the resulting document is written as an HWP and
an HWPX document with real tables and merged cells (hwp-converter-ai). The PDF is
rendered from the HWPX (hwp-ingest), like the printed cards archives hold. The outputs
are committed; the test run never needs these generators.
"""

from __future__ import annotations

import argparse
import math
import sys
import unicodedata
from itertools import pairwise
from pathlib import Path

from hwp_converter_ai import BlockNode, BlockType, DocumentIR, HwpWriter, HwpxGenerator, InlineNode, InlineType

from pledgecard.extract.card.flattened import YEAR_MARKER, rebuild_achievement_tables, rebuild_channel_table
from pledgecard.extract.card.layout import section_key
from pledgecard.extract.card.progress import block_heading
from pledgecard.extract.document import Block, Cell, Document, Paragraph, Table
from pledgecard.extract.text.reader import TextReader
from pledgecard.normalize.text import squash
from pledgecard.vocab import ACHIEVEMENT_HEADING

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _paragraph_run(blocks: list[Block], start: int) -> int:
    """The end of the run of paragraphs from ``start`` up to the next heading or table."""
    end = start
    while end < len(blocks):
        block = blocks[end]
        if not isinstance(block, Paragraph) or section_key(block) or block_heading(block):
            break
        end += 1
    return end


def with_real_tables(document: Document) -> list[Block]:
    """The document's blocks with its flattened 소통/목표달성 tables rebuilt as tables."""
    blocks = list(document.blocks)
    out: list[Block] = []
    section = None
    i = 0
    while i < len(blocks):
        block = blocks[i]
        key = section_key(block)
        if key:
            section = key[0]
        heading = block_heading(block)
        out.append(block)
        i += 1
        if heading and ACHIEVEMENT_HEADING in squash(heading):
            end = _paragraph_run(blocks, i)
            tables, stray = rebuild_achievement_tables([b for b in blocks[i:end] if isinstance(b, Paragraph)])
            if tables:
                out.extend([*tables, *stray])
                i = end
        elif key and section == "communication":
            end = _paragraph_run(blocks, i)
            rebuilt = rebuild_channel_table([b for b in blocks[i:end] if isinstance(b, Paragraph)])
            if rebuilt is not None:
                table, used = rebuilt
                out.append(table)
                out.extend(blocks[i + used:end])
                i = end
    return out


#: hwp-ingest leaves U+00B7 out of the PDF text layer; the Hangul interpunct ㆍ survives,
#: and every reader unifies interpuncts to U+00B7 again (vocab.INTERPUNCT_VARIANTS).
RENDERABLE = str.maketrans({"\u00b7": "\u318d"})


def paragraph_node(text: str) -> BlockNode:
    return BlockNode(BlockType.PARAGRAPH, children=[InlineNode(InlineType.TEXT, text.translate(RENDERABLE))])


def split_by_year(table: Table) -> list[Table]:
    """A rebuilt 목표달성 table cut into one table per year (and a year that does not fit on a
    page, into pages), each with the header row: the renderer does not break tables."""
    starts = [c.row for c in table.cells if c.col == 1 and YEAR_MARKER.match(c.text)]
    bounds = [*starts, table.rows] if starts else [1, table.rows]
    pieces: list[Table] = []
    for start, end in pairwise(bounds):
        pieces.extend(_fitting_pieces(table, start, end))
    return pieces


def _piece(table: Table, start: int, end: int) -> Table:
    """Header row, the main-project cell spanning the piece, rows ``start``..``end``."""
    main = next((c for c in table.cells if c.col == 0 and c.row <= start < c.row + c.rowspan), None)
    spanning = main is not None and main.rowspan > 1
    cells = [c for c in table.cells if c.row == 0]
    if spanning and main is not None:
        cells.append(main.model_copy(update={"row": 1, "rowspan": end - start}))
    cells += [c.model_copy(update={"row": c.row - start + 1}) for c in table.cells
              if start <= c.row < end and (c.col != 0 or not spanning)]
    return Table(rows=end - start + 1, cols=table.cols, cells=cells, provenance=table.provenance)


def _fitting_pieces(table: Table, start: int, end: int) -> list[Table]:
    piece = _piece(table, start, end)
    if end - start <= 1 or sum(row_heights(piece, column_widths(piece))) <= MAX_TABLE_PT:
        return [piece]
    middle = (start + end) // 2
    return _fitting_pieces(table, start, middle) + _fitting_pieces(table, middle, end)


#: Text width of the HWPX template's page (A4 less 30 mm margins), in points.
PAGE_WIDTH_PT = 425.0
#: Rough advance of a 10 pt glyph: Hangul and other wide characters, then the rest.
WIDE_PT, NARROW_PT = 10.0, 5.6
LINE_PT, CELL_PADDING_PT = 16.0, 8.0
#: The tallest table that fits the template's body (A4 less margins, header and footer).
MAX_TABLE_PT = 600.0
MIN_COLUMN_PT = 72.0


def text_width(text: str) -> float:
    return sum(WIDE_PT if unicodedata.east_asian_width(ch) in ("W", "F") else NARROW_PT for ch in text)


def column_widths(table: Table) -> list[float]:
    """Widths that give each column room for its longest line; when the page is too narrow,
    each column keeps up to ``MIN_COLUMN_PT`` and the rest goes to the columns with the most text."""
    natural = [24.0] * table.cols
    amount = [1.0] * table.cols
    for cell in table.cells:
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


def wrapped_lines(text: str, inner_width: float) -> int:
    return sum(max(1, math.ceil(text_width(line) * 1.08 / inner_width)) for line in text.split("\n"))


def row_heights(table: Table, widths: list[float]) -> list[float]:
    """Generous row heights, so that the renderer clips no line of a wrapped cell: single-row
    cells first, then a tall cell's shortfall added to the last row it spans."""
    heights = [LINE_PT + CELL_PADDING_PT] * table.rows

    def needed(cell: Cell) -> float:
        inner = sum(widths[cell.col:cell.col + cell.colspan]) - CELL_PADDING_PT
        return wrapped_lines(cell.text, inner) * LINE_PT + CELL_PADDING_PT

    for cell in table.cells:
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], needed(cell))
    for cell in table.cells:
        if cell.rowspan > 1:
            span = range(cell.row, cell.row + cell.rowspan)
            missing = needed(cell) - sum(heights[r] for r in span)
            if missing > 0:
                heights[span[-1]] += missing
    return heights


def table_node(table: Table) -> BlockNode:
    cells = [{"r": c.row, "c": c.col, "rowspan": c.rowspan, "colspan": c.colspan,
              "text": c.text.translate(RENDERABLE)} for c in table.cells]
    widths = column_widths(table)
    metadata = {"cells": cells, "n_rows": table.rows, "n_cols": table.cols,
                "colw": [round(w, 2) for w in widths], "row_h_pt": row_heights(table, widths)}
    return BlockNode(BlockType.TABLE, metadata=metadata)


def to_ir(blocks: list[Block]) -> DocumentIR:
    nodes: list[BlockNode] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            nodes.append(paragraph_node(block.full_text))
        elif _is_achievement_table(block):
            for piece in split_by_year(block):
                nodes += [BlockNode(BlockType.PAGE_BREAK), table_node(piece)]
        else:
            nodes.append(table_node(block))
    return DocumentIR(title="", blocks=nodes)


def _is_achievement_table(table: Table) -> bool:
    return any(c.col == 1 and YEAR_MARKER.match(c.text) for c in table.cells)


def render(source: Path) -> list[Path]:
    import hwp_ingest

    document = TextReader().read(source, source.read_bytes())
    ir = to_ir(with_real_tables(document))
    hwp, hwpx, pdf = (source.with_suffix(s) for s in (".hwp", ".hwpx", ".pdf"))
    HwpWriter().from_ir(ir, hwp)
    HwpxGenerator().from_ir(ir, hwpx)
    pdf.write_bytes(hwp_ingest.to_pdf_bytes(hwpx.read_bytes()))
    return [hwp, hwpx, pdf]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="sample folder names (default: every sample)")
    args = parser.parse_args(argv)
    sources = sorted(SAMPLES.glob("*/*.txt"))
    if args.names:
        sources = [s for s in sources if s.parent.name in args.names]
    for source in sources:
        for path in render(source):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())

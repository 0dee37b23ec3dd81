"""Flattened numeric tables: rows ``label n n n …`` with their header lines above.

A dump that flattened a table writes each row on one line (``국  비 58,266 14,494 …``)
and the header cells on the lines above it, a spanning group header on a line of its
own. This rebuilds the grid: the bottom header line names the rightmost columns, a
line with as many words as the columns left over names those (spanning both header
rows), and what remains is a group header spanning the bottom line's columns.
"""

from __future__ import annotations

import regex

from pledgecard.extract.document import Cell, Paragraph, Table, cell, paragraph, provenance
from pledgecard.models import Provenance
from pledgecard.normalize.text import close_spaced

_VALUE = regex.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[-–―]$")
MIN_VALUES = 3
MAX_HEADER_LINES = 4
MAX_LABEL_CHARS = 12


def split_row(text: str) -> tuple[str, list[str]] | None:
    """``("국  비", ["58,266", …])`` when a line is a label followed only by values."""
    tokens = text.split()
    if len(tokens) <= MIN_VALUES or not _VALUE.match(tokens[-1]):  # most lines: no value at the end
        return None
    first_value = next((i for i, t in enumerate(tokens) if _VALUE.match(t)), None)
    if first_value is None or first_value == 0:
        return None
    values = tokens[first_value:]
    if len(values) < MIN_VALUES or not all(_VALUE.match(t) for t in values):
        return None
    label = text[: text.index(values[0])].strip()
    if len(close_spaced(label)) > MAX_LABEL_CHARS:
        return None
    return label, values


def _is_header_line(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return paragraph.bullet is None and not text.startswith(("(", "《", "<", "〈", "[")) and bool(text)


def find_grids(paragraphs: list[Paragraph]) -> list[tuple[int, int, int]]:
    """``(header_start, data_start, end)`` index ranges of numeric grids in ``paragraphs``."""
    found: list[tuple[int, int, int]] = []
    i = 0
    while i < len(paragraphs):
        row = split_row(paragraphs[i].text) if paragraphs[i].bullet is None else None
        if row is None:
            i += 1
            continue
        width = len(row[1])
        end = i + 1
        while end < len(paragraphs) and paragraphs[end].bullet is None:
            nxt = split_row(paragraphs[end].text)
            if nxt is None or len(nxt[1]) != width:
                break
            end += 1
        if end - i < 2:
            i += 1
            continue
        start = i
        while (
            start > 0
            and i - start < MAX_HEADER_LINES
            and _is_header_line(paragraphs[start - 1])
            and (not found or start - 1 >= found[-1][2])
            and split_row(paragraphs[start - 1].text) is None
        ):
            start -= 1
        found.append((start, i, end))
        i = end
    return found


def build_grid(header: list[Paragraph], rows: list[Paragraph], table_index: int) -> Table:
    parsed = [split_row(p.text) for p in rows]
    data = [r for r in parsed if r is not None]
    ncols = len(data[0][1]) + 1
    cells, header_rows = _header_cells(header, ncols, table_index)
    for offset, (row_paragraph, (label, values)) in enumerate(zip(rows, data, strict=True)):
        r = header_rows + offset
        line = row_paragraph.provenance.line
        cells.append(_cell(r, 0, label, line, table_index))
        cells.extend(_cell(r, c + 1, v, line, table_index) for c, v in enumerate(values))
    first_line = (header or rows)[0].provenance.line
    return Table(rows=header_rows + len(data), cols=ncols, cells=cells,
                 provenance=Provenance(line=first_line, table=table_index))


def _cell(row: int, col: int, text: str, line: int | None, table: int, rowspan: int = 1, colspan: int = 1) -> Cell:
    return cell(row, col, text, [paragraph(text, provenance=provenance(line=line))],
                provenance(line=line, table=table, row=row, col=col), rowspan, colspan)


def _header_cells(header: list[Paragraph], ncols: int, table: int) -> tuple[list[Cell], int]:
    if not header:
        return [], 0
    tokens = [close_spaced(p.text).split() for p in header]
    lines = [p.provenance.line for p in header]
    bottom = tokens[-1]
    if len(bottom) == ncols:
        names = [_cell(0, c, t, lines[-1], table) for c, t in enumerate(bottom)]
        if len(header) > 1:
            title = " ".join(close_spaced(p.text) for p in header[:-1])
            return [_cell(0, 0, title, lines[0], table, colspan=ncols)] + [
                c.model_copy(update={"row": 1}) for c in names], 2
        return names, 1
    if len(bottom) > ncols:
        return [_cell(0, 0, " ".join(" ".join(t) for t in tokens), lines[0], table, colspan=ncols)], 1
    left = ncols - len(bottom)
    lead_index = next((k for k, t in enumerate(tokens[:-1]) if len(t) == left), None)
    cells: list[Cell] = []
    if lead_index is None:
        text = " ".join(" ".join(t) for t in tokens[:-1])
        cells.append(_cell(0, 0, text, lines[0], table, rowspan=2, colspan=left))
        cells.append(_cell(0, left, "", lines[0], table, colspan=len(bottom)))
    else:
        lead = tokens[lead_index]
        cells.extend(_cell(0, c, t, lines[lead_index], table, rowspan=2) for c, t in enumerate(lead))
        group = [" ".join(t) for k, t in enumerate(tokens[:-1]) if k != lead_index]
        cells.append(_cell(0, left, " ".join(group), lines[0], table, colspan=len(bottom)))
    cells.extend(_cell(1, left + c, t, lines[-1], table) for c, t in enumerate(bottom))
    return cells, 2

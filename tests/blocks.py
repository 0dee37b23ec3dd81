"""Walking a document's blocks, and table-grid goldens: shared by the reader tests."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from pledgecard.extract.document import Cell, Paragraph, Table


def walk_tables(blocks: list[Paragraph | Table]) -> Iterator[tuple[str, Table]]:
    """Every table with its path: ``3`` the fourth top-level table, ``3/1`` the second one nested in it."""
    def inner(table: Table, path: str) -> Iterator[tuple[str, Table]]:
        yield path, table
        nested = [t for cell in table.cells for t in cell.tables]
        for n, child in enumerate(nested):
            yield from inner(child, f"{path}/{n}")

    top = [b for b in blocks if isinstance(b, Table)]
    for n, table in enumerate(top):
        yield from inner(table, str(n))


def all_paragraphs(blocks: list[Paragraph | Table]) -> list[Paragraph]:
    """Top-level and cell paragraphs, nested cells included, in reading order."""
    out: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block)
        else:
            for cell in block.cells:
                out.extend(cell.paragraphs)
                out.extend(all_paragraphs(list(cell.tables)))
    return out


def all_cells(blocks: list[Paragraph | Table]) -> list[Cell]:
    return [cell for _, t in walk_tables(blocks) for cell in t.cells]


_PHONE = re.compile(r"\d{2,4}-\d{3,4}-\d{4}")


def mask_phones(text: str) -> str:
    """Office phone numbers of the published documents are kept out of the goldens."""
    return _PHONE.sub("<phone>", text)


def grids(blocks: list[Paragraph | Table]) -> list[dict[str, Any]]:
    return [
        {"path": path, "rows": t.rows, "cols": t.cols,
         "cells": [[c.row, c.col, c.rowspan, c.colspan, mask_phones(c.text)] for c in t.cells]}
        for path, t in walk_tables(blocks)
    ]


def dump_grids(tables: list[dict[str, Any]]) -> str:
    """One cell per line, so a golden reads (and diffs) as a table."""
    parts = []
    for t in tables:
        cells = ",\n".join(f"    {json.dumps(c, ensure_ascii=False)}" for c in t["cells"])
        head = json.dumps({k: t[k] for k in ("path", "rows", "cols")}, ensure_ascii=False)[:-1]
        parts.append(f"  {head}, \"cells\": [\n{cells}\n  ]}}" if cells else f"  {head}, \"cells\": []}}")
    return "{\"tables\": [\n" + ",\n".join(parts) + "\n]}\n"


def table(*rows: str) -> Table:
    """A table from ``|``-separated rows; ``>`` merges into the left cell, ``^`` into the one above."""
    grid = [[text.strip() for text in row.split("|")] for row in rows]
    anchors: dict[tuple[int, int], Cell] = {}
    cells: list[Cell] = []
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text == ">":
                anchor = anchors[(r, c - 1)]
                if anchor.row == r:
                    anchor.colspan += 1
                anchors[(r, c)] = anchor
            elif text == "^":
                anchor = anchors[(r - 1, c)]
                if anchor.col == c:
                    anchor.rowspan += 1
                anchors[(r, c)] = anchor
            else:
                cell = Cell(row=r, col=c, text=text, paragraphs=[Paragraph(text=text)] if text else [])
                anchors[(r, c)] = cell
                cells.append(cell)
    return Table(rows=len(grid), cols=max(len(r) for r in grid), cells=cells)

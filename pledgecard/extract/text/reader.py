"""The text-dump reader: encoding, paragraphs, box-drawn, pipe, tab, space-aligned and flattened
numeric tables; page furniture that cut a table kept aside in ``Document.furniture``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from pledgecard.extract.base import Reader, register
from pledgecard.extract.document import Block, Document, Paragraph, invalid_characters, valid_unicode
from pledgecard.extract.text.boxdraw import is_box_line, parse_box_table
from pledgecard.extract.text.decode import decode_text, looks_like_text
from pledgecard.extract.text.linetables import RepeatedLines, find_line_tables
from pledgecard.extract.text.numgrid import build_grid, find_grids
from pledgecard.extract.text.pagebreak import marks_break, may_be_furniture
from pledgecard.extract.text.paragraphs import Line, build_paragraphs
from pledgecard.models import SourceFormat


@register
class TextReader(Reader):
    format: ClassVar[SourceFormat] = "txt"
    valid_unicode: ClassVar[bool] = True  # the decoded text is made valid once, before it is split

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return looks_like_text(head)

    def read(self, path: Path, data: bytes) -> Document:
        text, _encoding, replaced = decode_text(data)
        text, lone = valid_unicode(text)
        replaced += lone
        lines = [Line(t.rstrip(), n) for n, t in enumerate(text.split("\n"), start=1)]
        furniture: list[Paragraph] = []
        blocks = text_blocks(lines, furniture)
        return Document(path=str(path), format="txt", blocks=blocks, furniture=furniture,
                        findings=invalid_characters(replaced))


def text_blocks(lines: list[Line], furniture: list[Paragraph] | None = None) -> list[Block]:
    """Blocks in reading order: box tables as drawn, other lines as paragraphs and grids.

    Lines dropped as page furniture (a page break inside a table) go to ``furniture``."""
    dropped: list[Paragraph] = [] if furniture is None else furniture
    repeated = RepeatedLines(lines)
    blocks: list[Block] = []
    plain: list[Line] = []
    box: list[Line] = []
    for line in lines:
        if is_box_line(line.text):
            if plain:
                blocks.extend(_line_blocks(plain, _table_count(blocks), repeated, dropped))
                plain = []
            box.append(line)
            continue
        if box:
            blocks.append(parse_box_table([(b.text, b.number) for b in box], _table_count(blocks)))
            box = []
        plain.append(line)
    if box:
        blocks.append(parse_box_table([(b.text, b.number) for b in box], _table_count(blocks)))
    if plain:
        blocks.extend(_line_blocks(plain, _table_count(blocks), repeated, dropped))
    return blocks


def _table_count(blocks: list[Block]) -> int:
    return sum(1 for b in blocks if not isinstance(b, Paragraph))


def _line_blocks(lines: list[Line], first_table: int, repeated: RepeatedLines,
                 furniture: list[Paragraph]) -> list[Block]:
    """Pipe, tab and aligned tables, the lines between them as paragraphs and numeric grids."""
    blocks: list[Block] = []
    cursor = 0
    for found in find_line_tables(lines, repeated):
        blocks.extend(_plain_blocks(lines[cursor:found.start], first_table + _table_count(blocks), repeated, furniture))
        blocks.append(found.table(first_table + _table_count(blocks)))
        furniture.extend(found.furniture_paragraphs())
        cursor = found.end
    blocks.extend(_plain_blocks(lines[cursor:], first_table + _table_count(blocks), repeated, furniture))
    return blocks


def _plain_blocks(lines: list[Line], first_table: int, repeated: RepeatedLines | None = None,
                  furniture: list[Paragraph] | None = None) -> list[Block]:
    paragraphs = build_paragraphs(lines)
    blocks: list[Block] = []
    cursor = 0
    page_break = None if repeated is None else _page_break(repeated)
    for n, grid in enumerate(find_grids(paragraphs, page_break)):
        blocks.extend(paragraphs[cursor:grid.header_start])
        blocks.append(build_grid(grid.header(paragraphs), grid.rows(paragraphs), first_table + n))
        if furniture is not None:
            furniture.extend(grid.furniture(paragraphs))
        cursor = grid.end
    blocks.extend(paragraphs[cursor:])
    return blocks


def _page_break(repeated: RepeatedLines) -> Callable[[list[Paragraph]], bool]:
    """Paragraphs that are only page furniture, a page number or running header among them."""
    def page_break(paragraphs: list[Paragraph]) -> bool:
        lines = [Line(p.full_text, p.provenance.line or 0) for p in paragraphs]
        return any(marks_break(line, repeated) for line in lines) and all(
            marks_break(line, repeated) or may_be_furniture(line, repeated) for line in lines)
    return page_break

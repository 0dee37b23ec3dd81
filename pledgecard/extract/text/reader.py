"""The text-dump reader: encoding, paragraphs, box-drawn and flattened numeric tables."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pledgecard.extract.base import Reader, register
from pledgecard.extract.document import Block, Document, Paragraph
from pledgecard.extract.text.boxdraw import is_box_line, parse_box_table
from pledgecard.extract.text.decode import decode_text, looks_like_text
from pledgecard.extract.text.numgrid import build_grid, find_grids
from pledgecard.extract.text.paragraphs import Line, build_paragraphs
from pledgecard.models import SourceFormat


@register
class TextReader(Reader):
    format: ClassVar[SourceFormat] = "txt"

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return looks_like_text(head)

    def read(self, path: Path, data: bytes) -> Document:
        text, _encoding = decode_text(data)
        lines = [Line(t.rstrip(), n) for n, t in enumerate(text.split("\n"), start=1)]
        return Document(path=str(path), format="txt", blocks=text_blocks(lines))


def text_blocks(lines: list[Line]) -> list[Block]:
    """Blocks in reading order: box tables as drawn, other lines as paragraphs and grids."""
    blocks: list[Block] = []
    plain: list[Line] = []
    box: list[Line] = []
    for line in lines:
        if is_box_line(line.text):
            if plain:
                blocks.extend(_plain_blocks(plain, _table_count(blocks)))
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
        blocks.extend(_plain_blocks(plain, _table_count(blocks)))
    return blocks


def _table_count(blocks: list[Block]) -> int:
    return sum(1 for b in blocks if not isinstance(b, Paragraph))


def _plain_blocks(lines: list[Line], first_table: int) -> list[Block]:
    paragraphs = build_paragraphs(lines)
    blocks: list[Block] = []
    cursor = 0
    for n, (header_start, data_start, end) in enumerate(find_grids(paragraphs)):
        blocks.extend(paragraphs[cursor:header_start])
        blocks.append(build_grid(paragraphs[header_start:data_start], paragraphs[data_start:end],
                                 first_table + n))
        cursor = end
    blocks.extend(paragraphs[cursor:])
    return blocks

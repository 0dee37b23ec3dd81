"""Nothing vanishes: every non-space character of a text dump ends in a block of the Document
or in its recorded page furniture (as a multiset), for every table input and every sample.

Table rules are structure, not text: the characters that draw them (box-drawing characters,
the pipes of a markdown row, the ``<br>`` that breaks a line inside a markdown cell) are left
out on both sides."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from pledgecard.extract.document import Block, Document, Paragraph
from pledgecard.extract.text.boxdraw import BOX_CHARS
from pledgecard.extract.text.decode import decode_text
from pledgecard.extract.text.reader import TextReader

from .conftest import DATA, SAMPLES

RULES = BOX_CHARS | {"|"}
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
INPUTS = sorted((DATA / "text_tables").glob("*.txt")) + sorted(SAMPLES.glob("*/*.txt"))


def characters(text: str) -> Counter[str]:
    return Counter(ch for ch in LINE_BREAK_TAG.sub(" ", text) if not ch.isspace() and ch not in RULES)


def block_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.full_text
    return " ".join(p.full_text for cell in block.cells for p in cell.paragraphs)


def document_characters(document: Document) -> Counter[str]:
    found: Counter[str] = Counter()
    for block in [*document.blocks, *document.furniture]:
        found += characters(block_text(block))
    return found


@pytest.mark.parametrize("path", INPUTS, ids=[p.stem for p in INPUTS])
def test_every_character_lands_in_a_block_or_the_furniture(path: Path) -> None:
    data = path.read_bytes()
    source = characters(decode_text(data)[0])
    got = document_characters(TextReader().read(path, data))
    assert got - source == Counter(), "characters the source does not have"
    assert source - got == Counter(), "characters lost"


def test_the_invariant_test_sees_a_lost_line() -> None:
    path = DATA / "text_tables" / "pipe_yearly_plan_page_break.txt"
    data = path.read_bytes()
    document = TextReader().read(path, data)
    document.furniture.pop(1)  # the page number "3 / 12"
    assert characters(decode_text(data)[0]) - document_characters(document) == Counter("3/12")

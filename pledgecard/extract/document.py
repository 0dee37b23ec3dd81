"""The format-neutral document every reader yields.

A document is a flat sequence of blocks in reading order: paragraphs (with their
bullet glyph and depth) and tables (a grid of cells with spans; a cell may hold
paragraphs and nested tables). Readers know nothing of pledge cards; the card
parser knows nothing of file formats. This module is the seam between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from pledgecard.models import Finding, Provenance, SourceFormat


class DocModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


_M = TypeVar("_M", bound=DocModel)


class Paragraph(DocModel):
    """One paragraph: text without its bullet, the bullet glyph and the indentation depth.

    ``outline`` is the paragraph's outline level (개요 1 = 1) when its shape or style makes it
    an outline paragraph (HWP PARA_SHAPE head type 개요, HWPX ``hh:heading type="OUTLINE"``);
    ``None`` for every other paragraph and in formats that have no outline (text, PDF).

    ``gap`` is how many spaces stand between the bullet glyph and the text where the reader
    saw them as written (a text dump: ``\ufffd   사업개요`` has 3); ``None`` without a bullet
    and in the other formats.
    """

    kind: Literal["paragraph"] = "paragraph"
    text: str
    bullet: str | None = None
    depth: int = 0
    outline: int | None = Field(default=None, ge=1)
    gap: int | None = Field(default=None, ge=0)
    provenance: Provenance = Field(default_factory=Provenance)

    @property
    def full_text(self) -> str:
        return written(self.bullet, self.text)


def written(bullet: str | None, text: str) -> str:
    """A paragraph's text as written (:attr:`Paragraph.full_text`): its glyph, a space and its
    words; a reader joining a cell's lines uses it before the paragraphs exist."""
    return f"{bullet} {text}" if bullet else text


class Cell(DocModel):
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str
    paragraphs: list[Paragraph] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)


class Table(DocModel):
    kind: Literal["table"] = "table"
    rows: int
    cols: int
    cells: list[Cell]
    provenance: Provenance = Field(default_factory=Provenance)

    def grid(self) -> list[list[Cell | None]]:
        """Row-major grid; a spanned position points at its anchor cell."""
        rows, cols = self.rows, self.cols
        grid: list[list[Cell | None]] = [[None] * cols for _ in range(rows)]
        for cell in self.cells:
            row, col, rowspan, colspan = cell.row, cell.col, cell.rowspan, cell.colspan
            if rowspan == 1 and colspan == 1:  # most cells: one position, set directly
                if 0 <= row < rows and 0 <= col < cols:
                    grid[row][col] = cell
                continue
            first, end = max(col, 0), min(col + colspan, cols)
            if end <= first:
                continue
            covered = [cell] * (end - first)
            for r in range(max(row, 0), min(row + rowspan, rows)):
                grid[r][first:end] = covered
        return grid

    def row_texts(self) -> list[list[str]]:
        """Each row as cell texts, with spanned positions repeating the anchor's text."""
        return [[cell.text if cell else "" for cell in row] for row in self.grid()]


Block = Paragraph | Table


class Document(DocModel):
    path: str
    format: SourceFormat
    blocks: list[Block] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    #: Lines a reader dropped as page furniture, kept so that no text is lost: page numbers and
    #: running headers that cut a table, a repeated header row, a markdown ``|---|`` separator.
    furniture: list[Paragraph] = Field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


Cell.model_rebuild()


# Valid Unicode only past the readers: a PDF's text layer can map a glyph to a lone UTF-16
# surrogate, which no UTF-8 output can write (the JSON of the card would fail). A pair that a
# reader handed on as two units is joined into its character; a lone one becomes U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
INVALID_UNICODE = "text.invalid_unicode"


def valid_unicode(text: str) -> tuple[str, int]:
    """``text`` with surrogate pairs joined and lone surrogates replaced; and how many were lone."""
    if _SURROGATE.search(text) is None:
        return text, 0
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, fixed.count("\ufffd") - text.count("\ufffd")


def _holders(blocks: Sequence[object]) -> Iterator[Paragraph | Cell]:
    """Every paragraph and cell in ``blocks``, nested ones too."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            for held in block.cells:
                yield held
                yield from _holders(held.paragraphs)
                yield from _holders(held.tables)


def with_valid_unicode(document: Document) -> Document:
    """The document with every text valid Unicode, and a finding when a code point was replaced."""
    replaced = 0
    for name in type(document).model_fields:  # blocks, and any other list of blocks a reader keeps
        value = getattr(document, name)
        if not isinstance(value, list):
            continue
        for holder in _holders(value):
            if _SURROGATE.search(holder.text):
                holder.text, count = valid_unicode(holder.text)
                replaced += count
            if isinstance(holder, Paragraph) and holder.bullet and _SURROGATE.search(holder.bullet):
                holder.bullet, count = valid_unicode(holder.bullet)
                replaced += count
    document.findings.extend(invalid_characters(replaced))
    return document


def invalid_characters(replaced: int) -> list[Finding]:
    """The finding for ``replaced`` characters made U+FFFD (none for none)."""
    if not replaced:
        return []
    return [Finding(code=INVALID_UNICODE, severity="warning",
                    message=f"{replaced} invalid character(s) (bytes the encoding cannot decode, or lone "
                            "UTF-16 surrogates) replaced by U+FFFD")]


# Small constructors the readers share. Readers build thousands of paragraphs and cells per
# file from values these typed signatures already pin down (mypy --strict checks every call),
# so they are made as pydantic's model_construct makes them, without a second validation
# and without model_construct's generic alias and default handling (several times slower):
# about a sixth of a text dump's read time went to validating them again. tests/test_document.py
# holds each helper equal to validated construction, fields set included.
_new = object.__new__
_set = object.__setattr__


def _built(model: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """``model`` from ``values``: every field, in the model's field order (as dumps keep it)."""
    instance = _new(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", fields_set)
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


def paragraph(text: str, bullet: str | None = None, depth: int = 0,
              provenance: Provenance | None = None, outline: int | None = None,
              gap: int | None = None) -> Paragraph:
    """A paragraph; ``outline`` (a level from 1) and ``gap`` count as set only when given."""
    fields_set = {"text", "bullet", "depth", "provenance"}
    if outline is not None:
        fields_set.add("outline")
    if gap is not None:
        fields_set.add("gap")
    return _built(Paragraph, {"kind": "paragraph", "text": text, "bullet": bullet, "depth": depth,
                              "outline": outline, "gap": gap, "provenance": provenance or Provenance()},
                  fields_set)


def cell(row: int, col: int, text: str, paragraphs: list[Paragraph], provenance: Provenance,
         rowspan: int = 1, colspan: int = 1, tables: list[Table] | None = None) -> Cell:
    fields_set = {"row", "col", "rowspan", "colspan", "text", "paragraphs", "provenance"}
    if tables is not None:
        fields_set.add("tables")
    return _built(Cell, {"row": row, "col": col, "rowspan": rowspan, "colspan": colspan, "text": text,
                         "paragraphs": paragraphs, "tables": [] if tables is None else tables,
                         "provenance": provenance}, fields_set)


_PROVENANCES: dict[tuple[int | None, ...], Provenance] = {}


def provenance(line: int | None = None, page: int | None = None, section: int | None = None,
               paragraph: int | None = None, table: int | None = None, row: int | None = None,
               col: int | None = None) -> Provenance:
    """A provenance, shared between the blocks that come from the same place (never mutated)."""
    key = (line, page, section, paragraph, table, row, col)
    found = _PROVENANCES.get(key)
    if found is None:
        if len(_PROVENANCES) > _MAX_SHARED:
            _PROVENANCES.clear()
        found = _PROVENANCES[key] = Provenance(line=line, page=page, section=section, paragraph=paragraph,
                                               table=table, row=row, col=col)
    return found


def at_cell(origin: Provenance, row: int, col: int) -> Provenance:
    """``origin`` (where a cell's first paragraph came from) with the cell's row and column."""
    return provenance(origin.line, origin.page, origin.section, origin.paragraph, origin.table, row, col)


_MAX_SHARED = 100_000

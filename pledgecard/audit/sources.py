"""The files an audit reads: discovery, parsing, the source text a person compares with, and
where each piece of ``unplaced`` text lies in it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from pledgecard.extract import ReadError, read_document
from pledgecard.extract.document import Block, Cell, Document, Paragraph, Table
from pledgecard.extract.text.decode import decode_text
from pledgecard.models import FileResult
from pledgecard.pipeline import parse_bytes, read_bytes

#: File name endings an audit parses (the same as ``convert``).
SOURCE_SUFFIXES = (".txt", ".hwp", ".hwpx", ".pdf")
GOLDEN_SUFFIX = ".expected.json"
#: Source text a report embeds per file, in UTF-8 bytes; the rest is cut with a visible note
#: (the whole file is still parsed, compared and counted).
MAX_SOURCE_BYTES = 200_000
_BOX_DRAWING = regex.compile(r"[\u2500-\u257f\s]")


def golden_of(path: Path) -> Path:
    """``x/name.pdf`` → ``x/name.expected.json``."""
    return path.with_name(path.stem + GOLDEN_SUFFIX)


def format_of(path: Path) -> str:
    """The format named by the file's ending (``txt``, ``hwp``, ``hwpx``, ``pdf``)."""
    return path.suffix.lower().lstrip(".")


def discover(root: Path, with_golden: bool) -> list[Path]:
    """Source files under ``root`` (recursive, sorted); with ``with_golden`` only those beside a golden."""
    found = []
    for path in sorted(root.rglob("*")):
        wanted = path.suffix.lower() in SOURCE_SUFFIXES and path.is_file()
        if wanted and (not with_golden or golden_of(path).is_file()):
            found.append(path)
    return found


def block_lines(blocks: Sequence[Block]) -> Iterator[str]:
    """A document's text as lines: paragraphs with their bullets, table rows as ``cell │ cell``."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield ("  " * block.depth) + block.full_text
        else:
            yield from table_lines(block)


def _cell_text(cell: Cell) -> str:
    text = cell.text if cell.text or not cell.paragraphs else "\n".join(p.full_text for p in cell.paragraphs)
    return " ".join(text.split("\n"))


def table_lines(table: Table) -> Iterator[str]:
    by_row: dict[int, list[Cell]] = {}
    for cell in table.cells:
        by_row.setdefault(cell.row, []).append(cell)
    yield "┌" + "─" * 8
    for row in sorted(by_row):
        cells = sorted(by_row[row], key=lambda c: c.col)
        yield "│ " + " │ ".join(_cell_text(c) for c in cells)
        for cell in cells:
            for nested in cell.tables:
                yield from table_lines(nested)
    yield "└" + "─" * 8


def document_text(document: Document) -> str:
    return "\n".join(block_lines(document.blocks))


@dataclass
class Parsed:
    """One parsed source file with the text a person reads it by: ``text`` is at most
    :data:`MAX_SOURCE_BYTES` of it, ``text_bytes`` the whole text's size and ``source_chars`` its
    printed characters (:func:`printed_chars`)."""

    path: Path
    format: str
    result: FileResult
    text: str = ""
    text_error: str | None = None
    text_bytes: int = 0
    source_chars: int = 0

    @property
    def text_cut(self) -> bool:
        return self.text_bytes > len(self.text.encode("utf-8"))


def cut_text(text: str, limit: int | None = None) -> str:
    """The first ``limit`` UTF-8 bytes of ``text`` (default :data:`MAX_SOURCE_BYTES`), whole characters."""
    limit = MAX_SOURCE_BYTES if limit is None else limit
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[:limit].decode("utf-8", errors="ignore")


def source_text(path: Path, data: bytes) -> str:
    """A ``.txt`` file's decoded text; for HWP/HWPX/PDF the text of its paragraphs and table cells."""
    document = read_document(path, data)
    if document.format == "txt":
        return decode_text(data)[0]
    return document_text(document)


def parse_source(path: Path, label: str, with_text: bool) -> Parsed:
    """Parse one file (never raises); ``label`` is the path the report shows."""
    try:
        data = read_bytes(path)
    except ReadError as exc:
        return Parsed(path, format_of(path), FileResult(path=label, status="failed", reason=exc.reason))
    parsed = Parsed(path, format_of(path), parse_bytes(data, label))
    if with_text:
        try:
            text = source_text(path, data)
        except ReadError as exc:
            parsed.text_error = exc.reason
        except Exception as exc:  # the text is for reading only; a reader bug must not stop the audit
            parsed.text_error = f"{type(exc).__name__}: {exc}"
        else:
            parsed.text, parsed.text_bytes = cut_text(text), len(text.encode("utf-8"))
            parsed.source_chars = printed_chars(text)
    return parsed


class ParsedResult(FileResult):
    """A file's result with the text a person reads it by: what a worker process sends back
    (the pool passes it on as the JSON of a ``FileResult``; a crash's plain ``FileResult``
    reads as one with no text)."""

    source_format: str = ""
    text: str = ""
    text_error: str | None = None
    text_bytes: int = 0
    source_chars: int = 0

    @classmethod
    def of(cls, parsed: Parsed) -> ParsedResult:
        return cls(**dict(parsed.result), source_format=parsed.format, text=parsed.text,
                   text_error=parsed.text_error, text_bytes=parsed.text_bytes, source_chars=parsed.source_chars)

    def parsed(self, path: Path, with_text: bool) -> Parsed:
        result = FileResult(**{name: getattr(self, name) for name in FileResult.model_fields})
        text_error = self.text_error
        if with_text and not self.source_format and text_error is None:  # a crash or a time-out: no text
            text_error = f"no source text: {self.reason}"
        return Parsed(path, self.source_format or format_of(path), result, self.text, text_error, self.text_bytes,
                      self.source_chars)


def printed_chars(text: str) -> int:
    """Characters that carry text: not whitespace, not box-drawing lines."""
    return len(_BOX_DRAWING.sub("", text))


def locate(text: str, pieces: Sequence[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """Where each piece lies in ``text`` (whitespace may differ): sorted non-overlapping spans, and
    the pieces not found."""
    spans: list[tuple[int, int]] = []
    lost: list[str] = []
    for piece in pieces:
        words = piece.split()
        if not words:
            continue
        pattern = regex.compile(r"\s*".join(regex.escape(w) for w in words))
        start = 0
        while True:
            match = pattern.search(text, start)
            if match is None:
                lost.append(piece)
                break
            span = (match.start(), match.end())
            if not any(a < span[1] and span[0] < b for a, b in spans):
                spans.append(span)
                break
            start = match.start() + 1
    return sorted(spans), lost

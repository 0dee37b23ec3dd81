"""The reader seam: one reader per format behind a small base class, one registry map.

A reader turns bytes into a :class:`~pledgecard.extract.document.Document`. It knows
nothing of pledge cards. The format is sniffed from the bytes, never the file name.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from pledgecard.extract.document import Document, with_valid_unicode
from pledgecard.models import SourceFormat


class ReadError(Exception):
    """A file a reader cannot read; ``reason`` is one line for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Reader(ABC):
    """Reads one format into the format-neutral document."""

    format: ClassVar[SourceFormat]
    #: Whether every text the reader hands on is valid Unicode by construction (an XML parser
    #: admits no lone surrogate; the text reader checks its decoded text once), so that the
    #: document need not be walked again for lone surrogates.
    valid_unicode: ClassVar[bool] = False

    @classmethod
    @abstractmethod
    def sniff(cls, head: bytes) -> bool:
        """Whether these leading bytes look like this reader's format."""

    @abstractmethod
    def read(self, path: Path, data: bytes) -> Document:
        """The document in ``data``; raises :class:`ReadError` with a reason."""


#: Every reader, by format. Adding a format means one module and one line here.
READERS: dict[SourceFormat, type[Reader]] = {}

#: Formats recognised by their magic bytes whose reader is not installed/available.
KNOWN_MAGIC: dict[bytes, str] = {
    b"%PDF-": "pdf",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "hwp",
    b"PK\x03\x04": "hwpx",
}


#: Office Open XML packages, told by a part only they hold (zip member names are plain bytes).
OFFICE_PARTS: dict[bytes, str] = {
    b"word/document.xml": "a Word file (.docx)",
    b"xl/workbook.xml": "an Excel file (.xlsx)",
    b"ppt/presentation.xml": "a PowerPoint file (.pptx)",
}


def register(reader: type[Reader]) -> type[Reader]:
    READERS[reader.format] = reader
    return reader


def sniff_format(data: bytes) -> SourceFormat | None:
    """The format of ``data`` by its content: binary formats by magic, text last."""
    head = data[:4096]
    for fmt, reader in READERS.items():
        if fmt != "txt" and reader.sniff(head):
            return fmt
    if any(head.startswith(magic) for magic in KNOWN_MAGIC):
        return None
    text_reader = READERS.get("txt")
    if text_reader is not None and text_reader.sniff(head):
        return "txt"
    return None


def describe_unknown(data: bytes) -> str:
    """A reason for a file no reader takes."""
    if not data:
        return "empty file"
    if data.startswith(b"PK\x03\x04"):
        office = next((what for part, what in OFFICE_PARTS.items() if part in data), None)
        if office:
            return f"{office}, not a pledge card"
        return "a zip archive that is not an HWPX document (no application/hwp+zip mimetype)"
    for magic, name in KNOWN_MAGIC.items():
        if data.startswith(magic):
            return f"{name.upper()} file, but no {name} reader is available"
    return "unknown format (not a text, HWP, HWPX or PDF document)"


def read_document(path: Path, data: bytes) -> Document:
    """Sniff and read; raises :class:`ReadError` naming the reason."""
    if not data:
        raise ReadError("empty file")
    fmt = sniff_format(data)
    if fmt is None:
        raise ReadError(describe_unknown(data))
    reader = READERS[fmt]()
    document = reader.read(path, data)
    return document if reader.valid_unicode else with_valid_unicode(document)

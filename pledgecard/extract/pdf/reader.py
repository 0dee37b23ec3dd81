"""PDF reader. Placeholder until the PDF work lands."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pledgecard.extract.base import Reader, ReadError, register
from pledgecard.extract.document import Document
from pledgecard.models import SourceFormat


@register
class PdfReader(Reader):
    format: ClassVar[SourceFormat] = "pdf"

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return head.lstrip()[:5] == b"%PDF-"

    def read(self, path: Path, data: bytes) -> Document:
        raise ReadError("PDF files are not supported yet")

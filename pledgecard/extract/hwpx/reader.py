"""HWPX (zip + OWPML XML) reader. Placeholder until the HWPX work lands."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pledgecard.extract.base import Reader, ReadError, register
from pledgecard.extract.document import Document
from pledgecard.models import SourceFormat


@register
class HwpxReader(Reader):
    format: ClassVar[SourceFormat] = "hwpx"

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and b"hwp+zip" in head[:200]

    def read(self, path: Path, data: bytes) -> Document:
        raise ReadError("HWPX files are not supported yet")

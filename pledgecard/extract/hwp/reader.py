"""HWP 5 (OLE2 compound file) reader. Placeholder until the HWP work lands."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pledgecard.extract.base import ReadError, Reader, register
from pledgecard.extract.document import Document
from pledgecard.models import SourceFormat


@register
class HwpReader(Reader):
    format: ClassVar[SourceFormat] = "hwp"

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

    def read(self, path: Path, data: bytes) -> Document:
        raise ReadError("HWP files are not supported yet")

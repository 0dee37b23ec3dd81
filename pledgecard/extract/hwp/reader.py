"""HWP 5 (OLE2 compound file) reader: the records read directly, one parser for every section.

Steps: the OLE container (olefile), the FileHeader (signature, version, flags: password,
DRM and certificate encryption are refused before anything else is read), DocInfo for
paragraph shapes, numberings and bullets, then each ``BodyText/Section{n}``, or for a
distribution-protected (배포용) file each decrypted ``ViewText/Section{n}``, split into
records and walked into blocks.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pledgecard.extract.base import Reader, ReadError, register
from pledgecard.extract.document import Block, Document
from pledgecard.extract.hwp.body import SectionWalker
from pledgecard.extract.hwp.container import Container, FileHeader, inflate
from pledgecard.extract.hwp.distdoc import decrypt_view_text
from pledgecard.extract.hwp.docinfo import DocInfo, parse_doc_info
from pledgecard.extract.hwp.records import split_records
from pledgecard.extract.numbering import Numbering
from pledgecard.models import SourceFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@register
class HwpReader(Reader):
    format: ClassVar[SourceFormat] = "hwp"

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return head.startswith(OLE_MAGIC)

    def read(self, path: Path, data: bytes) -> Document:
        container = Container(data)
        try:
            blocks = read_blocks(container)
        finally:
            container.close()
        return Document(path=str(path), format="hwp", blocks=blocks)


def read_blocks(container: Container) -> list[Block]:
    """Every section's blocks in order; table indexes run across sections."""
    header = container.file_header()
    info = parse_doc_info(split_records(_stream(container, header, "DocInfo"), "DocInfo"))
    storage = "ViewText" if header.distribution else "BodyText"
    names = container.sections(storage)
    if not names:
        raise ReadError(f"missing stream {storage}/Section0")
    blocks: list[Block] = []
    tables = 0
    numbering = Numbering(info.numberings)
    outline = "1"
    for name in names:
        walker = _walker(container, header, info, name, tables, numbering, outline)
        blocks.extend(walker.blocks())
        tables = walker.tables
        outline = walker.outline
    return blocks


def _walker(container: Container, header: FileHeader, info: DocInfo, name: str, first_table: int,
            numbering: Numbering, outline: str) -> SectionWalker:
    section = int(name.rsplit("Section", 1)[1])
    data = _stream(container, header, name)
    return SectionWalker(split_records(data, name), info, section, first_table, numbering, outline)


def _stream(container: Container, header: FileHeader, name: str) -> bytes:
    """A stream's record bytes: decrypted (ViewText of a 배포용 file), then decompressed."""
    data = container.raw(name)
    if name.startswith("ViewText/"):
        data = decrypt_view_text(data, name)
    return inflate(data, name) if header.compressed else data

"""HWPX (zip + OWPML XML) reader: sections into paragraphs and tables, read defensively.

``package`` opens the zip under size caps and refuses encrypted packages, ``safexml``
parses each XML part once with DTDs refused, ``styles`` reads the bullets, numberings
and margins of ``header.xml``, and ``body`` turns each section into blocks. Whatever
the bytes, ``read`` returns a document or raises :class:`ReadError` with a one-line reason.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from pledgecard.extract.base import Reader, ReadError, register
from pledgecard.extract.document import Block, Document
from pledgecard.extract.hwpx.body import SectionReader
from pledgecard.extract.hwpx.package import HEADER, Package, looks_like_hwpx
from pledgecard.extract.hwpx.safexml import parse_children, parse_xml
from pledgecard.extract.hwpx.styles import STYLE_LISTS, Styles, read_styles
from pledgecard.models import SourceFormat

#: The paragraph properties a section's paragraphs name: only those are read from ``header.xml``
#: (a header defines many more; reading them all was a sixth of a card's read).
_PARA_REFS = re.compile(rb"""paraPrIDRef\s*=\s*["']([^"']*)["']""")


@register
class HwpxReader(Reader):
    format: ClassVar[SourceFormat] = "hwpx"
    valid_unicode: ClassVar[bool] = True  # XML holds no lone surrogate (expat refuses one)

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return looks_like_hwpx(head)

    def read(self, path: Path, data: bytes) -> Document:
        try:
            blocks = read_blocks(data)
        except ReadError:
            raise
        except RecursionError:
            raise ReadError("document nested too deeply") from None
        except MemoryError:
            raise ReadError("document too large to read in memory") from None
        except Exception as exc:  # hostile input must only ever give a ReadError
            detail = " ".join(str(exc).split())
            raise ReadError(f"unreadable HWPX package ({type(exc).__name__}: {detail})") from exc
        return Document(path=str(path), format="hwpx", blocks=blocks)


def read_blocks(data: bytes) -> list[Block]:
    """The blocks of every section, in reading order."""
    package = Package(data)
    package.check_not_encrypted()
    sections = package.section_parts()
    raws = [package.read(part) for part in sections]
    styles = Styles()
    if HEADER in package:
        used = frozenset(ident.decode("utf-8", "replace") for raw in raws for ident in _PARA_REFS.findall(raw))
        header = parse_children(package.read(HEADER), HEADER, b"head", STYLE_LISTS, keep=(b"paraPr", used))
        styles = read_styles(header)
    reader = SectionReader(styles)
    blocks: list[Block] = []
    for index, (part, raw) in enumerate(zip(sections, raws, strict=True)):
        blocks.extend(reader.read(parse_xml(raw, part), index, part, has_switch=b"switch" in raw))
    return blocks

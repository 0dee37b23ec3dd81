"""The HWPX container: a zip with a ``mimetype`` entry, OWPML XML parts and a manifest.

Reading is defensive: every part is inflated in chunks under a per-part and a
per-package cap (a zip bomb stops at the cap, whatever sizes its headers claim),
an encrypted package is refused before its ciphertext is parsed, and every zip
or XML failure becomes a :class:`ReadError` naming the part.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import re
import struct
import zipfile
import zlib
from xml.etree.ElementTree import Element

from pledgecard.extract.base import ReadError
from pledgecard.extract.hwpx.safexml import children, local, parse_xml

MIMETYPE = b"application/hwp+zip"
#: Most bytes one part may inflate to.
MAX_PART_BYTES = 64 * 1024 * 1024
#: Most bytes all the parts read from one package may inflate to.
MAX_TOTAL_BYTES = 256 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
ENCRYPTED = "encrypted document (password-protected HWPX)"
HEADER = "Contents/header.xml"
CONTENT = "Contents/content.hpf"
MANIFEST = "META-INF/manifest.xml"
SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
#: Errors zipfile and its decompressors raise on damaged data.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError, struct.error)


def looks_like_hwpx(head: bytes) -> bool:
    """Zip magic and a first entry ``mimetype`` that reads ``application/hwp+zip``.

    OWPML writes the ``mimetype`` entry first and stored, so it is in the head bytes;
    a deflated one is inflated here (a few bytes at most).
    """
    if len(head) < _LOCAL_HEADER.size or not head.startswith(b"PK\x03\x04"):
        return False
    fields = _LOCAL_HEADER.unpack_from(head)
    method, compressed, name_len, extra_len = fields[3], fields[7], fields[9], fields[10]
    start = _LOCAL_HEADER.size + name_len + extra_len
    if head[_LOCAL_HEADER.size:_LOCAL_HEADER.size + name_len] != b"mimetype":
        return False
    payload = head[start:start + (compressed or 64)][:64]
    if method == zipfile.ZIP_DEFLATED:
        try:
            payload = zlib.decompressobj(-15).decompress(payload, 64)
        except zlib.error:
            return False
    elif method != zipfile.ZIP_STORED:
        return False
    return payload.strip().startswith(MIMETYPE)


def bomb_reason(part: str) -> str:
    return f"a part inflates past the size cap (possible zip bomb): {part}"


class Package:
    """The parts of one HWPX zip, read under the size caps."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except _ZIP_ERRORS as exc:
            raise ReadError(f"corrupt HWPX package (not a readable zip: {exc})") from None
        self._infos = {info.filename: info for info in infos}
        self._inflated = 0

    def __contains__(self, part: str) -> bool:
        return part in self._infos

    def read(self, part: str) -> bytes:
        """The inflated bytes of a part, stopping at the caps."""
        info = self._infos.get(part)
        if info is None:
            raise ReadError(f"missing part {part} in the HWPX package")
        if info.flag_bits & 0x1:
            raise ReadError(ENCRYPTED)
        if info.file_size > MAX_PART_BYTES or self._inflated + info.file_size > MAX_TOTAL_BYTES:
            raise ReadError(bomb_reason(part))
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(CHUNK_BYTES):
                    size += len(chunk)
                    if size > MAX_PART_BYTES or self._inflated + size > MAX_TOTAL_BYTES:
                        raise ReadError(bomb_reason(part))
                    chunks.append(chunk)
        except _ZIP_ERRORS as exc:
            raise ReadError(f"corrupt part {part} in the HWPX package ({exc})") from None
        self._inflated += size
        return b"".join(chunks)

    def xml(self, part: str) -> Element:
        return parse_xml(self.read(part), part)

    def check_not_encrypted(self) -> None:
        """Refuse a password-protected package (zip encryption or ODF ``encryption-data``)."""
        if any(info.flag_bits & 0x1 for info in self._infos.values()):
            raise ReadError(ENCRYPTED)
        if MANIFEST not in self:
            return
        data = self.read(MANIFEST)
        if b"encryption-data" not in data:
            return
        try:
            root = parse_xml(data, MANIFEST)
        except ReadError:
            raise ReadError(ENCRYPTED) from None
        if any(local(element.tag) == "encryption-data" for element in root.iter()):
            raise ReadError(ENCRYPTED)

    def section_parts(self) -> list[str]:
        """Section parts in reading order: the ``content.hpf`` spine, then any others by number."""
        numbered = sorted((int(m.group(1)), name) for name in self._infos if (m := SECTION.match(name)))
        by_number = [name for _, name in numbered]
        ordered = self._spine_sections() if CONTENT in self else []
        ordered += [name for name in by_number if name not in ordered]
        if not ordered:
            raise ReadError("not an HWPX document (missing part Contents/section0.xml)")
        return ordered

    def _spine_sections(self) -> list[str]:
        root = self.xml(CONTENT)
        hrefs: dict[str, str] = {}
        spine: list[str] = []
        for group in children(root):
            name = local(group.tag)
            if name == "manifest":
                for item in children(group):
                    ident, href = item.get("id"), item.get("href")
                    if local(item.tag) == "item" and ident is not None and href is not None:
                        hrefs[ident] = href
            elif name == "spine":
                spine.extend(ref.get("idref", "") for ref in children(group) if local(ref.tag) == "itemref")
        sections: list[str] = []
        for idref in spine:
            href = hrefs.get(idref)
            if href is None:
                continue
            part = self._resolve(href)
            if SECTION.match(part) and part not in sections:
                if part not in self:
                    raise ReadError(f"missing part {part} (listed in {CONTENT})")
                sections.append(part)
        return sections

    def _resolve(self, href: str) -> str:
        """A manifest ``href`` as a part name: relative to the package root, else to ``Contents/``."""
        href = href.lstrip("/")
        if href in self:
            return href
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(CONTENT), href))
        return relative if relative in self else href

"""The OLE2 container of an HWP 5 file: the FileHeader, its flags, and decompressed streams."""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass

import olefile

from pledgecard.extract.base import ReadError

SIGNATURE = b"HWP Document File"
NOT_HWP = "not an HWP document (OLE file without an HWP FileHeader)"
ENCRYPTED = "encrypted document (password-protected HWP)"
#: Largest decompressed stream accepted: a guard against compression bombs.
MAX_STREAM_BYTES = 256 * 1024 * 1024

FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD = 1 << 1
FLAG_DISTRIBUTION = 1 << 2
FLAG_DRM = 1 << 4
FLAG_CERT_ENCRYPTED = 1 << 8
FLAG_CERT_DRM = 1 << 10

#: What olefile raises on a corrupt or truncated container (it has no exception of its own).
OLE_ERRORS: tuple[type[BaseException], ...] = (
    OSError, ValueError, OverflowError, IndexError, KeyError, EOFError, struct.error, RecursionError, MemoryError,
)


@dataclass(frozen=True)
class FileHeader:
    version: tuple[int, int, int, int]
    flags: int

    @property
    def compressed(self) -> bool:
        return bool(self.flags & FLAG_COMPRESSED)

    @property
    def distribution(self) -> bool:
        return bool(self.flags & FLAG_DISTRIBUTION)

    @property
    def version_text(self) -> str:
        return ".".join(str(n) for n in self.version)


def parse_file_header(data: bytes) -> FileHeader:
    """The signature, version and flags; password, DRM or certificate encryption is refused here."""
    if len(data) < 40 or not data.startswith(SIGNATURE):
        raise ReadError(NOT_HWP)
    (raw_version, flags) = struct.unpack_from("<II", data, 32)
    version = (raw_version >> 24 & 0xFF, raw_version >> 16 & 0xFF, raw_version >> 8 & 0xFF, raw_version & 0xFF)
    if flags & FLAG_PASSWORD:
        raise ReadError(ENCRYPTED)
    if flags & (FLAG_DRM | FLAG_CERT_DRM):
        raise ReadError("encrypted document (DRM-protected HWP)")
    if flags & FLAG_CERT_ENCRYPTED:
        raise ReadError("encrypted document (certificate-encrypted HWP)")
    if version[0] != 5:
        raise ReadError(f"unsupported HWP version {'.'.join(map(str, version))} (only HWP 5 is read)")
    return FileHeader(version, flags)


class Container:
    """An opened OLE2 compound file; every failure surfaces as :class:`ReadError`."""

    def __init__(self, data: bytes) -> None:
        try:
            self._ole = olefile.OleFileIO(io.BytesIO(data))
            self._names = ["/".join(entry) for entry in self._ole.listdir(streams=True, storages=False)]
        except OLE_ERRORS as exc:
            raise ReadError(f"corrupt or truncated OLE container ({_why(exc)})") from exc
        issues = getattr(self._ole, "parsing_issues", None) or []
        #: What olefile tolerated while parsing (a sector past the end, a bad FAT entry).
        self.issue: str | None = f"{issues[0][0].__name__}: {issues[0][1]}" if issues else None

    def _broken(self, reason: str) -> ReadError:
        """``reason``, unless olefile saw a damaged container, which then explains it."""
        if self.issue:
            return ReadError(f"corrupt or truncated OLE container ({self.issue})")
        return ReadError(reason)

    def close(self) -> None:
        self._ole.close()

    def has(self, name: str) -> bool:
        return name in self._names

    def sections(self, storage: str) -> list[str]:
        """``{storage}/Section{n}`` stream names in section order."""
        prefix = f"{storage}/Section"
        numbered = [(int(name[len(prefix):]), name) for name in self._names
                    if name.startswith(prefix) and name[len(prefix):].isdigit()]
        return [name for _, name in sorted(numbered)]

    def raw(self, name: str) -> bytes:
        if name not in self._names:
            raise self._broken(f"missing stream {name}")
        try:
            with self._ole.openstream(name) as stream:
                data: bytes = stream.read()
            declared: int = self._ole.get_size(name)
        except OLE_ERRORS as exc:
            raise ReadError(f"cannot read stream {name} ({_why(exc)})") from exc
        if len(data) < declared:
            raise ReadError(f"truncated stream {name} ({len(data)} of {declared} bytes)")
        return data

    def file_header(self) -> FileHeader:
        if not self.has("FileHeader"):
            raise self._broken(NOT_HWP)
        data = self.raw("FileHeader")
        if not data.startswith(SIGNATURE):
            raise self._broken(NOT_HWP)
        return parse_file_header(data)


def inflate(data: bytes, stream: str) -> bytes:
    """Raw-deflate data (no zlib header), as HWP stores compressed streams."""
    inflater = zlib.decompressobj(-15)
    try:
        out = inflater.decompress(data, MAX_STREAM_BYTES)
    except zlib.error as exc:
        raise ReadError(f"bad compressed data in {stream} ({exc})") from exc
    if inflater.unconsumed_tail:
        raise ReadError(f"stream {stream} decompresses to more than {MAX_STREAM_BYTES >> 20} MiB")
    if not inflater.eof:
        raise ReadError(f"truncated compressed data in {stream}")
    return out


def _why(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

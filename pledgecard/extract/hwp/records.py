"""HWP 5 record streams: 32-bit headers (tag 10 bits, level 10 bits, size 12 bits) and payloads.

A stream (``DocInfo``, ``BodyText/Section{n}``) is a flat sequence of records; the level
of a record makes it a child of the nearest earlier record one level up. This module
only splits the bytes and finds each record's subtree; it knows no record's meaning.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from pledgecard.extract.base import ReadError

HWPTAG_BEGIN = 0x10
# DocInfo
TAG_NUMBERING = HWPTAG_BEGIN + 7
TAG_BULLET = HWPTAG_BEGIN + 8
TAG_PARA_SHAPE = HWPTAG_BEGIN + 9
TAG_DISTRIBUTE_DOC_DATA = HWPTAG_BEGIN + 12
# BodyText
TAG_PARA_HEADER = HWPTAG_BEGIN + 50
TAG_PARA_TEXT = HWPTAG_BEGIN + 51
TAG_CTRL_HEADER = HWPTAG_BEGIN + 55
TAG_LIST_HEADER = HWPTAG_BEGIN + 56
TAG_TABLE = HWPTAG_BEGIN + 61

_HEADER = struct.Struct("<I")
_EXTENDED_SIZE = 0xFFF


@dataclass(frozen=True, slots=True)
class Records:
    """The records of one stream as parallel lists; ``payload(i)`` slices the data."""

    stream: str
    data: bytes
    tags: list[int]
    levels: list[int]
    starts: list[int]
    ends: list[int]
    #: For each record, the index after its last descendant (computed once, in one pass).
    subtree_ends: list[int]

    def __len__(self) -> int:
        return len(self.tags)

    def payload(self, i: int) -> bytes:
        return self.data[self.starts[i]:self.ends[i]]

    def subtree_end(self, i: int) -> int:
        """The index after the last descendant of record ``i``."""
        return self.subtree_ends[i]


def _subtree_ends(levels: list[int]) -> list[int]:
    """For each record, the first later record at its level or above (its subtree's end):
    one pass with a stack of the records whose subtree is still open."""
    n = len(levels)
    ends = [n] * n
    open_: list[int] = []
    for j, level in enumerate(levels):
        while open_ and levels[open_[-1]] >= level:
            ends[open_.pop()] = j
        open_.append(j)
    return ends


def split_records(data: bytes, stream: str) -> Records:
    """Every record of ``data``; a header or payload running past the end is a :class:`ReadError`."""
    tags: list[int] = []
    levels: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    unpack = _HEADER.unpack_from
    pos = 0
    n = len(data)
    while pos < n:
        if pos + 4 > n:
            raise ReadError(f"truncated record header at offset {pos} in {stream}")
        (header,) = unpack(data, pos)
        pos += 4
        size = header >> 20
        if size == _EXTENDED_SIZE:
            if pos + 4 > n:
                raise ReadError(f"truncated record header at offset {pos - 4} in {stream}")
            (size,) = unpack(data, pos)
            pos += 4
        if size > n - pos:
            raise ReadError(f"record at offset {pos} in {stream} declares {size} bytes, "
                            f"only {n - pos} left (truncated or corrupt stream)")
        tags.append(header & 0x3FF)
        levels.append((header >> 10) & 0x3FF)
        starts.append(pos)
        pos += size
        ends.append(pos)
    return Records(stream, data, tags, levels, starts, ends, _subtree_ends(levels))


def u16(payload: bytes, offset: int) -> int:
    return int.from_bytes(payload[offset:offset + 2], "little")


def u32(payload: bytes, offset: int) -> int:
    return int.from_bytes(payload[offset:offset + 4], "little")


def i32(payload: bytes, offset: int) -> int:
    return int.from_bytes(payload[offset:offset + 4], "little", signed=True)

"""PARA_TEXT payloads: UTF-16LE text with control characters 0..31 embedded.

Extended controls (tables, drawing objects, notes, headers…) and inline controls (tab,
field end…) take 8 WCHARs; character controls take one. An extended control stands for
the next CTRL_HEADER child record of the paragraph, in order.
"""

from __future__ import annotations

import re
from typing import NamedTuple

EXTENDED = frozenset({1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23})
INLINE = frozenset({4, 5, 6, 7, 8, 9, 19, 20})
TAB = 9
LINE_BREAK = 10
#: Character controls written as text: line break, hyphen, non-breaking and fixed-width space.
_CHAR_TEXT = {LINE_BREAK: "\n", 24: "-", 30: " ", 31: " "}
_CONTROL = re.compile(rb"[\x00-\x1f]\x00")
_WIDE = 16  # bytes of an inline or extended control


class Control(NamedTuple):
    """An extended control: its code and its 4-byte id as written in CTRL_HEADER (``b" lbt"``)."""

    code: int
    chid: bytes


Piece = str | Control


def decode_para_text(data: bytes) -> list[Piece]:
    """Text runs and extended controls in order; tabs become ``\\t`` and line breaks ``\\n``."""
    pieces: list[Piece] = []
    pos = 0
    n = len(data) - len(data) % 2
    search = _CONTROL.search
    while pos < n:
        match = search(data, pos, n)
        while match is not None and match.start() % 2:  # straddles two units: not a control
            match = search(data, match.start() + 1, n)
        if match is None:  # a lone surrogate passes: the document check makes it U+FFFD with a finding
            pieces.append(data[pos:n].decode("utf-16le", "surrogatepass"))
            break
        at = match.start()
        if at > pos:
            pieces.append(data[pos:at].decode("utf-16le", "surrogatepass"))
        code = data[at]
        if code in EXTENDED:
            pieces.append(Control(code, data[at + 2:at + 6]))
            pos = at + _WIDE
        elif code in INLINE:
            if code == TAB:
                pieces.append("\t")
            pos = at + _WIDE
        else:
            text = _CHAR_TEXT.get(code)
            if text:
                pieces.append(text)
            pos = at + 2
    return pieces

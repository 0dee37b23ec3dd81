"""The parts of ``DocInfo`` a reader needs: paragraph shapes (heading, left margin), numberings, bullets.

A NUMBERING record holds, per level, a 12-byte head (attributes UINT32 with the number
format in bits 5-8, width adjust, distance, char shape id) and its template (WORD length,
WCHAR[length], e.g. ``^1.``); after the first 7 levels come the start number (UINT16)
and, from 5.0.2.5, the 7 levels' start numbers (UINT32[7]); newer files append levels
8-10 the same way and their 3 start numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pledgecard.extract.hwp.records import TAG_BULLET, TAG_NUMBERING, TAG_PARA_SHAPE, Records, i32, u16, u32
from pledgecard.extract.numbering import HWP_NUM_FORMATS, ParaHead

HEAD_NONE = 0
HEAD_OUTLINE = 1
HEAD_NUMBER = 2
HEAD_BULLET = 3
#: HWPUNITs of left margin per depth step (1000 in the file; Hancom stores margins doubled).
MARGIN_PER_DEPTH = 1000
#: Levels of a NUMBERING record before its start numbers, and the extended levels after them.
NUMBERING_LEVELS = 7
NUMBERING_EXTRA_LEVELS = 3
_LEVEL_HEAD = 12


@dataclass(frozen=True, slots=True)
class ParaShape:
    head: int = HEAD_NONE
    head_id: int = 0
    left_margin: int = 0
    #: Heading level, 0-based (attribute bits 25-27).
    level: int = 0

    @property
    def depth(self) -> int:
        return max(self.left_margin, 0) // MARGIN_PER_DEPTH


_PLAIN = ParaShape()


@dataclass
class DocInfo:
    para_shapes: list[ParaShape] = field(default_factory=list)
    #: Bullet characters by bullet id (ids are 1-based in PARA_SHAPE; index 0 is id 1).
    bullets: list[str] = field(default_factory=list)
    #: Numberings by their 1-based id as a string, each level's head by 1-based level.
    numberings: dict[str, dict[int, ParaHead]] = field(default_factory=dict)

    def shape(self, shape_id: int | None) -> ParaShape:
        if shape_id is None or not 0 <= shape_id < len(self.para_shapes):
            return _PLAIN
        return self.para_shapes[shape_id]

    def bullet_of(self, shape_id: int | None) -> str | None:
        """The automatic bullet (글머리표) glyph of paragraphs with this shape, if any."""
        if shape_id is None or not 0 <= shape_id < len(self.para_shapes):
            return None
        shape = self.para_shapes[shape_id]
        if shape.head != HEAD_BULLET or not 1 <= shape.head_id <= len(self.bullets):
            return None
        return self.bullets[shape.head_id - 1] or None

    def depth_of(self, shape_id: int | None) -> int:
        if shape_id is None or not 0 <= shape_id < len(self.para_shapes):
            return 0
        return self.para_shapes[shape_id].depth


def parse_doc_info(records: Records) -> DocInfo:
    """Paragraph shapes and bullet glyphs; short or odd records give neutral values."""
    info = DocInfo()
    for i, tag in enumerate(records.tags):
        if tag == TAG_PARA_SHAPE:
            payload = records.payload(i)
            if len(payload) < 32:
                info.para_shapes.append(ParaShape())
                continue
            attrs = u32(payload, 0)
            info.para_shapes.append(ParaShape(head=(attrs >> 23) & 0x3, head_id=u16(payload, 30),
                                              left_margin=i32(payload, 4), level=(attrs >> 25) & 0x7))
        elif tag == TAG_NUMBERING:
            info.numberings[str(len(info.numberings) + 1)] = _numbering(records.payload(i))
        elif tag == TAG_BULLET:
            payload = records.payload(i)
            code = u16(payload, 12) if len(payload) >= 14 else 0
            info.bullets.append(_bullet_char(code))
    return info


def _numbering(payload: bytes) -> dict[int, ParaHead]:
    """A NUMBERING record's levels; reading stops quietly where the record runs short."""
    levels: list[tuple[str, str]] = []
    pos = _read_levels(payload, 0, NUMBERING_LEVELS, levels)
    starts: list[int] = []
    if len(levels) == NUMBERING_LEVELS:
        pos += 2  # the numbering's start number; the levels' own start numbers follow
        pos = _read_starts(payload, pos, NUMBERING_LEVELS, starts)
        if len(starts) == NUMBERING_LEVELS:
            pos = _read_levels(payload, pos, NUMBERING_EXTRA_LEVELS, levels)
            _read_starts(payload, pos, len(levels) - NUMBERING_LEVELS, starts)
    heads: dict[int, ParaHead] = {}
    for index, (num_format, template) in enumerate(levels):
        start = starts[index] if index < len(starts) else 1
        heads[index + 1] = ParaHead(start=start, num_format=num_format, template=template)
    return heads


def _read_levels(payload: bytes, pos: int, count: int, out: list[tuple[str, str]]) -> int:
    """Up to ``count`` level heads and templates from ``pos`` into ``out``; the offset after them."""
    for _ in range(count):
        if pos + _LEVEL_HEAD + 2 > len(payload):
            break
        code = (u32(payload, pos) >> 5) & 0xF
        length = u16(payload, pos + _LEVEL_HEAD)
        text_end = pos + _LEVEL_HEAD + 2 + 2 * length
        if text_end > len(payload):
            break
        # a lone surrogate passes: the document check makes it U+FFFD with a finding
        template = payload[pos + _LEVEL_HEAD + 2:text_end].decode("utf-16-le", errors="surrogatepass")
        out.append((HWP_NUM_FORMATS[code] if code < len(HWP_NUM_FORMATS) else "DIGIT", template))
        pos = text_end
    return pos


def _read_starts(payload: bytes, pos: int, count: int, out: list[int]) -> int:
    """Up to ``count`` UINT32 start numbers from ``pos`` into ``out``; the offset after them."""
    for _ in range(count):
        if pos + 4 > len(payload):
            break
        out.append(u32(payload, pos))
        pos += 4
    return pos


def _bullet_char(code: int) -> str:
    """The bullet glyph; none for NUL, controls, spaces and lone surrogates."""
    if code < 0x21 or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)

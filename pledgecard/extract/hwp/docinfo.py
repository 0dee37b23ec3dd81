"""The parts of ``DocInfo`` a reader needs: paragraph shapes (bullet, left margin) and bullets."""

from __future__ import annotations

from dataclasses import dataclass, field

from pledgecard.extract.hwp.records import TAG_BULLET, TAG_PARA_SHAPE, Records, i32, u16, u32

HEAD_NONE = 0
HEAD_OUTLINE = 1
HEAD_NUMBER = 2
HEAD_BULLET = 3
#: HWPUNITs of left margin per depth step (1000 in the file; Hancom stores margins doubled).
MARGIN_PER_DEPTH = 1000


@dataclass(frozen=True, slots=True)
class ParaShape:
    head: int = HEAD_NONE
    head_id: int = 0
    left_margin: int = 0

    @property
    def depth(self) -> int:
        return max(self.left_margin, 0) // MARGIN_PER_DEPTH


@dataclass
class DocInfo:
    para_shapes: list[ParaShape] = field(default_factory=list)
    #: Bullet characters by bullet id (ids are 1-based in PARA_SHAPE; index 0 is id 1).
    bullets: list[str] = field(default_factory=list)

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
                                              left_margin=i32(payload, 4)))
        elif tag == TAG_BULLET:
            payload = records.payload(i)
            code = u16(payload, 12) if len(payload) >= 14 else 0
            info.bullets.append(_bullet_char(code))
    return info


def _bullet_char(code: int) -> str:
    """The bullet glyph; none for NUL, controls, spaces and lone surrogates."""
    if code < 0x21 or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)

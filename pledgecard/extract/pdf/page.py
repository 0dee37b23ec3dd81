"""What a PDF page holds, read once with pdfium: characters with boxes, ruling segments.

The characters include the space glyphs a producer wrote (``SPACE``), never the spaces pdfium
makes up from gaps: where they are, they say where the words are (see ``lines``).

Coordinates are turned top-down (``top`` grows down the page), as a reader reads.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: Stroke thickness below which a path's box is a line, in points.
THIN = 2.5
#: A filled rectangle covering this share of the page is a background, not a rule.
BACKGROUND_SHARE = 0.8
#: Height of a font's loose box (ascent + descent) in ems, for the size of a character.
EM_HEIGHT = 1.15
#: Path segment counts of a rectangle (move, 3 or 4 lines, close).
RECTANGLE_SEGMENTS = frozenset({4, 5})
#: Path segment count of one straight line (move, line).
LINE_SEGMENTS = 2
#: A stroked line whose box is this many times longer than thick is a rule, however thick.
ELONGATED = 4.0
_SKIP = frozenset("\r\n\x00\ufffe\uffff")
#: The text of a space glyph in the text layer (any white space the producer wrote).
SPACE = " "


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Segment:
    """An axis-aligned rule: horizontal when ``y0 == y1``-ish, vertical when ``x0 == x1``-ish."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) <= abs(self.x1 - self.x0)


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    chars: list[Char]
    segments: list[Segment]
    images: int

    @property
    def writes_spaces(self) -> bool:
        """Whether the producer wrote space glyphs (LibreOffice does, HWP printers do not)."""
        return any(char.text == SPACE for char in self.chars)


def read_chars(page: pdfium.PdfPage, height: float) -> list[Char]:
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        loose = pdfium_c.FS_RECTF()
        chars: list[Char] = []
        for index in range(count):
            code = pdfium_c.FPDFText_GetUnicode(raw, index)
            if code == 0 or code > 0x10FFFF:
                continue
            text = chr(code)
            if text in _SKIP or pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
                continue
            if text.isspace():
                text = SPACE  # a space glyph the producer wrote, not one pdfium made up from a gap
            if not pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top):
                continue
            if pdfium_c.FPDFText_GetLooseCharBox(raw, index, loose):
                # the font's box (advance width, ascent to descent): punctuation sits on the line of
                # the letters around it, and the gap between two letters of a word is nil
                x0, x1, upper, lower = loose.left, loose.right, loose.top, loose.bottom
            else:
                x0, x1, upper, lower = left.value, right.value, top.value, bottom.value
            # the font size as drawn (FPDFText_GetFontSize ignores the text matrix): the em box
            size = (upper - lower) / EM_HEIGHT if upper > lower else 1.0
            chars.append(Char(text, x0, x1, height - upper, height - lower, size))
        return chars
    finally:
        textpage.close()


def _segments_of_box(left: float, bottom: float, right: float, top: float, height: float,
                     line: bool = False) -> list[Segment]:
    """The rules a box draws: its centre line when it is thin (or ``line``), else its four edges."""
    y_top, y_bottom = height - top, height - bottom
    width, tall = right - left, top - bottom
    line = line or min(width, tall) <= THIN
    if line and width > tall:
        y = (y_top + y_bottom) / 2
        return [Segment(left, y, right, y)]
    if line and tall > width:
        x = (left + right) / 2
        return [Segment(x, y_top, x, y_bottom)]
    return [Segment(left, y_top, right, y_top), Segment(left, y_bottom, right, y_bottom),
            Segment(left, y_top, left, y_bottom), Segment(right, y_top, right, y_bottom)]


def _stroke_width(obj: pdfium.PdfObject) -> float:
    width = ctypes.c_float()
    return width.value if pdfium_c.FPDFPageObj_GetStrokeWidth(obj.raw, width) else 0.0


def _is_thick_line(obj: pdfium.PdfObject, pieces: int, short: float, long: float) -> bool:
    """One straight rule stroked wider than THIN (a bold outer border): its box (which pdfium
    pads by up to the stroke width on each side) is much longer than tall."""
    return pieces == LINE_SEGMENTS and long >= ELONGATED * short and short <= 2 * _stroke_width(obj) + THIN


def _thick_rule(left: float, bottom: float, right: float, top: float, height: float) -> Segment:
    """The centre line of a thick rule's box, its ends pulled in by the padding pdfium adds."""
    inset = min(right - left, top - bottom) / 2
    if right - left > top - bottom:
        left, right = left + inset, right - inset
    else:
        bottom, top = bottom + inset, top - inset
    return _segments_of_box(left, bottom, right, top, height, line=True)[0]


def read_segments(page: pdfium.PdfPage, width: float, height: float) -> tuple[list[Segment], int]:
    """Rules drawn on the page (lines, thin boxes, rectangle edges) and the count of images."""
    segments: list[Segment] = []
    images = 0
    for obj in page.get_objects(max_depth=8):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = obj.get_bounds()
        pieces = pdfium_c.FPDFPath_CountSegments(obj.raw)
        if pieces <= max(RECTANGLE_SEGMENTS) and (right - left) * (top - bottom) >= BACKGROUND_SHARE * width * height:
            continue
        short, long = sorted((right - left, top - bottom))
        if short <= THIN or pieces in RECTANGLE_SEGMENTS:
            segments.extend(_segments_of_box(left, bottom, right, top, height))
        elif _is_thick_line(obj, pieces, short, long):
            segments.append(_thick_rule(left, bottom, right, top, height))
        elif pieces > max(RECTANGLE_SEGMENTS):
            segments.extend(subpath_rules(obj, height))
    return segments, images


def _subpaths(obj: pdfium.PdfObject) -> list[tuple[list[tuple[float, float]], bool]]:
    """The straight subpaths of a path as (points in page space, closed); curved ones left out."""
    raw = obj.raw
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(raw, matrix):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[list[tuple[float, float]], bool]] = []
    points: list[tuple[float, float]] = []
    closed = curved = False
    for index in range(pdfium_c.FPDFPath_CountSegments(raw)):
        piece = pdfium_c.FPDFPath_GetPathSegment(raw, index)
        kind = pdfium_c.FPDFPathSegment_GetType(piece)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if points and not curved:
                out.append((points, closed))
            points, closed, curved = [], False, False
        curved = curved or kind == pdfium_c.FPDF_SEGMENT_BEZIERTO
        pdfium_c.FPDFPathSegment_GetPoint(piece, x, y)
        points.append((matrix.a * x.value + matrix.c * y.value + matrix.e,
                       matrix.b * x.value + matrix.d * y.value + matrix.f))
        closed = closed or bool(pdfium_c.FPDFPathSegment_GetClose(piece))
    if points and not curved:
        out.append((points, closed))
    return out


def subpath_rules(obj: pdfium.PdfObject, height: float) -> list[Segment]:
    """Rules of a path that draws many (every rule of a table as ``re`` boxes filled at once, or
    ``m l`` pairs stroked at once): each axis-aligned box or stroked straight line in it."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke)
    rules: list[Segment] = []
    for points, closed in _subpaths(obj):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
        if len(points) == LINE_SEGMENTS and not closed and stroke.value:
            if min(right - left, top - bottom) <= THIN:
                rules.extend(_segments_of_box(left, bottom, right, top, height))
        elif len(set(points)) == 4 and len(set(xs)) == 2 and len(set(ys)) == 2:  # an re box's corners
            rules.extend(_segments_of_box(left, bottom, right, top, height))
    return rules


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageContent:
    page = pdf[index]
    try:
        width, height = page.get_size()
        segments, images = read_segments(page, width, height)
        return PageContent(index + 1, width, height, read_chars(page, height), segments, images)
    finally:
        page.close()

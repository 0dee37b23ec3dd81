"""What a PDF page holds, read once with pdfium: characters with boxes, ruling segments.

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
_SKIP = frozenset("\r\n\x00\ufffe\uffff")


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
            if text in _SKIP or text.isspace() or pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
                continue
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


def _segments_of_box(left: float, bottom: float, right: float, top: float, height: float) -> list[Segment]:
    y_top, y_bottom = height - top, height - bottom
    width, tall = right - left, top - bottom
    if tall <= THIN and width > tall:
        y = (y_top + y_bottom) / 2
        return [Segment(left, y, right, y)]
    if width <= THIN and tall > width:
        x = (left + right) / 2
        return [Segment(x, y_top, x, y_bottom)]
    return [Segment(left, y_top, right, y_top), Segment(left, y_bottom, right, y_bottom),
            Segment(left, y_top, left, y_bottom), Segment(right, y_top, right, y_bottom)]


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
        if (right - left) * (top - bottom) >= BACKGROUND_SHARE * width * height:
            continue
        pieces = pdfium_c.FPDFPath_CountSegments(obj.raw)
        thin = min(right - left, top - bottom) <= THIN
        if thin or pieces in RECTANGLE_SEGMENTS:
            segments.extend(_segments_of_box(left, bottom, right, top, height))
    return segments, images


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageContent:
    page = pdf[index]
    try:
        width, height = page.get_size()
        segments, images = read_segments(page, width, height)
        return PageContent(index + 1, width, height, read_chars(page, height), segments, images)
    finally:
        page.close()

"""Characters into lines and words, lines into paragraphs.

Korean PDFs printed from HWP place every glyph on its own and draw no space glyphs,
and justified lines stretch the gaps. A gap is a word space when it is wider than the
line's typical gap by a share of the font size: a line stretched letter by letter
(``사 업 화 지 원``) has uniform gaps and stays one word.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from statistics import median

from pledgecard.extract.pdf.page import Char
from pledgecard.vocab import BULLET_LEVELS

#: A gap wider than the line's typical gap by this share of the font size is a space.
SPACE_SHARE = 0.22
#: The quantile of a line's gaps taken as the gap between letters of a word.
LETTER_GAP_QUANTILE = 0.25
#: With fewer gaps than this in a line, the typical gap is taken as zero.
MIN_GAPS_FOR_MEDIAN = 3
#: Characters whose centres are closer than this share of the size share a line.
SAME_LINE_SHARE = 0.5
#: A line ending closer than this many font sizes to the right edge was wrapped.
FILLED_SHARE = 1.5
#: A vertical gap wider than this share of the font size starts a new paragraph.
PARAGRAPH_GAP_SHARE = 0.9
#: The width of a word space, as a share of the font size, when asking whether a word fits.
WORD_SPACE_SHARE = 0.25


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    #: Width of the line's first word: had it fitted at the end of the line above, it would be there.
    first_word: float = 0.0


def group_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into lines, top to bottom, each line left to right."""
    lines: list[list[Char]] = []
    centres: list[float] = []
    for char in sorted(chars, key=lambda c: (c.cy, c.x0)):
        if lines and abs(char.cy - centres[-1]) <= SAME_LINE_SHARE * max(char.size, 1.0):
            lines[-1].append(char)
            continue
        lines.append([char])
        centres.append(char.cy)
    return [sorted(line, key=lambda c: c.x0) for line in lines]


def typical_gap(gaps: list[float]) -> float:
    """The gap between two letters of one word in this line: a low quantile of its gaps, so
    that a line stretched letter by letter has a wide one and a letter-spaced label a narrow one."""
    if len(gaps) < MIN_GAPS_FOR_MEDIAN:
        return 0.0
    ordered = sorted(gaps)
    return max(ordered[int(LETTER_GAP_QUANTILE * (len(ordered) - 1))], 0.0)


def space_before(chars: list[Char]) -> list[bool]:
    """For each character after the first, whether a word space precedes it."""
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(chars)]
    typical = typical_gap(gaps)
    return [gap - typical > SPACE_SHARE * char.size for gap, char in zip(gaps, chars[1:], strict=True)]


def _text(chars: list[Char], spaces: list[bool]) -> str:
    parts = [chars[0].text] if chars else []
    for space, char in zip(spaces, chars[1:], strict=True):
        if space:
            parts.append(" ")
        parts.append(char.text)
    return "".join(parts)


def line_text(chars: list[Char]) -> str:
    return _text(chars, space_before(chars))


def make_line(chars: list[Char]) -> Line:
    spaces = space_before(chars)
    word_end = spaces.index(True) if True in spaces else len(chars) - 1
    return Line(
        text=_text(chars, spaces),
        x0=min(c.x0 for c in chars),
        x1=max(c.x1 for c in chars),
        top=min(c.top for c in chars),
        bottom=max(c.bottom for c in chars),
        size=median(c.size for c in chars),
        first_word=chars[word_end].x1 - chars[0].x0,
    )


def lines_of(chars: list[Char]) -> list[Line]:
    return [make_line(group) for group in group_lines(chars) if group]


def wrapped(previous: Line, line: Line, right_edge: float) -> bool:
    """Whether ``line`` continues ``previous`` that wrapped: it reached the right edge, or the
    first word of ``line`` would not have fitted after it (a narrow cell wraps early)."""
    return (previous.x1 >= right_edge - FILLED_SHARE * previous.size
            or previous.x1 + WORD_SPACE_SHARE * line.size + line.first_word > right_edge)


def joined(text: str, continuation: str) -> str:
    """A wrapped line and the line it continues, with a space between them, none where the line
    broke after a hyphen inside a word or number (``033-249-`` + ``3477``)."""
    if len(text) > 1 and text[-1] == "-" and text[-2].isalnum() and continuation[:1].isalnum():
        return text + continuation
    return f"{text} {continuation}"


def join_paragraphs(
    lines: list[Line], right_edge: float, opens: Callable[[str], bool]
) -> list[tuple[str, Line]]:
    """``(text, first line)`` per paragraph: a line continues the one above when that one
    wrapped (see ``wrapped``), sits close below it, and does not open a bullet."""
    paragraphs: list[tuple[str, Line]] = []
    previous: Line | None = None
    for line in lines:
        lone_glyph = previous is not None and previous.text.strip() in BULLET_LEVELS
        continues = (
            previous is not None
            and (lone_glyph or wrapped(previous, line, right_edge))
            and line.top - previous.bottom <= PARAGRAPH_GAP_SHARE * line.size
            and not opens(line.text)
        )
        if continues and paragraphs:
            text, first = paragraphs[-1]
            paragraphs[-1] = (joined(text, line.text), first)
        else:
            paragraphs.append((line.text, line))
        previous = line
    return paragraphs

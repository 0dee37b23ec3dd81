"""Characters into lines and words, lines into paragraphs.

Korean PDFs printed from HWP place every glyph on its own and draw no space glyphs,
and justified lines stretch the gaps. A gap is a word space when it is wider than the
line's typical gap by a share of the font size, and by half of it again: a line stretched
letter by letter (``사 업 화 지 원``) has uniform gaps and stays one word.

A producer that writes space glyphs (LibreOffice) is taken at its word: there a space is
where the text layer has one, between two glyphs or at the end of a wrapped line (a line
wrapped inside a word or a number has none), whatever the gap. LibreOffice sets a gap of about 2 pt
between digits or Latin and Hangul (``2022~2027년``) that geometry would read as a space.
Only a gap wider than a tab's (``TAB_SHARE``) is a space without a glyph there.

A justified line that wrapped inside a word is spread letter by letter; a producer that spreads
the spare width after every glyph (hwp-ingest) leaves the same room again after the last one,
while a word space it widens ends the line flush with the edge: such a line of evenly set
glyphs is one word, however wide its gaps (``임 기`` / ``이후`` is ``임기이후``).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from statistics import median

from pledgecard.extract.pdf.page import SPACE, Char
from pledgecard.vocab import BULLET_LEVELS

#: A gap wider than the line's typical gap by this share of the font size is a space.
SPACE_SHARE = 0.22
#: In a line stretched letter by letter, a space is also this many times its letter gap (the
#: gaps around narrow Latin letters vary: ``생 활 S O C`` is one word).
STRETCHED_SPACE = 1.5
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
#: A line cut inside a word is set out to within this share of the font size of the edge.
BROKEN_ROOM_SHARE = 0.3
#: A number grouped in thousands, as a cut number must make once joined (a unit may follow).
_GROUPED_NUMBER = re.compile(r"[-+(]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\D*")
#: A number cut by a cell's edge may end or go on with one of these (``1,234,`` / ``567``).
NUMBER_MARKS = (",", ".")
#: The width of a space glyph, as a share of the font size: a line ending closer to the edge
#: had no room for the space that would have ended it.
SPACE_GLYPH_SHARE = 0.35
#: A line ending with one of these, filled to the edge, was cut at a space it dropped.
AFTER_PUNCTUATION = (",", ";", ":", ")")
#: Where the text layer writes spaces, a gap wider than this share of the font size is one
#: all the same (text set apart by a tab stop).
TAB_SHARE = 1.0
#: The width of a word space, as a share of the font size, when asking whether a word fits.
WORD_SPACE_SHARE = 0.25
#: Gaps within this share of the font size of each other are one letter gap (a line spread evenly).
EVEN_SHARE = 0.1


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
    #: Width of the line's first character: had it fitted, a word broken at the edge would go on.
    first_char: float = 0.0
    #: Whether the text layer has a space glyph at the end of the line (a wrap at a word space);
    #: None where the producer writes no spaces.
    ends_spaced: bool | None = None
    #: The gaps between its glyphs, left to right, and the glyphs' text without spaces.
    gaps: tuple[float, ...] = ()
    letters: str = ""


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


def written_spaces(chars: list[Char]) -> tuple[list[Char], list[bool], bool]:
    """A line's characters (left to right, space glyphs among them) as its glyphs, whether a
    space glyph stands before each glyph after the first, and whether one ends the line."""
    glyphs: list[Char] = []
    before: list[bool] = []
    pending = False
    for char in chars:
        if char.text == SPACE:
            pending = True
            continue
        if glyphs:
            before.append(pending)
        glyphs.append(char)
        pending = False
    return glyphs, before, pending


def space_before(chars: list[Char], written: list[bool] | None = None) -> list[bool]:
    """For each character after the first, whether a word space precedes it: where the
    producer writes space glyphs (``written``, see the module), else from the line's gaps."""
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(chars)]
    if written is not None:
        return [space or gap > TAB_SHARE * char.size for space, gap, char in zip(written, gaps, chars[1:], strict=True)]
    typical = typical_gap(gaps)
    return [gap - typical > SPACE_SHARE * char.size and gap > STRETCHED_SPACE * typical
            for gap, char in zip(gaps, chars[1:], strict=True)]


def _text(chars: list[Char], spaces: list[bool]) -> str:
    parts = [chars[0].text] if chars else []
    for space, char in zip(spaces, chars[1:], strict=True):
        if space:
            parts.append(" ")
        parts.append(char.text)
    return "".join(parts)


def line_text(chars: list[Char], text_spaces: bool = False) -> str:
    """The text of one line's characters, left to right (space glyphs among them where
    ``text_spaces``: the producer writes them)."""
    glyphs, written, _ = written_spaces(chars)
    return _text(glyphs, space_before(glyphs, written if text_spaces else None))


def make_line(chars: list[Char], text_spaces: bool = False) -> Line | None:
    """One line of characters sorted left to right; None when it holds only space glyphs."""
    glyphs, written, trailing = written_spaces(chars)
    if not glyphs:
        return None
    spaces = space_before(glyphs, written if text_spaces else None)
    word_end = spaces.index(True) if True in spaces else len(glyphs) - 1
    return Line(
        text=_text(glyphs, spaces),
        x0=min(c.x0 for c in glyphs),
        x1=max(c.x1 for c in glyphs),
        top=min(c.top for c in glyphs),
        bottom=max(c.bottom for c in glyphs),
        size=median(c.size for c in glyphs),
        first_word=glyphs[word_end].x1 - glyphs[0].x0,
        first_char=glyphs[0].x1 - glyphs[0].x0,
        ends_spaced=trailing if text_spaces else None,
        gaps=tuple(b.x0 - a.x1 for a, b in itertools.pairwise(glyphs)),
        letters="".join(c.text for c in glyphs),
    )


def lines_of(chars: list[Char], text_spaces: bool = False) -> list[Line]:
    """The lines of ``chars``; ``text_spaces``: the producer writes space glyphs (see the module)."""
    return [line for group in group_lines(chars) if (line := make_line(group, text_spaces)) is not None]


def wrapped(previous: Line, line: Line, right_edge: float) -> bool:
    """Whether ``line`` continues ``previous`` that wrapped: it reached the right edge, or the
    first word of ``line`` would not have fitted after it (a narrow cell wraps early)."""
    return (previous.x1 >= right_edge - FILLED_SHARE * previous.size
            or previous.x1 + WORD_SPACE_SHARE * line.size + line.first_word > right_edge)


def broke_inside_a_word(previous: Line, line: Line, right_edge: float) -> bool:
    """Whether the edge cut a word in two: ``previous`` is one word set out to the edge
    (``BROKEN_ROOM_SHARE``) and ``line`` goes on with it. A number must make one number grouped
    in thousands once joined (``22,000,000,`` / ``000``, ``3,600,000`` / ``,000``; ``2023`` /
    ``2024`` stay two); a word (``디지털헬스케`` / ``어``) must have had no room left for the next
    letter. A line of several words wrapped at a space, and so did a word ending short of the edge."""
    last, first = previous.text[-1:], line.text[:1]
    if " " in previous.text or previous.x1 < right_edge - BROKEN_ROOM_SHARE * previous.size:
        return False
    if (last.isdigit() or last in NUMBER_MARKS) and (first.isdigit() or first in NUMBER_MARKS):
        return _GROUPED_NUMBER.fullmatch(previous.text + line.text.split(" ")[0]) is not None
    return last.isalnum() and first.isalnum() and previous.x1 + line.first_char > right_edge


def joined(text: str, continuation: str, broken: bool = False) -> str:
    """A wrapped line and the line it continues, with a space between them, none where the edge
    cut a word (``broken``) or the line broke after a hyphen inside a word or number
    (``033-249-`` + ``3477``)."""
    if broken:
        return text + continuation
    if len(text) > 1 and text[-1] == "-" and text[-2].isalnum() and continuation[:1].isalnum():
        return text + continuation
    return f"{text} {continuation}"


def dropped_space(text: str, continuation: str) -> bool:
    """Whether a line filled to the edge with no space glyph at its end most likely dropped the
    space that did not fit: after a comma or a closing bracket before a word (``126곳,`` /
    ``참여인원``), or between Hangul and a number (``대여소`` / ``50개소``). LibreOffice breaks
    Hangul between any two syllables (``진료지`` / ``원``), and a number before its comma."""
    last, first = text[-1:], continuation[:1]
    return (last in AFTER_PUNCTUATION and first.isalnum()) or (_is_hangul(last) and first.isdigit())


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def join_wrapped(text: str, previous: Line | None, line: Line, right_edge: float) -> str:
    """``text`` (ending with ``previous``) and ``line`` that continues it. Where the producer
    writes space glyphs, a line ending with one wrapped at a space, one that left room for a
    space wrapped inside a word or before a bracket (``실`` / ``시설계``, ``완료`` / ``(2023.11.)``),
    and one filled to the edge may have dropped the space that did not fit (``dropped_space``).
    Without space glyphs, ``joined`` decides from the text and geometry."""
    if previous is None or previous.ends_spaced is None:
        return joined(text, line.text, previous is not None and broke_inside_a_word(previous, line, right_edge))
    filled = previous.x1 + SPACE_GLYPH_SHARE * previous.size > right_edge
    space = previous.ends_spaced or (filled and dropped_space(text, line.text))
    return f"{text} {line.text}" if space else text + line.text


def spread_to_the_edge(line: Line, right_edge: float) -> bool:
    """Whether ``line`` (of a producer that writes no space glyphs) is set out letter by letter
    to the edge: its glyphs evenly apart, and the room after the last one the same gap again
    (see the module). Its gaps are then letter gaps, and it ends where that last gap does."""
    if line.ends_spaced is not None or not line.gaps:
        return False
    tolerance = EVEN_SHARE * line.size
    gap = median(line.gaps)
    return max(line.gaps) - min(line.gaps) <= tolerance and abs(right_edge - line.x1 - gap) <= tolerance


def as_one_word(line: Line) -> Line:
    """A line spread letter by letter to the edge, read as the one word it is, reaching to the
    end of its last letter gap."""
    return dataclasses.replace(line, text=line.letters, x1=line.x1 + median(line.gaps))


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
        if continues and paragraphs and previous is not None:
            text, first = paragraphs[-1]
            if spread_to_the_edge(previous, right_edge):
                text, previous = text[:len(text) - len(previous.text)] + previous.letters, as_one_word(previous)
            paragraphs[-1] = (join_wrapped(text, previous, line, right_edge), first)
        else:
            paragraphs.append((line.text, line))
        previous = line
    return paragraphs

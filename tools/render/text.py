"""A card as a text dump in a style: ``render`` gives the text, ``render_bytes`` the file."""

from __future__ import annotations

from pledgecard.models import Card

from .document import Block, Grid, GridCell, Line, PageBreak
from .grids import WRITERS
from .layout import layout
from .style import Style
from .words import running_header_date

ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
HANGUL_ORDINALS = "가나다라마바사아자차카타파하"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮"
#: Headings a page break comes before (the seed's card is three pages).
BREAK_BEFORE = ("추진실적", "소통")


def heading_marker(style: Style, ordinal: int) -> str:
    """The heading's leading marker and the space after it."""
    marks = {"□": "□ ", "■": "■ ", "private": "\uf06e ", "lost": "\ufffd   ", "none": "",
             "roman": f"{ROMAN[ordinal - 1]}. ", "arabic": f"{ordinal}. ",
             "hangul": f"{HANGUL_ORDINALS[ordinal - 1]}. ", "circled": f"{CIRCLED[ordinal - 1]} "}
    return marks[style.heading]


def line_text(line: Line, style: Style) -> str:
    if line.role == "heading":
        return heading_marker(style, line.ordinal) + line.text
    if line.role == "item":
        indent = "  " * max(0, line.level - 1)
        return f"{indent}{line.marker} {line.text}" if line.marker else f"{indent}{line.text}"
    return line.text


def split_grid(grid: Grid) -> tuple[Grid, Grid]:
    """The grid cut at the middle of its body, the header rows repeated on the second part;
    a cell the cut goes through keeps its text above and spans on empty below."""
    cut = grid.header_rows + max(1, (grid.rows - grid.header_rows) // 2)
    while cut < grid.rows - 1 and _year_row(grid, cut - 1):
        cut += 1
    above: list[GridCell] = []
    below: list[GridCell] = [c for c in grid.cells if c.row < grid.header_rows]
    shift = cut - grid.header_rows
    for c in grid.cells:
        end = c.row + c.rowspan
        if end <= cut:
            above.append(c)
        elif c.row >= cut:
            below.append(GridCell(c.row - shift, c.col, c.text, c.rowspan, c.colspan))
        else:
            above.append(GridCell(c.row, c.col, c.text, cut - c.row, c.colspan))
            below.append(GridCell(grid.header_rows, c.col, "", end - cut, c.colspan))
    first = Grid(grid.name, cut, grid.cols, tuple(above), grid.header_rows)
    second = Grid(grid.name, grid.rows - shift, grid.cols, tuple(below), grid.header_rows)
    return first, second


def _year_row(grid: Grid, row: int) -> bool:
    """A ``<2024>`` row of the 목표달성 table: a page does not end on one."""
    cell = grid.at(row, 1)
    return cell is not None and cell.text.startswith("<")


def paginate(blocks: list[Block], card: Card, style: Style) -> list[Block]:
    """Page breaks with the style's furniture: before the 추진실적 and 소통 headings, at the
    end (page numbers), and for ``table_break`` in the middle of the longest table."""
    if style.furniture == "none":
        return blocks
    header = f"{running_header_date(card.as_of)} {card.kind}" if card.kind else ""
    out: list[Block] = []
    page = 1
    breaks = sum(1 for b in blocks if _breaks_before(b)) + (1 if style.furniture == "table_break" else 0)

    def page_break() -> PageBreak:
        nonlocal page
        number = {"page_dash": f"- {page} -", "page_slash": f"{page} / {breaks + 1}",
                  "table_break": f"- {page} -"}.get(style.furniture)
        running = (header,) if style.furniture in ("running_header", "table_break") and header else ()
        page += 1
        return PageBreak(furniture=running, before=(number,) if number else ())

    longest = max((b for b in blocks if isinstance(b, Grid)), key=lambda g: g.rows, default=None)
    for block in blocks:
        if _breaks_before(block):
            out.append(page_break())
        if style.furniture == "table_break" and block is longest and longest.rows > longest.header_rows + 1:
            first, second = split_grid(longest)
            out += [first, page_break(), second]
            continue
        out.append(block)
    if style.furniture in ("page_dash", "page_slash", "table_break"):
        last = page_break()
        out.append(PageBreak(before=last.before))
    return out


def _breaks_before(block: Block) -> bool:
    return isinstance(block, Line) and block.role == "heading" and any(w in block.text for w in BREAK_BEFORE)


def render_lines(blocks: list[Block], style: Style) -> list[str]:
    spaced = style.table == "flattened"
    out: list[str] = []

    def gap() -> None:
        if out and out[-1] != "":
            out.append("")

    for block in blocks:
        if isinstance(block, PageBreak):
            gap()
            out += [*block.before, *([""] if block.before and block.furniture else []), *block.furniture]
            if block.furniture or block.before:
                out.append("")
            continue
        if isinstance(block, Grid):
            gap()
            rendered = WRITERS[style.table](block)
            out += [x for line in rendered for x in ([line, ""] if spaced else [line])]
            gap()
            continue
        if block.role in ("heading", "as_of", "caption", "unit") or spaced:
            gap()
        out.append(line_text(block, style))
        if spaced:
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return out


def render(card: Card, style: Style) -> str:
    """The card as a text dump in the style (always LF; ``render_bytes`` applies line endings)."""
    blocks = paginate(layout(card, style), card, style)
    return "\n".join(render_lines(blocks, style)) + "\n"


def render_cards(cards: list[Card], style: Style) -> str:
    """Several cards in one dump (a booklet), one after another."""
    return "\n".join(render(card, style) for card in cards)


def render_bytes(card: Card | list[Card], style: Style) -> bytes:
    """The dump as a file: the style's line endings and encoding (UTF-16 with its BOM);
    raises ``UnicodeEncodeError`` when the encoding cannot hold the card's text."""
    text = render_cards(card if isinstance(card, list) else [card], style)
    return text.replace("\n", style.newline).encode(style.encoding)

"""□ 추진실적(성과): progress blocks headed 《… 기준 누계》 / 《… 현재》, and the per-year
《현재까지 목표달성》 achievements table."""

from __future__ import annotations

import regex

from pledgecard.extract.card.flattened import YEAR_MARKER, rebuild_achievement_tables
from pledgecard.extract.card.items import build_items
from pledgecard.extract.card.layout import block_text
from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.document import Block, Cell, Paragraph, Table
from pledgecard.models import Achievement, Finding, ProgressBlock
from pledgecard.normalize import as_of_dates, parse_as_of, parse_status
from pledgecard.normalize.text import close_spaced, squash, unwrap
from pledgecard.vocab import CUMULATIVE_WORDS

_BLOCK_HEADING = regex.compile(r"^[《≪〈<\[【]\s*(.+?)\s*[》≫〉>\]】]$")
#: Column positions when a table has no recognisable header row.
_DEFAULT_COLUMNS = {"main": 0, "project": 1, "status": 2, "details": 3}
#: An unbracketed as-of line is short (a longer line is an item that mentions a date).
_MAX_AS_OF_LINE = 30
#: What may follow the date of an as-of line with no 기준/현재 (``2024년 상반기 누계``).
_AS_OF_TAIL = regex.compile(r"[\s)）》\]】>〉]*(?:" + "|".join(CUMULATIVE_WORDS) + r")?[\s)）》\]】>〉]*")


def block_heading(block: Block) -> str | None:
    """A progress block's heading: ``《… 기준 누계》`` in brackets, or a short line of its own
    that states an as-of date (``(2025. 3. 31. 기준)``, ``’25. 1분기 기준``, ``2025년 상반기``)."""
    if not isinstance(block, Paragraph) or block.bullet is not None:
        return None
    text = block.text.strip()
    if YEAR_MARKER.match(text):
        return None
    match = _BLOCK_HEADING.match(text)
    if match is not None:
        return str(match.group(1))
    if len(squash(text)) > _MAX_AS_OF_LINE or not any(map(str.isdigit, text)):
        return None
    marked, span = as_of_dates(text)  # one scan: a marked date makes the line a heading
    if marked is not None:
        return text
    if span is None or span.text not in text:
        return None
    tail = text[text.rindex(span.text) + len(span.text):]
    return text if _AS_OF_TAIL.fullmatch(tail) else None


def read_progress(
    blocks: list[Block], findings: list[Finding], section_heading: str = "", *, settings: ParserSettings = DEFAULT
) -> tuple[list[ProgressBlock], list[Achievement], list[str]]:
    """Progress blocks and achievements; blocks before the first 《…》 heading take the as-of
    the section heading states (``□ 추진실적 (2025. 3. 31. 기준)``). The 목표달성 table's heading
    and column words are those of ``settings``."""
    progress: list[ProgressBlock] = []
    achievements: list[Achievement] = []
    leftovers: list[str] = []
    groups: list[tuple[str | None, list[Block]]] = [(None, [])]
    for block in blocks:
        heading = block_heading(block)
        if heading is not None:
            groups.append((heading, []))
        else:
            groups[-1][1].append(block)
    for heading, members in groups:
        if heading is None and not members:
            continue
        if heading is not None and settings.achievement_cue in squash(heading):
            rows, rest = read_achievements(members, settings=settings)
            achievements.extend(rows)
            leftovers.extend(rest)
            continue
        as_of, cumulative = parse_as_of(heading if heading is not None else section_heading)
        path = f"progress[{len(progress)}].items"
        paragraphs = [b for b in members if isinstance(b, Paragraph)]
        leftovers.extend(block_text(b) for b in members if isinstance(b, Table))
        progress.append(ProgressBlock(heading=heading or "", as_of=as_of, cumulative=cumulative,
                                      items=build_items(paragraphs, path, findings)))
    return progress, achievements, leftovers


def read_achievements(blocks: list[Block], *,
                      settings: ParserSettings = DEFAULT) -> tuple[list[Achievement], list[str]]:
    tables = [b for b in blocks if isinstance(b, Table)]
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    leftovers: list[str] = []
    if paragraphs:
        rebuilt, stray = rebuild_achievement_tables(paragraphs, settings=settings)
        tables.extend(rebuilt)
        leftovers.extend(p.full_text for p in stray)
    rows: list[Achievement] = []
    year: int | None = None
    merged_to_bottom = False
    for table in tables:
        table_rows, year, rest = achievements_of_table(table, year, settings=settings)
        rows.extend(_under_main_above(rows[-1], table_rows) if rows and merged_to_bottom else table_rows)
        leftovers.extend(rest)
        merged_to_bottom = _main_merged_to_bottom(table, settings=settings)
    return rows, leftovers


def _main_merged_to_bottom(table: Table, *, settings: ParserSettings = DEFAULT) -> bool:
    """Whether the table's last 주요사업 cell is merged over rows down to its bottom: a page
    break cut that cell, and the next page's rows stand under it too."""
    grid = table.grid()
    if not grid:
        return False
    main = (_columns(grid[0], settings=settings) or _DEFAULT_COLUMNS).get("main")
    if main is None or main >= len(grid[-1]):
        return False
    cell = grid[-1][main]
    return cell is not None and bool(_text(cell)) and cell.rowspan > 1 and cell.row + cell.rowspan >= table.rows


def _under_main_above(last: Achievement, rows: list[Achievement]) -> list[Achievement]:
    """The first rows of a table a page break cut stand under the merged 주요사업 cell above the
    break (the new page does not write it again), as long as the year goes on."""
    out: list[Achievement] = []
    for k, row in enumerate(rows):
        if row.main_project is not None or row.year != last.year or last.main_project is None:
            return out + rows[k:]
        out.append(row.model_copy(update={"main_project": last.main_project}))
    return out


def _columns(header: list[Cell | None], *, settings: ParserSettings = DEFAULT) -> dict[str, int] | None:
    """Column -> position, by the header words of ``settings`` (None without project and details)."""
    found: dict[str, int] = {}
    for c, cell in enumerate(header):
        if cell is None:
            continue
        squashed = squash(cell.text)
        for key, words in settings.achievement_column_words.items():
            if key not in found and squashed.startswith(words):
                found[key] = c
    return found if {"project", "details"} <= found.keys() else None


def _text(cell: Cell | None) -> str:
    return unwrap(cell.text) if cell else ""


def _cells_from(row: list[Cell | None], r: int) -> list[Cell]:
    """The distinct cells that start in grid row ``r`` (a cell merged down from above is its
    first row's, a cell merged across is one)."""
    cells: list[Cell] = []
    for cell in row:
        if cell is not None and cell.row == r and not any(cell is seen for seen in cells):
            cells.append(cell)
    return cells


def _strip_bullet(cell: Cell | None) -> str:
    if cell is None:
        return ""
    return close_spaced(" ".join(p.text for p in cell.paragraphs) if cell.paragraphs else cell.text)


def _continues(row: list[Cell | None], columns: dict[str, int]) -> bool:
    """A row whose only text is in the details column: more lines of the row above (a cell a
    table written line by line cut into rows)."""
    details = columns["details"]
    return all(not _text(cell) for c, cell in enumerate(row) if c != details and cell is not row[details])


def achievements_of_table(table: Table, year: int | None, *,
                          settings: ParserSettings = DEFAULT) -> tuple[list[Achievement], int | None, list[str]]:
    """Rows of one 목표달성 table; ``year`` carries over from a table cut by a page break."""
    grid = table.grid()
    columns = _columns(grid[0], settings=settings) if grid else None
    start = 1 if columns else 0
    columns = columns or _DEFAULT_COLUMNS
    rows: list[Achievement] = []
    leftovers: list[str] = []
    for r in range(start, table.rows):
        row = grid[r]
        project_cell = row[columns["project"]] if columns["project"] < len(row) else None
        marker = YEAR_MARKER.match(_text(project_cell))
        if marker:
            year = int(marker.group(1))
            continue
        project = _strip_bullet(project_cell)
        details_cell = row[columns["details"]] if columns["details"] < len(row) else None
        if not project:
            more = [p.text for p in details_cell.paragraphs] if details_cell else []
            if rows and more and _continues(row, columns):
                rows[-1] = rows[-1].model_copy(update={"details": [*rows[-1].details, *more]})
            elif more or any(_text(c) for c in row):
                leftovers.append(" ".join(_text(c) for c in row if c))
            continue
        if year is None:  # before any <year> row no achievement holds it: the row's text goes on whole
            leftovers.append(" ".join(_text(c) for c in _cells_from(row, r) if _text(c)))
            continue
        status_cell = row[columns["status"]] if "status" in columns and columns["status"] < len(row) else None
        status_text = _text(status_cell)
        status = parse_status(status_text) if status_text else None
        if status_text and status is None:
            leftovers.append(status_text)
        details = [p.text for p in details_cell.paragraphs] if details_cell else []
        main_cell = row[columns["main"]] if "main" in columns and columns["main"] < len(row) else None
        main = close_spaced(_text(main_cell)) if main_cell is not project_cell else ""
        rows.append(Achievement(year=year, project=project, status=status, details=details,
                                main_project=main or None))
    return rows, year, leftovers

"""Tables that stand under another part's heading, moved to the part their words name.

A card sometimes writes a table under the wrong heading: the 구분 | 계 | 국비 | 도비 … table
under □ 사업개요, the 연도 | 추진계획 | 추진실적 table under □ 사업목적, a 문제점 | 대책 table
under □ 추진상황. Where the part it stands in would not read it, the table goes to the part
its header words name, told by the readers' own tests (imported, never copied), so the
reader of that part reads it as it would under its own heading.

Strict: a table moves only when exactly one part's words name it (and that part's reader
reads rows of it); with no match, or more than one, it stays where it is (its text then goes
to ``unplaced``, never lost). Tables of dated entries stay: progress, plans, effects and
purpose all take them. A unit line right above a finance table (``(단위: 백만원)``) and a
《목표달성》 heading right above an achievements table travel with it. A card without the
part gets a part of that key with no heading (nothing is read from a heading it lacks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from pledgecard.extract.card.communication import channels_of_table
from pledgecard.extract.card.dated import is_dated_table
from pledgecard.extract.card.finance import _layout, column_kind, is_source_label, read_finance_table
from pledgecard.extract.card.flattened import is_count
from pledgecard.extract.card.goals import _goals_of_table
from pledgecard.extract.card.issues import is_issues_table, paragraphs_of_table
from pledgecard.extract.card.layout import CardLayout, Section
from pledgecard.extract.card.progress import _columns, achievements_of_table, block_heading
from pledgecard.extract.card.settings import ParserSettings
from pledgecard.extract.card.tablewords import find_columns
from pledgecard.extract.card.yearly import yearly_of_table
from pledgecard.extract.document import Block, Paragraph, Table
from pledgecard.normalize import table_unit
from pledgecard.normalize.text import squash
from pledgecard.vocab import COUNT_ROW_LABELS, FUNDING_FIXED, TABLE_UNIT_LABEL, YEARLY_COLUMNS

#: The channel of a 소통 table that counts them all (계, 합계).
_TOTAL_WORDS = frozenset(squash(word) for word, category in FUNDING_FIXED.items() if category == "total")
_COUNT_ROW_WORDS = frozenset(squash(word) for word in COUNT_ROW_LABELS)
_BRACKETS = "()[]（）［］<>〈〉"
#: The parts whose readers take tables of dated entries (일자 | 추진내용).
_DATED_PARTS = frozenset({"progress", "plans", "effects", "purpose"})
#: Any issuer level will do to tell a finance table: the level only names a source's category.
_ANY_LEVEL = "unknown"


def _is_finance(table: Table, settings: ParserSettings) -> bool:
    """A header of finance columns (총사업비, 기투자, years) over rows of funding sources (or
    the sources across, the years down): the finance reader's own layout, with at least one
    cell of a source it knows. A key-value table (총사업비 | 1,000억원) is none."""
    cells, _ = read_finance_table(table, None, _ANY_LEVEL, settings=settings)
    return any(is_source_label(cell.source, settings=settings) for cell in cells)


def _is_yearly(table: Table, settings: ParserSettings) -> bool:
    """연도 | 추진계획 …, with at least one row of years the yearly reader reads."""
    if find_columns(table, YEARLY_COLUMNS, {"years", "plan"}) is None:
        return False
    plans, _ = yearly_of_table(table, [])
    return bool(plans)


def _is_issues(table: Table, settings: ParserSettings) -> bool:
    """문제점 | 대책 (쟁점사항 | 해소방안 …) with at least one entry (a paragraph is an item)."""
    found = paragraphs_of_table(table)
    return found is not None and bool(found[0] or found[1])


def _is_channel_table(table: Table, settings: ParserSettings) -> bool:
    """Channels and their counts: every value a count (``3``, ``12회``, ``-``, 수시), a total
    channel (계) or a row of counts (횟수), and no channel named as a finance word (국비,
    2024년, 기투자) — those are a finance table's."""
    channels = channels_of_table(table, settings=settings)
    if not channels:
        return False
    names = {squash(channel.channel) for channel in channels}
    if any(name not in _TOTAL_WORDS and (is_source_label(name, settings=settings)
                                         or column_kind(name, settings=settings) is not None) for name in names):
        return False
    values = [channel.text.strip() for channel in channels]
    if not all(not value or is_count(value) for value in values) or not any(values):
        return False
    labels = {squash(cell.text) for cell in table.cells}
    return bool(names & _TOTAL_WORDS or labels & _COUNT_ROW_WORDS)


def _is_achievements(table: Table, settings: ParserSettings) -> bool:
    """The 목표달성 table: a header of 세부사업 (목표치) and 추진내용 (추진실적) columns over rows."""
    grid = table.grid()
    if not grid or _columns(grid[0], settings=settings) is None:
        return False
    rows, _, rest = achievements_of_table(table, None, settings=settings)
    return bool(rows or rest)


def _is_goals(table: Table, settings: ParserSettings) -> bool:
    """Rows of goals (최종 목표 | …)."""
    goals, _ = _goals_of_table(table)
    return bool(goals)


#: Each part a table can be moved to, and the test of its words (the yearly, issues and goals
#: readers' words are vocab.py's alone: those tests take ``settings`` for one signature).
_KINDS: dict[str, Callable[[Table, ParserSettings], bool]] = {
    "finance": _is_finance,
    "yearly": _is_yearly,
    "issues": _is_issues,
    "communication": _is_channel_table,
    "progress": _is_achievements,
    "goals": _is_goals,
}


def table_part(table: Table, settings: ParserSettings, own: str | None = None) -> str | None:
    """The part a table's words name (the words of ``settings``); None for a table of dated
    entries (several parts take those), for words no part's reader takes, and for words more
    than one part's reader takes. ``own``: the part the table stands in; where its words name
    that part, the table stays whatever else they name, so the other parts' tests are not run."""
    own_test = _KINDS.get(own) if own is not None else None
    if own_test is not None and own_test(table, settings):
        return own
    found = [key for key, test in _KINDS.items() if test is not own_test and test(table, settings)]
    if len(found) != 1 or is_dated_table(table):  # (told last: most tables match no part at all)
        return None
    return found[0]


def _taken(key: str, table: Table, in_achievements: bool, settings: ParserSettings) -> bool:
    """Whether the reader of the part ``key`` reads the table where it stands."""
    if key in _DATED_PARTS and is_dated_table(table):
        return True
    if key == "finance":
        return _layout(table.grid(), settings=settings) is not None
    if key == "progress":
        return in_achievements
    if key == "communication":
        return False  # its reader reads any grid as channels: the words decide (table_part), read once
    if key == "yearly":
        return find_columns(table, YEARLY_COLUMNS, {"years", "plan"}) is not None
    if key == "issues":
        return is_issues_table(table)
    if key == "goals":
        return _is_goals(table, settings)
    return False  # 사업개요 takes no table; plans, effects, purpose only dated ones; other parts keep text


def _is_unit_line(block: Block) -> bool:
    """A line that only states the table's unit: ``(단위: 백만원)``, ``[단위 : 억원]``."""
    if not isinstance(block, Paragraph) or block.bullet is not None:
        return False
    return squash(block.text).strip(_BRACKETS).startswith(TABLE_UNIT_LABEL) and table_unit(block.text) is not None


def _is_achievement_heading(block: Block, settings: ParserSettings) -> bool:
    if not isinstance(block, Paragraph) or settings.achievement_cue not in squash(block.text):
        return False  # a heading's words are its line's: told without reading the line as a heading
    heading = block_heading(block)
    return heading is not None and settings.achievement_cue in squash(heading)


@dataclass
class _Move:
    key: str
    blocks: list[Block]
    #: Whether the blocks open their own group in the target (a 《목표달성》 heading leads them).
    headed: bool = False


def reroute_tables(layout: CardLayout, settings: ParserSettings) -> CardLayout:
    """The layout with each table that stands under another part's heading, and that its part
    would not read, moved to the part its words name (a copy; ``layout`` is left as it was).
    The words are those the readers read with ``settings`` (a profile's finance, 소통 and
    목표달성 words move a table as they read it)."""
    sections = [replace(section, blocks=list(section.blocks)) for section in layout.sections]
    moves: list[_Move] = []
    achievement_group = _has_achievement_group(sections, settings)
    for section in sections:
        section.blocks = _take_moves(section, moves, achievement_group, settings)
    for move in moves:
        _place(sections, move, settings)
    return replace(layout, sections=sections)


def _has_achievement_group(sections: list[Section], settings: ParserSettings) -> bool:
    return any(_is_achievement_heading(b, settings) for s in sections if s.key == "progress" for b in s.blocks)


def _take_moves(section: Section, moves: list[_Move], achievement_group: bool,
                settings: ParserSettings) -> list[Block]:
    """The blocks that stay in the section; the moved ones are added to ``moves``."""
    kept: list[Block] = []
    in_achievements = False
    looked = 0  # the blocks before this one have been looked at for a 《…》 heading
    last: _Move | None = None  # the move of the block right above, if it moved
    progress = section.key == "progress"  # only a progress part has 《…》 groups
    for index, block in enumerate(section.blocks):
        key = None
        if isinstance(block, Table):
            if progress:
                in_achievements = _in_achievements(section.blocks, looked, index, in_achievements, settings)
                looked = index
            if not _taken(section.key, block, in_achievements, settings):
                key = table_part(block, settings, section.key)
        if key is None or key == section.key:
            kept.append(block)
            last = None
        elif last is not None and last.key == key:
            last.blocks.append(block)  # the next table of the same part (a table a page break cut)
        else:
            last = _move(key, block, kept, achievement_group, settings)
            if last is None:
                kept.append(block)
            else:
                moves.append(last)
    return kept


def _in_achievements(blocks: list[Block], start: int, end: int, current: bool, settings: ParserSettings) -> bool:
    """Whether the table at ``end`` stands in a 《목표달성》 group: told by the last 《…》 heading
    among ``blocks[start:end]`` (looked for from the table upwards), else ``current``."""
    for block in reversed(blocks[start:end]):
        heading = block_heading(block)
        if heading is not None:
            return settings.achievement_cue in squash(heading)
    return current


def _move(key: str, table: Block, kept: list[Block], achievement_group: bool,
          settings: ParserSettings) -> _Move | None:
    """The move of a table to the part ``key``, with the line above that belongs to it (taken
    from ``kept``); None for an achievements table with no 《목표달성》 heading to stand under."""
    above = kept[-1] if kept else None
    if key == "finance" and above is not None and _is_unit_line(above):
        return _Move(key, [kept.pop(), table])
    if key == "progress" and above is not None and _is_achievement_heading(above, settings):
        return _Move(key, [kept.pop(), table], headed=True)
    if key == "progress" and not achievement_group:
        return None  # the progress reader reads such a table only under its 《목표달성》 heading
    return _Move(key, [table])


def _place(sections: list[Section], move: _Move, settings: ParserSettings) -> None:
    """The moved blocks at the end of the first part of their key (a heading-less achievements
    table at the end of its 《목표달성》 group); a new part of that key when the card has none."""
    target = next((s for s in sections if s.key == move.key), None)
    if move.key == "progress" and not move.headed:
        target = next(s for s in sections
                      if s.key == "progress" and any(_is_achievement_heading(b, settings) for b in s.blocks))
        at = _end_of_achievement_group(target.blocks, settings)
        target.blocks[at:at] = move.blocks
        return
    if target is None:
        target = Section(key=move.key, heading="", heading_block=Paragraph(text=""))
        sections.append(target)
    target.blocks.extend(move.blocks)


def _end_of_achievement_group(blocks: list[Block], settings: ParserSettings) -> int:
    """Where the first 《목표달성》 group of a progress part ends (the next block heading)."""
    start = next(i for i, block in enumerate(blocks) if _is_achievement_heading(block, settings))
    return next((i for i in range(start + 1, len(blocks)) if block_heading(blocks[i]) is not None), len(blocks))

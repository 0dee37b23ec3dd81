"""Tables that arrived flattened into paragraphs, rebuilt as real tables.

A text dump (or a PDF copied without its rules) writes the 소통 table and the per-year
목표달성 table cell after cell, wrapped cells over several lines (a 소통 table written
sideways: a channel and its count a line; a 목표달성 table cut by a page break: its header
written again, the cut year going on). Tables written one cell per line with a known
header are in :mod:`pledgecard.extract.card.celllines`. Their grids cannot be
read from the layout, so they are rebuilt from what the card's vocabulary knows: the
header words, the status words, the ``<2024>`` year rows, and the fact that the same
sub-projects recur every year. The result is an ordinary :class:`Table`, so the card
parser has one path for tables, whatever the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import regex

from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.document import Cell, Paragraph, Table, at_cell, cell, paragraph, provenance
from pledgecard.models import Provenance
from pledgecard.normalize import parse_status
from pledgecard.normalize.text import squash
from pledgecard.vocab import CHANNEL_STANDALONE, CHANNEL_TAILS, COUNT_WORDS

YEAR_MARKER = regex.compile(r"^[<〈]\s*(\d{4})\s*[>〉]")
_COUNT = regex.compile(r"^(?:\d[\d,]*(?:회|건)?|[-–―])$")
_COUNT_WORDS = frozenset(squash(w) for w in COUNT_WORDS)
#: The columns of a rebuilt 목표달성 table, in order (their header words are the settings').
_ACHIEVEMENT_KEYS = ("main", "project", "status", "details")
#: Lines of ``channel count`` that make a sideways 소통 table (two would read as a header row
#: over a row of counts).
MIN_CHANNEL_ROWS = 3
#: Words a count may be written in (횟수 기재).
MAX_COUNT_WORDS = max(len(word.split()) for word in COUNT_WORDS)


def _cell(row: int, col: int, paragraphs: list[Paragraph], rowspan: int = 1) -> Cell:
    first = paragraphs[0].provenance if paragraphs else provenance()
    return cell(row, col, "\n".join(p.full_text for p in paragraphs), paragraphs, at_cell(first, row, col), rowspan)


def _text_cell(row: int, col: int, text: str, line: int | None) -> Cell:
    return _cell(row, col, [paragraph(text, provenance=provenance(line=line))] if text else [])


# --------------------------------------------------------------------------- 소통 table
def is_count(token: str) -> bool:
    return bool(_COUNT.match(token)) or squash(token) in _COUNT_WORDS


def split_values(text: str) -> list[str] | None:
    """``["횟수 기재", "3", "2", …]``: a row of counts, leading words kept as one cell."""
    tokens = text.split()
    first = next((i for i, t in enumerate(tokens) if is_count(t)), None)
    if first is None:
        return None
    if not all(is_count(t) for t in tokens[first:]):
        return None
    lead = [" ".join(tokens[:first])] if first else []
    values = lead + tokens[first:]
    return values if len(values) >= 3 else None


def channel_fragments(paragraphs: list[Paragraph]) -> list[str]:
    """Header lines cut at standalone cells and glued where a name wrapped."""
    pieces: list[str] = []
    for line_paragraph in paragraphs:
        words = line_paragraph.full_text.split()
        current: list[str] = []
        for word in words:
            if word in CHANNEL_STANDALONE:
                if current:
                    pieces.append(" ".join(current))
                    current = []
                pieces.append(word)
            else:
                current.append(word)
        if current:
            pieces.append(" ".join(current))
    merged: list[str] = []
    for piece in pieces:
        glue = merged and merged[-1] not in CHANNEL_STANDALONE and (
            merged[-1].endswith((",", "·", "ㆍ")) or piece.split()[0] in CHANNEL_TAILS
        )
        if glue:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def _channel_row(text: str) -> tuple[str, str] | None:
    """``("만족도 조사", "1")``: a line that is a channel name and its count."""
    tokens = text.split()
    for size in range(min(MAX_COUNT_WORDS, len(tokens) - 1), 0, -1):  # 횟수 기재 is one count
        name, count = tokens[:-size], " ".join(tokens[-size:])
        if is_count(count):
            return (" ".join(name), count) if not is_count(name[-1]) else None
    return None


def _channel_rows(paragraphs: list[Paragraph]) -> tuple[Table, int] | None:
    """A 소통 table written sideways (``계 12``, ``주민간담회 5`` …): a channel and its count a line."""
    rows: list[tuple[str, str, int | None]] = []
    for p in paragraphs:
        found = _channel_row(p.full_text) if p.bullet is None else None
        if found is None:
            break
        rows.append((*found, p.provenance.line))
    if len(rows) < MIN_CHANNEL_ROWS:
        return None
    cells = [c for r, (name, count, line) in enumerate(rows)
             for c in (_text_cell(r, 0, name, line), _text_cell(r, 1, count, line))]
    return Table(rows=len(rows), cols=2, cells=cells, provenance=paragraphs[0].provenance), len(rows)


def rebuild_channel_table(paragraphs: list[Paragraph]) -> tuple[Table, int] | None:
    """The 소통 table from its flattened lines, and how many paragraphs it used: the channels on
    the lines above a line of counts, or a channel and its count on each line."""
    sideways = _channel_rows(paragraphs)
    if sideways is not None:
        return sideways
    for index in range(len(paragraphs) - 1, 0, -1):
        values = split_values(paragraphs[index].full_text)
        if values is None:
            continue
        names = channel_fragments(paragraphs[:index])
        if len(names) != len(values):
            return None
        line = paragraphs[index].provenance.line
        cells = [_text_cell(0, c, name, paragraphs[0].provenance.line) for c, name in enumerate(names)]
        cells += [_text_cell(1, c, value, line) for c, value in enumerate(values)]
        return Table(rows=2, cols=len(values), cells=cells, provenance=paragraphs[0].provenance), index + 1
    return None


# --------------------------------------------------------------------------- 목표달성 table
@dataclass
class _Unit:
    kind: str  # "bullet" | "status" | "plain"
    paragraphs: list[Paragraph]
    #: :attr:`text` and :attr:`key` once read (a unit is read once complete: after the
    #: segmentation). Kept by hand: Python 3.11's ``cached_property`` takes a lock on each first read.
    _text: str | None = field(default=None, repr=False, compare=False)
    _key: str | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The unit's lines joined."""
        if self._text is None:
            self._text = " ".join(p.text.strip() for p in self.paragraphs)
        return self._text

    @property
    def key(self) -> str:
        """:attr:`text` squashed, to compare with the project names."""
        if self._key is None:
            self._key = squash(self.text)
        return self._key


@dataclass
class _YearBlock:
    year_paragraphs: list[Paragraph]
    units: list[_Unit] = field(default_factory=list)


@dataclass
class _Segment:
    header: list[Paragraph]
    main: list[Paragraph] = field(default_factory=list)
    years: list[_YearBlock] = field(default_factory=list)


def _is_header_start(p: Paragraph, key: str, main_words: tuple[str, ...]) -> bool:
    """``key``: the paragraph's text squashed; ``main_words``: the 주요사업 column's words."""
    return p.bullet is None and key.startswith(main_words)


def _segments(paragraphs: list[Paragraph], settings: ParserSettings) -> tuple[list[_Segment], list[Paragraph]]:
    last_header = settings.achievement_column_words.get("details", ())
    main_words = settings.achievement_column_words.get("main", ())
    keys = [squash(p.text) for p in paragraphs]  # each line squashed once
    segments: list[_Segment] = []
    stray: list[Paragraph] = []
    earlier_mains: set[str] = set()  # the 주요사업 cells of the segments before the last
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        if _is_header_start(p, keys[i], main_words):
            end = i
            while end < len(paragraphs) and not keys[end].endswith(last_header):
                end += 1
            end = min(end, len(paragraphs) - 1)
            if segments:
                earlier_mains |= _main_texts(segments[-1])
            segments.append(_Segment(header=paragraphs[i:end + 1]))
            i = end + 1
            continue
        if not segments:
            stray.append(p)
        elif _repeats_main(p, keys[i], earlier_mains):
            segments[-1].main.append(p)
        elif YEAR_MARKER.match(p.text) and p.bullet is None:
            block = _YearBlock([p])
            depth = p.text.count("(") - p.text.count(")")
            while depth > 0 and i + 1 < len(paragraphs):
                i += 1
                block.year_paragraphs.append(paragraphs[i])
                depth += paragraphs[i].text.count("(") - paragraphs[i].text.count(")")
            segments[-1].years.append(block)
        elif not segments[-1].years and _continues_year(p, segments):
            segments[-1].years.append(_YearBlock([]))  # rows of the year the page break cut
            _add_unit(segments[-1].years[-1].units, p)
        elif not segments[-1].years:
            segments[-1].main.append(p)
        else:
            _add_unit(segments[-1].years[-1].units, p)
        i += 1
    return segments, stray


def _main_texts(segment: _Segment) -> set[str]:
    """A segment's 주요사업 cell as it may be written again: whole, or any one of its lines."""
    return {squash(" ".join(m.text for m in segment.main)), *(squash(m.text) for m in segment.main)}


def _repeats_main(p: Paragraph, key: str, earlier_mains: set[str]) -> bool:
    """The 주요사업 cell written again on a new page (after the header written again):
    ``earlier_mains`` holds those of the segments before (:func:`_main_texts`); ``key``: the
    paragraph's text squashed."""
    return p.bullet is None and bool(key) and key in earlier_mains


def _continues_year(p: Paragraph, segments: list[_Segment]) -> bool:
    """A row under a header written again after a page break, before any year marker: it goes
    on with the year the earlier page ended in."""
    return any(s.years for s in segments[:-1]) and (p.bullet is not None or parse_status(p.text) is not None)


def _add_unit(units: list[_Unit], p: Paragraph) -> None:
    if p.bullet is not None:
        units.append(_Unit("bullet", [p]))
    elif parse_status(p.text) is not None:
        units.append(_Unit("status", [p]))
    elif units and units[-1].kind in ("bullet", "plain"):
        units[-1].paragraphs.append(p)
    else:
        units.append(_Unit("plain", [p]))


def _projects(blocks: list[_YearBlock]) -> set[str]:
    """Sub-project names: bullet texts that recur in two or more year blocks."""
    seen: dict[str, int] = {}
    for block in blocks:
        for name in {u.key for u in block.units if u.kind == "bullet"}:
            seen[name] = seen.get(name, 0) + 1
    recurring = {name for name, count in seen.items() if count >= 2}
    if recurring:
        return recurring
    names: set[str] = set()
    for block in blocks:
        for unit, following in pairwise(block.units):  # a block may have no unit at all
            if unit.kind == "bullet" and following.kind == "status":
                names.add(unit.key)
    return names


def _split_known_prefix(unit: _Unit, projects: list[str]) -> list[_Unit]:
    """A project bullet whose wrapped lines ran into the details cell, cut at the name
    (``projects``: the names, longest first)."""
    squashed = unit.key
    for name in projects:
        if squashed != name and squashed.startswith(name):
            taken: list[Paragraph] = []
            count = 0
            rest = list(unit.paragraphs)
            while rest and count < len(name):
                count += len(squash(rest[0].text))
                taken.append(rest.pop(0))
            if count == len(name) and rest:
                return [_Unit("bullet", taken), _Unit("plain", rest)]
    return [unit]


def rebuild_achievement_tables(paragraphs: list[Paragraph], *,
                               settings: ParserSettings = DEFAULT) -> tuple[list[Table], list[Paragraph]]:
    """Tables rebuilt from flattened 목표달성 lines, and the paragraphs left over; the header is
    told by the 목표달성 column words of ``settings``."""
    segments, stray = _segments(paragraphs, settings)
    projects = _projects([y for s in segments for y in s.years])
    tables: list[Table] = []
    main: list[Paragraph] = []
    for segment in segments:
        if segment.years:  # a page without the 주요사업 cell stands under the one before (a merged cell)
            main = segment.main or main
            tables.append(_segment_table(segment, projects, main, settings))
    stray += [p for s in segments if not s.years for p in s.header + s.main]
    return tables, stray


def _segment_table(segment: _Segment, projects: set[str], main_paragraphs: list[Paragraph],
                   settings: ParserSettings) -> Table:
    rows: list[list[Cell]] = []
    r = 1
    longest_first = sorted(projects, key=len, reverse=True)
    for block in segment.years:
        if block.year_paragraphs:  # none: rows that go on with the year of the page before
            rows.append([_cell(r, 1, block.year_paragraphs), _cell(r, 2, []), _cell(r, 3, [])])
            r += 1
        units = [piece for u in block.units for piece in _split_known_prefix(u, longest_first)]
        row_cells: list[_Unit] | None = None
        pending: list[list[_Unit]] = []
        for unit in units:
            if (unit.kind == "bullet" and unit.key in projects) or row_cells is None:
                row_cells = [unit]
                pending.append(row_cells)
            else:
                row_cells.append(unit)
        for group in pending:
            rows.append(_project_row(r, group))
            r += 1
    line = segment.header[0].provenance.line
    header = _header_cells(segment.header, settings)
    main = _cell(1, 0, [paragraph(" ".join(p.text.strip() for p in main_paragraphs),
                                  provenance=main_paragraphs[0].provenance)] if main_paragraphs else [],
                 rowspan=max(1, r - 1))
    cells = header + [main] + [c for row in rows for c in row]
    return Table(rows=r, cols=4, cells=cells, provenance=Provenance(line=line))


def _project_row(r: int, group: list[_Unit]) -> list[Cell]:
    project = group[0]
    statuses = [u for u in group[1:] if u.kind == "status"]
    details = [u for u in group[1:] if u.kind != "status"]
    detail_paragraphs = [
        paragraph(u.text, u.paragraphs[0].bullet, provenance=u.paragraphs[0].provenance) for u in details
    ]
    project_paragraph = paragraph(project.text, project.paragraphs[0].bullet,
                                  provenance=project.paragraphs[0].provenance)
    status_paragraphs = [p for u in statuses for p in u.paragraphs]
    return [_cell(r, 1, [project_paragraph]), _cell(r, 2, status_paragraphs), _cell(r, 3, detail_paragraphs)]


@lru_cache(maxsize=8)
def _header_columns(settings: ParserSettings) -> dict[str, int]:
    """Squashed 목표달성 header word -> its column in a rebuilt table (a word two columns name
    is the first one's); built once per settings object."""
    columns: dict[str, int] = {}
    for c, key in enumerate(_ACHIEVEMENT_KEYS):
        for word in settings.achievement_column_words.get(key, ()):
            columns.setdefault(word, c)
    return columns


def _header_cells(header: list[Paragraph], settings: ParserSettings) -> list[Cell]:
    """Header paragraphs into the four column cells: a word that is one of a column's header
    words in ``settings`` opens that column."""
    columns = _header_columns(settings)
    texts: list[list[str]] = [[] for _ in _ACHIEVEMENT_KEYS]
    column = 0
    for p in header:
        for token in p.text.split():
            column = columns.get(squash(token), column)
            texts[column].append(token)
    line = header[0].provenance.line
    return [_text_cell(0, c, " ".join(t), line) for c, t in enumerate(texts)]

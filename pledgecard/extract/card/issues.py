"""문제점 및 대책 (쟁점사항 및 해소방안, 애로사항 및 건의사항): two lists, the problems and what is
done about them — as two bulleted lists under their sub-headings, as lines that carry both
(``문제점 : … → 대책 : …``), or as a two-column table."""

from __future__ import annotations

import regex

from pledgecard.extract.card.items import build_items
from pledgecard.extract.card.layout import block_text
from pledgecard.extract.card.tablewords import cell_text, find_columns
from pledgecard.extract.document import Block, Paragraph, Table, paragraph
from pledgecard.models import Finding, Item
from pledgecard.normalize.text import squash
from pledgecard.vocab import ISSUE_WORDS, REMEDY_WORDS

_SIDES = {"issue": ISSUE_WORDS, "remedy": REMEDY_WORDS}
_SIDE_WORDS = sorted(((squash(w), side) for side, words in _SIDES.items() for w in words),
                     key=lambda pair: len(pair[0]), reverse=True)
#: A sub-heading line: the side's word, maybe bracketed, maybe followed by a colon and text.
_SUB_HEADING = regex.compile(r"^\s*[(\[<〈《【]?\s*(?P<word>[^\s:：)\]>〉》】]+(?:\s[^\s:：)\]>〉》】]+)?)\s*"
                             r"[)\]>〉》】]?\s*(?:[:：]\s*(?P<rest>.*))?$")


def side_of(text: str) -> tuple[str, str] | None:
    """``("issue", rest)`` when a line opens the problem side (``◦ 문제점``, ``(문제점) …``)."""
    match = _SUB_HEADING.match(text)
    if match is None:
        return None
    word = squash(match.group("word"))
    for candidate, side in _SIDE_WORDS:
        if word == candidate:
            return side, (match.group("rest") or "").strip()
    return None


def read_issues(blocks: list[Block], findings: list[Finding]) -> tuple[list[Item], list[Item], list[str]]:
    sides: dict[str, list[Paragraph]] = {"issue": [], "remedy": []}
    leftovers: list[str] = []
    current = "issue"
    issues_from_tables: list[Item] = []
    remedies_from_tables: list[Item] = []
    for block in blocks:
        if isinstance(block, Table):
            found = _of_table(block, findings)
            if found is None:
                leftovers.append(block_text(block))
            else:
                issues_from_tables.extend(found[0])
                remedies_from_tables.extend(found[1])
            continue
        opened = side_of(block.text)
        if opened is not None:
            current, rest = opened
            if rest:
                sides[current].append(paragraph(rest, None, block.depth, block.provenance))
            continue
        sides[current].append(block)
    issues = build_items(sides["issue"], "issues", findings) + issues_from_tables
    remedies = build_items(sides["remedy"], "remedies", findings) + remedies_from_tables
    return issues, remedies, leftovers


def _of_table(table: Table, findings: list[Finding]) -> tuple[list[Item], list[Item]] | None:
    found = paragraphs_of_table(table)
    if found is None:
        return None
    issue_paragraphs, remedy_paragraphs = found
    return (build_items(issue_paragraphs, "issues", findings),
            build_items(remedy_paragraphs, "remedies", findings))


def _sides(table: Table) -> tuple[dict[str, int], int] | None:
    """The 문제점 and 대책 columns and the first row under them; None without both."""
    return find_columns(table, _SIDES, {"issue", "remedy"})


def is_issues_table(table: Table) -> bool:
    """Whether the table has a 문제점 and a 대책 column (the reader reads it: its items may be none)."""
    return _sides(table) is not None


def paragraphs_of_table(table: Table) -> tuple[list[Paragraph], list[Paragraph]] | None:
    """The paragraphs of the 문제점 column and of the 대책 column (each an item), or None for a
    table without both columns; told without reading an item (re-routing asks it of tables)."""
    found = _sides(table)
    if found is None:
        return None
    columns, start = found
    issue_paragraphs: list[Paragraph] = []
    remedy_paragraphs: list[Paragraph] = []
    for row in table.grid()[start:]:
        for side, target in (("issue", issue_paragraphs), ("remedy", remedy_paragraphs)):
            cell = row[columns[side]] if columns[side] < len(row) else None
            if cell is None or not cell_text(cell):
                continue
            if cell.paragraphs:
                target.extend(cell.paragraphs)
            else:
                target.append(paragraph(cell_text(cell), None, 0, cell.provenance))
    return issue_paragraphs, remedy_paragraphs

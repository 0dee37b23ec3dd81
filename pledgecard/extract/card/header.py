"""The header grid: 공약명, 관리번호, 추진부서 … by label, one per line or several on a line,
as paragraphs or as a table of label and value cells."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pledgecard.extract.document import Block, Paragraph, Table
from pledgecard.normalize.text import close_spaced, squash
from pledgecard.vocab import HEADER_LABELS

#: squashed label -> canonical field
_LABELS: dict[str, str] = {squash(label): key for key, labels in HEADER_LABELS.items() for label in labels}
_LABEL_PATTERN = regex.compile(
    r"(?:(?<=^)|(?<=[\s:|]))(" + "|".join(sorted(map(regex.escape, _LABELS), key=len, reverse=True))
    + r")(?=$|[\s:：|])"
)


@dataclass
class HeaderFields:
    values: dict[str, str] = field(default_factory=dict)
    leftovers: list[str] = field(default_factory=list)


def _pieces_of_text(text: str) -> list[tuple[str | None, str]]:
    """``[(field, value)]`` of a header line; ``(None, text)`` for text before any label."""
    closed = close_spaced(text)
    matches = list(_LABEL_PATTERN.finditer(closed))
    pieces: list[tuple[str | None, str]] = []
    if not matches:
        return [(None, closed)]
    if matches[0].start() > 0:
        pieces.append((None, closed[: matches[0].start()]))
    for current, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(closed)
        pieces.append((_LABELS[current.group(1)], closed[current.end(): end]))
    return pieces


def _pieces_of_table(table: Table) -> list[tuple[str | None, str]]:
    pieces: list[tuple[str | None, str]] = []
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        text = close_spaced(cell.text.replace("\n", " "))
        key = _LABELS.get(squash(text))
        if key is not None:
            pieces.append((key, ""))
        elif pieces and pieces[-1][0] is not None:
            label, value = pieces[-1]
            pieces[-1] = (label, f"{value} {text}".strip())
        elif text:
            pieces.extend(_pieces_of_text(text))
    return pieces


def _clean(value: str) -> str:
    return value.strip(" \t:：|").strip()


def read_header(blocks: list[Block]) -> HeaderFields:
    result = HeaderFields()
    for block in blocks:
        pieces = _pieces_of_table(block) if isinstance(block, Table) else _pieces_of_text(
            block.full_text if isinstance(block, Paragraph) else "")
        for key, value in pieces:
            value = _clean(value)
            if key is None:
                if value:
                    result.leftovers.append(value)
            elif result.values.get(key):
                result.leftovers.append(value)
            else:
                result.values[key] = value
    return result

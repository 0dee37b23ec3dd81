"""The header grid: 공약명, 관리번호, 추진부서 … by label, one per line or several on a line,
as paragraphs or as a table of label and value cells; people by role (국장 … 담당), also as a
table with a row of roles over rows of names and phones."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.document import Block, Paragraph, Table
from pledgecard.normalize.text import close_spaced, squash, unwrap
from pledgecard.vocab import CONTACT_ROLES, PERSON_ROW_LABELS

#: Row labels of a grid of people (직위 / 성명 / 연락처), squashed.
_PERSON_ROW_LABELS = frozenset(squash(label) for label in PERSON_ROW_LABELS)
#: The prefix of a field that names a person by role (``role:국장``).
ROLE = "role:"


@dataclass(frozen=True)
class _Terms:
    """The header labels of a settings profile: squashed label -> field, and their pattern."""

    labels: dict[str, str]
    pattern: regex.Pattern[str]


@lru_cache(maxsize=8)
def _terms(settings: ParserSettings) -> _Terms:
    labels = dict(settings.label_keys)
    labels.update({squash(role): ROLE + role for role in CONTACT_ROLES if squash(role) not in labels})
    pattern = regex.compile(
        r"(?:(?<=^)|(?<=[\s:|]))(" + "|".join(sorted(map(regex.escape, labels), key=len, reverse=True))
        + r")(?=$|[\s:：|(（])")
    return _Terms(labels, pattern)


@dataclass
class HeaderFields:
    values: dict[str, str] = field(default_factory=dict)
    #: ``(role, value)`` of each person the grid names by role, in order.
    people: list[tuple[str, str]] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)


def _pieces_of_text(text: str, terms: _Terms) -> list[tuple[str | None, str]]:
    """``[(field, value)]`` of a header line; ``(None, text)`` for text before any label."""
    closed = close_spaced(text)
    matches = list(terms.pattern.finditer(closed))
    pieces: list[tuple[str | None, str]] = []
    if not matches:
        return [(None, closed)]
    if matches[0].start() > 0:
        pieces.append((None, closed[: matches[0].start()]))
    for current, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(closed)
        pieces.append((terms.labels[current.group(1)], closed[current.end(): end]))
    return pieces


def _role_columns(table: Table, terms: _Terms) -> list[tuple[str | None, str]] | None:
    """A grid with a row of roles (국장 | 과장 | 팀장 | 담당), maybe after a label cell (직위),
    over rows of names and phones (성명 …, 연락처 …): one person a column."""
    rows = [[close_spaced(unwrap(text)) for text in row] for row in table.row_texts()]
    if len(rows) < 2:
        return None
    if all(squash(t) in _PERSON_ROW_LABELS for t in rows[0]):  # 구분 | 성명 | 연락처 over a row a person
        roles, *details = [list(column) for column in zip(*rows[1:], strict=True)]
        if not all(terms.labels.get(squash(t), "").startswith(ROLE) for t in roles):
            return None
        return [(terms.labels[squash(role)], " ".join(column[i] for column in details if column[i].strip()))
                for i, role in enumerate(roles)]
    first = [terms.labels.get(squash(t), "") for t in rows[0]]
    skip = 1 if squash(rows[0][0]) in _PERSON_ROW_LABELS else 0
    if len(first) <= skip or not all(key.startswith(ROLE) for key in first[skip:]):
        return None
    labelled = skip and all(squash(row[0]) in _PERSON_ROW_LABELS for row in rows[1:])
    if skip and not labelled:
        return None
    return [(key, " ".join(row[c] for row in rows[1:] if c < len(row) and row[c].strip()))
            for c, key in enumerate(first) if c >= skip]


def _pieces_of_table(table: Table, terms: _Terms) -> list[tuple[str | None, str]]:
    by_role = _role_columns(table, terms)
    if by_role is not None:
        return by_role
    pieces: list[tuple[str | None, str]] = []
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        text = close_spaced(cell.text.replace("\n", " "))
        key = terms.labels.get(squash(text))
        if key is not None:
            pieces.append((key, ""))
        elif pieces and pieces[-1][0] is not None:
            label, value = pieces[-1]
            pieces[-1] = (label, f"{value} {text}".strip())
        elif text:
            pieces.extend(_pieces_of_text(text, terms))
    return pieces


def _clean(value: str) -> str:
    return value.strip(" \t:：|").strip()


def read_header(blocks: list[Block], settings: ParserSettings = DEFAULT) -> HeaderFields:
    result = HeaderFields()
    terms = _terms(settings)
    for block in blocks:
        pieces = _pieces_of_table(block, terms) if isinstance(block, Table) else _pieces_of_text(
            block.full_text if isinstance(block, Paragraph) else "", terms)
        for key, value in pieces:
            value = _clean(value)
            if key is None:
                if value:
                    result.leftovers.append(value)
            elif key.startswith(ROLE):
                result.people.append((key[len(ROLE):], value))
            elif result.values.get(key):
                result.leftovers.append(value)
            else:
                result.values[key] = value
    return result

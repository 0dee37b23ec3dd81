"""사업목표: 최종 목표, 임기 내 목표 …, each maybe marked 달성 / 미달성 — as lines or as a table."""

from __future__ import annotations

import regex

from pledgecard.extract.card.layout import block_text
from pledgecard.extract.card.tablewords import cell_text
from pledgecard.extract.document import Block, Table
from pledgecard.models import Goal
from pledgecard.normalize import parse_achieved
from pledgecard.normalize.text import close_spaced, squash
from pledgecard.vocab import GOAL_HEADER_WORDS, GOAL_LABELS

_LABELS = tuple(sorted((squash(label) for label in GOAL_LABELS), key=len, reverse=True))
#: A trailing achievement mark: (달성), [미달성], → 달성, : 미달성.
_HEADER_WORDS = frozenset(squash(w) for w in GOAL_HEADER_WORDS)
_MARK = regex.compile(r"\s*(?:[(\[（【<〈]\s*(미달성|달성)\s*[)\]）】>〉]|[-–→:：]\s*(미달성|달성))\s*$")


def _label_and_rest(text: str) -> tuple[str, str] | None:
    """``("최종 목표", "청년 창업기업 100개 육성 (달성)")`` of a goal line; None for other text."""
    stripped = text.strip()
    squashed_prefix = ""
    for index, char in enumerate(stripped):
        if not char.isspace():
            squashed_prefix += char
        if squashed_prefix in _LABELS:
            rest = stripped[index + 1:]
            if not rest.strip() or rest.lstrip()[:1] in ":：)-–" or rest[:1].isspace():
                return close_spaced(stripped[: index + 1]), rest.strip().lstrip(":：)-–").strip()
        if len(squashed_prefix) > max(map(len, _LABELS)):
            return None
    return None


def split_mark(text: str) -> tuple[str, bool | None]:
    """The goal's text without its achievement mark, and the mark (True 달성, False 미달성)."""
    match = _MARK.search(text)
    if match is None:
        return text, None
    return text[: match.start()].rstrip(), parse_achieved(match.group(1) or match.group(2))


def goal_of(label: str, text: str, achieved_cell: str | None = None) -> Goal:
    body, achieved = split_mark(text)
    if achieved is None:
        achieved = parse_achieved(achieved_cell)
    return Goal(label=label, text=body, achieved=achieved)


def read_goals(blocks: list[Block]) -> tuple[list[Goal], list[str]]:
    goals: list[Goal] = []
    leftovers: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            found, rest = _goals_of_table(block)
            goals.extend(found)
            leftovers.extend(rest)
            continue
        split = _label_and_rest(block.text)
        if split is None:
            leftovers.append(block.full_text)
            continue
        label, text = split
        goals.append(goal_of(label, text))
    return goals, leftovers


def _goals_of_table(table: Table) -> tuple[list[Goal], list[str]]:
    goals: list[Goal] = []
    leftovers: list[str] = []
    for index, row in enumerate(table.grid()):
        cells = [c for i, c in enumerate(row) if c is not None and (i == 0 or row[i - 1] is not c)]
        texts = [cell_text(c) for c in cells]
        split = _label_and_rest(texts[0]) if texts else None
        if split is None:
            if not (index == 0 and all(squash(t) in _HEADER_WORDS for t in texts)):
                leftovers.append(" ".join(t for t in texts if t))
            continue
        label, rest = split
        values = [rest, *texts[1:]] if rest else texts[1:]
        mark = values[-1] if len(values) > 1 and parse_achieved(values[-1]) is not None else None
        body = " ".join(v for v in (values[:-1] if mark else values) if v)
        goals.append(goal_of(label, body, mark))
    return (goals, [text for text in leftovers if text]) if goals else ([], [block_text(table)])

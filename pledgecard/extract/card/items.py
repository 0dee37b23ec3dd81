"""Bullet paragraphs into a tree of Items (◦/○ level 1, - level 2, * and ※ notes under their
parent), each with the dates, amounts and quantities its text holds."""

from __future__ import annotations

import regex

from pledgecard.extract.document import Paragraph
from pledgecard.models import Finding, Item
from pledgecard.normalize import find_money, find_quantities, find_spans, parse_status
from pledgecard.vocab import BULLET_LEVELS

_TRAILING_PAREN = regex.compile(r"\(([^()]{1,12})\)\s*$")
#: Level given to a paragraph with no bullet inside a bulleted list.
PLAIN_LEVEL = 1


def item_level(paragraph: Paragraph) -> int:
    if paragraph.bullet is None:
        return PLAIN_LEVEL
    return BULLET_LEVELS.get(paragraph.bullet, PLAIN_LEVEL)


def glyph_ranks(paragraphs: list[Paragraph]) -> dict[str | None, int]:
    """Each glyph's rank among the glyphs of its level, in the order the list first uses them:
    a list bulleted ``·`` over ``-`` (both sub-bullet glyphs) nests ``-`` under ``·``."""
    ranks: dict[str | None, int] = {}
    used: dict[int, int] = {}
    for paragraph in paragraphs:
        if paragraph.bullet is not None and paragraph.bullet not in ranks:  # plain lines rank first
            level = item_level(paragraph)
            ranks[paragraph.bullet] = used.get(level, 0)
            used[level] = ranks[paragraph.bullet] + 1
    return ranks


def nesting(paragraph: Paragraph, ranks: dict[str | None, int]) -> tuple[int, int, int]:
    """How deep a paragraph sits: its indentation first, then its glyph's level (``◦`` over ``-``),
    then which of its level's glyphs the list used first (``·`` over ``-``); ``＊ 주요내용`` over
    indented ``- …`` lines nests by indentation."""
    return paragraph.depth, item_level(paragraph), ranks.get(paragraph.bullet, 0)


def trailing_note(text: str) -> str | None:
    """A closing ``(종료)``-style remark: a status word in the last parentheses."""
    if not text.rstrip().endswith(")"):
        return None  # the common case, told without a search
    match = _TRAILING_PAREN.search(text)
    if match and parse_status(match.group(1)) is not None:
        return str(match.group(1)).strip()
    return None


def make_item(paragraph: Paragraph, level: int, path: str, findings: list[Finding]) -> Item:
    text = paragraph.text
    local: list[Finding] = []
    item = Item(
        marker=paragraph.bullet or "",
        level=level,
        text=text,
        dates=find_spans(text, local),
        amounts=find_money(text),
        quantities=find_quantities(text),
        note=trailing_note(text),
        provenance=paragraph.provenance,
    )
    findings.extend(stamp(local, path))
    return item


def build_items(paragraphs: list[Paragraph], path: str, findings: list[Finding], offset: int = 0) -> list[Item]:
    """The forest of items; a note or deeper bullet hangs under the nearest shallower item.

    An item's ``level`` is its depth in the tree (1 for a top-level item), whatever glyph
    marks it: a card bulleted with ``-`` over ``*`` says the same as one with ``◦`` over ``-``.
    ``offset``: how many items the list at ``path`` holds already (for the findings' paths).
    """
    roots: list[Item] = []
    stack: list[tuple[Item, str, tuple[int, int, int]]] = []
    ranks = glyph_ranks(paragraphs)
    for paragraph in paragraphs:
        depth = nesting(paragraph, ranks)
        while stack and stack[-1][2] >= depth:
            stack.pop()
        if stack:
            parent, parent_path, _ = stack[-1]
            item_path = f"{parent_path}.children[{len(parent.children)}]"
            siblings = parent.children
        else:
            item_path = f"{path}[{offset + len(roots)}]"
            siblings = roots
        item = make_item(paragraph, (parent.level + 1) if stack else 1, item_path, findings)
        siblings.append(item)
        stack.append((item, item_path, depth))
    return roots


def group_roots(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, list[Paragraph]]]:
    """Each top-level paragraph with the paragraphs nested under it."""
    if not paragraphs:
        return []
    ranks = glyph_ranks(paragraphs)
    top = min(nesting(p, ranks) for p in paragraphs)
    groups: list[tuple[Paragraph, list[Paragraph]]] = []
    for paragraph in paragraphs:
        if nesting(paragraph, ranks) == top or not groups:
            groups.append((paragraph, []))
        else:
            groups[-1][1].append(paragraph)
    return groups


def stamp(local: list[Finding], path: str) -> list[Finding]:
    """Findings with ``path`` set where the normalizer left it empty."""
    return [f if f.path else f.model_copy(update={"path": path}) for f in local]

"""Paragraph properties from ``Contents/header.xml``: bullets, numbering and left margin.

A paragraph names its properties with ``paraPrIDRef``; ``hh:paraPr`` holds the
heading (``hh:heading type="BULLET|NUMBER|OUTLINE" idRef level``) and the margins
(``hh:margin/hc:left value``, in HWPUNIT, possibly inside an ``hp:switch``).
Bullets (``hh:bullet char``) and numberings (``hh:numbering/hh:paraHead``, one
format per level such as ``^1.`` with ``numFormat="DIGIT"``) are tables of their own.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal
from xml.etree.ElementTree import Element

from pledgecard.extract.bullets import map_line_glyph
from pledgecard.extract.hwpx.safexml import children, first, int_attr, local
from pledgecard.extract.numbering import ParaHead

HeadingKind = Literal["bullet", "number", "outline"]
#: Left margin per depth step, in HWPUNIT (1/7200 inch; 1000 = 10 pt).
DEPTH_STEP = 1000
MAX_DEPTH = 20
#: The lists of ``hh:refList`` the reader needs.
STYLE_LISTS: tuple[bytes, ...] = (b"numberings", b"bullets", b"paraProperties")
_KINDS: dict[str, HeadingKind] = {"BULLET": "bullet", "NUMBER": "number", "OUTLINE": "outline"}


@dataclass(frozen=True)
class ParaStyle:
    """What a paragraph's ``paraPr`` contributes: depth and an automatic bullet or number."""

    depth: int = 0
    heading: HeadingKind | None = None
    ref: str = ""
    #: Heading level, 0-based (``hh:heading level``); a numbering's ``paraHead level`` is 1-based.
    level: int = 0

    @property
    def outline(self) -> int | None:
        """The outline level (개요 1 = 1) of an outline paragraph; ``None`` for any other."""
        return self.level + 1 if self.heading == "outline" else None


@dataclass
class Styles:
    #: ``hh:paraPr`` elements by id, read into a :class:`ParaStyle` when first asked for.
    para_elements: dict[str, Element] = field(default_factory=dict)
    #: Bullet id to its glyph (private-use glyphs mapped); image bullets are left out.
    bullets: dict[str, str] = field(default_factory=dict)
    #: Numbering id to its per-level heads, by 1-based level.
    numberings: dict[str, dict[int, ParaHead]] = field(default_factory=dict)

    _paras: dict[str, ParaStyle] = field(default_factory=dict)

    def para(self, ref: str | None) -> ParaStyle:
        key = ref or ""
        style = self._paras.get(key)
        if style is None:
            element = self.para_elements.get(key)
            style = _para_style(element) if element is not None else PLAIN
            self._paras[key] = style
        return style


PLAIN = ParaStyle()


def read_styles(root: Element) -> Styles:
    """The styles of a parsed ``header.xml`` (``hh:head/hh:refList``, or the lists cut out of it)."""
    styles = Styles()
    ref_list = first(root, "refList")
    for group in children(ref_list if ref_list is not None else root):
        kind = local(group.tag)
        if kind not in ("paraProperties", "bullets", "numberings"):
            continue
        for element in children(group):
            ident = element.get("id")
            name = local(element.tag)
            if ident is None:
                continue
            if name == "paraPr":
                styles.para_elements[ident] = element
            elif name == "bullet":
                glyph = _bullet_glyph(element)
                if glyph:
                    styles.bullets[ident] = glyph
            elif name == "numbering":
                styles.numberings[ident] = _para_heads(element)
    return styles


def _para_style(para_pr: Element) -> ParaStyle:
    heading = first(para_pr, "heading")
    kind = _KINDS.get(heading.get("type", "") if heading is not None else "")
    margin = first(para_pr, "margin")
    left = first(margin, "left") if margin is not None else None
    depth = min(MAX_DEPTH, max(0, int_attr(left, "value", 0) // DEPTH_STEP))
    if kind is None or heading is None:
        return ParaStyle(depth=depth)
    return ParaStyle(depth=depth, heading=kind, ref=heading.get("idRef", ""),
                     level=max(0, int_attr(heading, "level", 0)))


def _bullet_glyph(bullet: Element) -> str | None:
    if bullet.get("useImage") == "1":
        return None
    char = unicodedata.normalize("NFC", bullet.get("char", "")).strip()
    if not char:
        return None
    return map_line_glyph(char[0])


def _para_heads(numbering: Element) -> dict[int, ParaHead]:
    heads: dict[int, ParaHead] = {}
    default_start = int_attr(numbering, "start", 1)
    for head in children(numbering):
        if local(head.tag) != "paraHead":
            continue
        level = int_attr(head, "level", 0)
        heads[level] = ParaHead(start=int_attr(head, "start", default_start),
                                num_format=head.get("numFormat", "DIGIT"),
                                template=head.text or "")
    return heads

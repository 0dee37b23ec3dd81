"""Bullet glyphs at the start of a paragraph, shared by every reader."""

from __future__ import annotations

import re
import unicodedata

from pledgecard.vocab import (
    BULLET_LEVELS,
    INTERPUNCT,
    INTERPUNCT_VARIANTS,
    LOST_GLYPHS,
    LOST_HEADING_GLYPH,
    PRIVATE_USE_BULLETS,
)

#: Glyphs that are a bullet only when a space follows (``-5``, ``*주``, ``·2`` are text).
_NEEDS_SPACE = frozenset("-*·‧∙–―－ㅇo")


#: Every glyph :func:`map_line_glyph` maps: the private-use area and the lost glyphs.
_MAPPED_GLYPH = re.compile("[\ue000-\uf8ff" + "".join(sorted(LOST_GLYPHS)) + "]")
#: A line's leading space, such a glyph and the character after it (all that decides the mapping).
_LINE_GLYPH = re.compile(r"^[^\S\n]*" + _MAPPED_GLYPH.pattern + r"[^\n]?", re.MULTILINE)


def split_bullet(text: str) -> tuple[str | None, str]:
    """``("◦", "사업기간 : …")`` from ``"◦ 사업기간 : …"``; ``(None, text)`` without a bullet."""
    stripped = text.strip()
    if not stripped:
        return None, ""
    glyph = stripped[0]
    if glyph not in BULLET_LEVELS:
        return None, stripped
    rest = stripped[1:]
    if rest.startswith(glyph):  # ○○○○ is a placeholder, not a bullet
        return None, stripped
    if glyph in _NEEDS_SPACE and rest and not rest[0].isspace():
        return None, stripped
    if not rest.strip() and glyph in _NEEDS_SPACE:
        return None, stripped
    return glyph, rest.strip()


def is_private_use(ch: str) -> bool:
    return 0xE000 <= ord(ch) <= 0xF8FF


def map_line_glyph(line: str) -> str:
    """A line's leading private-use or lost (U+FFFD) glyph to the bullet it stands for."""
    stripped = line.lstrip()
    if not stripped:
        return line
    ch = stripped[0]
    if ch in PRIVATE_USE_BULLETS:
        mapped = PRIVATE_USE_BULLETS[ch]
    elif ch in LOST_GLYPHS or (is_private_use(ch) and stripped[1:2].isspace()):
        # a private-use glyph directly followed by text is a letter of a private font (U+F53A
        # for 한 in Hancom's fonts), not a bullet: it is kept as it is
        mapped = LOST_HEADING_GLYPH
    else:
        return line
    indent = len(line) - len(stripped)
    return line[:indent] + mapped + stripped[1:]


def line_bullet(line: str) -> tuple[str | None, str]:
    """:func:`split_bullet` of :func:`map_line_glyph`: a line's bullet (its private-use or lost
    glyph mapped) and its text. Most lines open with a letter, told at once."""
    stripped = line.lstrip()
    first = stripped[:1]
    if first and first not in BULLET_LEVELS and first not in LOST_GLYPHS and not is_private_use(first):
        return None, stripped.rstrip()
    return split_bullet(map_line_glyph(line))


def map_glyphs(text: str) -> str:
    """Every line's leading bullet glyph mapped (private-use or lost glyphs elsewhere are kept)."""
    if _MAPPED_GLYPH.search(text) is None:
        return text  # the usual text: no glyph to map anywhere
    return _LINE_GLYPH.sub(_mapped_at_line_start, text)


def _mapped_at_line_start(match: re.Match[str]) -> str:
    """:func:`map_line_glyph` of a line that opens with a glyph it may map."""
    return map_line_glyph(match.group())


def clean_text(text: str) -> str:
    """What every reader does to text: NFC, and one code point for the interpunct (·)."""
    text = unicodedata.normalize("NFC", text)
    for variant in INTERPUNCT_VARIANTS:
        if variant in text:
            text = text.replace(variant, INTERPUNCT)
    return text

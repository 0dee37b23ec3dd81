"""Bullet glyphs at the start of a paragraph, shared by every reader."""

from __future__ import annotations

from pledgecard.vocab import BULLET_LEVELS, LOST_GLYPHS, LOST_HEADING_GLYPH, PRIVATE_USE_BULLETS

#: Glyphs that are a bullet only when a space follows (``-5``, ``*주``, ``·2`` are text).
_NEEDS_SPACE = frozenset("-*·‧∙–―－ㅇ")


def split_bullet(text: str) -> tuple[str | None, str]:
    """``("◦", "사업기간 : …")`` from ``"◦ 사업기간 : …"``; ``(None, text)`` without a bullet."""
    stripped = text.strip()
    if not stripped:
        return None, ""
    glyph = stripped[0]
    if glyph not in BULLET_LEVELS:
        return None, stripped
    rest = stripped[1:]
    if glyph in _NEEDS_SPACE and rest and not rest[0].isspace():
        return None, stripped
    if not rest.strip() and glyph in _NEEDS_SPACE:
        return None, stripped
    return glyph, rest.strip()


def map_glyphs(text: str) -> str:
    """Private-use bullet glyphs to what they draw; a lost glyph (U+FFFD) to □."""
    out = []
    for ch in text:
        if ch in PRIVATE_USE_BULLETS:
            out.append(PRIVATE_USE_BULLETS[ch])
        elif ch in LOST_GLYPHS or 0xE000 <= ord(ch) <= 0xF8FF:
            out.append(LOST_HEADING_GLYPH)
        else:
            out.append(ch)
    return "".join(out)

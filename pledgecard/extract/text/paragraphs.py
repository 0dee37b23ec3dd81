"""Lines of a text dump into paragraphs: bullet glyph, indentation depth, the spaces after the
glyph, wrapped lines joined."""

from __future__ import annotations

from dataclasses import dataclass

from pledgecard.extract.bullets import split_bullet
from pledgecard.extract.document import Paragraph, paragraph, provenance


@dataclass
class Line:
    text: str
    number: int

    @property
    def indent(self) -> int:
        return _indent(self.text)

    @property
    def blank(self) -> bool:
        return not self.text or self.text.isspace()  # (no stripped copy: asked of every line)

    @property
    def gap(self) -> int:
        """How many spaces follow the line's first character (its bullet glyph)."""
        after = self.text.strip()[1:].expandtabs(4)
        return len(after) - len(after.lstrip())


def _indent(text: str) -> int:
    """The columns of leading spaces (ideographic ones too; a tab to the next multiple of 4)."""
    expanded = text.expandtabs(4) if "\t" in text else text
    return len(expanded) - len(expanded.lstrip(" \u3000"))


def build_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """One paragraph per line, an indented unbulleted line right below a paragraph joining it."""
    paragraphs: list[Paragraph] = []
    joins = False  # whether the line above is a paragraph's that an indented line may join
    for line in lines:
        if line.blank:
            joins = False
            continue
        bullet, body = split_bullet(line.text)
        indent = _indent(line.text)
        if joins and bullet is None and indent > 0:
            last = paragraphs[-1]
            paragraphs[-1] = last.model_copy(update={"text": f"{last.text} {body}".strip()})
            continue
        paragraphs.append(paragraph(body, bullet, indent, provenance(line=line.number),
                                    gap=None if bullet is None else line.gap))
        joins = True
    return paragraphs

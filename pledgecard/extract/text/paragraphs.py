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
        expanded = self.text.expandtabs(4)
        return len(expanded) - len(expanded.lstrip(" \u3000"))

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def gap(self) -> int:
        """How many spaces follow the line's first character (its bullet glyph)."""
        after = self.text.strip()[1:].expandtabs(4)
        return len(after) - len(after.lstrip())


def build_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """One paragraph per line, an indented unbulleted line right below a paragraph joining it."""
    paragraphs: list[Paragraph] = []
    previous: Line | None = None
    for line in lines:
        if line.blank:
            previous = None
            continue
        bullet, body = split_bullet(line.text)
        continues = (
            previous is not None
            and bullet is None
            and line.indent > 0
            and paragraphs
            and paragraphs[-1].provenance.line is not None
        )
        if continues:
            last = paragraphs[-1]
            paragraphs[-1] = last.model_copy(update={"text": f"{last.text} {body}".strip()})
        else:
            paragraphs.append(
                paragraph(body, bullet, line.indent, provenance(line=line.number),
                          gap=None if bullet is None else line.gap)
            )
        previous = line
    return paragraphs

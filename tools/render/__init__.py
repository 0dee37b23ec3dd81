"""A pledge-card renderer: another issuer, writing cards from the card model alone.

``render(card, style)`` writes a :class:`pledgecard.models.Card` as a text dump the way a
local government's office would (the seed's layout, or CARD-SPEC's second family, with
any heading marker, table drawing, unit, as-of wording, label spacing, bullet glyph,
page furniture, line ending and encoding); ``layout(card, style)`` gives the format-free
blocks the HWP/HWPX/PDF producers write (``tools.render.producers``). Nothing here reads
a card: the parser is what these renderings test.
"""

from __future__ import annotations

from .document import Block, Grid, GridCell, Line, PageBreak
from .expected import expected_card
from .layout import layout
from .style import AXES, DEFAULT, SECOND_FAMILY_FIELDS, Style, needs_second_family
from .text import paginate, render, render_bytes, render_cards

__all__ = [
           "AXES",
           "DEFAULT",
           "SECOND_FAMILY_FIELDS",
           "Block",
           "Grid",
           "GridCell",
           "Line",
           "PageBreak",
           "Style",
           "expected_card",
           "layout",
           "needs_second_family",
           "paginate",
           "render",
           "render_bytes",
           "render_cards",
]

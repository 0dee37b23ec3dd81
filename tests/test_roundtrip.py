"""The main test of issue 8: a card written by another issuer reads back as the same card.

``tools.render`` writes a golden card (``samples/*/*.expected.json``) the way a local
government would, in one style per value of every layout axis (the other axes at the
seed's defaults), and the parse of that text must give the card back: every field except
those ``tests/roundtrip.py`` names (where a value came from, and the raw text of values the
style re-wrote). Hypothesis then draws whole styles from the axis values that pass.

``KNOWN_GAPS`` lists each axis value the parser does not read yet, with the first differing
field; each is ``xfail(strict=True)``, so clearing a gap fails here until its line is removed.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pledgecard.models import Card
from tools.render import AXES, DEFAULT, Style, needs_second_family, render_bytes

from .roundtrip import assert_round_trip, golden_cards

CARDS = golden_cards()
#: The golden cards with a finance table (missing-parts has none).
WITH_FINANCE = frozenset(name for name, card in CARDS if card.finance.cells)

#: (axis, value) -> (why the parse differs today, the cards it differs on; None: every card).
KNOWN_GAPS: dict[tuple[str, Any], tuple[str, frozenset[str] | None]] = {
}


#: Cards that do not round-trip in a table rendering, whatever the other axes: (card, table) -> why.
KNOWN_TABLE_GAPS: dict[tuple[str, str], str] = {
}


def known_gap(name: str, card: Card, style: Style, axis: str, value: Any) -> str | None:
    """Why this card in this style is a known gap, or None."""
    gap = KNOWN_GAPS.get((axis, value))
    if gap and (gap[1] is None or name in gap[1]):
        return gap[0]
    table_gap = KNOWN_TABLE_GAPS.get((name, style.table))
    if table_gap:
        return table_gap
    for axes, reason, _name in KNOWN_COMBINATION_GAPS:
        if all(getattr(style, a) == v for a, v in axes.items()):
            return reason
    return None


#: Combinations whose values pass alone but not together: (the axis values, why, the card it shows on).
KNOWN_COMBINATION_GAPS: list[tuple[dict[str, Any], str, str]] = [
]


def axis_style(axis: str, value: Any) -> Style:
    """The seed's style with one axis changed; CP949 has no U+FFFD, so its headings take □."""
    style = DEFAULT.with_(**{axis: value})
    return style.with_(heading="□") if axis == "encoding" and value == "cp949" else style


def encodable(card: Card, style: Style) -> bool:
    try:
        render_bytes(card, style)
    except UnicodeEncodeError:
        return False
    return True


def _axis_cases() -> list[Any]:
    cases = []
    for axis, values in AXES.items():
        for value in values:
            for name, card in CARDS:
                style = axis_style(axis, value)
                if needs_second_family([card]):
                    if axis == "family":
                        continue  # its family is not a choice: the first has no place for its fields
                    style = style.with_(family="second")
                if not encodable(card, style):
                    continue  # e.g. the seed's combining grave accent has no CP949 code
                reason = known_gap(name, card, style, axis, value)
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                cases.append(pytest.param(card, style, id=f"{style.name}-{name}",
                                          marks=marks))
    return cases


@pytest.mark.parametrize(("card", "style"), _axis_cases())
def test_every_axis_value_round_trips(card: Card, style: Style) -> None:
    assert_round_trip(card, style, render_bytes(card, style), "card.txt")


def test_every_axis_value_is_tried() -> None:
    tried = {(axis, value) for axis, values in AXES.items() for value in values}
    assert set(KNOWN_GAPS) <= tried
    assert all(encodable(card, axis_style("encoding", "cp949")) for name, card in CARDS if name == "cp949-card")


@pytest.mark.parametrize(("axes", "reason", "name"), KNOWN_COMBINATION_GAPS)
def test_known_combination_gaps(axes: dict[str, Any], reason: str, name: str, request: pytest.FixtureRequest) -> None:
    request.applymarker(pytest.mark.xfail(strict=True, reason=reason))
    card = dict(CARDS)[name]
    style = DEFAULT.with_(**axes)
    assert_round_trip(card, style, render_bytes(card, style), f"{name}.txt")


def _passing(axis: str) -> list[Any]:
    return [v for v in AXES[axis] if (axis, v) not in KNOWN_GAPS]


STYLES = st.builds(Style, **{axis: st.sampled_from(_passing(axis)) for axis in AXES})


@settings(derandomize=True, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([name for name, _ in CARDS]), STYLES)
def test_drawn_styles_round_trip(name: str, style: Style) -> None:
    """Any combination of the axis values that pass alone passes together (but the known
    combination gaps)."""
    card = dict(CARDS)[name]
    if needs_second_family([card]):
        style = style.with_(family="second")
    assume(known_gap(name, card, style, "", None) is None)
    assume(encodable(card, style))
    assert_round_trip(card, style, render_bytes(card, style), f"{name}.txt")

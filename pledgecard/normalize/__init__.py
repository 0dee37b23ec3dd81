"""Normalizers: strings in, typed values out (each keeps the text it came from).

Nothing here raises on an input string: what cannot be read comes back as ``None``
(or a value with ``None`` inside) and, where the caller passes a findings list, a Finding.
"""

from pledgecard.normalize.dates import (
    as_of_dates,
    as_of_span,
    find_spans,
    marked_as_of,
    parse_as_of,
    parse_span,
    span_years,
    stated_years,
)
from pledgecard.normalize.funding import funding_category, issuer_level
from pledgecard.normalize.money import (
    find_money,
    parse_amount_cell,
    parse_cell_money,
    parse_money,
    parse_total_cost,
    table_unit,
    unit_multiplier,
)
from pledgecard.normalize.quantity import find_quantities, parse_quantity
from pledgecard.normalize.rates import parse_achieved, parse_rate, parse_rate_cell
from pledgecard.normalize.status import parse_status
from pledgecard.normalize.text import close_spaced, join_wrapped, nfc, squash, unwrap

__all__ = [
    "as_of_dates",
    "as_of_span",
    "close_spaced",
    "find_money",
    "find_quantities",
    "find_spans",
    "funding_category",
    "issuer_level",
    "join_wrapped",
    "marked_as_of",
    "nfc",
    "parse_achieved",
    "parse_amount_cell",
    "parse_as_of",
    "parse_cell_money",
    "parse_money",
    "parse_quantity",
    "parse_rate",
    "parse_rate_cell",
    "parse_span",
    "parse_status",
    "parse_total_cost",
    "span_years",
    "squash",
    "stated_years",
    "table_unit",
    "unit_multiplier",
    "unwrap",
]

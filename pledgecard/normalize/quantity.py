"""Counts with their unit: ``5건``, ``2만 9천여 명``, ``약 200개소``, ``1.5km``."""

from __future__ import annotations

from pledgecard import vocab
from pledgecard.models import Quantity
from pledgecard.normalize.numbers import (
    TAIL_APPROX,
    approx_prefix_start,
    followed_by,
    is_ordinal,
    match_unit,
    scan_number,
    skip_leading,
    skip_ws,
    starts_before,
)
from pledgecard.normalize.text import nfc

#: Number starts that a counting unit may follow; a count can start nowhere else.
_CANDIDATES = starts_before(vocab.QUANTITY_UNITS)


def _read(text: str, pos: int) -> tuple[int | float, str, bool, int] | None:
    """(value, unit, approx, end) of a count at ``pos``; None when no counting unit follows."""
    knum = scan_number(text, pos, vocab.QUANTITY_UNITS)
    if knum is None:
        return None
    upos = skip_ws(text, knum.end, newlines=False)
    unit = match_unit(text, upos, vocab.QUANTITY_UNITS)
    if unit is None:
        return None
    end = upos + len(unit)
    approx = knum.approx
    word = followed_by(text, end, TAIL_APPROX)
    if word is not None:
        end = skip_ws(text, end, newlines=False) + len(word)
        approx = True
    value = knum.value
    number: int | float = int(value) if value == value.to_integral_value() else float(value)
    return number, unit, approx, end


def parse_quantity(text: str) -> Quantity | None:
    """The count that ``text`` begins with (after 약/총), or None."""
    clean = nfc(text).strip()
    pos, approx = skip_leading(clean)
    if is_ordinal(clean, pos):
        return None
    read = _read(clean, pos)
    if read is None:
        return None
    value, unit, tail_approx, end = read
    return Quantity(value=value, unit=unit, approx=approx or tail_approx, text=clean[:end])


def find_quantities(text: str) -> list[Quantity]:
    """Every count in free text, in order: ``34개국 113명`` -> [34 개국, 113 명].

    Ordinals (``제20회``), words that only begin like a unit (``3차년도``, ``명예``),
    money (``100억 원``) and dates (``2024년``, ``’24.5월``) are not counts.
    """
    text = nfc(text)
    found: list[Quantity] = []
    cursor = 0
    for candidate in _CANDIDATES.finditer(text):
        pos = candidate.start()
        if pos < cursor or is_ordinal(text, pos):
            continue
        read = _read(text, pos)
        if read is None:
            continue
        value, unit, approx, end = read
        prefix = approx_prefix_start(text, pos)
        start = pos if prefix is None else prefix
        found.append(Quantity(value=value, unit=unit, approx=approx or prefix is not None,
                              text=text[start:end]))
        cursor = end
    return found

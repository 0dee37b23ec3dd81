"""Money in whole won: ``89,873백만 원``, ``214.1억 원``, ``약 20억원``; total costs, table cells.

All arithmetic is exact (``Decimal``): 214.1억 is 21,410,000,000 won, never a float.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from pledgecard import vocab
from pledgecard.models import Finding, Funding, Money, TotalCost
from pledgecard.normalize import numerals
from pledgecard.normalize.funding import funding_category
from pledgecard.normalize.numbers import (
    DIGITS,
    LEADING_WORDS,
    SP,
    TAIL_APPROX,
    approx_prefix_start,
    boundary_ok,
    followed_by,
    integral,
    is_ordinal,
    match_unit,
    scan_number,
    skip_leading,
    skip_ws,
    starts_before,
    starts_with_any,
    to_decimal,
)
from pledgecard.normalize.text import close_spaced, nfc, squash

#: Separators between the parts of a breakdown; a comma between digits is a thousands mark,
#: a slash separates only with spaces around it (시/군비 is one label).
_PART_SEP = re.compile(r"[;，、+]|(?<![0-9]),|,(?![0-9])|\s/\s")
_BARE = re.compile(rf"{DIGITS}")
_DIGIT = re.compile(r"[0-9]")
_TABLE_UNIT = re.compile(
    re.escape(vocab.TABLE_UNIT_LABEL) + r"\s*[:：]?\s*(?P<unit>[^()\[\]（）<>〈〉,\n]*)"
)
#: Number starts that 원, 억 or 조 may follow. A number that starts anywhere else is no
#: amount, and no number that is one starts inside it: the finder skips it unscanned.
_CANDIDATES = starts_before((vocab.WON, *vocab.MONEY_UNITS_WITHOUT_WON))
_HANGUL_CANDIDATES = numerals.candidates_before((vocab.WON, *vocab.MONEY_UNITS_WITHOUT_WON))
#: A bare number and a range mark right before an amount: the lower end of a range.
_RANGE_LOWER = re.compile(
    r"(?<![0-9A-Za-z.," + re.escape(vocab.YEAR_APOSTROPHES) + rf"])(?P<num>{DIGITS}){SP}"
    rf"[{re.escape(vocab.RANGE_MARKS)}]{SP}"
)
_RANGE_LOWER_REACH = 40
_OPEN = "(（"
_CLOSE = ")）"


class _Amount(NamedTuple):
    won: int | None
    approx: bool
    #: Multiplier of the amount's own unit (89,873백만 원 -> 10**6), None for a bare number.
    unit_won: int | None


def _tail(text: str, end: int) -> tuple[int, bool, bool]:
    """After a number: an optional 원 and an approximating word; (end, has_won, approx)."""
    has_won = False
    pos = skip_ws(text, end, newlines=False)
    if text.startswith(vocab.WON, pos) and boundary_ok(text, pos + len(vocab.WON)):
        has_won = True
        end = pos + len(vocab.WON)
    word = followed_by(text, end, TAIL_APPROX)
    if word is not None:
        end = skip_ws(text, end, newlines=False) + len(word)
        return end, has_won, True
    return end, has_won, False


def _read_amount(text: str, default_unit_won: int | None) -> _Amount | None:
    """The whole of ``text`` as one amount; None when it is not exactly one."""
    pos, approx = skip_leading(text)
    knum = numerals.scan_any(text, pos, (vocab.WON,))
    if knum is None:
        return None
    end, has_won, tail_approx = _tail(text, knum.end)
    if skip_ws(text, end) != len(text):
        return None
    approx = approx or knum.approx or tail_approx
    if knum.has_unit or has_won:
        return _Amount(integral(knum.value), approx, knum.last_mult)
    if default_unit_won is None:
        return _Amount(None, approx, None)
    return _Amount(integral(knum.value * default_unit_won), approx, default_unit_won)


def parse_money(text: str, default_unit_won: int | None = None) -> Money:
    """One amount (``620억 원``); a bare number takes ``default_unit_won``.

    Unreadable text gives ``won=None`` with the text kept.
    """
    clean = nfc(text).strip()
    amount = _read_amount(clean, default_unit_won)
    if amount is None:
        return Money(won=None, text=clean)
    return Money(won=amount.won, text=clean, approx=amount.approx)


def find_money(text: str) -> list[Money]:
    """Every amount with a money unit in free text (``100억 원``, ``202억``), in order.

    A number without 원 counts only with 억 or 조 and when no counting unit or foreign
    currency follows (``2만 9천여 명`` is a quantity, ``5억 달러`` is not won). Numbers in
    Hangul words count (``삼십억 원``, ``오백만 원``). A range gives both ends, the bare lower
    end in the unit of the upper (``100~200억 원`` -> 100억, 200억; the lower's text is the
    whole range, which it was read from).
    """
    text = nfc(text)
    return collect_money(text, numerals.candidate_starts(text, _CANDIDATES, _HANGUL_CANDIDATES))


def collect_money(text: str, starts: Iterable[int]) -> list[Money]:
    """The amounts of (NFC) ``text`` that start at ``starts`` (ascending), in order."""
    found: list[Money] = []
    cursor = taken = 0
    for pos in starts:
        if pos < cursor:
            continue
        knum = numerals.scan_any(text, pos, (vocab.WON,))
        if knum is None:
            continue
        cursor = knum.end
        if is_ordinal(text, pos):
            continue
        end, has_won, tail_approx = _tail(text, knum.end)
        if not has_won and not _money_without_won(text, knum.top_big, knum.end):
            continue
        lower = _range_lower(text, pos, taken)
        prefix = approx_prefix_start(text, pos if lower is None else lower.start())
        approx = prefix is not None or knum.approx or tail_approx
        if lower is not None:
            value = to_decimal(lower["num"])
            won = None if value is None else integral(value * knum.last_mult)
            start = lower.start() if prefix is None else prefix
            found.append(Money(won=won, text=text[start:end].strip(), approx=approx))
            start = pos
        else:
            start = pos if prefix is None else prefix
        found.append(Money(won=integral(knum.value), text=text[start:end].strip(), approx=approx))
        cursor = taken = end
    return found


def _range_lower(text: str, pos: int, taken: int) -> re.Match[str] | None:
    """The bare lower end of a range before the amount at ``pos`` (``100~`` of ``100~200억``)."""
    if pos == 0 or not "0" <= text[pos] <= "9":
        return None
    m = _RANGE_LOWER.search(text, max(taken, pos - _RANGE_LOWER_REACH), pos)
    return m if m is not None and m.end() == pos else None


def _money_without_won(text: str, top_big: str | None, end: int) -> bool:
    if top_big not in vocab.MONEY_UNITS_WITHOUT_WON or not boundary_ok(text, end):
        return False
    if followed_by(text, end, vocab.FOREIGN_CURRENCY_WORDS) is not None:
        return False
    return match_unit(text, skip_ws(text, end, newlines=False), vocab.QUANTITY_UNITS) is None


def _split_paren(text: str) -> tuple[str, str | None]:
    """``89,873백만 원(국비 …)`` -> (``89,873백만 원``, ``국비 …``)."""
    start = next((i for i, ch in enumerate(text) if ch in _OPEN), -1)
    if start < 0:
        return text, None
    depth = 0
    for i in range(start, len(text)):
        if text[i] in _OPEN:
            depth += 1
        elif text[i] in _CLOSE:
            depth -= 1
            if depth == 0:
                return text[:start].strip(), text[start + 1:i]
    return text[:start].strip(), text[start + 1:]


def _label_and_amount(part: str) -> tuple[str, str]:
    """``국비 58,266`` -> (``국비``, ``58,266``); ``국비 약 18억`` keeps 약 with the amount."""
    digit = next((i for i, ch in enumerate(part) if "0" <= ch <= "9"), None)
    if digit is None:  # 국비 이십억
        digit = next((m.start() for m in numerals.CANDIDATES.finditer(part)
                      if numerals.scan_sino(part, m.start()) is not None), len(part))
    label, amount = part[:digit], part[digit:]
    tokens = label.split()
    if tokens and tokens[-1] in LEADING_WORDS:
        amount = label[label.rindex(tokens[-1]):] + amount
        label = label[:label.rindex(tokens[-1])]
    return label.strip().rstrip(":：").strip(), amount.strip()


def _parts(inner: str) -> list[str]:
    """The parts of a breakdown: split at separators, and between label-amount pairs written
    one after another (``국비 5,000,000 도비 2,500,000``)."""
    parts: list[str] = []
    for raw_part in _PART_SEP.split(inner):
        part = raw_part.strip()
        if part:
            parts.extend(_pairs(part))
    return parts


def _pairs(part: str) -> list[str]:
    """``국비 5,000,000 도비 2,500,000`` -> [``국비 5,000,000``, ``도비 2,500,000``].

    A part splits after an amount when a label came before it and words (the next label)
    come between it and the next number.
    """
    pieces: list[str] = []
    start = pos = 0
    while (digit := _DIGIT.search(part, pos)) is not None:
        knum = scan_number(part, digit.start())
        end = digit.end() if knum is None else _tail(part, knum.end)[0]
        following = _DIGIT.search(part, end)
        if following is None:
            break
        if _has_word(part[end:following.start()]) and _has_word(part[start:digit.start()]):
            pieces.append(part[start:end].strip())
            start = end
        pos = max(end, digit.end())
    pieces.append(part[start:].strip())
    return [piece for piece in pieces if piece]


def _has_word(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _breakdown(inner: str, unit_won: int | None, level: str,
               findings: list[Finding] | None) -> list[Funding]:
    fundings: list[Funding] = []
    unread: list[str] = []
    for part in _parts(inner):
        label, amount_text = _label_and_amount(part)
        if not any(ch.isalpha() for ch in label):
            unread.append(part)
            continue
        amount = _read_amount(amount_text, unit_won) if amount_text else None
        won = amount.won if amount else None
        if won is None:
            unread.append(part)
        source = close_spaced(label)
        fundings.append(Funding(source=source, category=funding_category(source, level),
                                won=won, text=part))
    if not any(f.won is not None for f in fundings):
        return []  # not a breakdown: (’22~’26년, 100억 원) and the like
    if findings is not None:
        for part in unread:
            findings.append(Finding(code="money.unparsed", severity="warning",
                                    message=f"total cost: breakdown part not understood: {part!r}"))
    return fundings


def parse_total_cost(text: str, issuer_level: str,
                     findings: list[Finding] | None = None) -> TotalCost:
    """``89,873백만 원(국비 58,266, 도비 23,326, 시군비 8,281)``: the amount and its breakdown.

    Bare breakdown numbers take the main amount's unit (here 백만 원).
    """
    clean = nfc(text).strip()
    main, inner = _split_paren(clean)
    amount = _read_amount(main, None)
    if (amount is None or amount.won is None) and findings is not None:
        findings.append(Finding(code="money.unparsed", severity="warning",
                                message=f"total cost not understood: {clean!r}"))
    breakdown = (_breakdown(inner, amount.unit_won if amount else None, issuer_level, findings)
                 if inner else [])
    return TotalCost(won=amount.won if amount else None, text=clean,
                     approx=amount.approx if amount else False, breakdown=breakdown)


def parse_amount_cell(raw: str, unit_won: int | None) -> int | None:
    """A finance-table cell in won: ``89,873`` at 백만 원 -> 89873000000.

    ``-`` (any dash) and ``0`` -> 0; empty -> None; unreadable -> None.
    """
    cell = squash(nfc(raw))
    if not cell:
        return None
    if cell in vocab.ZERO_CELLS:
        return 0
    if _DIGIT.search(cell) is None:
        return None  # every amount has a digit; most cells are words
    sign = 1
    mark = starts_with_any(cell, 0, vocab.NEGATIVE_MARKS)
    if mark is not None:
        sign, cell = -1, cell[len(mark):]
    if _BARE.fullmatch(cell):
        value = to_decimal(cell)
        if value is None:
            return None
        if value == 0:
            return 0
        return None if unit_won is None else _signed(integral(value * unit_won), sign)
    amount = _read_amount(cell, unit_won)
    return _signed(amount.won, sign) if amount else None


def _signed(won: int | None, sign: int) -> int | None:
    return None if won is None else sign * won


def table_unit(text: str) -> tuple[str, int] | None:
    """The unit a text states and its multiplier into won; None when it states no money unit.

    Reads a unit statement wherever it is: a heading line, the line above a table, a first
    cell (``(단위 : 백만 원)`` -> (``백만 원``, 1000000); ``단위: 천원``, ``[단위: 억원]``,
    ``（단위：백만원, %）``, ``□ 재원투자 계획 (단위: 억원)``). The unit text is as written, up
    to its 원.
    """
    m = _TABLE_UNIT.search(nfc(text))
    if m is None:
        return None
    return _unit(m["unit"].strip())


def unit_multiplier(unit: str) -> int | None:
    """The multiplier into won of a unit as written (``억원``, ``백만 원``, ``천원``) or of a
    unit statement (``(단위 : 억원)``); None when it is no money unit."""
    stated = table_unit(unit)
    if stated is not None:
        return stated[1]
    found = _unit(nfc(unit).strip().strip("()（）[]［］<>〈〉"))
    return found[1] if found else None


def _unit(unit: str) -> tuple[str, int] | None:
    """(unit as written up to its 원, multiplier) of ``백만 원``, ``천원 기준``, ``억``."""
    won_at = unit.find(vocab.WON)
    if won_at >= 0:
        unit = unit[:won_at + len(vocab.WON)]
    key = squash(unit)
    if not key:
        return None
    if key in vocab.TABLE_UNITS:
        return unit, vocab.TABLE_UNITS[key]
    amount = _read_amount("1" + key, None)
    if amount is None or amount.won is None or amount.won <= 0:
        return None
    return unit, amount.won


def parse_cell_money(raw: str, unit: str | None) -> Money:
    """A table cell in won from its text and the table's unit as written (exact decimals).

    ``parse_cell_money("42.5", "(단위 : 억원)")`` -> won 4250000000; ``unit`` may be the
    statement or the unit alone (``억원``, ``백만 원``) or None. ``-`` is 0; words, an
    empty cell, or a bare number under an unknown unit give ``won=None``. The text is the
    cell's, stripped.
    """
    multiplier = None if unit is None else unit_multiplier(unit)
    return Money(won=parse_amount_cell(raw, multiplier), text=nfc(raw).strip())


__all__ = [
    "collect_money", "find_money", "parse_amount_cell", "parse_cell_money", "parse_money",
    "parse_total_cost", "table_unit", "unit_multiplier",
]

"""How an issuer writes values: amounts in a unit, as-of phrases, spaced labels.

Only the card model is known here; nothing of the parser.
"""

from __future__ import annotations

import calendar
import re
from decimal import Decimal

#: The unit words and their multiplier into won, as tables write them.
UNIT_WON = {"원": 1, "천원": 1_000, "백만원": 1_000_000, "억원": 100_000_000}
#: The same unit after an amount (the seed writes ``89,873백만 원``).
UNIT_AFTER_AMOUNT = {"원": "원", "천원": "천원", "백만원": "백만 원", "억원": "억 원"}


def amount(won: int, unit_won: int) -> str:
    """``won`` in a unit, exactly (decimal arithmetic), with thousands separators: 898.73, 89,873."""
    value = Decimal(won) / Decimal(unit_won)
    sign = "-" if value < 0 else ""
    whole, _, fraction = format(abs(value).normalize(), "f").partition(".")
    return f"{sign}{int(whole):,}" + (f".{fraction}" if fraction else "")


def cell_amount(won: int | None, raw: str, unit_won: int) -> str:
    """A finance cell in another unit; a dash or an unreadable cell stays as written."""
    if won is None:
        return raw
    if won == 0 and not any(ch.isdigit() for ch in raw):
        return raw
    return amount(won, unit_won)


_DATE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?$")


def date_parts(date: str) -> tuple[int, int, int | None]:
    """(year, last month the date covers, day or None) of a precision date."""
    match = _DATE.match(date)
    if match is None:
        raise ValueError(f"not a precision date: {date!r}")
    year, month, day, quarter, half = match.groups()
    if month:
        return int(year), int(month), int(day) if day else None
    if quarter:
        return int(year), int(quarter) * 3, None
    if half:
        return int(year), int(half) * 6, None
    return int(year), 12, None


#: The precision each as-of wording writes.
AS_OF_PRECISION = {"quarter_total": "quarter", "quarter_plain": "quarter", "month_now": "month",
                   "day_paren": "day", "day_bracket": "day", "half": "half"}


def as_of_in(date: str, wording: str) -> str:
    """The as-of date as the wording can write it (a month becomes its quarter, a quarter
    its last month or day, and so on): what a parse of the rendering must give."""
    year, month, day = date_parts(date)
    precision = AS_OF_PRECISION[wording]
    if precision == "quarter":
        return f"{year}-Q{(month + 2) // 3}"
    if precision == "month":
        return f"{year}-{month:02d}"
    if precision == "half":
        return f"{year}-H{1 if month <= 6 else 2}"
    last = day or calendar.monthrange(year, month)[1]
    return f"{year}-{month:02d}-{last:02d}"


def as_of_phrase(date: str, wording: str, cumulative: bool) -> str:
    """The as-of line of a progress block in one wording, for a date already in its precision."""
    year, month, day = date_parts(date)
    yy = f"’{year % 100:02d}."
    total = " 누계" if cumulative else ""
    lead = "기 추진실적 : " if cumulative else ""
    if wording == "quarter_total":
        return f"《{lead}{yy} {(month + 2) // 3}분기 기준{total}》"
    if wording == "quarter_plain":
        return f"{lead}{yy} {(month + 2) // 3}분기 기준{total}"
    if wording == "month_now":
        return f"《{lead}{year}년 {month}월 현재{total}》"
    if wording == "day_paren":
        return f"{lead}({year}. {month}. {day}. 기준){total}"
    if wording == "day_bracket":
        return f"《{lead}{year}. {month}. {day}. 기준{total}》"
    if wording == "half":
        return f"{lead}{year}년 {'상' if month <= 6 else '하'}반기{total}"
    raise ValueError(f"unknown as-of wording {wording!r}")


def running_header_date(as_of: str | None) -> str:
    """``2025년 1분기``: the quarter a re-issue is for (the card's as-of, or the seed's)."""
    if not as_of:
        return "2025년 1분기"
    year, month, _ = date_parts(as_of)
    return f"{year}년 {(month + 2) // 3}분기"


def label(word: str, spacing: str, width: int = 1) -> str:
    """A label as the style spaces it: ``공 약 명`` or ``공약명``; two-syllable table labels
    take ``width`` spaces between their syllables (``국  비``)."""
    if spacing != "spaced" or not all("가" <= ch <= "힣" for ch in word) or len(word) not in (2, 3):
        return word
    return (" " * (width if len(word) == 2 else 1)).join(word)

"""Every public normalizer takes any string and returns a value or None: it never raises."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pledgecard import vocab
from pledgecard.models import Finding, Span
from pledgecard.normalize import (
    as_of_span,
    close_spaced,
    find_money,
    find_quantities,
    find_spans,
    funding_category,
    issuer_level,
    join_wrapped,
    marked_as_of,
    nfc,
    parse_achieved,
    parse_amount_cell,
    parse_as_of,
    parse_cell_money,
    parse_money,
    parse_quantity,
    parse_rate,
    parse_rate_cell,
    parse_span,
    parse_status,
    parse_total_cost,
    span_years,
    squash,
    stated_years,
    table_unit,
    unit_multiplier,
)

_TOKENS = [
    *"0123456789", "0", "00", "12", "2024", "1,234", "89,873", ".", ",", " ", "  ", "\n", "~", "-",
    "(", ")", "/", "4", ":", *vocab.YEAR_APOSTROPHES, *vocab.RANGE_MARKS,
    *vocab.MONEY_UNITS, *vocab.NUMBER_BIG_UNITS, *vocab.NUMBER_SMALL_UNITS, *vocab.QUANTITY_UNITS,
    *vocab.APPROX_SUFFIXES, *vocab.APPROX_PREFIXES, *vocab.TOTAL_PREFIXES, *vocab.UNIT_PARTICLES,
    *vocab.HALF_WORDS, *vocab.STATUSES, *vocab.FUNDING_FIXED, *vocab.FUNDING_BY_LEVEL,
    *vocab.ZERO_CELLS, *vocab.NEGATIVE_MARKS, *vocab.STATED_YEARS_SUFFIXES,
    vocab.YEAR_WORD, vocab.MONTH_WORD, vocab.DAY_WORD, vocab.QUARTER_WORD, vocab.WON,
    vocab.TABLE_UNIT_LABEL, vocab.ORDINAL_PREFIX, vocab.APPROX_INFIX, "명예", "개월", "원주시",
    "도지사", "시장", "광역시", "공약사업 관리카드", "기준", "현재", "누계", "달러",
    *vocab.SINO_DIGITS, *vocab.NATIVE_TENS, *vocab.NATIVE_ONES, *vocab.RATE_LABELS, *vocab.PERCENT_SIGNS,
    *vocab.GOAL_ACHIEVED, *vocab.ACHIEVED_SYNONYMS, "p", "말", "《", "》",
]
card_text = st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join)
any_text = st.one_of(st.text(max_size=60), card_text)
LEVELS = st.sampled_from(["province", "metropolitan", "city", "county", "district", "unknown", ""])
FAST = settings(max_examples=200, deadline=None)

UNARY: dict[str, Callable[[str], Any]] = {
    "nfc": nfc,
    "close_spaced": close_spaced,
    "squash": squash,
    "parse_money": parse_money,
    "find_money": find_money,
    "table_unit": table_unit,
    "parse_quantity": parse_quantity,
    "find_quantities": find_quantities,
    "parse_as_of": parse_as_of,
    "as_of_span": as_of_span,
    "marked_as_of": marked_as_of,
    "parse_achieved": parse_achieved,
    "parse_rate_cell": parse_rate_cell,
    "unit_multiplier": unit_multiplier,
    "stated_years": stated_years,
    "parse_status": parse_status,
    "issuer_level": issuer_level,
}


@FAST
@given(any_text)
def test_unary_normalizers_never_raise(text: str) -> None:
    for fn in UNARY.values():
        fn(text)
    assert " " not in squash(text) and "  " not in close_spaced(text)


@FAST
@given(any_text, st.one_of(st.none(), st.sampled_from([1, 1000, 10**6, 10**8])))
def test_money_normalizers_never_raise(text: str, unit: int | None) -> None:
    money = parse_money(text, unit)
    assert money.won is None or isinstance(money.won, int)
    cell = parse_amount_cell(text, unit)
    assert cell is None or isinstance(cell, int)
    for found in find_money(text):
        assert found.text and found.text in nfc(text)
    assert parse_cell_money(text, "(단위 : 억원)").won == parse_amount_cell(text, 10**8)


@FAST
@given(any_text)
def test_rate_never_raises_and_keeps_its_text(text: str) -> None:
    findings: list[Finding] = []
    rate = parse_rate(text, findings)
    if rate is not None:
        assert rate.percent >= 0 and rate.text and rate.text in nfc(text)
    assert all(f.code == "rate.unreadable" for f in findings)
    for quantity in find_quantities(text):
        assert quantity.text and quantity.text in nfc(text)


@FAST
@given(any_text, LEVELS)
def test_total_cost_and_funding_never_raise(text: str, level: str) -> None:
    findings: list[Finding] = []
    cost = parse_total_cost(text, level, findings)
    assert cost.text == nfc(text).strip()
    parse_total_cost(text, level)
    assert funding_category(text, level) in {
        "national", "provincial", "municipal", "private", "other", "total"}
    issuer_level(text, text)


@FAST
@given(any_text)
def test_date_normalizers_never_raise(text: str) -> None:
    findings: list[Finding] = []
    spans = find_spans(text, findings)
    first = parse_span(text, findings)
    parse_span(text)
    for span in [*spans, *([first] if first else [])]:
        assert isinstance(span, Span)
        years = span_years(span)
        assert years is None or years >= 1
    assert all(f.code in {"date.invalid", "date.ambiguous"} for f in findings)


@FAST
@given(st.lists(any_text, max_size=5))
def test_join_wrapped_never_raises(lines: list[str]) -> None:
    joined = join_wrapped(lines)
    assert joined == joined.strip()


@FAST
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=4),
       st.sampled_from([("억원", 10**8), ("백만 원", 10**6), ("천원", 10**3)]))
def test_decimal_cells_are_exact(units: int, places: int, unit: tuple[str, int]) -> None:
    """``42.5`` at 억원 is 4,250,000,000 won exactly, whatever the decimals (no binary float)."""
    cell = f"{units // 10**places}.{units % 10**places:0{places}d}" if places else str(units)
    text, multiplier = unit
    exact = units * multiplier // 10**places if (units * multiplier) % 10**places == 0 else None
    assert parse_cell_money(cell, text).won == exact
    assert parse_money(f"{cell}{text}").won == exact

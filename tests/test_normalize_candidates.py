"""The finders jump to candidate positions instead of trying every number start.

Each fast path is checked here against the plain formulation it replaces: the same
candidates, the same amounts, counts and spans, the same closed-up labels.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pledgecard import vocab
from pledgecard.models import Money, Quantity
from pledgecard.normalize import close_spaced, dates, find_money, find_quantities, money, nfc, numbers, quantity

_TOKENS = [
    *"0123456789", "00", "12", "19", "20", "24", "2024", "1999", "1,234", "89,873", "0.5",
    ".", ". ", ",", " ", "  ", "\n", "\t", "~", "-", "/", "(", ")", "a", "km", "m", "x",
    *vocab.YEAR_APOSTROPHES, *vocab.RANGE_MARKS, *vocab.MONEY_UNITS, *vocab.NUMBER_BIG_UNITS,
    *vocab.NUMBER_SMALL_UNITS, *vocab.QUANTITY_UNITS, *vocab.APPROX_SUFFIXES,
    *vocab.APPROX_PREFIXES, *vocab.TOTAL_PREFIXES, *vocab.UNIT_PARTICLES,
    *vocab.FOREIGN_CURRENCY_WORDS, *vocab.HALF_WORDS, vocab.ORDINAL_PREFIX, vocab.WON,
    vocab.YEAR_WORD, vocab.MONTH_WORD, vocab.DAY_WORD, vocab.QUARTER_WORD, "명예", "만족도", "가", "나",
    *vocab.SINO_DIGITS, *vocab.NATIVE_TENS, *vocab.NATIVE_ONES, "세대", "이천시",
]
text = st.one_of(st.lists(st.sampled_from(_TOKENS), max_size=25).map("".join), st.text(max_size=40))
MANY = settings(max_examples=600, deadline=None)

_APOS = "[" + re.escape(vocab.YEAR_APOSTROPHES) + "]"
#: The plain forms of the candidate patterns.
_PLAIN_START = re.compile(r"(?<![0-9A-Za-z.," + re.escape(vocab.YEAR_APOSTROPHES) + r"])[0-9]")
_PLAIN_CANDIDATE = re.compile(
    rf"{_APOS}[0-9]{{2}}|(?<![0-9.,])(?:19|20)[0-9]{{2}}(?![0-9])"
    rf"|(?<![0-9.,])[0-9]{{2}}(?![0-9])(?=[^\S\r\n]*년)|[{re.escape(vocab.RANGE_MARKS)}]"
)


def _spans(pattern: re.Pattern[str], s: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(s)]


_PLAIN_HANGUL_START = re.compile(r"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]")


def _every_start(s: str) -> list[int]:
    """Every number start: a digit not inside a number, and every first syllable of a word."""
    return sorted({m.start() for m in _PLAIN_START.finditer(s)}
                  | {m.start() for m in _PLAIN_HANGUL_START.finditer(s)})


def _every_money(s: str) -> list[Money]:
    """find_money trying every number start."""
    s = nfc(s)
    return money.collect_money(s, _every_start(s))


def _every_quantity(s: str) -> list[Quantity]:
    """find_quantities trying every number start."""
    s = nfc(s)
    return quantity.collect_quantities(s, _every_start(s))


def _token_close_spaced(s: str) -> str:
    """close_spaced token by token."""
    out: list[str] = []
    run: list[str] = []
    for token in [*nfc(s).split(), None]:
        if token is not None and len(token) == 1 and "\uac00" <= token <= "\ud7a3":
            run.append(token)
            continue
        out.extend(["".join(run)] if len(run) >= 2 else run)
        run.clear()
        if token is not None:
            out.append(token)
    return " ".join(out)


@MANY
@given(text)
def test_number_starts_are_the_plain_ones(s: str) -> None:
    assert _spans(numbers._START, s) == _spans(_PLAIN_START, s)


@MANY
@given(text)
def test_date_candidates_are_the_plain_ones(s: str) -> None:
    s = nfc(s)
    assert _spans(dates._CANDIDATE, s) == _spans(_PLAIN_CANDIDATE, s)


@MANY
@given(text)
def test_find_money_as_if_every_start_were_tried(s: str) -> None:
    assert find_money(s) == _every_money(s)


@MANY
@given(text)
def test_find_quantities_as_if_every_start_were_tried(s: str) -> None:
    assert find_quantities(s) == _every_quantity(s)


@MANY
@given(text)
def test_candidates_are_number_starts(s: str) -> None:
    s = nfc(s)
    starts = {m.start() for m in _PLAIN_START.finditer(s)}
    for pattern in (money._CANDIDATES, quantity._CANDIDATES):
        assert {m.start() for m in pattern.finditer(s)} <= starts


@MANY
@given(text)
def test_close_spaced_as_token_by_token(s: str) -> None:
    assert close_spaced(s) == _token_close_spaced(s)


def test_examples() -> None:
    assert [m.text for m in find_money("총 3억 5천만 원, 1억 5000원 및 202억")] == [
        "3억 5천만 원", "1억 5000원", "202억"]
    assert [q.text for q in find_quantities("34개국 113명, 2만 9천여 명, 제20회")] == [
        "34개국", "113명", "2만 9천여 명"]
    assert close_spaced(" 공 약 명 \t:  국  비 언론, 방송 가") == "공약명 : 국비 언론, 방송 가"

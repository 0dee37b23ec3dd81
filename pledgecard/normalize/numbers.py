"""Korean number words shared by money and quantities: ``3억 5천만``, ``2만 9천여``, ``89,873백만``.

A number is one or more *terms* ``digits [small] [big]`` (small: 천 백 십; big: 조 억 만),
each strictly smaller in order than the one before; the value is their sum, in exact
``Decimal`` arithmetic. A term without a unit ends the number; after another term it is
taken only where one of the caller's tail words follows (``1억 5000원``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from pledgecard import vocab
from pledgecard.normalize.text import is_syllable

#: Horizontal whitespace (a date or amount never runs over a line break inside a term).
SP = r"[^\S\r\n]*"
#: Digits of one number: comma-grouped or plain, optional decimals; bounded in length.
DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,6}|[0-9]{1,18})(?:\.[0-9]{1,8})?"

_SMALL = "".join(re.escape(u) for u in vocab.NUMBER_SMALL_UNITS)
_BIG = "".join(re.escape(u) for u in vocab.NUMBER_BIG_UNITS)
_AP = re.escape(vocab.APPROX_INFIX)
_TERM = re.compile(
    rf"(?P<num>{DIGITS})(?![0-9])(?P<ap1>{_AP})?(?P<sp>{SP})"
    rf"(?P<small>[{_SMALL}])?(?P<big>[{_BIG}])?(?P<ap2>{_AP})?"
)
_ANY_WS = re.compile(r"\s*")
_HSP = re.compile(SP)
_BIG_ORDER = {unit: exp for exp, unit in enumerate(sorted(vocab.NUMBER_BIG_UNITS,
                                                          key=vocab.NUMBER_BIG_UNITS.__getitem__),
                                                   start=1)}
_SMALL_ORDER = {unit: exp for exp, unit in enumerate(sorted(vocab.NUMBER_SMALL_UNITS,
                                                            key=vocab.NUMBER_SMALL_UNITS.__getitem__),
                                                     start=1)}
#: Where a number may begin: a digit not inside another number, word or year. The digit
#: comes first and the look back after it, so that a search skips to digits quickly.
_START = re.compile(
    r"[0-9](?<![0-9A-Za-z.,"
    + re.escape(vocab.YEAR_APOSTROPHES)
    + r"][0-9])"
)
#: The unit words a number may hold after its first digit (besides digits, ``,``, ``.`` and
#: white space, which covers the space between a number and its unit).
_BODY_WORDS = frozenset(vocab.APPROX_INFIX + "".join(vocab.NUMBER_SMALL_UNITS)
                        + "".join(vocab.NUMBER_BIG_UNITS))
_APPROX_BEFORE = re.compile(
    r"(?<![\uac00-\ud7a3])(?:" + "|".join(map(re.escape, vocab.APPROX_PREFIXES)) + rf"){SP}$"
)
#: Words after an amount or count that make it approximate (200개소 이상, 100억 원 정도).
TAIL_APPROX: tuple[str, ...] = tuple(
    w for w in vocab.APPROX_SUFFIXES if w not in (vocab.APPROX_INFIX, *vocab.APPROX_PREFIXES)
)
#: Words that may open an amount or count and are not part of it (약, 총).
LEADING_WORDS: tuple[str, ...] = (*vocab.APPROX_PREFIXES, *vocab.TOTAL_PREFIXES)
_ORDINAL = re.compile(rf"(?<![\uac00-\ud7a3]){re.escape(vocab.ORDINAL_PREFIX)}{SP}$")


class KNumber(NamedTuple):
    """A number found in text: its value, where it lies, and how it was written.

    Immutable; a named tuple rather than a frozen dataclass because it is made for
    every number scanned and a tuple is several times cheaper to make.
    """

    value: Decimal
    start: int
    end: int
    approx: bool
    #: Multiplier of the last term (89,873백만 -> 10**6; 3억 5천만 -> 10**7; 58,266 -> 1).
    last_mult: int
    #: Largest myriad unit used (조, 억, 만) or None.
    top_big: str | None
    #: Whether any term had a unit word.
    has_unit: bool


def starts_before(words: Iterable[str]) -> re.Pattern[str]:
    """Number starts from which only number characters and spaces lead to one of ``words``.

    A number that ends in one of ``words`` (``2만 9천여 명``, ``100억``) starts at such a
    position; the finders skip the others without scanning them.

    A word that opens with a unit word of a number (억 in ``100억``) may lie inside the
    number: there, the first such unit word is enough.
    """
    words = tuple(words)
    if not words or any(not w or re.match(r"[0-9,.\s]", w) for w in words):
        raise ValueError(f"not unit words: {words!r}")
    stops = {w[0] for w in words} & _BODY_WORDS
    ends = [re.escape(w) for w in sorted(words, key=len, reverse=True) if w[0] not in stops]
    if stops:
        ends.append("[" + re.escape("".join(sorted(stops))) + "]")
    body = re.escape("".join(sorted(_BODY_WORDS - stops)))
    # Possessive: the run of number characters ends where it ends; no word opens inside it.
    return re.compile(rf"{_START.pattern}(?=[0-9,.\s{body}]*+(?:{'|'.join(ends)}))")


def approx_prefix_start(text: str, pos: int) -> int | None:
    """Where a standalone 약 (or 대략) right before the number at ``pos`` starts, else None."""
    m = _APPROX_BEFORE.search(text, max(0, pos - 8), pos)
    return m.start() if m else None


def skip_leading(text: str, pos: int = 0) -> tuple[int, bool]:
    """Skip leading 약/총 words at ``pos``: (position of what follows, whether one was 약)."""
    approx = False
    while (word := starts_with_any(text, pos, LEADING_WORDS)) is not None:
        after = pos + len(word)
        if after < len(text) and is_syllable(text[after]):
            break
        approx = approx or word in vocab.APPROX_PREFIXES
        pos = skip_ws(text, after)
    return pos, approx


def is_ordinal(text: str, pos: int) -> bool:
    """True when the number at ``pos`` follows an ordinal 제 (제20회)."""
    return _ORDINAL.search(text, max(0, pos - 8), pos) is not None


def to_decimal(digits: str) -> Decimal | None:
    """``1,234.5`` -> Decimal('1234.5'); None if it is not a number."""
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def starts_with_any(text: str, pos: int, words: Iterable[str]) -> str | None:
    """The longest of ``words`` that ``text`` has at ``pos``, or None."""
    best: str | None = None
    for word in words:
        if text.startswith(word, pos) and (best is None or len(word) > len(best)):
            best = word
    return best


def boundary_ok(text: str, end: int) -> bool:
    """A unit ending at ``end`` is a whole word: no syllable follows, or a particle does."""
    if end >= len(text) or not is_syllable(text[end]):
        return True
    return starts_with_any(text, end, vocab.UNIT_PARTICLES) is not None


def followed_by(text: str, end: int, words: Iterable[str]) -> str | None:
    """The word of ``words`` after optional horizontal space at ``end``, or None."""
    return starts_with_any(text, skip_ws(text, end, newlines=False), words)


def skip_ws(text: str, pos: int, *, newlines: bool = True) -> int:
    """The position after any whitespace at ``pos`` (only horizontal when ``newlines`` is False)."""
    m = (_ANY_WS if newlines else _HSP).match(text, pos)
    return m.end() if m else pos


def _term_rank(small: str | None, big: str | None) -> tuple[int, int]:
    return (_BIG_ORDER.get(big, 0) if big else 0, _SMALL_ORDER.get(small, 0) if small else 0)


def scan_number(text: str, pos: int, tail_words: Iterable[str] = ()) -> KNumber | None:
    """Read a (Korean) number at ``pos``; None when no digits are there."""
    tails = tuple(tail_words)
    total = Decimal(0)
    approx = False
    last_mult = 1
    top_big: str | None = None
    has_unit = False
    rank: tuple[int, int] | None = None
    end = pos
    cur = pos
    while True:
        m = _TERM.match(text, cur)
        if m is None:
            break
        num = to_decimal(m["num"])
        if num is None:
            break
        small, big = m["small"], m["big"]
        if (small or big) and m["sp"] and not _spaced_unit_ok(text, m.end()):
            small = big = None
        unit = bool(small or big)
        term_end = m.end() if unit else m.end("ap1") if m["ap1"] else m.end("num")
        term_rank = _term_rank(small, big)
        if rank is not None:
            if term_rank >= rank:
                break
            if not unit and followed_by(text, term_end, tails) is None:
                break
        mult = (vocab.NUMBER_SMALL_UNITS.get(small or "", 1)
                * vocab.NUMBER_BIG_UNITS.get(big or "", 1))
        total += num * mult
        last_mult = mult
        if big and (top_big is None or _BIG_ORDER[big] > _BIG_ORDER[top_big]):
            top_big = big
        has_unit = has_unit or unit
        approx = approx or bool(m["ap1"]) or (unit and bool(m["ap2"]))
        rank = term_rank
        end = term_end
        if not unit:
            break
        cur = skip_ws(text, end)
    if rank is None:
        return None
    return KNumber(total, pos, end, approx, last_mult, top_big, has_unit)


def _spaced_unit_ok(text: str, end: int) -> bool:
    """With a space before the unit (``89,873 백만``) the unit must end a word: not ``4 만족도``."""
    if end >= len(text) or not is_syllable(text[end]):
        return True
    return text[end] in (vocab.WON, vocab.APPROX_INFIX)


def match_unit(text: str, pos: int, units: Iterable[str]) -> str | None:
    """The longest of ``units`` at ``pos`` that ends a word (``명`` in ``113명``, not ``명예``)."""
    by_first = _by_first_char(units if isinstance(units, tuple) else tuple(units))
    for unit in by_first.get(text[pos:pos + 1], ()):
        if not text.startswith(unit, pos):
            continue
        end = pos + len(unit)
        if unit[-1].isascii():
            if end < len(text) and text[end].isascii() and text[end].isalnum():
                continue
        elif not boundary_ok(text, end):
            continue
        return unit
    return None


@lru_cache(maxsize=64)
def _by_first_char(units: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``units`` longest first, by their first character (only those can start there)."""
    by_first: dict[str, tuple[str, ...]] = {}
    for unit in sorted(units, key=len, reverse=True):
        if not unit:
            raise ValueError("an empty unit")
        by_first[unit[0]] = (*by_first.get(unit[0], ()), unit)
    return by_first


def integral(value: Decimal) -> int | None:
    """The value as an int when it is whole, else None."""
    if not value.is_finite() or value != value.to_integral_value():
        return None
    return int(value)

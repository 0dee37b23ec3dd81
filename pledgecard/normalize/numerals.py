"""Numbers written in Hangul words: ``삼십억``, ``오백만``, ``이십여`` (Sino-Korean), ``다섯``,
``스물두``, ``열여`` (native).

A Hangul number is one word (no space inside) that starts a word. A Sino-Korean one needs
two syllables or more and a digit (일 … 구) or 억/조: ``이 건`` is "this matter" and
``백만 원`` a unit, neither a number; ``십억 원`` is one. Native numbers count things
only; ``한``, ``두``, ``세``, ``네`` need a space before their counter (``세대`` is a generation, ``세 대`` three cars).
Whether a unit follows is for the caller: these scanners read the number alone.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pledgecard import vocab
from pledgecard.normalize.numbers import KNumber, scan_number
from pledgecard.normalize.text import is_syllable

_D = "[" + "".join(vocab.SINO_DIGITS) + "]"
_SMALL = sorted(vocab.NUMBER_SMALL_UNITS, key=vocab.NUMBER_SMALL_UNITS.__getitem__, reverse=True)
_BIG = sorted(vocab.NUMBER_BIG_UNITS, key=vocab.NUMBER_BIG_UNITS.__getitem__, reverse=True)
#: One group below a myriad unit: 이천오백, 삼십, 구.
_GROUP = "".join(f"(?:{_D}?{re.escape(u)})?" for u in _SMALL) + f"{_D}?"
_AP = re.escape(vocab.APPROX_INFIX)
_SINO = re.compile(
    "".join(f"(?:(?P<g{i}>{_GROUP})(?P<a{i}>{_AP})?{re.escape(u)})?" for i, u in enumerate(_BIG))
    + f"(?P<rest>{_GROUP})(?P<arest>{_AP})?"
)


#: Myriad units that make a number without a digit (십억, 백억); 백만, 천만 are unit names.
_BIG_ENOUGH = frozenset(u for u, mult in vocab.NUMBER_BIG_UNITS.items() if mult >= 10**8)


def _alternation(words: dict[str, int]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


_NATIVE = re.compile(
    f"(?P<tens>{_alternation(vocab.NATIVE_TENS)})?(?P<ones>{_alternation(vocab.NATIVE_ONES)})?"
    f"(?P<ap>{_AP})?"
)
_NOT_IN_WORD = r"(?<![\uac00-\ud7a3])"
_FIRST_TOKEN = ("(?:" + "|".join(sorted({_D, *map(re.escape, _SMALL), *map(re.escape, vocab.NATIVE_TENS),
                                         *map(re.escape, vocab.NATIVE_ONES)}, key=len, reverse=True)) + ")")
#: The letters a Hangul number's first token starts with: tested first, it turns most
#: positions of a Hangul text away before the costlier tests (same matches, a third the time).
_FIRST_LETTER = "(?=[" + re.escape("".join(sorted({word[0] for word in (
    *vocab.SINO_DIGITS, *_SMALL, *vocab.NATIVE_TENS, *vocab.NATIVE_ONES)}))) + "])"
#: Where a Hangul number may start: a Sino digit or small unit, or a native numeral, not
#: inside a word.
CANDIDATES = re.compile(_FIRST_LETTER + _NOT_IN_WORD + _FIRST_TOKEN)


#: Every letter a Hangul number is written with (digits, units, native numerals, 여).
_NUMBER_LETTERS = frozenset("".join([*vocab.SINO_DIGITS, *vocab.NUMBER_SMALL_UNITS, *vocab.NUMBER_BIG_UNITS,
                                     vocab.APPROX_INFIX, *vocab.NATIVE_TENS, *vocab.NATIVE_ONES]))


def candidates_before(words: tuple[str, ...]) -> re.Pattern[str]:
    """:data:`CANDIDATES` from which only letters of a Hangul number and spaces lead to one of
    ``words`` (a counter, 원, 억): in Hangul text most candidates are the first syllable of a
    word (사업, 이후, 세부), and a finder skips those unscanned. No start that reads as a
    number followed by one of ``words`` is left out (tests/test_normalize_numerals.py)."""
    letters = "".join(sorted(_NUMBER_LETTERS))
    ahead = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    unit_ahead = "(?=[" + re.escape(letters) + r"0-9.,]*?\s*(?:" + ahead + "))"
    return re.compile(_FIRST_LETTER + _NOT_IN_WORD + unit_ahead + _FIRST_TOKEN)


def candidate_starts(text: str, digits: re.Pattern[str], hangul: re.Pattern[str] = CANDIDATES) -> list[int]:
    """Where a number may start in ``text``, ascending: the starts ``digits`` finds and those
    ``hangul`` finds of a Hangul number (one sorted list: most texts have one kind, or none)."""
    starts = [m.start() for m in digits.finditer(text)]
    words = [m.start() for m in hangul.finditer(text)]
    if not words:
        return starts
    return sorted(starts + words) if starts else words

def _group_value(group: str) -> int:
    """``이천오백`` -> 2500."""
    value, digit = 0, None
    for ch in group:
        if ch in vocab.SINO_DIGITS:
            digit = vocab.SINO_DIGITS[ch]
        else:
            value += (digit or 1) * vocab.NUMBER_SMALL_UNITS[ch]
            digit = None
    return value + (digit or 0)


def _last_mult(group: str, big_mult: int) -> int:
    """The multiplier of the last term of a group (이천오백 -> 1; 삼십 -> 10) times ``big_mult``."""
    last = group[-1] if group else ""
    return vocab.NUMBER_SMALL_UNITS.get(last, 1) * big_mult


def scan_sino(text: str, pos: int) -> KNumber | None:
    """A Sino-Korean number at ``pos`` (``삼십억``, ``오백만``, ``이십여``), or None."""
    if pos > 0 and is_syllable(text[pos - 1]):
        return None
    m = _SINO.match(text, pos)
    if m is None or not m.group():
        return None
    numerals = [ch for ch in m.group() if ch != vocab.APPROX_INFIX]
    if len(numerals) < 2 or not any(ch in vocab.SINO_DIGITS or ch in _BIG_ENOUGH for ch in numerals):
        return None
    total, last_mult, top_big, approx = 0, 1, None, False
    for i, unit in enumerate(_BIG):
        if m[f"g{i}"] is None:
            continue
        group = m[f"g{i}"]
        if not group:
            return None  # a myriad unit with nothing before it (삼십억만)
        mult = vocab.NUMBER_BIG_UNITS[unit]
        total += _group_value(group) * mult
        last_mult = mult
        top_big = top_big or unit
        approx = approx or m[f"a{i}"] is not None
    rest = m["rest"]
    if rest:
        total += _group_value(rest)
        last_mult = _last_mult(rest, 1)
    approx = approx or m["arest"] is not None
    has_unit = top_big is not None or any(ch in vocab.NUMBER_SMALL_UNITS for ch in numerals)
    return KNumber(Decimal(total), pos, m.end(), approx, last_mult, top_big, has_unit)


def scan_native(text: str, pos: int) -> KNumber | None:
    """A native number at ``pos`` (``다섯``, ``스물두``, ``열여``), or None."""
    if pos > 0 and is_syllable(text[pos - 1]):
        return None
    m = _NATIVE.match(text, pos)
    if m is None or not (m["tens"] or m["ones"]):
        return None
    end = m.end()
    word = m.group()
    if len(word) == 1 and word in vocab.NATIVE_ONES and end < len(text) and is_syllable(text[end]):
        return None  # 세대, 한국, 네트워크: a word, not 세 대
    value = vocab.NATIVE_TENS.get(m["tens"] or "", 0) + vocab.NATIVE_ONES.get(m["ones"] or "", 0)
    return KNumber(Decimal(value), pos, end, m["ap"] is not None, 1, None, False)


def scan_any(text: str, pos: int, tail_words: tuple[str, ...] = (), *,
             native: bool = False) -> KNumber | None:
    """A number at ``pos`` in digits (:func:`scan_number`) or in Hangul words.

    ``native`` admits native numbers too (for counts: ``다섯 명``); money is Sino-Korean.
    """
    if pos < len(text) and "0" <= text[pos] <= "9":
        return scan_number(text, pos, tail_words)
    found = scan_sino(text, pos)
    if found is None and native:
        found = scan_native(text, pos)
    return found

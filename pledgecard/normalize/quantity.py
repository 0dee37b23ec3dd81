"""Counts with their unit: ``5건``, ``2만 9천여 명``, ``약 200개소``, ``1.5km``, ``다섯 명``.

A quantity's text covers the value phrase it was read from: in a field, up to the end of
the phrase (``3개 지구``: the next number or a delimiter of vocab QUANTITY_PHRASE_DELIMITERS
ends it); in free text, the count and, after a counter of vocab COUNTERS_BEFORE_NOUN, the
noun it counts (``13개 기술과제``).

A counter that also numbers a thing by name (vocab NAMING_COUNTERS: ``놀이터 2호`` is the 2nd
playground, ``공동주택 300호`` a count) counts in free text only where the noun it counts stands
just before it in the phrase or the count is approximate; where that cannot be decided it is no
quantity rather than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pledgecard import vocab
from pledgecard.models import Quantity
from pledgecard.normalize import numerals
from pledgecard.normalize.numbers import (
    SP,
    TAIL_APPROX,
    approx_prefix_start,
    followed_by,
    is_ordinal,
    match_unit,
    skip_leading,
    skip_ws,
    starts_before,
)
from pledgecard.normalize.text import nfc

#: Number starts that a counting unit may follow; a count can start nowhere else.
_CANDIDATES = starts_before(vocab.QUANTITY_UNITS)
_HANGUL_CANDIDATES = numerals.candidates_before(vocab.QUANTITY_UNITS)
_PHRASE_END = re.compile("[0-9" + re.escape(vocab.QUANTITY_PHRASE_DELIMITERS) + "]")
_NOUN_AFTER = re.compile(rf"{SP}(?P<word>[\uac00-\ud7a3A-Za-z]+)")
_PHRASE_START = re.compile("[" + re.escape(vocab.QUANTITY_PHRASE_DELIMITERS) + "]")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
#: How many words before a naming counter's count may name what it counts (공동주택 300호).
NAMED_NOUN_WORDS = 2


def _read(text: str, pos: int) -> tuple[int | float, str, bool, int] | None:
    """(value, unit, approx, end) of a count at ``pos``; None when no counting unit follows."""
    knum = numerals.scan_any(text, pos, vocab.QUANTITY_UNITS, native=True)
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


def _phrase_end(text: str, end: int) -> int:
    """Where the phrase that a count ending at ``end`` opens ends (trailing space left out)."""
    m = _PHRASE_END.search(text, end)
    stop = len(text) if m is None else m.start()
    return end + len(text[end:stop].rstrip())


def _counted_noun_end(text: str, unit: str, end: int) -> int:
    """After ``13개``: the end of the noun it counts (``기술과제``), else ``end``."""
    if unit not in vocab.COUNTERS_BEFORE_NOUN:
        return end
    m = _NOUN_AFTER.match(text, end)
    if m is None or m["word"] in vocab.QUANTITY_PHRASE_STOP_WORDS:
        return end
    return m.end()


def names_a_thing(text: str, pos: int, unit: str, value: int | float, approx: bool) -> bool:
    """True for a count at ``pos`` that is rather a name (``놀이터 2호``, ``청년센터 1호``): its counter
    also numbers things (vocab NAMING_COUNTERS), it is exact, and no noun it counts ends one of the
    two words before it in its phrase (``공동주택 300호``, ``행복주택 건설 300호`` count; ``임대주택 및
    놀이터 2호`` does not; ``1호`` never does)."""
    nouns = vocab.NAMING_COUNTERS.get(unit)
    if nouns is None or approx:
        return False
    if value == 1:
        return True
    start = max((m.end() for m in _PHRASE_START.finditer(text, 0, pos)), default=0)
    before = _HANGUL_WORD.findall(text, start, pos)[-NAMED_NOUN_WORDS:]
    return not any(word.endswith(nouns) for word in before)


def parse_quantity(text: str) -> Quantity | None:
    """The count that ``text`` begins with (after 약/총), or None; its text runs to the end of
    the phrase (``3개 지구`` -> 3 개, text ``3개 지구``; ``5건(종료)`` -> text ``5건``)."""
    clean = nfc(text).strip()
    pos, approx = skip_leading(clean)
    if is_ordinal(clean, pos):
        return None
    read = _read(clean, pos)
    if read is None:
        return None
    value, unit, tail_approx, end = read
    return Quantity(value=value, unit=unit, approx=approx or tail_approx,
                    text=clean[:_phrase_end(clean, end)])


def find_quantities(text: str) -> list[Quantity]:
    """Every count in free text, in order: ``34개국 113명`` -> [34 개국, 113 명].

    Ordinals (``제20회``), words that only begin like a unit (``3차년도``, ``명예``),
    money (``100억 원``) and dates (``2024년``, ``’24.5월``) are not counts. Numbers in
    Hangul words count (``이십여 명``, ``다섯 곳``).
    """
    text = nfc(text)
    return collect_quantities(text, numerals.candidate_starts(text, _CANDIDATES, _HANGUL_CANDIDATES))


def collect_quantities(text: str, starts: Iterable[int]) -> list[Quantity]:
    """The counts of (NFC) ``text`` that start at ``starts`` (ascending), in order."""
    found: list[Quantity] = []
    cursor = 0
    for pos in starts:
        if pos < cursor or is_ordinal(text, pos):
            continue
        read = _read(text, pos)
        if read is None:
            continue
        value, unit, approx, end = read
        prefix = approx_prefix_start(text, pos)
        if names_a_thing(text, pos, unit, value, approx or prefix is not None):
            cursor = end
            continue
        start = pos if prefix is None else prefix
        end = _counted_noun_end(text, unit, end)
        found.append(Quantity(value=value, unit=unit, approx=approx or prefix is not None,
                              text=text[start:end]))
        cursor = end
    return found

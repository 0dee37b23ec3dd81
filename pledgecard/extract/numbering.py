"""Automatic paragraph numbers (문단 번호 and 개요 번호) as Hangul draws them; shared by HWP and HWPX.

A numbered paragraph's shape (``paraPr`` in HWPX, PARA_SHAPE in HWP) names a numbering
and a level; the numbering's head for that level (``paraHead``, or a level of a HWP
NUMBERING record) gives a template such as ``^1.`` or ``(^3)`` where ``^n`` is the
counter of level ``n`` written in that level's number format (OWPML ``numFormat``
names; HWP's format codes map onto them through :data:`HWP_NUM_FORMATS`). Counters run
in document order, one set per numbering; a paragraph at a level restarts the levels
below it. Restarts by ``hp:newNum`` / ``nwno`` controls are not followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ParaHead:
    """One level of a numbering: its first counter value, number format and template."""

    start: int
    num_format: str
    template: str


_PLACEHOLDER = re.compile(r"\^(10|[1-9])")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
#: Cyclic formats: the sequence a counter walks through (1 is the first glyph).
_SEQUENCES: dict[str, str] = {
    "CIRCLED_DIGIT": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    "LATIN_CAPITAL": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "LATIN_SMALL": "abcdefghijklmnopqrstuvwxyz",
    "CIRCLED_LATIN_CAPITAL": "ⒶⒷⒸⒹⒺⒻⒼⒽⒾⒿⓀⓁⓂⓃⓄⓅⓆⓇⓈⓉⓊⓋⓌⓍⓎⓏ",
    "CIRCLED_LATIN_SMALL": "ⓐⓑⓒⓓⓔⓕⓖⓗⓘⓙⓚⓛⓜⓝⓞⓟⓠⓡⓢⓣⓤⓥⓦⓧⓨⓩ",
    "HANGUL_SYLLABLE": "가나다라마바사아자차카타파하",
    "CIRCLED_HANGUL_SYLLABLE": "㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻",
    "HANGUL_JAMO": "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ",
    "CIRCLED_HANGUL_JAMO": "㉠㉡㉢㉣㉤㉥㉦㉧㉨㉩㉪㉫㉬㉭",
    "HANGUL_PHONETIC": "일이삼사오육칠팔구십",
    "IDEOGRAPH": "一二三四五六七八九十",
    "CIRCLED_IDEOGRAPH": "㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉",
}
#: HWP number format codes (문단 머리 정보 속성 bits 5-8) as OWPML ``numFormat`` names.
HWP_NUM_FORMATS: tuple[str, ...] = (
    "DIGIT", "CIRCLED_DIGIT", "ROMAN_CAPITAL", "ROMAN_SMALL", "LATIN_CAPITAL", "LATIN_SMALL",
    "CIRCLED_LATIN_CAPITAL", "CIRCLED_LATIN_SMALL", "HANGUL_SYLLABLE", "CIRCLED_HANGUL_SYLLABLE",
    "HANGUL_JAMO", "CIRCLED_HANGUL_JAMO", "HANGUL_PHONETIC", "IDEOGRAPH", "CIRCLED_IDEOGRAPH",
)
#: Sequences that stop at their end (a larger counter is written in digits).
_BOUNDED = frozenset({"CIRCLED_DIGIT", "HANGUL_PHONETIC", "IDEOGRAPH", "CIRCLED_IDEOGRAPH"})


def roman(n: int) -> str:
    out: list[str] = []
    for value, digits in _ROMAN:
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def format_number(n: int, num_format: str) -> str:
    """``n`` written in an OWPML ``numFormat``; unknown formats in digits."""
    if num_format in ("ROMAN_CAPITAL", "ROMAN_SMALL") and 0 < n < 4000:
        text = roman(n)
        return text if num_format == "ROMAN_CAPITAL" else text.lower()
    sequence = _SEQUENCES.get(num_format)
    if sequence is None or n < 1:
        return str(n)
    if num_format in _BOUNDED:
        return sequence[n - 1] if n <= len(sequence) else str(n)
    return sequence[(n - 1) % len(sequence)]


class Numbering:
    """Counters of every numbering, advanced paragraph by paragraph in document order."""

    def __init__(self, numberings: dict[str, dict[int, ParaHead]]) -> None:
        self._numberings = numberings
        self._counters: dict[str, dict[int, int]] = {}

    def next(self, ref: str, level: int) -> str | None:
        """The number of the next paragraph of numbering ``ref`` at 0-based ``level``."""
        heads = self._numberings.get(ref)
        if not heads:
            return None
        head_level = level + 1
        head = heads.get(head_level)
        if head is None:
            return None
        counters = self._counters.setdefault(ref, {})
        counters[head_level] = counters[head_level] + 1 if head_level in counters else head.start
        for deeper in [k for k in counters if k > head_level]:
            del counters[deeper]

        def fill(match: re.Match[str]) -> str:
            n = int(match.group(1))
            own = heads.get(n)
            value = counters.get(n, own.start if own else 1)
            return format_number(value, own.num_format if own else "DIGIT")

        text: str = _PLACEHOLDER.sub(fill, head.template).strip()
        return text or None

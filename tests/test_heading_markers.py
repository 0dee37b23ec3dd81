"""A heading marker written in the text (Ⅱ., 2., 가., ①) is looked for only where a line's
first letter can open one; checked here against the plain form that tries every pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pledgecard.extract.card import headings
from pledgecard.vocab import CIRCLED_NUMBERS, HANGUL_ORDINALS, ROMAN_NUMERALS

_TOKENS = [*ROMAN_NUMERALS, *"IVXivx()（）.．) ", *HANGUL_ORDINALS, *CIRCLED_NUMBERS, *"0123456789", "１", "٣",
           "\t", "\u3000", "\x1c", "\xa0", "사업개요", "추진실적", "□", "○", "-", "ⅰ", "·", "12.", "(3)", "가."]
text = st.one_of(st.lists(st.sampled_from(_TOKENS), max_size=8).map("".join), st.text(max_size=12))


def _plain(line: str) -> tuple[str, str] | None:
    for family, pattern in headings._TEXT_MARKERS:
        match = pattern.match(line)
        if match and match.end() < len(line):
            return family, line[match.end():]
    return None


@settings(max_examples=1500, deadline=None)
@given(line=text)
def test_the_first_letter_gate_changes_no_marker(line: str) -> None:
    assert headings._text_marker(line) == _plain(line)

"""The bullet of a line: the readers' fast path says what the two-step reading says."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pledgecard.extract.bullets import line_bullet, map_glyphs, map_line_glyph, split_bullet

LINES = [
    ("◦ 사업기간 : 2022~2027", ("◦", "사업기간 : 2022~2027")),
    ("  - 세부 내용  ", ("-", "세부 내용")),
    ("-5% 감소", (None, "-5% 감소")),
    ("\uf06e 사업개요", ("□", "사업개요")),
    ("\ufffd 주민참여 방안", ("\ufffd", "주민참여 방안")),
    ("\uf53a글 글꼴", (None, "\uf53a글 글꼴")),
    ("사업개요", (None, "사업개요")),
    ("   ", (None, "")),
    ("", (None, "")),
    ("○○○○ 자리", (None, "○○○○ 자리")),
    ("1. 사업목적", (None, "1. 사업목적")),
]


@pytest.mark.parametrize(("line", "expected"), LINES, ids=[repr(line) for line, _ in LINES])
def test_line_bullet(line: str, expected: tuple[str | None, str]) -> None:
    assert line_bullet(line) == expected


ALPHABET = st.sampled_from(list(" \t\u3000\x0b◦○●-*·※□■▪•ㅇo가나사업12.:\uf06e\uf0a7\ue000\uf53a\ufffd"))


@settings(max_examples=400, derandomize=True)
@given(st.text(ALPHABET, max_size=8))
def test_line_bullet_is_split_bullet_of_the_mapped_glyph(line: str) -> None:
    assert line_bullet(line) == split_bullet(map_line_glyph(line))


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.text(ALPHABET, max_size=8), max_size=5).map("\n".join))
def test_map_glyphs_maps_each_line(text: str) -> None:
    assert map_glyphs(text) == "\n".join(map_line_glyph(line) for line in text.split("\n"))

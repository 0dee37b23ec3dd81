"""pledgecard.normalize.text: NFC, letter-spaced labels, wrapped cells, squashed labels."""

from __future__ import annotations

import unicodedata

import pytest

from pledgecard.normalize import close_spaced, join_wrapped, nfc, squash, unwrap


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("국  비", "국비", id="spaced-source-two-spaces"),
        pytest.param("도  비", "도비", id="spaced-source-doBi"),
        pytest.param("공 약 명", "공약명", id="spaced-header-title"),
        pytest.param("사 업 량", "사업량", id="spaced-volume"),
        pytest.param("구  분", "구분", id="spaced-row-header"),
        pytest.param("담 당 자", "담당자", id="spaced-contact"),
        pytest.param("공 약 명 디지털헬스케어", "공약명 디지털헬스케어", id="label-then-value"),
        pytest.param("공 약 명 디지털헬스케어 메카 육성 관리번호 2-16",
                     "공약명 디지털헬스케어 메카 육성 관리번호 2-16", id="seed-header-line"),
        pytest.param("담 당 자 변양우 전화번호 3477", "담당자 변양우 전화번호 3477",
                     id="seed-contact-line"),
        pytest.param("언론, 방송", "언론, 방송", id="comma-list-stays"),
        pytest.param("2022년 2023년", "2022년 2023년", id="years-stay"),
        pytest.param("시군비", "시군비", id="unspaced-stays"),
        pytest.param("참여자 수 2만", "참여자 수 2만", id="lone-syllable-stays"),
        pytest.param("  재원투자   실적\t및\n계획  ", "재원투자 실적 및 계획", id="collapse-whitespace"),
        pytest.param("", "", id="empty"),
        pytest.param("   ", "", id="blank"),
        pytest.param("국 비 58,266", "국비 58,266", id="spaced-label-then-number"),
    ],
)
def test_close_spaced(text: str, expected: str) -> None:
    assert close_spaced(text) == expected


def test_close_spaced_composes_jamo() -> None:
    decomposed = unicodedata.normalize("NFD", "국 비")
    assert close_spaced(decomposed) == "국비"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(["주민간담회,", "", "공청회 등"], "주민간담회, 공청회 등", id="wrapped-channel"),
        pytest.param(["디지털헬스케어 ", "", "메카육성"], "디지털헬스케어 메카육성", id="wrapped-project"),
        pytest.param(["  a  "], "a", id="single"),
        pytest.param([], "", id="none"),
        pytest.param(["", "  "], "", id="only-blank"),
    ],
)
def test_join_wrapped(lines: list[str], expected: str) -> None:
    assert join_wrapped(lines) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("주민간담회,\n\n공청회 등", id="wrapped"),
        pytest.param("  89,873  ", id="one-line"),
        pytest.param("", id="empty"),
        pytest.param(" \n ", id="only-blank"),
    ],
)
def test_unwrap_is_join_wrapped_of_the_lines(text: str) -> None:
    assert unwrap(text) == join_wrapped(text.split("\n"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("재원투자 실적 및 계획", "재원투자실적및계획", id="section-heading"),
        pytest.param(" 추진실적\n(성과)\t", "추진실적(성과)", id="newline-tab"),
        pytest.param("국\u3000비", "국비", id="ideographic-space"),
        pytest.param("", "", id="empty"),
    ],
)
def test_squash(text: str, expected: str) -> None:
    assert squash(text) == expected


def test_nfc() -> None:
    assert nfc(unicodedata.normalize("NFD", "도지사")) == "도지사"
    assert nfc("`24~\u030028") == "`24~\u030028"

"""Property tests: arbitrary text fed to the text reader and card parser gives a result, never
an exception (the normalizers have their own in test_normalize_properties.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledgecard.pipeline import parse_bytes

from .results import sound

CARD_WORDS = [
    "도지사 공약사업 관리카드", "공 약 명", "관리번호", "추진부서", "□ 사업개요", "◦ 사업기간 :", "- ", "* ", "※",
    "□ 재원투자 실적 및 계획", "(단위 : 백만 원)", "구  분 총사업비", "계", "국  비", "2022년", "89,873", "-",
    "《기 추진실적 : ’24. 4분기 기준 누계》", "《현재까지 목표달성》", "주요사업 목표치", "<2023>", "· ", "완료",
    "□ 도민소통 실적", "횟수 기재 3 2", "□ 향후계획", "<기대효과>", "┏━┯━┓", "┃ a │ b ┃", "┠─┼─┨", "┗━┷━┛",
    "\n", "\n\n", "   ", "\ufffd", "’18~’27년", "620억 원", "2만 9천여 명",
]

card_like = st.lists(st.sampled_from(CARD_WORDS) | st.text(max_size=12), max_size=60).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=card_like, encoding=ENCODINGS)
def test_card_like_text_never_raises(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    result = sound(parse_bytes(data, "prop.txt"))
    assert result.status in ("ok", "partial", "failed")
    assert result.cards or result.reason


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    result = sound(parse_bytes(data, "prop.bin"))
    assert result.status in ("ok", "partial", "failed")

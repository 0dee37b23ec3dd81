"""pledgecard.normalize.funding: funding categories by issuer level, and the issuer level."""

from __future__ import annotations

import pytest

from pledgecard.normalize import funding_category, issuer_level


@pytest.mark.parametrize(
    ("source", "level", "expected"),
    [
        pytest.param("국비", "province", "national", id="national"),
        pytest.param("국  비", "province", "national", id="spaced-national"),
        pytest.param("도  비", "province", "provincial", id="spaced-provincial"),
        pytest.param("도비", "province", "provincial", id="provincial"),
        pytest.param("도", "province", "provincial", id="short-do"),
        pytest.param("시군비", "province", "municipal", id="municipal"),
        pytest.param("계", "province", "total", id="total"),
        pytest.param("합 계", "province", "total", id="spaced-total"),
        pytest.param("민자", "city", "private", id="private"),
        pytest.param("기타", "city", "other", id="other"),
        pytest.param("시비", "metropolitan", "provincial", id="sibi-metropolitan"),
        pytest.param("시비", "city", "municipal", id="sibi-city"),
        pytest.param("시비", "province", "municipal", id="sibi-province"),
        pytest.param("시비", "unknown", "municipal", id="sibi-default"),
        pytest.param("지방비", "province", "provincial", id="local-province"),
        pytest.param("지방비", "county", "municipal", id="local-county"),
        pytest.param("군비", "county", "municipal", id="county"),
        pytest.param("구비", "district", "municipal", id="district"),
        pytest.param("원주시", "province", "municipal", id="place-si"),
        pytest.param("홍천군", "province", "municipal", id="place-gun"),
        pytest.param("강원도", "province", "provincial", id="place-do"),
        pytest.param("부산광역시", "district", "provincial", id="place-metropolitan"),
        pytest.param("국비(기금)", "province", "national", id="trailing-note"),
        pytest.param("도비:", "province", "provincial", id="trailing-colon"),
        pytest.param("무엇", "province", "other", id="unknown-word"),
        pytest.param("", "province", "other", id="empty"),
    ],
)
def test_funding_category(source: str, level: str, expected: str) -> None:
    assert funding_category(source, level) == expected


@pytest.mark.parametrize(
    ("kind_line", "extra", "expected"),
    [
        pytest.param("도지사 공약사업 관리카드", "", "province", id="seed-governor"),
        pytest.param("시장 공약사업 관리카드", "", "city", id="mayor"),
        pytest.param("시장 공약사업 관리카드", "부산광역시 해운대구", "metropolitan",
                     id="mayor-of-metropolitan"),
        pytest.param("시장 공약사업 관리카드", "서울특별시", "metropolitan", id="special-city"),
        pytest.param("부산광역시장 공약사업 관리카드", "", "metropolitan", id="metropolitan-title"),
        pytest.param("세종특별자치시장 공약 이행 관리카드", "", "metropolitan", id="sejong"),
        pytest.param("원주시장 공약사업 관리카드", "", "city", id="named-city"),
        pytest.param("군수 공약사업 관리카드", "", "county", id="county"),
        pytest.param("구청장 공약사업 관리카드", "", "district", id="district"),
        pytest.param("도 지 사 공약사업 관리카드", "", "province", id="letter-spaced"),
        pytest.param("공약 이행 관리카드", "", "unknown", id="no-title"),
        pytest.param(None, "광역시", "unknown", id="no-kind-line"),
        pytest.param("", "", "unknown", id="empty"),
    ],
)
def test_issuer_level(kind_line: str | None, extra: str, expected: str) -> None:
    assert issuer_level(kind_line, extra) == expected

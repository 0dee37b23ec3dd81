"""pledgecard.normalize.rates: progress rates, 연도별 rate cells, 달성 / 미달성."""

from __future__ import annotations

import pytest

from pledgecard.models import Finding
from pledgecard.normalize import parse_achieved, parse_rate, parse_rate_cell

R = tuple[float, str, str | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CARD-SPEC §3
        pytest.param("이행률 72.5%", (72.5, "72.5%", None), id="spec-rate"),
        pytest.param("이행률(’25. 2분기 기준) 68.5%", (68.5, "68.5%", "2025-Q2"), id="spec-rate-as-of"),
        # issue 8 and other forms
        pytest.param("추진율 45%", (45.0, "45%", None), id="chujinyul"),
        pytest.param("72.5%", (72.5, "72.5%", None), id="percent-alone"),
        pytest.param("이행률 : 72.5", (72.5, "72.5", None), id="bare-after-label"),
        pytest.param("이행율 80 %", (80.0, "80 %", None), id="yul-spelling-spaced-sign"),
        pytest.param("진척률 100％", (100.0, "100％", None), id="fullwidth-percent"),
        pytest.param("이행률 (2025. 3. 31. 기준) : 80%", (80.0, "80%", "2025-03-31"), id="as-of-day"),
        pytest.param("이행률 72.5% (’25. 2분기 기준)", (72.5, "72.5%", "2025-Q2"), id="as-of-after"),
        pytest.param("이행률 72.5% (’24년 대비 5%p 증가)", (72.5, "72.5%", None), id="unmarked-date-is-no-as-of"),
        pytest.param("공정률(’24) 30%", (30.0, "30%", "2024"), id="date-between-label-and-rate"),
        pytest.param("이 행 률 72.5%", (72.5, "72.5%", None), id="letter-spaced-label"),
        pytest.param("이 행 률 : 72.5", (72.5, "72.5", None), id="letter-spaced-label-bare"),
        pytest.param("소관부서 평생학습과 이행시기 임기내 이행률 64%", (64.0, "64%", None), id="in-a-header-line"),
    ],
)
def test_parse_rate(text: str, expected: R) -> None:
    findings: list[Finding] = []
    rate = parse_rate(text, findings)
    assert rate is not None
    assert (rate.percent, rate.text, rate.as_of) == expected
    assert findings == []


@pytest.mark.parametrize(
    ("text", "n_findings"),
    [
        pytest.param("이행률 미정", 1, id="label-with-words"),
        pytest.param("추진율 : 산정 불가", 1, id="label-unreadable"),
        pytest.param("이행률 -", 0, id="dash-is-not-stated"),
        pytest.param("이행률", 0, id="label-alone"),
        pytest.param("전년 대비 10%p 상승", 0, id="percentage-point"),
        pytest.param("추진 중", 0, id="no-rate"),
        pytest.param("", 0, id="empty"),
    ],
)
def test_parse_rate_none(text: str, n_findings: int) -> None:
    findings: list[Finding] = []
    assert parse_rate(text, findings) is None
    assert [f.code for f in findings] == ["rate.unreadable"] * n_findings
    assert parse_rate(text) is None


@pytest.mark.parametrize(
    ("text", "percent", "n_findings"),
    [
        pytest.param("45%", 45.0, 0, id="percent"),
        pytest.param("45", 45.0, 0, id="bare"),
        pytest.param("45.5 %", 45.5, 0, id="decimal-spaced"),
        pytest.param(" 100％ ", 100.0, 0, id="fullwidth"),
        pytest.param("0", 0.0, 0, id="zero-is-a-rate"),
        pytest.param("-", None, 0, id="dash"),
        pytest.param("―", None, 0, id="bar"),
        pytest.param("", None, 0, id="empty"),
        pytest.param(None, None, 0, id="none"),
        pytest.param("추진중", None, 1, id="words"),
    ],
)
def test_parse_rate_cell(text: str | None, percent: float | None, n_findings: int) -> None:
    findings: list[Finding] = []
    assert parse_rate_cell(text, findings) == percent
    assert len(findings) == n_findings


@pytest.mark.parametrize(
    ("text", "achieved"),
    [
        pytest.param("달성", True, id="achieved"),
        pytest.param("미달성", False, id="not-achieved"),
        pytest.param("미 달성", False, id="spaced"),
        pytest.param("(달성)", True, id="bracketed"),
        pytest.param("초과 달성", True, id="exceeded"),
        pytest.param("달성/미달성", None, id="header-lists-both"),
        pytest.param("달성률", None, id="rate-word"),
        pytest.param("추진중", None, id="status"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_parse_achieved(text: str | None, achieved: bool | None) -> None:
    assert parse_achieved(text) is achieved

"""pledgecard.normalize.status: achievement statuses."""

from __future__ import annotations

import pytest

from pledgecard.normalize import parse_status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("완료", "완료", id="done"),
        pytest.param("추진중", "추진중", id="in-progress"),
        pytest.param("추진 중", "추진중", id="spaced-synonym"),
        pytest.param("추 진 중", "추진중", id="letter-spaced"),
        pytest.param("정상 추진", "정상추진", id="normal"),
        pytest.param("미착수", "미착수", id="not-started"),
        pytest.param("종료", "종료", id="ended"),
        pytest.param("부진", "부진", id="lagging"),
        pytest.param("보류", "보류", id="on-hold"),
        pytest.param("(완료)", "완료", id="bracketed"),
        pytest.param(" 추진중\n", "추진중", id="padded"),
        pytest.param("(완료/추진중/미착수)", None, id="column-header-is-no-status"),
        pytest.param("3차년도 세부추진계획 수립중", None, id="sentence"),
        pytest.param("", None, id="empty"),
        pytest.param("이행 후 계속 추진", None, id="header-status-not-an-achievement-status"),
    ],
)
def test_parse_status(text: str, expected: str | None) -> None:
    assert parse_status(text) == expected

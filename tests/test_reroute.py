"""Tables under another part's heading go to the part their words name (issue 8).

The cards below are written as an office would write them, with one table put under the
wrong heading (fictional names and numbers; not derived from samples/ or the parser's output).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pledgecard.extract import read_document
from pledgecard.extract.card.layout import CardLayout, split_cards
from pledgecard.extract.card.reroute import reroute_tables, table_part
from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.document import Table
from pledgecard.extract.text.reader import TextReader
from pledgecard.models import Card
from pledgecard.pipeline import parse_bytes

FINANCE = """\
(단위 : 백만원)
| 구분 | 총사업비 | 기투자 | 2024년 | 2025년 |
|---|---|---|---|---|
| 계 | 9,600 | 400 | 4,000 | 5,200 |
| 국비 | 2,000 | - | 800 | 1,200 |
| 시비 | 7,600 | 400 | 3,200 | 4,000 |
"""
YEARLY = """\
| 연도 | 추진계획 | 추진실적 | 추진율 | 비고 |
|---|---|---|---|---|
| 2024 | 기본 및 실시설계 | 설계 완료 | 30 | - |
| 2025 | 1단계 공사 | 공정률 40% | 55 | - |
"""
ISSUES = """\
| 문제점 | 대책 |
|---|---|
| 하천점용 허가 협의 지연 | 유역환경청 실무협의회 월 1회 개최 |
"""
CHANNELS = """\
| 계 | 주민설명회 | 현장간담회 | 언론 보도 |
|---|---|---|---|
| 9 | 2 | 4 | 3 |
"""
ACHIEVEMENTS = """\
《현재까지 목표달성》
| 주요사업 | 목표치 | 추진상황 | 추진내용 |
|---|---|---|---|
| | <2024> | | |
| 생태하천 복원 | 기본 및 실시설계 | 완료 | 실시설계 완료(2024.9.) |
"""
GOALS = """\
| 구분 | 목표 | 달성여부 |
|---|---|---|
| 최종 목표 | 생태하천 3.6km 복원 | 미달성 |
| 임기 내 목표 | 1공구 1.2km 준공 | 달성 |
"""
KEY_VALUE = """\
| 총사업비 | 9,600백만원 |
|---|---|
| 국비 | 2,000백만원 |
"""
MIXED = """\
| 연도 | 목표 | 추진실적 |
|---|---|---|
| 2024 | 기본설계 | 설계 완료 |
"""
UNKNOWN = """\
| 항목 | 내용 |
|---|---|
| 대상지 | 다솜천 일원 |
"""
COUNTS = """\
| 1단계 | 2단계 |
|---|---|
| 3 | 4 |
"""
DATED = """\
| 일자 | 추진내용 |
|---|---|
| 2024. 9. 2. | 실시설계 완료 |
"""


def card_text(overview: str = "", progress: str = "", plans: str = "", *, finance: str | None = None,
              communication: str | None = CHANNELS, finance_heading: str = "재원투자 실적 및 계획") -> str:
    """A first-family card; ``overview`` … ``plans``: what more stands under those headings."""
    finance_part = f"□ {finance_heading}\n{finance}\n" if finance is not None else ""
    communication_part = f"□ 시민소통 실적\n{communication}\n" if communication is not None else ""
    return f"""\
다솜시장 공약사업 관리카드

공약사업명 다솜천 생태하천 복원
공약번호 5-12
담당부서 하천관리과
담당자 윤도현
연락처 041-560-7723

□ 사업개요
○ 사업기간 : 2024. 3. ~ 2027. 12.
○ 사업규모 : 하천 복원 3.6km
{overview}
{finance_part}□ 추진실적(성과)

《2024년 12월 현재》
○ 다솜천 기본 및 실시설계 완료(’24.9월)
{progress}
{communication_part}□ 향후계획
○ 하천 정비공사 착공(’25.3월)
{plans}
<기대효과>
○ 도심 수변 휴식공간 확충
"""


SECOND_FAMILY = """\
다솜시장 공약사업 관리카드

공약사업명 다솜천 생태하천 복원
공약번호 5-12
주관부서 하천관리과
이 행 률 55%

■ 사업목적
 ❍ 도심 하천을 시민 휴식공간으로 조성
{purpose}
■ 사업개요
 ❍ 사업기간 : 2024. 3. ~ 2027. 12.

■ 재원투자 계획
{finance}
■ 향후계획
 ❍ 2단계 공사 착공(’26.3월)
"""


def parse(text: str, settings: ParserSettings = DEFAULT) -> Card:
    result = parse_bytes(text.encode("utf-8"), "dasom-5-12.txt", settings=settings)
    assert len(result.cards) == 1, result.reason
    return result.cards[0]


def layout_of(text: str) -> CardLayout:
    (layout,) = split_cards(TextReader().read(Path("x.txt"), text.encode("utf-8")))
    return layout


def missing(card: Card) -> set[str]:
    return {f.path or "" for f in card.findings if f.code == "card.missing_part"}


def _finance(card: Card) -> None:
    assert (card.finance.unit, card.finance.unit_won) == ("백만원", 1_000_000)
    cells = {(c.source, c.column): (c.won, c.category) for c in card.finance.cells}
    assert len(cells) == 12
    assert cells[("국비", "총사업비")] == (2_000_000_000, "national")
    assert cells[("시비", "2025년")] == (4_000_000_000, "municipal")
    assert "finance" not in missing(card)


def _yearly(card: Card) -> None:
    rows = [(p.years.start, p.plan, p.result, p.rate) for p in card.yearly]
    assert rows == [("2024", "기본 및 실시설계", "설계 완료", 30.0), ("2025", "1단계 공사", "공정률 40%", 55.0)]


def _issues(card: Card) -> None:
    assert [i.text for i in card.issues] == ["하천점용 허가 협의 지연"]
    assert [r.text for r in card.remedies] == ["유역환경청 실무협의회 월 1회 개최"]


def _communication(card: Card) -> None:
    assert [(c.channel, c.count) for c in card.communication] == [
        ("계", 9), ("주민설명회", 2), ("현장간담회", 4), ("언론 보도", 3)]
    assert "communication" not in missing(card)


def _achievements(card: Card) -> None:
    rows = [(a.year, a.main_project, a.project, a.status, a.details) for a in card.achievements]
    assert rows == [(2024, "생태하천 복원", "기본 및 실시설계", "완료", ["실시설계 완료(2024.9.)"])]
    assert [b.as_of for b in card.progress] == ["2024-12"]  # the progress block is as it was


def _goals(card: Card) -> None:
    assert [(g.label, g.text, g.achieved) for g in card.goals] == [
        ("최종 목표", "생태하천 3.6km 복원", False), ("임기 내 목표", "1공구 1.2km 준공", True)]


MOVED: list[tuple[str, str, Callable[[Card], None]]] = [
    ("finance under 사업개요", card_text(overview=FINANCE), _finance),
    ("finance under 향후계획", card_text(plans=FINANCE), _finance),
    ("yearly under 사업목적", SECOND_FAMILY.format(purpose=YEARLY, finance=FINANCE), _yearly),
    ("issues under 추진실적", card_text(progress=ISSUES), _issues),
    ("channels under 향후계획", card_text(plans=CHANNELS, communication=None), _communication),
    ("channels under 사업개요", card_text(overview=CHANNELS, communication=None), _communication),
    ("achievements with their heading under 사업개요", card_text(overview=ACHIEVEMENTS), _achievements),
    ("goals under 사업개요", SECOND_FAMILY.format(purpose="", finance=FINANCE).replace(
        " ❍ 사업기간 : 2024. 3. ~ 2027. 12.\n", f" ❍ 사업기간 : 2024. 3. ~ 2027. 12.\n{GOALS}"), _goals),
]


@pytest.mark.parametrize(("text", "check"), [(text, check) for _, text, check in MOVED],
                         ids=[name for name, _, _ in MOVED])
def test_a_table_is_read_into_the_part_its_words_name(text: str, check: Callable[[Card], None]) -> None:
    card = parse(text)
    check(card)
    assert card.unplaced == []


def test_a_finance_table_fills_a_card_with_no_finance_heading() -> None:
    card = parse(card_text(overview=FINANCE))
    _finance(card)
    assert missing(card) == set()
    assert not [f for f in card.findings if f.code in ("unplaced.text", "finance.unit_missing")]
    assert card.overview.period is not None and card.overview.period.start == "2024-03"


def test_a_finance_table_moves_to_the_finance_part_the_card_has() -> None:
    card = parse(card_text(overview=FINANCE, finance="(단위 : 백만원)"))
    _finance(card)
    assert card.unplaced == []


def test_a_finance_table_without_its_unit_line_says_so() -> None:
    card = parse(card_text(overview=FINANCE.split("\n", 1)[1]))
    assert len(card.finance.cells) == 12
    assert {c.won for c in card.finance.cells if c.raw != "-"} == {None}  # no unit read, none invented
    assert [f.code for f in card.findings if f.path == "finance.unit"] == ["finance.unit_missing"]


def test_an_achievements_table_without_its_heading_joins_the_achievements_group() -> None:
    table = ACHIEVEMENTS.split("\n", 1)[1]
    group = ACHIEVEMENTS.replace("생태하천 복원 | 기본 및 실시설계 | 완료 | 실시설계 완료(2024.9.)",
                                 "수변공원 조성 | 부지 매입 | 추진중 | 보상 협의(2024.11.)")
    card = parse(card_text(overview=table, progress=group))
    assert [(a.year, a.project, a.status) for a in card.achievements] == [
        (2024, "부지 매입", "추진중"), (2024, "기본 및 실시설계", "완료")]
    assert card.unplaced == []


STAYS: list[tuple[str, str, str]] = [
    ("key-value table under 사업개요", card_text(overview=KEY_VALUE), "총사업비"),
    ("words of two parts", card_text(overview=MIXED), "연도"),
    ("words of no part", card_text(overview=UNKNOWN), "항목"),
    ("dated table under 사업개요", card_text(overview=DATED), "일자"),
    ("counts with no channel words", card_text(overview=COUNTS), "1단계"),
    ("achievements with no 목표달성 heading anywhere", card_text(overview=ACHIEVEMENTS.split("\n", 1)[1]),
     "주요사업"),
]


@pytest.mark.parametrize(("text", "first_word"), [(text, word) for _, text, word in STAYS],
                         ids=[name for name, _, _ in STAYS])
def test_a_table_whose_words_name_no_single_part_stays_unplaced(text: str, first_word: str) -> None:
    card = parse(text)
    assert [u.split("\n")[0] for u in card.unplaced] == [first_word]
    assert (card.finance.cells, card.yearly, card.achievements) == ([], [], [])
    assert {c.channel for c in card.communication} == {"계", "주민설명회", "현장간담회", "언론 보도"}


def test_a_table_the_part_it_stands_in_reads_stays_there() -> None:
    """기간 | 추진계획 …: the words of a yearly table and of a table of dated entries, which
    향후계획 reads where it stands."""
    card = parse(card_text(plans=YEARLY.replace("연도", "기간")))
    assert card.yearly == []
    assert [(p.text, p.dates[0].start) for p in card.plans[1:]] == [
        ("기본 및 실시설계", "2024"), ("1단계 공사", "2025")]


def test_a_finance_table_under_its_own_heading_is_left_as_it_is() -> None:
    text = card_text(finance=FINANCE, finance_heading="재원조달계획")
    layout = layout_of(text)
    assert reroute_tables(layout, DEFAULT) == layout
    _finance(parse(text))


def test_the_layout_given_is_not_changed() -> None:
    layout = layout_of(card_text(overview=FINANCE))
    before = [(s.key, list(s.blocks)) for s in layout.sections]
    moved = reroute_tables(layout, DEFAULT)
    assert [(s.key, list(s.blocks)) for s in layout.sections] == before
    assert [s.key for s in moved.sections] == [*(s.key for s in layout.sections), "finance"]
    assert moved.sections[-1].heading == ""


def _no_effects(text: str) -> str:
    return text.replace("<기대효과>\n○ 도심 수변 휴식공간 확충\n", "")


#: (name, card, the part its moved table fills, the parts it lacks)
FAMILY: list[tuple[str, str, Callable[[Card], object], set[str]]] = [
    ("issues under 추진실적", _no_effects(card_text(progress=ISSUES)), lambda c: c.issues, {"effects", "finance"}),
    ("yearly under 사업개요", _no_effects(card_text(overview=YEARLY)), lambda c: c.yearly, {"effects", "finance"}),
    ("goals under 사업개요", _no_effects(card_text(overview=GOALS)), lambda c: c.goals, {"effects", "finance"}),
    ("finance under 사업목적 of a second-family card",
     SECOND_FAMILY.format(purpose=FINANCE, finance="").replace("■ 재원투자 계획\n", ""),
     lambda c: c.finance.cells, set()),
]


@pytest.mark.parametrize(("text", "filled", "lacking"), [case[1:] for case in FAMILY],
                         ids=[case[0] for case in FAMILY])
def test_the_family_is_told_by_the_headings_as_written(text: str, filled: Callable[[Card], object],
                                                        lacking: set[str]) -> None:
    """A second-family table moved into a first-family card fills its part but does not make
    the card one of the second family (which would hide a missing <기대효과>); a moved table's
    part counts as present."""
    card = parse(text)
    assert filled(card)
    assert missing(card) == lacking
    assert card.unplaced == []


SPECIAL_GRANT = """\
(단위 : 백만원)
| 구분 | 총사업비 | 2024년 |
|---|---|---|
| 특별교부세 | 20 | 10 |
"""
ACHIEVEMENT_ROWS = "|---|---|---|---|\n| | <2024> | | |\n| 생태하천 복원 | 기본 및 실시설계 | 완료 | 실시설계 완료 |\n"
ACHIEVED = [(2024, "기본 및 실시설계", "완료")]
TALKS = """\
| 소통방법 | 횟수 |
|---|---|
| 주민간담회 | 3 |
| 현장설명회 | 2 |
"""

#: (name, a profile adding a word, a card with a table under 사업개요 that only the word names,
#: what the card gives with the profile)
PROFILED: list[tuple[str, ParserSettings, str, Callable[[Card], object], object]] = [
    ("finance source", ParserSettings(finance_sources=(*DEFAULT.finance_sources, "특별교부세")),
     card_text(overview=SPECIAL_GRANT),
     lambda c: [(x.source, x.column, x.won) for x in c.finance.cells],
     [("특별교부세", "총사업비", 20_000_000), ("특별교부세", "2024년", 10_000_000)]),
    ("finance column", ParserSettings(finance_column_kinds={**DEFAULT.finance_column_kinds, "잔여": "after_term"}),
     card_text(overview=SPECIAL_GRANT.replace("특별교부세", "국비").replace("총사업비", "잔여").replace(
         "2024년", "잔여액")),
     lambda c: [(x.source, x.column, x.kind) for x in c.finance.cells],
     [("국비", "잔여", "after_term"), ("국비", "잔여액", "after_term")]),
    ("소통 row header", ParserSettings(communication_row_headers=(*DEFAULT.communication_row_headers, "소통방법")),
     card_text(overview=TALKS, communication=None),
     lambda c: [(x.channel, x.count) for x in c.communication], [("주민간담회", 3), ("현장설명회", 2)]),
    ("목표달성 column", ParserSettings(achievement_columns={
        **DEFAULT.achievement_columns, "project": (*DEFAULT.achievement_columns["project"], "세부목표")}),
     card_text(overview="《현재까지 목표달성》\n| 주요사업 | 세부목표 | 추진상황 | 추진내용 |\n" + ACHIEVEMENT_ROWS),
     lambda c: [(a.year, a.project, a.status) for a in c.achievements], ACHIEVED),
    ("목표달성 heading", ParserSettings(achievement_heading="연차별성과"),
     card_text(overview="《연차별 성과》\n| 주요사업 | 목표치 | 추진상황 | 추진내용 |\n" + ACHIEVEMENT_ROWS),
     lambda c: [(a.year, a.project, a.status) for a in c.achievements], ACHIEVED),
]


@pytest.mark.parametrize(("profile", "text", "probe", "expected"), [case[1:] for case in PROFILED],
                         ids=[case[0] for case in PROFILED])
def test_a_profile_word_moves_a_table_the_defaults_leave(profile: ParserSettings, text: str,
                                                         probe: Callable[[Card], object], expected: object) -> None:
    """Re-routing tells a table by the words the readers read with the card's settings: a word a
    profile adds moves the table it names out of 사업개요, where the defaults leave it unplaced."""
    card = parse(text, profile)
    assert probe(card) == expected
    assert card.unplaced == []
    default = parse(text)
    assert probe(default) != expected
    header = text.split("| ", 1)[1].split(" |", 1)[0]  # the table's first cell
    assert header in [u.split("\n")[0] for u in default.unplaced]


_SAMPLE_FILES = sorted(p for p in (Path(__file__).resolve().parent.parent / "samples").glob("*/*.*")
                       if p.suffix in (".txt", ".hwp", ".hwpx", ".pdf") and p.name.count(".") == 1)


@pytest.mark.parametrize("path", _SAMPLE_FILES, ids=lambda p: p.name)
def test_a_table_whose_words_name_its_own_part_stays_as_before(path: Path) -> None:
    """``table_part(..., own)`` tests the part a table stands in first and stops there when its
    words name it: every table of every sample stays or moves as the full test says."""
    for layout in split_cards(read_document(path, path.read_bytes())):
        for section in layout.sections:
            for table in (b for b in section.blocks if isinstance(b, Table)):
                full = table_part(table, DEFAULT)
                fast = table_part(table, DEFAULT, section.key)
                plain = _table_part_by_its_definition(table)
                assert full == plain
                assert (fast in (None, section.key)) == (full in (None, section.key))
                assert fast in (None, section.key) or fast == full


def _table_part_by_its_definition(table: Table) -> str | None:
    """None for a table of dated entries; else the one part whose test its words pass, if one."""
    from pledgecard.extract.card.dated import is_dated_table
    from pledgecard.extract.card.reroute import _KINDS

    if is_dated_table(table):
        return None
    found = [key for key, test in _KINDS.items() if test(table, DEFAULT)]
    return found[0] if len(found) == 1 else None


@pytest.mark.parametrize(("progress", "moved"), [
    pytest.param(f"《현재까지 목표달성》\n{ISSUES}", False, id="under-목표달성"),
    pytest.param(f"《현재까지 목표달성》\n○ 설계 완료\n{ISSUES}", False, id="under-목표달성-after-a-line"),
    pytest.param(f"《현재까지 목표달성》\n{ACHIEVEMENTS.split(chr(10), 1)[1]}\n《2025년 3월 현재》\n{ISSUES}", True,
                 id="after-the-next-heading"),
    pytest.param(f"{ISSUES}", True, id="no-목표달성-group"),
])
def test_a_table_in_a_목표달성_group_is_the_group_s(progress: str, moved: bool) -> None:
    """The progress reader reads every table of its 《목표달성》 group: one there stays, whatever
    its words; under the next 《…》 heading the words decide again (the last heading above a
    table is the one it stands under)."""
    layout = reroute_tables(layout_of(card_text(progress=progress)), DEFAULT)
    progress_tables = [b for s in layout.sections if s.key == "progress" for b in s.blocks if isinstance(b, Table)]
    issues_tables = [b for s in layout.sections if s.key == "issues" for b in s.blocks if isinstance(b, Table)]
    assert (len(issues_tables), any(t.grid()[0][0].text == "문제점" for t in progress_tables)) == (
        (1, False) if moved else (0, True))

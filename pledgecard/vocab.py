"""Korean vocabulary of pledge cards, as data, in one place.

Everything the parser and normalizers recognise by word lives here: header labels
and their synonyms, section headings, bullet glyphs, money and counting units,
statuses, funding sources and the issuer levels that decide their category.
Code elsewhere imports these tables; it does not spell Korean words itself.
"""

from __future__ import annotations

from typing import Final

# --------------------------------------------------------------------------- glyphs
#: Characters that start a bullet paragraph, mapped to their nesting level.
#: Level 0 is a section heading, 1 a main bullet, 2 a sub-bullet, 3 a note.
BULLET_LEVELS: Final[dict[str, int]] = {
    "□": 0, "■": 0,
    "\ufffd": 1,
    "◦": 1, "○": 1, "❍": 1, "ㅇ": 1, "o": 1, "▪": 1, "•": 1, "●": 1, "◎": 1,
    "-": 2, "·": 2, "‧": 2, "∙": 2, "－": 2, "–": 2, "―": 2, "ㆍ": 2,
    "*": 3, "＊": 3, "※": 3,
}
#: Glyphs that mark a note under its parent rather than a sibling item.
NOTE_GLYPHS: Final[frozenset[str]] = frozenset({"*", "＊", "※"})
#: A glyph lost in a dump (U+FFFD) or drawn from an unknown private-use font code: it may
#: have been a heading's □ or an item's ◦, so it stays U+FFFD; the card parser tells a heading
#: by its words, and any other line it marks is an item.
LOST_HEADING_GLYPH: Final[str] = "\ufffd"
LOST_GLYPHS: Final[frozenset[str]] = frozenset({"\ufffd"})
#: Private-use code points Hancom fonts use for bullets, mapped to what they draw.
PRIVATE_USE_BULLETS: Final[dict[str, str]] = {
    "\uf06e": "□", "\uf0a7": "▪", "\uf09f": "•", "\uf0fc": "✓",
    "\uf0a1": "○", "\uf06c": "●", "\uf075": "◆",
}

# --------------------------------------------------------------------------- kind line
KIND_LINE_SUFFIXES: Final[tuple[str, ...]] = ("공약사업 관리카드", "공약 이행 관리카드", "공약이행 관리카드",
                                              "공약사업관리카드", "공약 관리카드")
#: Who issues the card, by the word before the kind line's suffix.
ISSUER_BY_TITLE: Final[dict[str, str]] = {
    "도지사": "province", "지사": "province",
    "광역시장": "metropolitan", "특별시장": "metropolitan",
    "시장": "city", "군수": "county", "구청장": "district",
}
METROPOLITAN_MARKERS: Final[tuple[str, ...]] = ("광역시", "특별시", "특별자치시")

# --------------------------------------------------------------------------- header grid
#: Canonical header field -> labels seen on cards (letter-spacing already closed up).
HEADER_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "title": ("공약명", "공약사업명", "공약사업", "사업명", "공약과제명", "공약과제"),
    "number": ("관리번호", "공약번호", "연번", "과제번호"),
    "department": ("추진부서", "소관부서", "주관부서", "담당부서", "소관", "주관"),
    "contact_name": ("담당자",),
    "contact_phone": ("전화번호", "연락처"),
    "cooperating": ("협조부서", "관련부서"),
    "target": ("실천목표", "이행목표", "완료시기", "이행시기", "완료목표"),
    "status": ("추진상황", "이행상황"),
    "category": ("분야", "공약분야", "정책분야"),
    "continuity": ("신규/계속", "신규계속", "사업구분", "구분", "계속/신규"),
    "stage": ("추진단계", "이행단계"),
    "progress_rate": ("이행률", "추진율", "공정률", "진척률"),
    "issuer": ("기관명", "자치단체"),
}
#: Header labels that start a card (a header grid): the title and number labels that only a
#: header grid uses. 사업명 and 연번 also head body tables (연번 | 사업명 | 사업비), so alone
#: they start nothing.
CARD_START_LABELS: Final[tuple[str, ...]] = ("공약명", "공약사업명", "공약사업", "공약과제명", "공약과제",
                                             "관리번호", "공약번호", "과제번호")
#: Roles of the people a card names (국장 … 담당), in the order of seniority; the working-level
#: ones (담당, 담당자) are the card's ``contact``.
CONTACT_ROLES: Final[tuple[str, ...]] = ("실장", "국장", "단장", "과장", "팀장", "담당자", "담당", "주무관")
WORKING_LEVEL_ROLES: Final[tuple[str, ...]] = ("담당자", "담당", "주무관")
#: Row labels of a grid of people: the role row, the name row, the phone row.
PERSON_ROW_LABELS: Final[tuple[str, ...]] = ("직위", "직급", "구분", "성명", "이름", "담당자", "연락처", "전화번호",
                                              "전화")
#: The office that issues a card, by the word that ends the kind line's title (원주시장 -> 원주시).
ISSUER_OFFICE_SUFFIXES: Final[dict[str, str]] = {
    "특별자치도지사": "특별자치도", "도지사": "도", "광역시장": "광역시", "특별시장": "특별시",
    "특별자치시장": "특별자치시", "시장": "시", "군수": "군", "구청장": "구",
}
#: Values that mean "none" in a header cell.
EMPTY_VALUES: Final[frozenset[str]] = frozenset({"-", "–", "―", "없음", "해당없음", "해당 없음"})

# --------------------------------------------------------------------------- sections
#: Canonical section -> headings seen on cards (spacing closed, no glyph).
SECTION_HEADINGS: Final[dict[str, tuple[str, ...]]] = {
    "overview": ("사업개요", "공약개요", "사업의개요"),
    "purpose": ("사업목적", "추진배경", "필요성", "추진배경및필요성", "사업목적및필요성", "추진목적",
                "사업배경", "추진배경및목적", "사업목적및배경"),
    "goals": ("사업목표", "추진목표", "공약목표"),
    "finance": ("재원투자실적및계획", "재원투자계획", "재원투자실적", "연도별재원투자계획",
                "재원조달계획", "투자실적및계획", "소요예산", "재원별투자계획", "공약가계부",
                "재원투자계획및실적", "소요재원", "재원조달방안", "연도별투자계획"),
    "yearly": ("연도별추진계획", "연도별추진계획및실적", "연도별추진실적및계획", "연차별추진계획",
               "연차별추진계획및실적", "연도별이행계획"),
    "progress": ("추진실적(성과)", "추진실적", "추진성과", "추진상황및성과", "날짜별추진실적",
                 "주요추진실적", "추진경과", "그간추진실적", "추진상황"),
    "communication": ("도민소통실적", "시민소통실적", "군민소통실적", "구민소통실적", "주민소통실적",
                      "주민소통", "소통실적"),
    "issues": ("문제점및대책", "쟁점사항(문제점)및해소방안", "쟁점사항및해소방안", "애로사항및건의사항",
               "문제점및해결방안", "문제점및개선방안", "애로사항및대책", "쟁점사항", "문제점및대응방안"),
    "plans": ("향후계획", "향후추진계획", "향후일정", "향후추진일정"),
    "effects": ("기대효과",),
}
#: Parts of a card whose absence is a ``card.missing_part`` finding.
REQUIRED_PARTS: Final[tuple[str, ...]] = (
    "kind", "header", "overview", "finance", "progress", "communication", "plans", "effects",
)
#: The parts a card of the second family (사업목적, 사업목표, 연도별 추진계획 …) must have.
SECOND_FAMILY_PARTS: Final[tuple[str, ...]] = ("purpose", "goals", "yearly", "issues")
REQUIRED_PARTS_SECOND_FAMILY: Final[tuple[str, ...]] = ("header", "overview", "finance")
PART_LABELS: Final[dict[str, str]] = {
    "kind": "kind line (공약사업 관리카드)", "header": "header grid (공약명, 관리번호 …)",
    "overview": "□ 사업개요", "finance": "□ 재원투자 실적 및 계획", "progress": "□ 추진실적(성과)",
    "communication": "□ 소통 실적", "plans": "□ 향후계획", "effects": "<기대효과>",
}
#: Sub-headings of 문제점 및 대책: the problem side and the remedy side.
ISSUE_WORDS: Final[tuple[str, ...]] = ("문제점", "쟁점사항", "쟁점", "애로사항", "문제")
REMEDY_WORDS: Final[tuple[str, ...]] = ("대책", "해소방안", "해결방안", "개선방안", "대응방안", "건의사항", "조치계획")
#: Labels of 사업목표's goals.
GOAL_LABELS: Final[tuple[str, ...]] = ("최종목표", "임기내목표", "임기중목표", "단기목표", "중기목표", "장기목표",
                                       "연차별목표", "목표")
#: Header cells of a table of goals (구분 | 목표 | 달성여부).
GOAL_HEADER_WORDS: Final[tuple[str, ...]] = ("구분", "목표", "내용", "목표내용", "달성여부", "달성", "비고")
#: A goal marked achieved or not.
GOAL_ACHIEVED: Final[dict[str, bool]] = {"미달성": False, "달성": True}
#: Heading markers besides the bullet glyphs: Roman numerals, numbers, Hangul letters,
#: circled numbers, each with its punctuation.
ROMAN_NUMERALS: Final[str] = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
HANGUL_ORDINALS: Final[str] = "가나다라마바사아자차카타파하"
CIRCLED_NUMBERS: Final[str] = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Column headers of a 연도별 추진계획 table.
YEARLY_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "years": ("연도", "년도", "기간", "연차", "추진연도", "추진기간", "구분"),
    "plan": ("추진계획", "계획", "추진목표", "목표"),
    "result": ("추진실적", "실적", "추진내용"),
    "rate": ("누적추진율", "추진율", "이행률", "달성률", "진척률", "누적이행률", "공정률"),
    "note": ("비고",),
}
#: Column headers of a table of dated entries (날짜별 추진실적, 향후 일정).
DATED_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "date": ("일자", "날짜", "일시", "추진일자", "시기", "추진시기", "기간", "연월", "추진일정", "일정"),
    "content": ("추진내용", "내용", "추진실적", "주요내용", "추진계획", "세부내용", "실적"),
    "note": ("비고",),
}
#: 사업개요 field -> labels.
OVERVIEW_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "period": ("사업기간", "추진기간"),
    "volume": ("사업량", "사업규모"),
    "total_cost": ("총사업비", "사업비", "소요예산"),
    "items": ("주요내용", "주요사업내용", "사업내용"),
    #: 사업위치 / 사업구간 go to the overview's items, label and all (CARD-SPEC 1.1 §1).
    "location": ("사업위치", "사업구간", "사업장소", "사업대상지", "위치"),
}

#: Progress-block heading cue for the per-year achievements table.
ACHIEVEMENT_HEADING: Final[str] = "목표달성"
#: Headings of the achievements table as cards write them (《현재까지 목표달성》).
ACHIEVEMENT_HEADINGS: Final[tuple[str, ...]] = ("현재까지목표달성", "목표달성현황", "목표달성")
#: The template's own instructions to whoever fills the card in (`(23년 목표 달성 여부 작성)`,
#: `횟수 기재`): words of the form, like its labels, not values.
TEMPLATE_INSTRUCTIONS: Final[tuple[str, ...]] = ("목표달성여부작성", "달성여부작성", "횟수기재", "여부작성", "여부",
                                                 "작성")

# --------------------------------------------------------------------------- finance table
#: Column headers of the finance table -> FinanceCell.kind.
FINANCE_COLUMN_KINDS: Final[dict[str, str]] = {
    "총사업비": "total", "계": "total", "합계": "total", "총액": "total", "사업비계": "total",
    "기투자": "prior", "기투자액": "prior", "기투입": "prior",
    "임기이후": "after_term", "임기후": "after_term", "이후": "after_term", "향후": "after_term",
    "향후투자": "after_term", "임기이후투자": "after_term",
}
#: Header cells that group a finance table's columns or rows (연도별 투자 실적 및 계획 over the years).
FINANCE_GROUP_HEADERS: Final[tuple[str, ...]] = ("연도별투자실적및계획", "연도별투자계획", "연도별투자실적",
                                                 "연도별투자", "연도별", "재원", "재원별", "투자실적및계획")
#: Rows or column groups that split a finance table into planned, secured and spent money.
FINANCE_MEASURES: Final[tuple[str, ...]] = ("계획", "확보", "집행")
#: The measure that CARD-SPEC §4 compares with 사업개요's 총사업비.
PLANNED_MEASURE: Final[str] = "계획"
FINANCE_ROW_HEADER: Final[tuple[str, ...]] = ("구분",)

# --------------------------------------------------------------------------- funding
#: Funding source label -> category, independent of the issuer.
FUNDING_FIXED: Final[dict[str, str]] = {
    "계": "total", "합계": "total", "총계": "total", "소계": "total",
    "국비": "national", "국": "national", "기금": "national", "국고": "national",
    "도비": "provincial", "도": "provincial", "광역비": "provincial",
    "시군비": "municipal", "시군": "municipal", "시·군비": "municipal", "군비": "municipal",
    "구비": "municipal", "시군구비": "municipal",
    "민자": "private", "민간": "private", "민간자본": "private", "자부담": "private",
    "기타": "other", "공공기관": "other", "교육청": "other",
}
#: Labels whose category depends on the issuer level (시비 on a metropolitan card is provincial).
FUNDING_BY_LEVEL: Final[dict[str, dict[str, str]]] = {
    "시비": {"metropolitan": "provincial", "district": "provincial", "province": "municipal",
             "default": "municipal"},
    "시": {"metropolitan": "provincial", "district": "provincial", "province": "municipal",
            "default": "municipal"},
    "지방비": {"province": "provincial", "metropolitan": "provincial", "default": "municipal"},
}
#: A place name used as a funding label (원주시 11억) is a municipality.
MUNICIPAL_NAME_SUFFIXES: Final[tuple[str, ...]] = ("시", "군", "구")

# --------------------------------------------------------------------------- money
#: Money unit words -> multiplier into won. Longest match first when scanning.
MONEY_UNITS: Final[dict[str, int]] = {
    "조원": 10**12, "조": 10**12,
    "억원": 10**8, "억": 10**8,
    "천만원": 10**7, "천만": 10**7,
    "백만원": 10**6, "백만": 10**6,
    "십만원": 10**5,
    "만원": 10**4, "만": 10**4,
    "천원": 10**3, "천": 10**3,
    "원": 1,
}
#: ``(단위 : X)`` unit of a finance table -> multiplier into won.
TABLE_UNITS: Final[dict[str, int]] = {
    "원": 1, "천원": 10**3, "만원": 10**4, "백만원": 10**6, "억원": 10**8,
}
APPROX_SUFFIXES: Final[tuple[str, ...]] = ("여", "약", "정도", "내외", "이상")

# --------------------------------------------------------------------------- quantities
#: Counting units for quantities (longest first when scanning). Not money, not time.
QUANTITY_UNITS: Final[tuple[str, ...]] = (
    "개소", "개사", "개국", "개교", "개팀", "개과제", "개", "명", "건", "곳", "종", "실", "회",
    "가구", "팀", "대", "석", "척", "동", "호", "편", "권", "점", "과제", "기관", "농가",
    "㎡", "㎢", "km", "ha", "톤", "m",
)

#: Where the phrase of a quantity ends (a field's ``3개 지구`` runs to one; a digit ends it too).
QUANTITY_PHRASE_DELIMITERS: Final[str] = ",;:()（）[]［］{}<>〈〉《》「」『』/·、※\n"
#: Counters that take the counted noun after them: in free text a quantity's text runs over
#: that word (``13개 기술과제``), unless the word is one of QUANTITY_PHRASE_STOP_WORDS.
COUNTERS_BEFORE_NOUN: Final[tuple[str, ...]] = ("개",)
QUANTITY_PHRASE_STOP_WORDS: Final[tuple[str, ...]] = (
    "및", "등", "또는", "이상", "이하", "내외", "정도", "중", "외", "규모", "추진", "운영", "선정", "지원",
)
#: Counters that also number a thing by name (놀이터 2호, 청년센터 1호: the 2nd playground, the
#: 1st centre) -> the nouns they count. In free text such a count is read only where one of those
#: nouns ends one of the two words before it in its phrase (공동주택 300호) or it is approximate (약 300호,
#: 300여 호); ``1호`` is a name. Elsewhere it is no quantity (null), never a guess.
NAMING_COUNTERS: Final[dict[str, tuple[str, ...]]] = {
    "호": ("주택", "아파트", "빈집", "객실", "주거", "숙소", "기숙사", "원룸", "점포", "상가", "임대"),
}

# --------------------------------------------------------------------------- rates
#: Labels of a progress rate in percent (이행률 72.5%), both spellings of 률/율.
RATE_LABELS: Final[tuple[str, ...]] = (
    "이행률", "이행율", "추진율", "추진률", "공정률", "공정율", "진척률", "진척율", "달성률", "달성율",
    "진도율", "진도률",
)
#: Signs of percent after a number; a percentage point (10%p) is a difference, not a rate.
PERCENT_SIGNS: Final[tuple[str, ...]] = ("%", "％", "퍼센트")
PERCENT_POINT_SUFFIXES: Final[tuple[str, ...]] = ("p", "P", "포인트")
#: Achievement words besides GOAL_ACHIEVED (달성 / 미달성), spaces squashed.
ACHIEVED_SYNONYMS: Final[dict[str, bool]] = {
    "초과달성": True, "목표달성": True, "완료": True, "목표미달성": False, "미달": False,
}

# --------------------------------------------------------------------------- statuses
#: Achievement statuses of CARD-SPEC §2.
STATUSES: Final[tuple[str, ...]] = ("완료", "추진중", "미착수", "종료", "정상추진", "부진", "보류")
STATUS_SYNONYMS: Final[dict[str, str]] = {"추진 중": "추진중", "정상 추진": "정상추진"}

# --------------------------------------------------------------------------- communication
#: Cells of the 소통 table that are a count in words, not a number.
COUNT_WORDS: Final[frozenset[str]] = frozenset({"다수", "수시", "상시", "횟수 기재", "해당없음"})

# --------------------------------------------------------------------------- dates
QUARTER_WORD: Final[str] = "분기"
HALF_WORDS: Final[dict[str, str]] = {"상반기": "H1", "하반기": "H2"}
CUMULATIVE_WORDS: Final[tuple[str, ...]] = ("누계", "누적")
AS_OF_WORDS: Final[tuple[str, ...]] = ("기준", "현재")
#: Characters that mark a two-digit year (’24 = 2024).
YEAR_APOSTROPHES: Final[str] = "’‘`'´\u0300\u2032"

# =========================================================================== normalizers
# Words the value normalizers (pledgecard.normalize) recognise; added with that package.

# --------------------------------------------------------------------------- numbers
#: Korean myriad units: each multiplies the digits before it (3억 5천만 = 3×10^8 + 5×10^7).
NUMBER_BIG_UNITS: Final[dict[str, int]] = {"조": 10**12, "억": 10**8, "만": 10**4}
#: Small multipliers that sit between the digits and a myriad unit (5천만, 89,873백만).
NUMBER_SMALL_UNITS: Final[dict[str, int]] = {"천": 10**3, "백": 10**2, "십": 10}
#: Numbers written in Hangul words. Sino-Korean digits take the units above (삼십억, 오백만,
#: 이십여); a number of them counts only with a digit and two syllables or more (이 건 is
#: "this matter", 백만 원 a unit). Native numbers count things (다섯 명, 스물두 곳, 열여 명).
SINO_DIGITS: Final[dict[str, int]] = {
    "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9,
}
NATIVE_TENS: Final[dict[str, int]] = {
    "열": 10, "스무": 20, "스물": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70,
    "여든": 80, "아흔": 90,
}
NATIVE_ONES: Final[dict[str, int]] = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5, "여섯": 6,
    "일곱": 7, "여덟": 8, "아홉": 9,
}
#: ``여`` after a number or unit: "and some" (20여억 원, 3만여 명, 2만 9천여 명).
APPROX_INFIX: Final[str] = "여"
#: Words before an amount that make it approximate (약 20억 원).
APPROX_PREFIXES: Final[tuple[str, ...]] = ("약", "대략")
#: Words before an amount that add nothing (총 36억 원).
TOTAL_PREFIXES: Final[tuple[str, ...]] = ("총",)
#: Ordinal marker: 제20회 is the 20th, not a count of 20.
ORDINAL_PREFIX: Final[str] = "제"
#: Particles and endings that may follow a unit directly (5건을, 100억 원의, 3회째).
UNIT_PARTICLES: Final[tuple[str, ...]] = (
    "으로", "까지", "부터", "이상", "이하", "내외", "정도",
    "을", "를", "이", "가", "은", "는", "의", "에", "로", "과", "와", "도", "씩", "만", "별", "당",
    "째", "여",
)

# --------------------------------------------------------------------------- money
WON: Final[str] = "원"
#: Units that make a money amount without a following 원 (202억, 1조).
MONEY_UNITS_WITHOUT_WON: Final[tuple[str, ...]] = ("조", "억")
#: Currency words after an amount that mean it is not in won (5억 달러).
FOREIGN_CURRENCY_WORDS: Final[tuple[str, ...]] = ("달러", "불", "유로", "엔", "위안", "파운드")
#: Finance-table cells that mean zero.
ZERO_CELLS: Final[frozenset[str]] = frozenset({"-", "–", "―", "—", "－", "‐", "−", "0"})
#: Signs of a negative amount in a table cell (△1,234).
NEGATIVE_MARKS: Final[tuple[str, ...]] = ("△", "▲", "-", "−")
#: The label of a table's unit note: (단위 : 백만 원).
TABLE_UNIT_LABEL: Final[str] = "단위"

# --------------------------------------------------------------------------- dates
YEAR_WORD: Final[str] = "년"
MONTH_WORD: Final[str] = "월"
DAY_WORD: Final[str] = "일"
#: Marks between the two ends of a period (’18~’27년).
RANGE_MARKS: Final[str] = "~∼〜～"
#: A stated length of a period: (6년간), (5개년).
STATED_YEARS_SUFFIXES: Final[tuple[str, ...]] = ("년간", "개년")
#: Two digits and 년 without an apostrophe (23년) are a year 20xx in this range of digits;
#: round tens in it (20년, 30년) may as well be lengths and stay unread, with a finding.
BARE_YEAR_RANGE: Final[tuple[int, int]] = (10, 39)
#: Words after NN년 that make it a length of time, not a year (30년간, 10년 이상, 3년차).
YEAR_LENGTH_WORDS: Final[tuple[str, ...]] = (
    "간", "동안", "이상", "이내", "미만", "만에", "만", "후", "뒤", "전", "째", "차", "가량", "여",
    "정도", "마다", "주기", "넘게",
)
MONTHS_LENGTH_WORD: Final[str] = "개월"
#: 년도 (23년도): the year of.
YEAR_OF_SUFFIX: Final[str] = "도"
#: Characters that may close a date (a spaced day without its dot ends before one).
DATE_CLOSERS: Final[str] = ")）]】》〉」』>,;"
#: Words that may follow a date (2024. 4. 5 까지).
DATE_AFTER_WORDS: Final[tuple[str, ...]] = ("까지", "부터", "이후", "이전", "말", "초")
#: Words between a date and 기준/현재 (2025. 9월 말 현재).
AS_OF_DATE_PARTS: Final[tuple[str, ...]] = ("말", "초", "중순", "말일")

# --------------------------------------------------------------------------- tables that arrive flattened
#: Header words of the per-year 목표달성 table, in column order: main project, sub-project
#: (its 목표치), status, details.
ACHIEVEMENT_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "main": ("주요사업", "사업명"),
    "project": ("목표치", "세부사업", "세부과제", "목표"),
    "status": ("추진상황", "이행상황", "진행상황"),
    "details": ("추진내용", "추진실적", "주요실적"),
}
#: Row labels of a 소통 table's count row (구분 | … over 횟수 | …).
COUNT_ROW_LABELS: Final[tuple[str, ...]] = ("횟수", "실적", "건수", "횟수(회)", "실적(건)")
#: Header cells of a 소통 table's first column when it labels the rows (구분 | 횟수, 연도 | 2024년).
COMMUNICATION_ROW_HEADERS: Final[tuple[str, ...]] = ("구분", "연도", "년도", "기간", "항목", "분기", "소통채널")
#: Header cells of a 소통 table that stand alone even when a line holds more.
CHANNEL_STANDALONE: Final[tuple[str, ...]] = ("계", "합계", "기타")
#: Words that end a wrapped channel name and never start one (만족도 / 조사).
CHANNEL_TAILS: Final[tuple[str, ...]] = ("조사", "자문", "등", "보도", "방송", "개최", "운영")
#: A place name used as a funding label that is a province or metropolitan city (강원도 10억).
PROVINCIAL_NAME_SUFFIXES: Final[tuple[str, ...]] = ("특별자치도", "광역시", "특별자치시", "특별시", "도")

# --------------------------------------------------------------------------- characters
#: Interpuncts (가운뎃점) written with other code points, unified to U+00B7 by every reader.
INTERPUNCT: Final[str] = "\u00b7"
INTERPUNCT_VARIANTS: Final[str] = "\u318d\u2027\u2219\u30fb\uff65\u22c5"

#: Every word that heads a table column in a card (flattened tables write each on a line).
COLUMN_WORDS: Final[tuple[str, ...]] = tuple(dict.fromkeys(
    word for table in (ACHIEVEMENT_COLUMNS, YEARLY_COLUMNS, DATED_COLUMNS) for words in table.values()
    for word in words))

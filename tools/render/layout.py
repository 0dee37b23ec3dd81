"""A card laid out as blocks, in one of two template families.

``first`` is the seed's (강원 2-16): kind line, a header of labelled fields, □ 사업개요,
□ 재원투자 실적 및 계획, □ 추진실적(성과) with 《…》 blocks and the 목표달성 table,
□ 소통 실적, □ 향후계획, <기대효과>. ``second`` is CARD-SPEC §1's other family: 분야,
신규/계속, 추진단계, 이행시기, contacts by role and 이행률 in the header; 사업목적,
사업목표, 사업개요, 재원투자 계획, 연도별 추진계획 및 실적, 추진실적, 문제점 및 대책,
향후 추진계획, 기대효과, and any other headed part.

Only what the card holds is written; a part the card lacks is left out.
"""

from __future__ import annotations

from pledgecard.models import Card, Item, ProgressBlock

from .document import Block, Line
from .style import Style
from .tables import achievement_grid, channel_grid, dated_grid, finance_grid, finance_unit, is_dated_table, yearly_grid
from .words import UNIT_AFTER_AMOUNT, UNIT_WON, amount, as_of_in, as_of_phrase, date_parts, label

#: 소통 heading by the issuer's level: 도민 on a province's card, 시민 on a city's, 주민 below.
CHANNEL_HEADING = {"province": "도민소통 실적", "metropolitan": "시민소통 실적", "city": "시민소통 실적"}


class Sections:
    """Headings numbered in order (for Ⅰ. / 1. / 가. / ① markers)."""

    def __init__(self) -> None:
        self.count = 0

    def heading(self, text: str) -> Line:
        self.count += 1
        return Line("heading", text, ordinal=self.count)


def layout(card: Card, style: Style) -> list[Block]:
    """The card's blocks in the style's template family."""
    if style.family == "second":
        return _second(card, style)
    return _first(card, style)


# ----------------------------------------------------------------------------- header
def _first_header(card: Card, style: Style) -> list[Block]:
    spaced = style.labels
    contact = card.contact
    coop = ", ".join(card.cooperating_departments) or "-"
    lines = [
        f"{label('공약명', spaced)} {card.pledge.title or ''} 관리번호 {card.pledge.number or ''}",
        f"추진부서 {card.department or ''}",
        f"{label('담당자', spaced)} {contact.name or ''} 전화번호 {contact.phone or ''}",
        f"협조부서 {coop}",
        f"실천목표 {card.target or ''} 추진상황 {card.status or ''}",
    ]
    return [Line("header", line.replace("  ", " ").strip()) for line in lines]


def _second_header(card: Card, style: Style) -> list[Block]:
    """The second family's header grid, flattened several ``label value`` pairs to a line
    (as 다온시's cards): contacts on one line, ``과장 윤재희(2410) 담당 오세린(2418)``."""
    spaced = style.labels

    def pairs(*fields: tuple[str, str | None]) -> str:
        return " ".join(f"{word} {value}" for word, value in fields if value)

    contacts = card.contacts or [card.contact]
    people = " ".join(f"{c.role or '담당'} {c.name or ''}" + (f"({c.phone})" if c.phone else "") for c in contacts)
    lines = [
        pairs(("공약명" if spaced == "closed" else "공약사업명", card.pledge.title),
              ("공약번호", card.pledge.number)),
        pairs(("분야", card.category), (label("구분", spaced, 2), card.continuity), ("추진단계", card.stage)),
        pairs(("소관부서", card.department), ("이행시기", card.target),
              ("이행률", card.progress_rate.text if card.progress_rate else None)),
        people,
        pairs(("관련부서", ", ".join(card.cooperating_departments) or "-"), ("추진상황", card.status)),
    ]
    return [Line("header", line) for line in lines if line.strip()]


# ----------------------------------------------------------------------------- parts
def _items(items: list[Item], style: Style) -> list[Block]:
    if is_dated_table(items):
        return [dated_grid(items)]
    out: list[Block] = []
    for item in items:
        marker = style.bullet if style.bullet is not None and item.level <= 1 else item.marker
        out.append(Line("item", item.text, marker=marker, level=item.level))
        out += _items(item.children, style)
    return out


def _cost_text(card: Card, style: Style) -> str | None:
    cost = card.overview.total_cost
    if cost is None:
        return None
    if style.unit is None or cost.won is None:
        return cost.text
    unit_won = UNIT_WON[style.unit]
    parts = ", ".join(f"{f.source} {amount(f.won, unit_won)}" for f in cost.breakdown if f.won is not None)
    text = f"{amount(cost.won, unit_won)}{UNIT_AFTER_AMOUNT[style.unit]}"
    return f"{text}({parts})" if parts else text


def _card_glyph(card: Card, fallback: str) -> str:
    """The glyph the card itself uses for top-level items (its label lines take the same)."""
    for items in (*(b.items for b in card.progress), card.plans, card.expected_effects):
        for item in items:
            if item.level <= 1 and item.marker:
                return item.marker
    return fallback


def _overview(card: Card, style: Style, sections: Sections, second: bool) -> list[Block]:
    view = card.overview
    glyph = style.bullet if style.bullet is not None else _card_glyph(card, "○" if second else "◦")
    lines: list[tuple[str, str]] = []
    if view.period is not None:
        years = f"({view.period_years}년간)" if view.period_years else ""
        lines.append(("추진기간" if second else "사업기간", f"{view.period.text}{years}"))
    if view.volume is not None:
        lines.append(("사업량" if second else label("사업량", style.labels), view.volume.text))
    cost = _cost_text(card, style)
    if cost is not None:
        lines.append(("총사업비", cost))
    if not lines and not view.items:
        return []
    out: list[Block] = [sections.heading("사업개요")]
    out += [Line("item", f"{word} : {text}", marker=glyph, level=1) for word, text in lines]
    if view.items:
        out.append(Line("item", "주요내용", marker=glyph, level=1))
        out += _items(view.items, style)
    return out


def _finance(card: Card, style: Style, sections: Sections, second: bool) -> list[Block]:
    if not card.finance.cells:
        return []
    unit, _ = finance_unit(card, style)
    unit_text = UNIT_AFTER_AMOUNT.get(unit, unit) if style.unit is not None else unit
    out: list[Block] = [sections.heading("재원투자 계획" if second else "재원투자 실적 및 계획")]
    if unit_text:
        out.append(Line("unit", f"(단위 : {unit_text})"))
    out.append(finance_grid(card, style))
    return out


def block_as_of(block: ProgressBlock, style: Style) -> str | None:
    """The block's as-of date as the style's wording writes it."""
    if block.as_of is None or style.as_of is None:
        return block.as_of
    return as_of_in(block.as_of, style.as_of)


def _progress(card: Card, style: Style, sections: Sections, second: bool) -> list[Block]:
    if not card.progress and not card.achievements:
        return []
    heading = "추진실적" if second else "추진실적(성과)"
    first = card.progress[0] if card.progress else None
    if style.as_of is None and first is not None and not first.heading:
        heading += _heading_as_of(first.as_of)  # the card took the block's date from its part's heading
    out: list[Block] = [sections.heading(heading)]
    for block in card.progress:
        as_of = block_as_of(block, style)
        if style.as_of is not None and as_of is not None:
            out.append(Line("as_of", as_of_phrase(as_of, style.as_of, block.cumulative)))
        elif block.heading:
            out.append(Line("as_of", f"《{block.heading}》"))
        out += _items(block.items, style)
    if card.achievements:
        out.append(Line("caption", "《현재까지 목표달성》"))
        out.append(achievement_grid(card, style, "· " if style.table == "flattened" else ""))
    return out


def _heading_as_of(as_of: str | None) -> str:
    """The as-of date a part's heading carries for a block with no heading of its own:
    `` (2025. 3. 31. 기준)`` (a date to the day), else nothing."""
    if as_of is None or date_parts(as_of)[2] is None:
        return ""
    return " " + as_of_phrase(as_of, "day_paren", cumulative=False)


def _communication(card: Card, style: Style, sections: Sections) -> list[Block]:
    if not card.communication:
        return []
    return [sections.heading(CHANNEL_HEADING.get(card.issuer_level, "주민소통 실적")), channel_grid(card, style)]


def _bullets(heading: str, items: list[Item], style: Style, sections: Sections) -> list[Block]:
    return [sections.heading(heading), *_items(items, style)] if items else []


def _first(card: Card, style: Style) -> list[Block]:
    sections = Sections()
    out: list[Block] = [Line("kind", card.kind)] if card.kind else []
    out += _first_header(card, style)
    out += _overview(card, style, sections, second=False)
    out += _finance(card, style, sections, second=False)
    out += _progress(card, style, sections, second=False)
    out += _communication(card, style, sections)
    out += _bullets("향후계획", card.plans, style, sections)
    if card.expected_effects:
        out.append(Line("caption", "<기대효과>"))
        out += _items(card.expected_effects, style)
    return out


def _goals(card: Card, style: Style, sections: Sections) -> list[Block]:
    if not card.goals:
        return []
    glyph = style.bullet if style.bullet is not None else _card_glyph(card, "○")
    marks = {True: " (달성)", False: " (미달성)", None: ""}
    return [sections.heading("사업목표"),
            *(Line("item", f"{g.label} : {g.text}{marks[g.achieved]}", marker=glyph, level=1) for g in card.goals)]


def _issues(card: Card, style: Style, sections: Sections) -> list[Block]:
    if not card.issues and not card.remedies:
        return []
    out: list[Block] = [sections.heading("문제점 및 대책")]
    for word, items in (("문제점", card.issues), ("대책", card.remedies)):
        if items:
            out.append(Line("caption", f"<{word}>"))
            out += _items(items, style)
    return out


def _second(card: Card, style: Style) -> list[Block]:
    sections = Sections()
    out: list[Block] = [Line("kind", card.kind)] if card.kind else []
    out += _second_header(card, style)
    out += _bullets("사업목적", card.purpose, style, sections)
    out += _goals(card, style, sections)
    out += _overview(card, style, sections, second=True)
    out += _finance(card, style, sections, second=True)
    if card.yearly:
        out += [sections.heading("연도별 추진계획 및 실적"), yearly_grid(card)]
    out += _progress(card, style, sections, second=True)
    out += _communication(card, style, sections)
    out += _issues(card, style, sections)
    out += _bullets("향후 추진계획", card.plans, style, sections)
    out += _bullets("기대효과", card.expected_effects, style, sections)
    for section in card.sections:
        out.append(sections.heading(section.heading))
        if section.text:
            out.append(Line("text", section.text))
        out += _items(section.items, style)
    return out

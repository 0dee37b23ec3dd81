"""A card as a person reads it (HTML), with the parts that differ from the golden highlighted,
and the source text with the text no field took marked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pledgecard.audit.page import esc, table
from pledgecard.audit.sources import locate
from pledgecard.models import Card, Finding, Item, Money, Quantity, Span

#: Pieces of unplaced text listed under a source when they are not found in it.
MAX_LOST_SHOWN = 50


class Bad:
    """The mismatched paths of one card; ``under(prefix)`` says whether a rendered part holds one."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.paths = tuple(paths)

    @staticmethod
    def _inside(path: str, prefix: str) -> bool:
        return path == prefix or (path.startswith(prefix) and path[len(prefix)] in ".[#")

    def under(self, prefix: str) -> bool:
        return any(self._inside(p, prefix) for p in self.paths)

    def count(self, prefix: str) -> int:
        return sum(1 for p in self.paths if self._inside(p, prefix))

    def cls(self, prefix: str, classes: str = "") -> str:
        """The ``class`` attribute (with ``classes``), plus ``bad`` when the part differs from the golden."""
        if self.under(prefix):
            return f' class="{classes + " " if classes else ""}bad" title="differs from the golden"'
        return f' class="{classes}"' if classes else ""


def won(value: int | None) -> str:
    return "—" if value is None else f"{value:,} 원"


def money_chip(money: Money) -> str:
    approx = "≈ " if money.approx else ""
    return f'<span class="chip money" title="{esc(money.text)}">{approx}{esc(won(money.won))}</span>'


def span_chip(span: Span) -> str:
    same = span.start == span.end
    label = (span.start or "?") if same else f"{span.start or '?'} – {span.end or '?'}"
    return f'<span class="chip" title="{esc(span.text)}">{esc(label)}</span>'


def qty_chip(qty: Quantity) -> str:
    approx = "≈ " if qty.approx else ""
    return f'<span class="chip qty" title="{esc(qty.text)}">{approx}{esc(qty.value)} {esc(qty.unit)}</span>'


def items_html(items: Sequence[Item], path: str, bad: Bad) -> str:
    if not items:
        return '<p class="empty">no items</p>' if not bad.under(path) else f'<p{bad.cls(path)}>no items</p>'
    lis = []
    for i, item in enumerate(items):
        sub = f"{path}[{i}]"
        chips = "".join(span_chip(d) for d in item.dates) + "".join(money_chip(m) for m in item.amounts)
        chips += "".join(qty_chip(q) for q in item.quantities)
        note = f' <span class="muted small">※ {esc(item.note)}</span>' if item.note else ""
        children = items_html(item.children, f"{sub}.children", bad) if item.children else ""
        lis.append(f'<li style="margin-left:{max(0, item.level - 1) * 6}px"><span{bad.cls(sub)}>'
                   f'<span class="marker">{esc(item.marker)}</span>{esc(item.text)}</span>{chips}{note}'
                   f"{children}</li>")
    return f'<ul{bad.cls(path + "#len", "items")}>{"".join(lis)}</ul>'


def field_rows(rows: Iterable[tuple[str, str, object]], bad: Bad) -> str:
    out = []
    for label, path, value in rows:
        shown = "—" if value in (None, "", []) else ", ".join(value) if isinstance(value, list) else value
        out.append(f"<dt>{esc(label)}</dt><dd{bad.cls(path)}>{esc(shown)}</dd>")
    return f'<dl class="fields">{"".join(out)}</dl>'


def heading(title: str, section: str, bad: Bad) -> str:
    n = bad.count(section)
    badge = f'<span class="badge" title="mismatched leaves">{n}</span>' if n else ""
    return f"<h4>{esc(title)}{badge}</h4>"


def header_html(card: Card, bad: Bad) -> str:
    return field_rows([
        ("카드 (kind)", "kind", card.kind), ("issuer level", "issuer_level", card.issuer_level),
        ("공약명", "pledge.title", card.pledge.title), ("공약번호", "pledge.number", card.pledge.number),
        ("주관부서", "department", card.department), ("담당자", "contact.name", card.contact.name),
        ("연락처", "contact.phone", card.contact.phone),
        ("관련부서", "cooperating_departments", card.cooperating_departments),
        ("목표 (target)", "target", card.target), ("추진상황 (status)", "status", card.status),
        ("as of", "as_of", card.as_of), ("card_id", "card_id", card.card_id),
    ], bad)


def overview_html(card: Card, bad: Bad) -> str:
    ov = card.overview
    period = f"{ov.period.text}  ({ov.period.start} – {ov.period.end})" if ov.period else None
    volume = f"{ov.volume.text}  ({ov.volume.value} {ov.volume.unit})" if ov.volume else None
    cost = f"{ov.total_cost.text}  ({won(ov.total_cost.won)})" if ov.total_cost else None
    rows = field_rows([("추진기간", "overview.period", period),
                       ("기간 (years)", "overview.period_years", ov.period_years),
                       ("사업규모", "overview.volume", volume), ("소요예산", "overview.total_cost", cost)], bad)
    breakdown = ""
    if ov.total_cost and ov.total_cost.breakdown:
        trs = [f"<tr{bad.cls(f'overview.total_cost.breakdown[{i}]')}><td>{esc(f.source)}</td><td>{esc(f.category)}"
               f'</td><td class="num">{esc(won(f.won))}</td></tr>' for i, f in enumerate(ov.total_cost.breakdown)]
        breakdown = table(["재원", "category", "won"], trs, 'class="small"')
    return rows + breakdown + items_html(ov.items, "overview.items", bad)


def finance_html(card: Card, bad: Bad) -> str:
    fin = card.finance
    if not fin.cells:
        return f'<p{bad.cls("finance", "empty")}>no finance table</p>'
    sources: list[str] = []
    columns: list[str] = []
    grid: dict[tuple[str, str], tuple[int, str, int | None]] = {}
    for i, cell in enumerate(fin.cells):
        if cell.source not in sources:
            sources.append(cell.source)
        if cell.column not in columns:
            columns.append(cell.column)
        grid[(cell.source, cell.column)] = (i, cell.raw, cell.won)
    trs = []
    for source in sources:
        tds = []
        for column in columns:
            if (source, column) not in grid:
                tds.append("<td></td>")
                continue
            i, raw, value = grid[(source, column)]
            attrs = bad.cls(f"finance.cells[{i}]", "num")
            tds.append(f'<td{attrs}><span title="{esc(won(value))}">{esc(raw)}</span></td>')
        trs.append(f"<tr><th>{esc(source)}</th>{''.join(tds)}</tr>")
    unit = f'<p class="small muted">unit: {esc(fin.unit or "—")} ({esc(won(fin.unit_won))})</p>'
    return unit + table(["구분", *columns], trs, 'class="finance"')


def progress_html(card: Card, bad: Bad) -> str:
    if not card.progress:
        return '<p class="empty">no progress block</p>'
    parts = []
    for i, block in enumerate(card.progress):
        path = f"progress[{i}]"
        cumulative = " · cumulative" if block.cumulative else ""
        parts.append(f'<p{bad.cls(path + ".heading")}><b>{esc(block.heading)}</b> '
                     f'<span{bad.cls(path + ".as_of", "muted small")}>as of {esc(block.as_of or "—")}'
                     f"{cumulative}</span></p>" + items_html(block.items, f"{path}.items", bad))
    return "".join(parts)


def achievements_html(card: Card, bad: Bad) -> str:
    trs = [f"<tr{bad.cls(f'achievements[{i}]')}><td>{a.year}</td><td>{esc(a.project)}</td><td>{esc(a.status or '—')}"
           f"</td><td>{'<br>'.join(esc(d) for d in a.details)}</td></tr>" for i, a in enumerate(card.achievements)]
    return table(["year", "project", "status", "details"], trs, 'class="small"')


def communication_html(card: Card, bad: Bad) -> str:
    trs = [f"<tr{bad.cls(f'communication[{i}]')}><td>{esc(c.channel)}</td>"
           f'<td class="num">{esc("—" if c.count is None else c.count)}</td><td>{esc(c.text)}</td></tr>'
           for i, c in enumerate(card.communication)]
    return table(["channel", "count", "text"], trs, 'class="small"')


def findings_html(findings: Sequence[Finding]) -> str:
    if not findings:
        return '<p class="empty">no findings</p>'
    lis = [f'<li class="sev-{esc(f.severity)}"><b>{esc(f.code)}</b> <span class="muted">{esc(f.path or "")}</span> '
           f"{esc(f.message)}</li>" for f in findings]
    return f'<ul class="findings">{"".join(lis)}</ul>'


def unplaced_html(card: Card) -> str:
    if not card.unplaced:
        return '<p class="empty">none: every line went to a field</p>'
    return '<ul class="findings">' + "".join(f"<li><mark>{esc(t)}</mark></li>" for t in card.unplaced) + "</ul>"


def card_html(card: Card, index: int, mismatched: Iterable[str], anchor: str) -> str:
    """One card: header fields, overview, finance, progress, achievements, communication, plans,
    effects, findings and unplaced text; parts that differ from the golden carry ``class="bad"``."""
    bad = Bad(mismatched)
    title = card.pledge.title or "(no title)"
    parts = [
        f'<div class="card" id="{esc(anchor)}" data-card="{index}">',
        f"<h3>card {index + 1}: {esc(title)} <span class=\"muted small\">{esc(card.card_id or '')}</span></h3>",
        header_html(card, bad),
        heading("□ 사업개요 (overview)", "overview", bad), overview_html(card, bad),
        heading("재원 (finance)", "finance", bad), finance_html(card, bad),
        heading("□ 추진실적 (progress)", "progress", bad), progress_html(card, bad),
        heading("목표달성 (achievements)", "achievements", bad), achievements_html(card, bad),
        heading("소통 (communication)", "communication", bad), communication_html(card, bad),
        heading("향후계획 (plans)", "plans", bad), items_html(card.plans, "plans", bad),
        heading("기대효과 (expected effects)", "expected_effects", bad),
        items_html(card.expected_effects, "expected_effects", bad),
        heading(f"findings ({len(card.findings)})", "findings", bad), findings_html(card.findings),
        heading(f"unplaced ({len(card.unplaced)})", "unplaced", bad), unplaced_html(card),
        "</div>",
    ]
    return "\n".join(parts)


def cut_note(shown_bytes: int, full_bytes: int) -> str:
    """The visible note under a source text that was cut to fit the page."""
    return (f'<p class="cut small" data-cut="{full_bytes}">source text cut: the first {shown_bytes // 1000:,} kB of '
            f"{full_bytes // 1000:,} kB are shown (the whole file was parsed, compared and counted)</p>")


def source_html(text: str, unplaced: Sequence[str], error: str | None = None, full_bytes: int = 0) -> str:
    """The source text in a ``<pre>``, each piece of unplaced text in a ``<mark>``; ``full_bytes``
    larger than the text's size says the text was cut, with a note."""
    if error:
        return f'<p class="empty">source text unavailable: {esc(error)}</p>'
    shown_bytes = len(text.encode("utf-8"))
    cut = full_bytes > shown_bytes
    spans, lost = locate(text, unplaced)
    out, at = [], 0
    for start, end in spans:
        out.append(esc(text[at:start]))
        out.append(f'<mark title="unplaced: no field took this text">{esc(text[start:end])}</mark>')
        at = end
    out.append(esc(text[at:]))
    note = cut_note(shown_bytes, full_bytes) if cut else ""
    if lost:
        where = "in the part shown" if cut else "verbatim in the source"
        note += (f'<p class="small muted">unplaced text not found {where}: '
                 + "; ".join(f"<mark>{esc(t)}</mark>" for t in lost[:MAX_LOST_SHOWN])
                 + (f" … and {len(lost) - MAX_LOST_SHOWN:,} more" if len(lost) > MAX_LOST_SHOWN else "") + "</p>")
    return f'<pre class="source">{"".join(out)}</pre>{note}'

"""``history.html``: one self-contained page of every pledge's re-issues and changes.

An index of the pledges (latest status, re-issues, changes, warnings) with a filter box
(a few lines of inline script), then per pledge its timeline (each re-issue with the changes
since the one before) and two charts drawn as inline SVG: the total cost and the finance
table's total row by year, across the re-issues. No script or style from elsewhere.

A pledge's timeline and charts take some 9 kB, so the page holds those of the first
:data:`DEFAULT_MAX_PLEDGES` pledges of the index (``max_pledges``; None: all). The index still
names every pledge and marks those left out, and a note above it says how many and which
(history.csv has every change of every pledge).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final

from pledgecard.audit.page import BODY_FONT, esc
from pledgecard.history.charts import Series, line_chart
from pledgecard.history.models import CHANGE_CODES, HistoryChange, PledgeHistory, Reissue
from pledgecard.history.timeline import Histories

#: Pledges whose timeline and charts history.html holds by default (some 9 kB each: about 4.5 MB).
DEFAULT_MAX_PLEDGES: Final[int] = 500

CSS = """
body { font-family: @BODY_FONT@; margin: 24px; color: #222; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; font-size: 13.5px; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
#filter { font-size: 15px; padding: 4px 8px; width: 28em; margin: 8px 0; }
section.pledge { border-top: 2px solid #888; margin-top: 28px; padding-top: 4px; }
ol.timeline { list-style: none; padding-left: 0; border-left: 3px solid #9ab; margin-left: 8px; }
ol.timeline > li { margin: 0 0 14px; padding-left: 14px; position: relative; }
ol.timeline > li::before { content: ""; position: absolute; left: -8px; top: 5px; width: 11px; height: 11px;
  border-radius: 50%; background: #357; }
.asof { font-weight: bold; } .path, .field { font-family: monospace; font-size: 12px; color: #555; }
li.change.warning { color: #a40; } li.change.warning::marker { content: "⚠ "; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
svg.chart { border: 1px solid #ddd; background: #fff; font-size: 11px; }
.cut { color: #a40; } p#cut { border: 1px solid #d9a66b; background: #fff6ea; padding: 6px 10px; }
svg.chart line.grid { stroke: #eee; } svg.chart text { fill: #444; } svg.chart text.unit { font-weight: bold; }
""".replace("@BODY_FONT@", BODY_FONT)

FILTER_JS = """
document.getElementById('filter').addEventListener('input', function () {
  const words = this.value.toLowerCase().split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const row of document.querySelectorAll('#pledges tbody tr')) {
    const text = row.textContent.toLowerCase();
    const keep = words.every(w => text.includes(w));
    row.hidden = !keep; shown += keep ? 1 : 0;
  }
  document.getElementById('shown').textContent = shown;
});
"""


def _won(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _anchor(n: int) -> str:
    return f"p{n}"


def timelines_left_out(histories: Histories, max_pledges: int | None) -> list[PledgeHistory]:
    """The pledges whose timeline and charts the page leaves out (None: no cap)."""
    return [] if max_pledges is None else histories.pledges[max_pledges:]


def _pledge_cell(pledge: PledgeHistory, n: int, shown: bool) -> str:
    if shown:
        return f'<td><a href="#{_anchor(n)}">{esc(pledge.pledge)}</a></td>'
    return f'<td>{esc(pledge.pledge)} <span class="cut">(timeline not on this page: history.csv)</span></td>'


def index_table(pledges: Sequence[PledgeHistory], shown: int | None = None) -> str:
    """Every pledge; those from ``shown`` on have no timeline on the page and say so."""
    rows = []
    for n, pledge in enumerate(pledges):
        latest = pledge.reissues[-1] if pledge.reissues else None
        warnings = sum(1 for c in pledge.changes if c.severity != "info")
        on_page = shown is None or n < shown
        rows.append(
            f'<tr data-pledge="{esc(pledge.pledge)}" data-changes="{len(pledge.changes)}" '
            f'data-status="{esc(latest.status if latest else "")}" data-timeline="{"yes" if on_page else "no"}">'
            f'{_pledge_cell(pledge, n, on_page)}<td>{esc(pledge.title or "")}</td>'
            f'<td>{esc(latest.as_of if latest else "")}</td>'
            f'<td>{esc(latest.status if latest else "")}</td><td class="num">{len(pledge.reissues)}</td>'
            f'<td class="num">{len(pledge.changes)}</td><td class="num">{warnings}</td></tr>')
    return ('<table id="pledges"><thead><tr><th>pledge (issuer, number)</th><th>title</th><th>latest as-of</th>'
            '<th>latest status</th><th>re-issues</th><th>changes</th><th>warnings</th></tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")


def codes_table(changes: Counter[str]) -> str:
    rows = "".join(f'<tr data-code="{code}"><td>{code}</td><td class="num">{changes.get(code, 0)}</td></tr>'
                   for code in CHANGE_CODES)
    return f'<table id="codes"><tr><th>change</th><th>count</th></tr>{rows}</table>'


def _change_item(change: HistoryChange) -> str:
    return (f'<li class="change {change.severity}" data-code="{change.code}"><b>{esc(change.code)}</b> '
            f'{esc(change.message)}</li>')


def _reissue_item(reissue: Reissue, changes: list[HistoryChange]) -> str:
    facts = [f"status {esc(reissue.status)}" if reissue.status else "",
             f"rate {reissue.rate:g}%" if reissue.rate is not None else "",
             f"total cost {_won(reissue.total_cost_won)} won" if reissue.total_cost_won is not None else ""]
    also = "".join(f'<div class="path">also in {esc(p)}</div>' for p in reissue.also_in)
    listed = f'<ul>{"".join(_change_item(c) for c in changes)}</ul>' if changes else ""
    return (f'<li class="reissue" data-as-of="{esc(reissue.as_of or "")}"><span class="asof">'
            f'{esc(reissue.as_of or "no as-of date")}</span> {" · ".join(f for f in facts if f)}'
            f'<div class="path">{esc(reissue.path)}</div>{also}{listed}</li>')


def _changes_at(pledge: PledgeHistory, reissue: Reissue) -> list[HistoryChange]:
    """The changes since the re-issue before, and the duplicates of this one."""
    return [c for c in pledge.changes if c.to_as_of == reissue.as_of
            and (c.to_path == reissue.path or c.from_path == reissue.path)]


def charts(pledge: PledgeHistory, n: int) -> str:
    labels = [r.as_of or "?" for r in pledge.reissues]
    costs = [Series("총사업비", [r.total_cost_won for r in pledge.reissues])]
    cost = line_chart("총사업비 (total cost)", labels, costs, f"cost-{_anchor(n)}")
    years = sorted({year for r in pledge.reissues for year in r.finance_by_year})
    by_year = [Series(f"{year}년", [r.finance_by_year.get(year) for r in pledge.reissues]) for year in years]
    finance = line_chart("재원투자 계 by year", labels, by_year, f"finance-{_anchor(n)}")
    return f'<div class="charts">{cost}{finance}</div>'


def pledge_section(pledge: PledgeHistory, n: int) -> str:
    timeline = "".join(_reissue_item(r, _changes_at(pledge, r)) for r in pledge.reissues)
    return (f'<section class="pledge" id="{_anchor(n)}" data-pledge="{esc(pledge.pledge)}"><h2>{esc(pledge.pledge)} '
            f'{esc(pledge.title or "")}</h2>{charts(pledge, n)}<ol class="timeline">{timeline}</ol></section>')


def cut_note(histories: Histories, max_pledges: int | None) -> str:
    """The note above the index when timelines are left out; empty when the page has them all."""
    left_out = timelines_left_out(histories, max_pledges)
    if not left_out:
        return ""
    total, changes = len(histories.pledges), sum(len(p.changes) for p in left_out)
    names = esc(left_out[0].pledge) + (f" to {esc(left_out[-1].pledge)}" if len(left_out) > 1 else "")
    return (f'<p id="cut" class="cut" data-shown="{total - len(left_out)}" data-left-out="{len(left_out)}" '
            f'data-changes-left-out="{changes}">This page holds the timelines and charts of the first '
            f'{total - len(left_out):,} of {total:,} pledges (<code>--max-html-pledges {max_pledges}</code>). '
            f'The other {len(left_out):,} ({names}, {changes:,} changes) are in the table below, marked '
            '&ldquo;timeline not on this page&rdquo;; every change of every pledge is in history.csv, and '
            '<code>--max-html-pledges all</code> puts every timeline here.</p>')


def render_history_html(histories: Histories, max_pledges: int | None = DEFAULT_MAX_PLEDGES) -> str:
    """The page; the timelines and charts of the first ``max_pledges`` pledges (None: all)."""
    codes: Counter[str] = Counter(c.code for c in histories.changes())
    unidentified = (f"<p>{len(histories.unidentified)} cards with neither number nor title are left out.</p>"
                    if histories.unidentified else "")
    shown = histories.pledges if max_pledges is None else histories.pledges[:max_pledges]
    body = "".join(pledge_section(p, n) for n, p in enumerate(shown))
    total = sum(codes.values())
    return (
        '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>pledgecard history</title>'
        f'<meta name="viewport" content="width=device-width"><style>{CSS}</style></head><body>'
        f'<h1>Pledges across their re-issues</h1><p id="counts" data-pledges="{len(histories.pledges)}" '
        f'data-cards="{histories.cards}" data-changes="{total}">{len(histories.pledges)} pledges, '
        f'{histories.cards} cards, {total} changes.</p>{unidentified}{cut_note(histories, max_pledges)}'
        f'{codes_table(codes)}'
        f'<input id="filter" type="search" placeholder="filter pledges: issuer, number, title, status" '
        f'aria-label="filter pledges"> <span id="shown">{len(histories.pledges)}</span> shown'
        f'{index_table(histories.pledges, len(shown))}{body}<script>{FILTER_JS}</script></body></html>\n')

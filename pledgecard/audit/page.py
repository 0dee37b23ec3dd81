"""The shell of a self-contained HTML report: inline CSS, Korean-capable fonts, small helpers.

Every piece of text goes through :func:`esc`; the page needs no network and no script.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable, Sequence

#: Korean fonts the page names, so Korean shows on every desktop (no empty boxes): Windows
#: (Malgun Gothic), macOS (Apple SD Gothic Neo), Linux (Noto Sans CJK KR, NanumGothic).
KOREAN_FONTS = ('"Malgun Gothic"', '"맑은 고딕"', '"Apple SD Gothic Neo"', '"Noto Sans CJK KR"', '"Noto Sans KR"',
                '"NanumGothic"', '"Nanum Gothic"', '"Source Han Sans K"')
#: Fixed-width fonts with Korean first for the source pane (aligned and box-drawn tables),
#: then the Korean fonts above for the glyphs a fixed-width font lacks.
SOURCE_FONTS = ('"D2Coding"', '"NanumGothicCoding"', '"Noto Sans Mono CJK KR"', '"GulimChe"', '"굴림체"',
                '"Menlo"', '"Consolas"', *KOREAN_FONTS)
BODY_FONT = ", ".join((*KOREAN_FONTS, "system-ui", "sans-serif"))
SOURCE_FONT = ", ".join((*SOURCE_FONTS, "monospace"))

CSS = """
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --line: #d0d7de; --soft: #f6f8fa; --mark: #ffe08a; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; color: #1f2328; background: #fff; line-height: 1.45; font-size: 14px;
  font-family: @BODY_FONT@; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 16px 0 6px; } h4 { font-size: 14px; margin: 12px 0 4px; }
.muted { color: #656d76; } .small { font-size: 12px; }
table { border-collapse: collapse; margin: 4px 0 12px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.grid { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: flex-start; }
.counts { display: flex; gap: 10px; flex-wrap: wrap; margin: 12px 0; padding: 0; }
.counts div { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; background: var(--soft); }
.counts dt { font-size: 12px; color: #656d76; } .counts dd { margin: 0; font-size: 18px; font-weight: 600; }
.bar { display: inline-block; width: 80px; height: 8px; background: #ffd7d5; border-radius: 4px;
  vertical-align: middle; overflow: hidden; }
.bar span { display: block; height: 100%; background: var(--ok); }
.acc-ok { color: var(--ok); font-weight: 600; } .acc-bad { color: var(--bad); font-weight: 600; }
.status-ok { color: var(--ok); } .status-partial { color: var(--warn); } .status-failed { color: var(--bad); }
section.file { border-top: 2px solid var(--line); margin-top: 28px; }
.pair { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 20px; align-items: start; }
.source { margin: 0; padding: 10px 12px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
  white-space: pre; overflow-wrap: normal; word-break: normal; overflow: auto; font-size: 12.5px; max-height: 1400px;
  font-family: @SOURCE_FONT@; }
.cut { border-left: 3px solid var(--warn); padding: 2px 8px; color: var(--warn); }
mark { background: var(--mark); outline: 1px solid #d4a72c; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; margin-bottom: 16px; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; }
dl.fields dt { color: #656d76; } dl.fields dd { margin: 0; }
ul.items { margin: 2px 0 6px; padding-left: 18px; list-style: none; }
ul.items li { margin: 2px 0; } .marker { color: #656d76; margin-right: 4px; }
.chip { display: inline-block; font-size: 11.5px; padding: 0 5px; margin-left: 4px; border-radius: 8px;
  background: #ddf4ff; color: #0550ae; white-space: nowrap; }
.chip.money { background: #dafbe1; color: #116329; } .chip.qty { background: #fbefff; color: #6e40c9; }
.bad { background: #ffebe9; outline: 1px solid #ff8182; }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: var(--bad);
  color: #fff; margin-left: 6px; vertical-align: middle; }
table.mismatches td { font-size: 12.5px; } table.mismatches td.path { font-family: monospace; }
td.expected { background: #dafbe1; } td.got { background: #ffebe9; } td code { white-space: pre-wrap; }
.kind-missing td.got, .kind-extra td.expected { background: #fff; color: #656d76; font-style: italic; }
ul.findings { padding-left: 18px; } .sev-error { color: var(--bad); } .sev-warning { color: var(--warn); }
.sev-info { color: #656d76; }
.empty { color: #656d76; font-style: italic; }
@media print { .source { max-height: none; } }
""".replace("@BODY_FONT@", BODY_FONT).replace("@SOURCE_FONT@", SOURCE_FONT)

FONT_NOTE = ("Korean text needs a Korean font: Malgun Gothic (Windows), Apple SD Gothic Neo (macOS), "
             "Noto Sans CJK KR or NanumGothic (Linux).")


def esc(value: object) -> str:
    """Text for HTML, quotes included (safe in attributes too)."""
    return html.escape(str(value), quote=True)


def jsonish(value: object) -> str:
    """A JSON value as a person reads it: strings quoted, Korean unescaped."""
    return json.dumps(value, ensure_ascii=False)


def pct(accuracy: float) -> str:
    """A percentage that never rounds up to 100 (``99.996`` shows as ``99.99 %``)."""
    if accuracy >= 1.0:
        return "100 %"
    return f"{math.floor(round(accuracy * 10000, 6)) / 100:.2f} %"


def share_pct(share: float) -> str:
    return f"{share * 100:.2f} %"


def bar(accuracy: float) -> str:
    width = max(0.0, min(1.0, accuracy)) * 100
    return f'<span class="bar" aria-hidden="true"><span style="width:{width:.1f}%"></span></span>'


def acc_cell(accuracy: float) -> str:
    cls = "acc-ok" if accuracy >= 1.0 else "acc-bad"
    return f'<td class="num {cls}">{pct(accuracy)} {bar(accuracy)}</td>'


def counts_block(items: Iterable[tuple[str, str, int | float | str]], element_id: str = "counts") -> str:
    """A row of labelled numbers; each ``<dd>`` carries ``data-count`` = key for tests and scripts."""
    cells = "".join(
        f'<div><dt>{esc(label)}</dt><dd data-count="{esc(key)}">{esc(value)}</dd></div>'
        for key, label, value in items
    )
    return f'<dl class="counts" id="{esc(element_id)}">{cells}</dl>'


def table(headers: Sequence[str], rows: Iterable[str], attrs: str = "") -> str:
    """A table from header labels and pre-rendered ``<tr>`` rows."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join(rows)
    if not body:
        body = f'<tr><td colspan="{len(headers)}" class="empty">none</td></tr>'
    return f"<table {attrs}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def page(title: str, body: str) -> str:
    """A whole HTML document: UTF-8, inline CSS, no external assets."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )

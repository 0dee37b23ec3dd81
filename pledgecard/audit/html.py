"""The HTML reports: ``audit --html`` (against golden files) and ``audit --self --html``.

Self-contained pages (inline CSS, no script, no external assets). Numbers a test or a script
may read carry data attributes: ``data-accuracy`` (the exact float of the JSON report),
``data-format``, ``data-section``, ``data-field``, ``data-file``, ``data-count``, ``data-share``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pledgecard.audit.cardview import card_html, findings_html, source_html
from pledgecard.audit.page import acc_cell, counts_block, esc, jsonish, page, pct, share_pct, table
from pledgecard.audit.report import AuditedFile, AuditReport, AuditRun, Mismatch, Tally
from pledgecard.audit.selfcheck import CheckedFile, SelfRun
from pledgecard.audit.sources import Parsed
from pledgecard.models import Card

#: Mismatch rows shown per file; the JSON report has all of them.
MAX_ROWS_PER_FILE = 200
#: Cards shown per file (a huge booklet); every card is compared and counted all the same.
MAX_CARDS_PER_FILE = 50
EXPLAIN = ("Accuracy = matched leaves / compared leaves. A leaf is one scalar value of a card or the length of a "
           "list (<code>achievements#len</code>); <code>source</code> and <code>provenance</code> are not compared; "
           "a value on one side only counts each of its leaves as a mismatch.")


def _tally_row(attr: str, key: str, tally: Tally, link: str | None = None) -> str:
    label = f'<a href="#{esc(link)}">{esc(key)}</a>' if link else esc(key)
    return (f'<tr {attr}="{esc(key)}" data-accuracy="{tally.accuracy!r}" data-leaves="{tally.leaves}" '
            f'data-matched="{tally.matched}"><td>{label}</td>{acc_cell(tally.accuracy)}'
            f'<td class="num">{tally.matched:,} / {tally.leaves:,}</td></tr>')


def codes_table(codes: dict[str, int]) -> str:
    """Findings counted by code, one row each (``data-code``, ``data-count``)."""
    return table(["finding code", "count"], [f'<tr data-code="{esc(c)}" data-count="{n}"><td>{esc(c)}</td>'
                                             f'<td class="num">{n:,}</td></tr>' for c, n in codes.items()],
                 'id="findings-by-code"')


def cards_html(cards: Sequence[Card], render: Callable[[int, Card], str]) -> str:
    """The first :data:`MAX_CARDS_PER_FILE` cards rendered, with a note of the rest."""
    shown = "\n".join(render(i, card) for i, card in enumerate(cards[:MAX_CARDS_PER_FILE]))
    shown = shown or '<p class="empty">no card parsed</p>'
    more = len(cards) - MAX_CARDS_PER_FILE
    return shown + (f'<p class="cut small">… and {more:,} more cards, not shown (all of them are compared and '
                    "counted; see <code>--json</code>)</p>" if more > 0 else "")


def _source(entry: Parsed, unplaced: list[str]) -> str:
    return source_html(entry.text, unplaced, entry.text_error, entry.text_bytes)


def summary_html(report: AuditReport) -> str:
    c = report.counts
    counts = counts_block([
        ("files", "files", c.files), ("failed_files", "failed files", c.failed_files),
        ("cards", "cards parsed", c.cards), ("expected_cards", "cards in goldens", c.expected_cards),
        ("findings", "findings", c.findings), ("mismatches", "mismatched leaves", c.mismatches),
        ("golden_errors", "unreadable goldens", c.golden_errors),
    ])
    o = report.overall
    overall = (f'<table id="overall" data-accuracy="{o.accuracy!r}" data-leaves="{o.leaves}" '
               f'data-matched="{o.matched}"><thead><tr><th>overall</th><th>accuracy</th><th>leaves</th></tr></thead>'
               f'<tbody><tr><td>all files</td>{acc_cell(o.accuracy)}<td class="num">{o.matched:,} / {o.leaves:,}'
               "</td></tr></tbody></table>")
    formats = table(["format", "accuracy", "leaves"],
                    [_tally_row("data-format", k, t) for k, t in report.by_format.items()], 'id="by-format"')
    sections = table(["section", "accuracy", "leaves"],
                     [_tally_row("data-section", k, t) for k, t in report.by_section.items()], 'id="by-section"')
    weak = sorted(((k, t) for k, t in report.by_field.items() if t.matched < t.leaves), key=lambda kt: kt[1].accuracy)
    fields = table(["field path", "accuracy", "leaves"], [_tally_row("data-field", k, t) for k, t in weak],
                   'id="weak-fields"')
    every = table(["field path", "accuracy", "leaves"],
                  [_tally_row("data-field", k, t) for k, t in report.by_field.items()], 'id="by-field"')
    return (counts + f'<div class="grid"><div><h3>Overall</h3>{overall}<h3>By format</h3>{formats}'
            f"<h3>Fields below 100 %</h3>{fields}</div><div><h3>By section</h3>{sections}</div>"
            f"<div><h3>Findings by code</h3>{codes_table(report.findings_by_code)}</div></div>"
            f"<details><summary>every field path ({len(report.by_field)})</summary>{every}</details>")


def files_table(files: Sequence[AuditedFile]) -> str:
    rows = []
    for n, entry in enumerate(files):
        a = entry.audit
        reason = f' <span class="small muted">{esc(a.golden_error or a.reason)}</span>' if (
            a.golden_error or a.reason) else ""
        rows.append(f'<tr data-file="{esc(a.path)}" data-accuracy="{a.tally.accuracy!r}">'
                    f'<td><a href="#file-{n}">{esc(a.path)}</a></td><td>{esc(a.format)}</td>'
                    f'<td class="status-{esc(a.status)}">{esc(a.status)}{reason}</td>'
                    f'<td class="num">{a.cards} / {a.expected_cards}</td><td class="num">{a.findings}</td>'
                    f'<td class="num">{a.mismatches}</td>{acc_cell(a.tally.accuracy)}</tr>')
    return table(["file", "format", "status", "cards (got / golden)", "findings", "mismatches", "accuracy"], rows,
                 'id="files"')


def mismatch_rows(mismatches: Sequence[Mismatch]) -> str:
    rows = []
    for m in mismatches[:MAX_ROWS_PER_FILE]:
        expected = "(absent)" if m.kind == "extra" else jsonish(m.expected)
        got = "(absent)" if m.kind == "missing" else jsonish(m.got)
        card = "—" if m.card is None else str(m.card + 1)
        rows.append(f'<tr class="kind-{m.kind}" data-path="{esc(m.path)}"><td class="num">{card}</td>'
                    f'<td class="path">{esc(m.path)}</td><td>{m.kind}</td>'
                    f'<td class="expected"><code>{esc(expected)}</code></td><td class="got"><code>{esc(got)}</code>'
                    "</td></tr>")
    more = len(mismatches) - MAX_ROWS_PER_FILE
    note = f'<p class="small muted">… and {more} more (see <code>--json</code>)</p>' if more > 0 else ""
    return table(["card", "path", "kind", "expected (golden)", "got (parse)"], rows, 'class="mismatches"') + note


def file_section(n: int, entry: AuditedFile) -> str:
    a, result = entry.audit, entry.parsed.result
    perfect = a.mismatches == 0 and a.golden_error is None and a.status != "failed"
    meta = [f"format {esc(a.format)}", f'status <span class="status-{esc(a.status)}">{esc(a.status)}</span>',
            f"golden {esc(a.golden)}", f"accuracy {pct(a.tally.accuracy)} ({a.tally.matched:,} / {a.tally.leaves:,})"]
    problems = "".join(f'<p class="acc-bad">{esc(label)}: {esc(text)}</p>'
                       for label, text in (("parse failed", a.reason if a.status == "failed" else None),
                                           ("golden unreadable", a.golden_error)) if text)
    mismatches = (f"<h3>Mismatches ({a.mismatches})</h3>{mismatch_rows(entry.mismatches)}"
                  if entry.mismatches else '<p class="acc-ok">every compared leaf matches the golden</p>')
    file_findings = f"<h3>File findings</h3>{findings_html(result.findings)}" if result.findings else ""
    unplaced = [t for card in result.cards for t in card.unplaced]
    by_card: dict[int | None, list[str]] = {}
    for m in entry.mismatches:
        by_card.setdefault(m.card, []).append(m.path)
    cards = cards_html(result.cards, lambda i, card: card_html(card, i, by_card.get(i, []), f"file-{n}-card-{i}"))
    body = (f'<p class="small muted">{" · ".join(meta)}</p>{problems}{mismatches}{file_findings}'
            f'<div class="pair"><div><h3>Source text</h3>{_source(entry.parsed, unplaced)}</div>'
            f"<div><h3>Extracted cards</h3>{cards}</div></div>")
    open_attr = "" if perfect else " open"
    return (f'<section class="file" id="file-{n}" data-file="{esc(a.path)}" data-accuracy="{a.tally.accuracy!r}">'
            f"<details{open_attr}><summary><h2 style=\"display:inline\">{esc(a.path)}</h2> "
            f"{pct(a.tally.accuracy)}</summary>{body}</details></section>")


def render_audit_html(run: AuditRun) -> str:
    report = run.report
    body = (f"<h1>pledgecard audit: {esc(report.root)}</h1>"
            f'<p class="muted small">pledgecard {esc(report.version)} · parses compared with their golden '
            f"<code>*.expected.json</code>. {EXPLAIN} Files that match exactly are folded.</p>"
            + summary_html(report)
            + f"<h2>Files</h2>{files_table(run.files)}"
            + "".join(file_section(n, entry) for n, entry in enumerate(run.files)))
    return page(f"pledgecard audit: {report.root}", body)


def _self_file_section(n: int, entry: CheckedFile) -> str:
    f, result = entry.check, entry.parsed.result
    unplaced = [t for card in result.cards for t in card.unplaced]
    notable = f.status != "ok" or bool(unplaced)
    reason = f'<p class="acc-bad">{esc(f.reason)}</p>' if f.reason else ""
    findings = cards_html(result.cards, lambda i, card: f"<h4>card {i + 1}: {esc(card.pledge.title or '(no title)')}"
                          f"</h4>{findings_html(card.findings)}")
    body = (f"{reason}<div class=\"pair\"><div><h3>Source text</h3>{_source(entry.parsed, unplaced)}</div>"
            f"<div><h3>Findings</h3>{findings_html(result.findings) if result.findings else ''}{findings}</div></div>")
    return (f'<section class="file" id="file-{n}" data-file="{esc(f.path)}"><details{" open" if notable else ""}>'
            f'<summary><h2 style="display:inline">{esc(f.path)}</h2> <span class="status-{esc(f.status)}">'
            f"{esc(f.status)}</span></summary>{body}</details></section>")


def render_self_html(run: SelfRun) -> str:
    r = run.report
    counts = counts_block([
        ("files", "files", r.counts.files), ("cards", "cards", r.counts.cards),
        ("findings", "findings", r.counts.findings),
        ("cards_with_missing_parts", "cards with missing parts", r.counts.cards_with_missing_parts),
        ("unplaced_chars", "unplaced characters", r.unplaced_chars),
        ("source_chars", "source characters", r.source_chars),
    ])
    share = (f'<p id="unplaced-share" data-share="{r.unplaced_share!r}">unplaced text: '
             f"<b>{share_pct(r.unplaced_share)}</b> of the source characters (without whitespace and box lines)</p>")
    statuses = table(["status", "files"], [f'<tr data-status="{esc(s)}"><td class="status-{esc(s)}">{esc(s)}</td>'
                                           f'<td class="num">{n}</td></tr>' for s, n in r.statuses.items()],
                     'id="statuses"')
    codes = codes_table(r.findings_by_code)
    files = table(["file", "format", "status", "cards", "findings", "unplaced chars / source chars", "share"], [
        f'<tr data-file="{esc(f.path)}" data-share="{f.unplaced_share!r}"><td><a href="#file-{n}">{esc(f.path)}</a>'
        f'</td><td>{esc(f.format)}</td><td class="status-{esc(f.status)}">{esc(f.status)}</td>'
        f'<td class="num">{f.cards}</td><td class="num">{f.findings}</td>'
        f'<td class="num">{f.unplaced_chars:,} / {f.source_chars:,}</td>'
        f'<td class="num">{share_pct(f.unplaced_share)}</td>'
        "</tr>" for n, f in enumerate(r.files)], 'id="files"')
    missing = table(["file", "card", "part", "message"], [
        f'<tr data-file="{esc(m.file)}" data-part="{esc(m.part or "")}"><td>{esc(m.file)}</td>'
        f"<td>{m.card + 1}: {esc(m.title or '')}</td><td>{esc(m.part or '')}</td><td>{esc(m.message)}</td></tr>"
        for m in r.missing_parts], 'id="missing-parts"')
    body = (f"<h1>pledgecard self-audit: {esc(r.root)}</h1>"
            f'<p class="muted small">pledgecard {esc(r.version)} · what the parse says about itself, without golden '
            "files. Files with unplaced text or not <code>ok</code> are unfolded.</p>"
            f'{counts}{share}<div class="grid"><div><h3>Statuses</h3>{statuses}</div>'
            f"<div><h3>Findings by code</h3>{codes}</div></div><h2>Files</h2>{files}"
            f"<h2>Cards with missing parts</h2>{missing}"
            + "".join(_self_file_section(n, entry) for n, entry in enumerate(run.files)))
    return page(f"pledgecard self-audit: {r.root}", body)

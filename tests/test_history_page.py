"""``history.html``: self-contained, and checked in headless Chromium (when installed): the index
of pledges, its filter box, each pledge's timeline and its two inline SVG charts."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from pledgecard.history.page import render_history_html
from pledgecard.history.timeline import Histories, build_histories
from pledgecard.models import Card, Pledge, ProgressBlock, Source
from pledgecard.pipeline import parse

from .conftest import ROOT
from .test_audit import CHROMIUM, _Collector, browser

SAEBOM = ROOT / "samples-history" / "saebom-3-07"
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium)")


def _other(number: str, as_of: str, status: str) -> Card:
    return Card(source=Source(path=f"{number}-{as_of}.txt", format="txt", sha256="0" * 64), issuer="가람시",
                status=status, pledge=Pledge(title="가람 도서관 건립", number=number),
                progress=[ProgressBlock(heading=as_of, as_of=as_of)], as_of=as_of)


@cache
def histories() -> Histories:
    cards = [card for path in sorted(SAEBOM.glob("*.txt")) for card in parse(path)]
    cards += [_other("1-02", "2025-Q1", "정상 추진"), _other("1-02", "2025-Q2", "완료"),
              _other("1-10", "2025-Q2", "부진")]
    return build_histories(cards)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "history.html"
    path.write_text(render_history_html(histories()), encoding="utf-8")
    return path


def test_page_is_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<(link|img|iframe)\b|<script[^>]*\bsrc=", html)
    addresses = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert addresses <= {"http://www.w3.org/2000/svg"}  # the SVG namespace name, never fetched


def test_page_escapes_text() -> None:
    card = _other("<b>1</b>", "2025-Q1", "<script>alert(1)</script>")
    html = render_history_html(build_histories([card]))
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def _dom(page: Path, tmp_path: Path, script: str = "") -> _Collector:
    copy = tmp_path / "page.html"
    html = page.read_text(encoding="utf-8")
    copy.write_text(html.replace("</body>", f"<script>{script}</script></body>") if script else html,
                    encoding="utf-8")
    loaded = browser("--window-size=1200,1600", "--dump-dom", copy.as_uri(), profile=tmp_path / "profile")
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    dom = _Collector()
    dom.feed(loaded.stdout)
    return dom


@needs_chromium
def test_page_in_a_real_browser(page: Path, tmp_path: Path) -> None:
    dom = _dom(page, tmp_path)
    elements = [attrs for _table, attrs in dom.elements]
    assert "원도심 공영주차장 확충 및 보행환경 개선" in "".join(dom.text)  # Korean survived the browser's decoding
    rows = {a["data-pledge"]: a for t, a in dom.elements if t == "pledges" and a["tag"] == "tr"}
    assert list(rows) == ["가람시 1-02", "가람시 1-10", "새봄시 3-07"]
    assert (rows["새봄시 3-07"]["data-changes"], rows["새봄시 3-07"]["data-status"]) == ("15", "부진")
    assert (rows["가람시 1-02"]["data-changes"], rows["가람시 1-02"]["data-status"]) == ("1", "완료")
    counts = next(a for a in elements if a.get("id") == "counts")
    assert (counts["data-pledges"], counts["data-cards"], counts["data-changes"]) == ("3", "8", "16")
    # the sample's timeline: four re-issues, the changes under each, warnings marked
    saebom = [a for a in elements if a["tag"] == "li" and "data-as-of" in a]
    assert [a["data-as-of"] for a in saebom][-4:] == ["2024-09", "2024-12", "2025-03", "2025-09"]
    codes = sorted(a["data-code"] for a in elements if a["tag"] == "li" and "change" in a.get("class", ""))
    assert codes.count("history.finance") == 4 and "history.gap" in codes and "history.duplicate" in codes
    warnings = [a for a in elements if a["tag"] == "li" and a.get("class") == "change warning"]
    assert sorted(a["data-code"] for a in warnings) == ["history.duplicate", "history.gap", "history.rate"]
    # two charts per pledge, one point per re-issue; the finance chart one line per year
    charts = {a["id"]: a for a in elements if a["tag"] == "svg"}
    sample = next(a["id"] for a in elements if a.get("data-pledge") == "새봄시 3-07" and a["tag"] == "section")
    assert charts[f"cost-{sample}"]["data-points"] == "4" and charts[f"finance-{sample}"]["data-series"] == "4"


#: Types each case into the filter box as a person would, and leaves what is shown on <body>.
FILTER = """
const box = document.getElementById('filter'), seen = [];
for (const words of @CASES@) {
  box.value = words; box.dispatchEvent(new Event('input'));
  const rows = [...document.querySelectorAll('#pledges tbody tr')].filter(r => !r.hidden && r.offsetHeight > 0);
  seen.push({visible: rows.map(r => r.dataset.pledge), shown: document.getElementById('shown').textContent});
}
document.body.dataset.filtered = JSON.stringify(seen);
"""

FILTER_CASES = [
    ("새봄", ["새봄시 3-07"]),
    ("가람 완료", ["가람시 1-02"]),  # every word, anywhere in the row
    ("부진", ["가람시 1-10", "새봄시 3-07"]),
    ("", ["가람시 1-02", "가람시 1-10", "새봄시 3-07"]),
    ("없는말", []),
]


@needs_chromium
def test_filter_box_in_a_real_browser(page: Path, tmp_path: Path) -> None:
    cases = json.dumps([words for words, _visible in FILTER_CASES], ensure_ascii=False)
    dom = _dom(page, tmp_path, FILTER.replace("@CASES@", cases))
    body = next(a for _t, a in dom.elements if a["tag"] == "body")
    seen = json.loads(body["data-filtered"])
    assert [s["visible"] for s in seen] == [visible for _words, visible in FILTER_CASES]
    assert [s["shown"] for s in seen] == [str(len(visible)) for _words, visible in FILTER_CASES]


@needs_chromium
def test_page_screenshot(page: Path, tmp_path: Path) -> None:
    png = tmp_path / "history.png"
    shot = browser(f"--screenshot={png}", "--window-size=1200,1400", page.as_uri(), profile=tmp_path / "profile")
    assert shot.returncode == 0 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000

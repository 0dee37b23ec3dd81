"""Write the PDF table layouts of tests/data/pdf_layouts/ with real producers.

    python tools/make_pdf_layouts.py        # needs python-docx, soffice, pikepdf, hwp-ingest

Each ``lo-*.pdf`` is a DOCX written with python-docx (real tables, merged cells, borders
as Word sets them) and printed by LibreOffice (``soffice --headless --convert-to pdf``).
``rect-*.pdf`` draw their tables as thin filled rectangles, written by hand (the content
stream below) with pikepdf. ``hwp-*.pdf`` are rendered from an HWPX by hwp-ingest.
tests/data/pdf_layouts/README.md says what each file shows; the tests read only the PDFs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "pdf_layouts"

#: One table row: (text, colspan) per cell; a cell of None continues the cell above (rowspan).
Row = list[tuple[str | None, int]]

HEADER_ROWS: list[Row] = [
    [("공약명", 1), ("디지털헬스케어 메카 육성", 1), ("관리번호", 1), ("2-16", 1)],
    [("추진부서", 1), ("바이오헬스과", 1), ("담당자", 1), ("변양우", 1)],
    [("협조부서", 1), ("-", 1), ("전화번호", 1), ("033-249-3477", 1)],
    [("실천목표", 1), ("임기 이후 완료", 1), ("추진상황", 1), ("이행 후 계속 추진", 1)],
]
#: Column widths of the header grid in cm: the right-hand value column is narrow so that
#: ``이행 후 계속 추진`` wraps onto a second line.
HEADER_WIDTHS = [2.2, 6.6, 2.2, 2.4]

FINANCE_ROWS: list[Row] = [
    [("구분", 1), ("총사업비", 1), ("연도별 투자 실적 및 계획", 4)],
    [(None, 1), (None, 1), ("2022", 1), ("2023", 1), ("2024", 1), ("2025", 1)],
    [("계", 1), ("89,873", 1), ("20,919", 1), ("22,410", 1), ("23,113", 1), ("23,431", 1)],
    [("국비", 1), ("58,266", 1), ("13,600", 1), ("14,566", 1), ("15,023", 1), ("15,077", 1)],
]
FINANCE_WIDTHS = [2.4, 2.6, 2.1, 2.1, 2.1, 2.1]

#: Text width of the A4 page below (21 cm less 2.5 cm margins each side).
TEXT_WIDTH_CM = 16.0


@dataclass
class Borders:
    """Which table borders Word draws: the outer sides and the inner rules."""

    top: bool = True
    bottom: bool = True
    left: bool = True
    right: bool = True
    inside: bool = True
    #: Word's border size of the outer sides in eighths of a point, and their style.
    outer_size: int = 4
    outer_style: str = "single"

    def sides(self) -> dict[str, bool]:
        return {"top": self.top, "left": self.left, "bottom": self.bottom, "right": self.right,
                "insideH": self.inside, "insideV": self.inside}


@dataclass
class DocxTable:
    rows: list[Row]
    widths_cm: list[float]
    borders: Borders = field(default_factory=Borders)
    indent_cm: float = 0.0


@dataclass
class DocxLayout:
    name: str
    tables: list[DocxTable]
    paragraphs_before: list[str] = field(default_factory=list)
    paragraphs_between: list[str] = field(default_factory=list)


def _scaled(widths: list[float], total: float) -> list[float]:
    return [w * total / sum(widths) for w in widths]


DOCX_LAYOUTS = [
    DocxLayout("lo-header-fit", [DocxTable(HEADER_ROWS, HEADER_WIDTHS)],
               ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-header-wide", [DocxTable(HEADER_ROWS, _scaled(HEADER_WIDTHS, 18.4))],
               ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-header-margin", [DocxTable(HEADER_ROWS, _scaled(HEADER_WIDTHS, 19.2), indent_cm=-1.2)],
               ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-header-open-right",
               [DocxTable(HEADER_ROWS, HEADER_WIDTHS, Borders(right=False))], ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-header-open-sides",
               [DocxTable(HEADER_ROWS, HEADER_WIDTHS, Borders(left=False, right=False))],
               ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-header-thick", [DocxTable(HEADER_ROWS, HEADER_WIDTHS, Borders(outer_size=24))],
               ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-header-double", [DocxTable(HEADER_ROWS, HEADER_WIDTHS, Borders(outer_size=6, outer_style="double"))],
               ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-header-beyond-page", [DocxTable(HEADER_ROWS, _scaled(HEADER_WIDTHS, 20.0), indent_cm=-0.5)],
               ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-header-double-wide",
               [DocxTable(HEADER_ROWS, HEADER_WIDTHS, Borders(outer_size=18, outer_style="double"))],
               ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-header-inside-only",
               [DocxTable(HEADER_ROWS, HEADER_WIDTHS, Borders(top=False, bottom=False, left=False, right=False))],
               ["도지사 공약사업 관리카드"], []),
    DocxLayout("lo-finance", [DocxTable(FINANCE_ROWS, FINANCE_WIDTHS)], ["(단위: 백만 원)"], []),
    DocxLayout("lo-finance-open",
               [DocxTable(FINANCE_ROWS, FINANCE_WIDTHS, Borders(left=False, right=False, top=False))],
               ["(단위: 백만 원)"], []),
    DocxLayout("lo-card",
               [DocxTable(HEADER_ROWS, _scaled(HEADER_WIDTHS, 17.6)), DocxTable(FINANCE_ROWS, FINANCE_WIDTHS)],
               ["도지사 공약사업 관리카드"],
               ["□ 사업개요", "◦ 사업기간 : 2022~2027년(6년간)",
                "◦ 총사업비 : 89,873백만 원(국비 58,266, 도비 23,326, 시군비 8,281)",
                "□ 재원별 투자계획", "(단위: 백만 원)"]),
]


def _set_borders(table: object, borders: Borders) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr  # type: ignore[attr-defined]
    element = OxmlElement("w:tblBorders")
    for side, drawn in borders.sides().items():
        outer = not side.startswith("inside")
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), (borders.outer_style if outer else "single") if drawn else "nil")
        if drawn:
            edge.set(qn("w:sz"), str(borders.outer_size if outer else 4))
            edge.set(qn("w:color"), "000000")
        element.append(edge)
    properties.append(element)


def _set_indent(table: object, indent_cm: float) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:tblInd")
    element.set(qn("w:w"), str(round(indent_cm * 567)))
    element.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(element)  # type: ignore[attr-defined]


def _add_table(document: object, spec: DocxTable) -> None:
    from docx.shared import Cm, Pt

    cols = len(spec.widths_cm)
    table = document.add_table(rows=len(spec.rows), cols=cols)  # type: ignore[attr-defined]
    table.autofit = False
    _set_borders(table, spec.borders)
    if spec.indent_cm:
        _set_indent(table, spec.indent_cm)
    for r, row in enumerate(spec.rows):
        c = 0
        for text, colspan in row:
            target = table.cell(r, c)
            if text is None:
                target.merge(table.cell(r - 1, c))
            else:
                if colspan > 1:
                    target = target.merge(table.cell(r, c + colspan - 1))
                target.text = text
                for run in target.paragraphs[0].runs:
                    run.font.size = Pt(10)
            c += colspan
    for index, width in enumerate(spec.widths_cm):
        table.columns[index].width = Cm(width)
    for row in table.rows:
        for index, width in enumerate(spec.widths_cm):
            row.cells[index].width = Cm(width)


def write_docx(layout: DocxLayout, path: Path) -> None:
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "NanumGothic"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "NanumGothic")
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    for text in layout.paragraphs_before:
        document.add_paragraph(text)
    for index, spec in enumerate(layout.tables):
        if index:
            for text in layout.paragraphs_between:
                document.add_paragraph(text)
        _add_table(document, spec)
    document.add_paragraph("")
    document.save(str(path))


def print_with_libreoffice(docx_path: Path, out_dir: Path) -> Path:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
                   check=True, capture_output=True, timeout=180)
    return out_dir / docx_path.with_suffix(".pdf").name


# --- tables as thin filled rectangles: a LibreOffice print with its rules redrawn -----------------

#: A stroked rule: ((x0, y0), (x1, y1), width) in PDF space.
Stroke = tuple[tuple[float, float], tuple[float, float], float]
#: A content stream operation as pikepdf parses it: (operands, operator).
Operation = tuple[list[Any], Any]


@dataclass
class RectLayout:
    """A ``lo-*`` print whose stroked rules are redrawn as filled rectangles (``re f``): one path
    per rule, or every rule in one path (``one_path``); ``drop`` leaves the outer vertical rules
    on those sides (``left``/``right``) out."""

    source: str
    one_path: bool = False
    drop: frozenset[str] = frozenset()


RECT_LAYOUTS = {
    "rect-header": RectLayout("lo-header-fit"),
    "rect-header-one-path": RectLayout("lo-header-fit", one_path=True),
    "rect-header-open": RectLayout("lo-header-fit", drop=frozenset({"left", "right"})),
    "rect-header-edge": RectLayout("lo-header-beyond-page"),
    "rect-finance-one-path": RectLayout("lo-finance", one_path=True),
}


def _strokes(operations: list[Operation]) -> list[tuple[int, int, Stroke]]:
    """(first, last) operation index and geometry of every ``m ... l ... S`` straight rule."""
    found = []
    width = 1.0
    for index, (operands, operator) in enumerate(operations):
        name = str(operator)
        if name == "w":
            width = float(operands[0])
        if name == "S" and index >= 2 and [str(op) for _, op in operations[index - 2:index]] == ["m", "l"]:
            (x0, y0), (x1, y1) = (tuple(map(float, operations[i][0])) for i in (index - 2, index - 1))
            found.append((index - 2, index, ((x0, y0), (x1, y1), width)))
    return found


def _rectangle(stroke: Stroke) -> list[float]:
    (x0, y0), (x1, y1), width = stroke
    half = width / 2
    if abs(y1 - y0) <= abs(x1 - x0):
        return [min(x0, x1), y0 - half, abs(x1 - x0), width]
    return [x0 - half, min(y0, y1), width, abs(y1 - y0)]


def _dropped(stroke: Stroke, verticals: list[float], drop: frozenset[str]) -> bool:
    (x0, y0), (x1, y1), _ = stroke
    if abs(x1 - x0) > abs(y1 - y0):
        return False
    return ("left" in drop and x0 == min(verticals)) or ("right" in drop and x0 == max(verticals))


def write_rect_pdf(layout: RectLayout, path: Path) -> None:
    import pikepdf

    with pikepdf.open(OUT / f"{layout.source}.pdf") as pdf:
        page = pdf.pages[0]
        operations: list[Operation] = [(list(instruction.operands), instruction.operator)
                                       for instruction in pikepdf.parse_content_stream(page)]
        strokes = _strokes(operations)
        verticals = [s[0][0] for _, _, s in strokes if abs(s[1][0] - s[0][0]) <= abs(s[1][1] - s[0][1])]
        kept = [s for _, _, s in strokes if not _dropped(s, verticals, layout.drop)]
        removed = {i for first, last, _ in strokes for i in range(first, last + 1)}
        out = [op for index, op in enumerate(operations) if index not in removed]
        fill: list[Operation] = [([], pikepdf.Operator("q")), ([0], pikepdf.Operator("g"))]
        for stroke in kept:
            fill.append((_rectangle(stroke), pikepdf.Operator("re")))
            if not layout.one_path:
                fill.append(([], pikepdf.Operator("f")))
        if layout.one_path:
            fill.append(([], pikepdf.Operator("f")))
        fill.append(([], pikepdf.Operator("Q")))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out + fill))
        pdf.save(path)


# --- HWPX rendered by hwp-ingest ----------------------------------------------------------------


def write_hwp_ingest_pdf(path: Path) -> None:
    """The header grid and the finance table as an HWPX (hwp-converter-ai), printed by hwp-ingest."""
    import hwp_ingest
    from hwp_converter_ai import BlockNode, BlockType, DocumentIR, HwpxGenerator, InlineNode, InlineType

    def table_node(rows: list[Row], widths_cm: list[float]) -> BlockNode:
        cells = []
        for r, row in enumerate(rows):
            c = 0
            for text, colspan in row:
                if text is not None:
                    rowspan = 1
                    while r + rowspan < len(rows) and _cell_at(rows[r + rowspan], c) is None:
                        rowspan += 1
                    cells.append({"r": r, "c": c, "rowspan": rowspan, "colspan": colspan, "text": text})
                c += colspan
        widths = [w * 28.35 for w in widths_cm]
        metadata = {"cells": cells, "n_rows": len(rows), "n_cols": len(widths_cm),
                    "colw": [round(w, 2) for w in widths], "row_h_pt": [20.0] * len(rows)}
        return BlockNode(BlockType.TABLE, metadata=metadata)

    def paragraph_node(text: str) -> BlockNode:
        return BlockNode(BlockType.PARAGRAPH, children=[InlineNode(InlineType.TEXT, text=text)])

    ir = DocumentIR(title="", blocks=[paragraph_node("도지사 공약사업 관리카드"),
                                      table_node(HEADER_ROWS, [2.2, 5.4, 2.2, 2.6]),
                                      paragraph_node("(단위: 백만 원)"),
                                      table_node(FINANCE_ROWS, FINANCE_WIDTHS)])
    with tempfile.TemporaryDirectory() as tmp:
        hwpx = Path(tmp) / "card.hwpx"
        HwpxGenerator().from_ir(ir, hwpx)
        path.write_bytes(hwp_ingest.to_pdf_bytes(hwpx.read_bytes()))


def _cell_at(row: Row, col: int) -> str | None:
    c = 0
    for text, colspan in row:
        if c <= col < c + colspan:
            return text
        c += colspan
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="layout names (default: every layout)")
    wanted = set(parser.parse_args(argv).names)

    def chosen(name: str) -> bool:
        return not wanted or name in wanted

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for layout in (lo for lo in DOCX_LAYOUTS if chosen(lo.name)):
            source = Path(tmp) / f"{layout.name}.docx"
            write_docx(layout, source)
            shutil.copy(print_with_libreoffice(source, Path(tmp)), OUT / f"{layout.name}.pdf")
    for name, rect in RECT_LAYOUTS.items():
        if chosen(name):
            write_rect_pdf(rect, OUT / f"{name}.pdf")
    if chosen("hwp-header"):
        write_hwp_ingest_pdf(OUT / "hwp-header.pdf")
    for path in sorted(OUT.glob("*.pdf")):
        print(path.relative_to(ROOT), path.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())

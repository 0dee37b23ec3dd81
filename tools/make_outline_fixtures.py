"""Write the outline fixtures of ``tests/data/outline/``: cards whose headings are outline paragraphs.

    pip install -e ".[fixtures]"              # hwp-converter-ai, python-hwpx
    python tools/make_outline_fixtures.py     # writes tests/data/outline/

A golden card of ``samples/`` with one more part no field takes (``참고자료``) is laid out by
``tools.render`` with headings written without any marker (style ``heading="none"``), and
written as HWPX by python-hwpx and as HWP by hwp-converter-ai, each heading line made an
outline paragraph of level 1 (개요 1: the template's own 개요 1 paragraph shape and style).

- ``NAME.glyphless.*``: the outline numbering's level 1 has no number (an empty template),
  so the headings show no glyph at all; only their outline level marks them.
- ``NAME.numbered.*``: the template's outline numbering as it is (``1.`` ``2.`` …).
- ``NAME.plain.python-hwpx.hwpx``: the same card with its headings as plain paragraphs
  (the negative: an unmarked heading of unknown words is text, not a part).

``manifest.json`` lists each file with its producer, style and variant, and the extra part
the card states (``sections``, from the model here, never from the parser). The outputs are
committed; the tests never run this (nor need its producers).
"""

from __future__ import annotations

import io
import json
import re
import struct
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "outline"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pledgecard.models import Card, Item, Section  # noqa: E402
from tools.render import DEFAULT, Style  # noqa: E402
from tools.render.document import Block, Line, PageBreak  # noqa: E402
from tools.render.producers import RENDERABLE, blocks_of, hwp_by_converter_ai, hwpx_table  # noqa: E402
from tools.render.text import line_text  # noqa: E402

SAMPLE = "suwon-3-07"
NAME = "suwon-outline"
#: The second family: its layout writes the parts no field takes (the first family's has none).
STYLE: Style = DEFAULT.with_(family="second", heading="none", table="box")
EXTRA = Section(heading="참고자료", items=[
    Item(marker="◦", level=1, text="관련 조례 및 협약서 사본 별첨"),
    Item(marker="◦", level=1, text="주민설명회 자료집 별첨"),
])
#: The templates' 개요 1: python-hwpx's paraPr and style ids; hwp-converter-ai's PARA_SHAPE and style ids.
HWPX_OUTLINE_1, PLAIN = "2", "0"
HWP_OUTLINE_1_SHAPE, HWP_OUTLINE_1_STYLE = 3, 2
TAG_NUMBERING, TAG_PARA_HEADER, TAG_PARA_TEXT = 0x17, 0x42, 0x43
LEVEL_HEAD = 12


def card() -> Card:
    golden = ROOT / "samples" / SAMPLE / f"{SAMPLE}.expected.json"
    base = Card.model_validate(json.loads(golden.read_text(encoding="utf-8"))[0])
    return base.model_copy(update={"sections": [*base.sections, EXTRA]})


def heading_texts(blocks: list[Block], style: Style) -> set[str]:
    return {line_text(b, style) for b in blocks if isinstance(b, Line) and b.role == "heading"}


# ----------------------------------------------------------------------------- HWPX (python-hwpx)
def hwpx_by_python_hwpx(blocks: list[Block], style: Style, outline: bool) -> bytes:
    """As ``tools.render.producers.hwpx_by_python_hwpx``, headings as 개요 1 paragraphs when ``outline``."""
    from hwpx import HwpxDocument

    document = HwpxDocument.new()
    page_break = False
    headings = heading_texts(blocks, style)
    for block in blocks:
        if isinstance(block, PageBreak):
            page_break = True
            continue
        brk = "1" if page_break else "0"
        page_break = False
        if isinstance(block, Line):
            text = line_text(block, style)
            if outline and text in headings:
                document.add_paragraph(text, para_pr_id_ref=HWPX_OUTLINE_1, style_id_ref=HWPX_OUTLINE_1, pageBreak=brk)
            else:  # explicitly plain: python-hwpx would take the paragraph shape of the one before
                document.add_paragraph(text, para_pr_id_ref=PLAIN, style_id_ref=PLAIN, pageBreak=brk)
            continue
        if brk == "1":
            document.add_paragraph("", para_pr_id_ref=PLAIN, style_id_ref=PLAIN, pageBreak=brk)
        hwpx_table(document, block)
    return bytes(document.to_bytes())


def hwpx_glyphless(data: bytes) -> bytes:
    """The HWPX with level 1 of every numbering written without a number (empty ``paraHead``)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "Contents/header.xml":
                text = content.decode("utf-8")
                text, count = re.subn(r'(<hh:paraHead [^>]*level="1"[^>]*>)[^<]*(</hh:paraHead>)', r"\1\2", text)
                assert count, "no level-1 paraHead in the template"
                content = text.encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


# ----------------------------------------------------------------------------- HWP (hwp-converter-ai)
def _records(raw: bytes) -> Iterator[tuple[int, int, int, int]]:
    """(tag, level, payload offset, payload size) of each record."""
    pos = 0
    while pos + 4 <= len(raw):
        header = struct.unpack_from("<I", raw, pos)[0]
        pos += 4
        size = header >> 20
        if size == 0xFFF:
            size = struct.unpack_from("<I", raw, pos)[0]
            pos += 4
        yield header & 0x3FF, (header >> 10) & 0x3FF, pos, size
        pos += size


def _record(tag: int, level: int, payload: bytes) -> bytes:
    if len(payload) >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, len(payload)) + payload
    return struct.pack("<I", tag | level << 10 | len(payload) << 20) + payload


def outline_section(raw: bytes, headings: set[str]) -> bytes:
    """Body records with each top-level paragraph whose text is a heading given 개요 1's shape and style."""
    data = bytearray(raw)
    header_at: int | None = None
    for tag, level, at, size in _records(raw):
        if tag == TAG_PARA_HEADER:
            header_at = at if level == 0 else None
        elif tag == TAG_PARA_TEXT and header_at is not None:
            text = raw[at:at + size].decode("utf-16-le", "replace").rstrip("\r")
            if text in headings:
                struct.pack_into("<HB", data, header_at + 8, HWP_OUTLINE_1_SHAPE, HWP_OUTLINE_1_STYLE)
            header_at = None
    return bytes(data)


def glyphless_numbering(raw: bytes) -> bytes:
    """DocInfo records with level 1 of every NUMBERING record written without a number."""
    out = bytearray()
    for tag, level, at, size in _records(raw):
        payload = raw[at:at + size]
        if tag == TAG_NUMBERING and size >= LEVEL_HEAD + 2:
            length = struct.unpack_from("<H", payload, LEVEL_HEAD)[0]
            payload = payload[:LEVEL_HEAD] + b"\0\0" + payload[LEVEL_HEAD + 2 + 2 * length:]
        out += _record(tag, level, payload)
    return bytes(out)


@contextmanager
def _patched(module: Any, name: str, wrap: Callable[[bytes], bytes]) -> Iterator[None]:
    original = getattr(module, name)
    setattr(module, name, lambda *args, **kwargs: wrap(original(*args, **kwargs)))
    try:
        yield
    finally:
        setattr(module, name, original)


def hwp_by_converter_ai_outlined(blocks: list[Block], style: Style, glyphless: bool) -> bytes:
    """hwp-converter-ai's HWP, its raw body and DocInfo records patched before they are compressed."""
    from hwp_converter_ai import hwp_writer

    headings = {text.translate(RENDERABLE) for text in heading_texts(blocks, style)}
    with _patched(hwp_writer, "_section", lambda raw: outline_section(raw, headings)):
        if not glyphless:
            return hwp_by_converter_ai(blocks, style)
        with _patched(hwp_writer, "_patch_docinfo_add_shapes", glyphless_numbering):
            return hwp_by_converter_ai(blocks, style)


# ----------------------------------------------------------------------------- main
def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    built = card()
    blocks = blocks_of([built], STYLE)
    numbered_hwpx = hwpx_by_python_hwpx(blocks, STYLE, outline=True)
    files: dict[str, tuple[str, str, bytes]] = {
        f"{NAME}.glyphless.python-hwpx.hwpx": ("python-hwpx.hwpx", "glyphless", hwpx_glyphless(numbered_hwpx)),
        f"{NAME}.numbered.python-hwpx.hwpx": ("python-hwpx.hwpx", "numbered", numbered_hwpx),
        f"{NAME}.plain.python-hwpx.hwpx": ("python-hwpx.hwpx", "plain", hwpx_by_python_hwpx(blocks, STYLE, False)),
        f"{NAME}.glyphless.hwp-converter-ai.hwp": ("hwp-converter-ai.hwp", "glyphless",
                                                   hwp_by_converter_ai_outlined(blocks, STYLE, glyphless=True)),
        f"{NAME}.numbered.hwp-converter-ai.hwp": ("hwp-converter-ai.hwp", "numbered",
                                                  hwp_by_converter_ai_outlined(blocks, STYLE, glyphless=False)),
    }
    sections = [{"heading": s.heading, "items": [i.text for i in s.items]} for s in built.sections]
    manifest = []
    for name, (producer, variant, data) in files.items():
        (OUT / name).write_bytes(data)
        manifest.append({"file": name, "producer": producer, "variant": variant, "sample": SAMPLE,
                         "style": {"family": STYLE.family, "heading": STYLE.heading, "table": STYLE.table},
                         "sections": sections})
        print(f"wrote {name} ({len(data)} bytes)")
    (OUT / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Write the HWP, HWPX and PDF fixtures of ``samples/`` from the golden cards.

    pip install -e ".[fixtures]"          # hwp-converter-ai, hwp-ingest (python-hwpx, python-docx)
    apt-get install libreoffice librsvg2-bin fonts-nanum
    python tools/make_fixtures.py          # writes samples/NAME/NAME.{hwp,hwpx,pdf}
    python tools/make_fixtures.py --check  # writes nothing; says which would differ from the text parse
    python tools/make_fixtures.py NAME --pdf hwp-ingest.pdf   # one sample, its PDF by the other producer
    python tools/make_fixtures.py --roundtrip   # writes tests/data/roundtrip/ (styles x producers)

The source of truth is each sample's golden file (``NAME.expected.json``), never the
parser: the golden cards are laid out by ``tools.render`` (another issuer, knowing only
the card model) and written by two producers per format, alternating over the samples
(sorted by name): even samples get hwp-converter-ai's HWPX and hwp-ingest's PDF, odd
samples python-hwpx's HWPX and LibreOffice's PDF (from a python-docx DOCX); every HWP is
hwp-converter-ai's (python-hwpx writes no HWP 5). A card with second-family fields (분야,
사업목적, 연도별 추진계획 …) is laid out in the second family's template. A parser mistake therefore cannot be
copied into every format. ``--keep-failing`` is the default: a new fixture that does not
parse to the same cards as the sample's text is reported and not written (the committed
one stays) unless ``--write-failing``. The outputs are committed; tests never run this.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pledgecard.models import Card  # noqa: E402
from tools.render import DEFAULT, Style, needs_second_family  # noqa: E402
from tools.render.diff import first_difference  # noqa: E402
from tools.render.producers import produce  # noqa: E402

#: The style of a printed sample: □ headings, real tables; units, as-of wording and bullets
#: as the card wrote them.
SAMPLE_STYLE: Style = DEFAULT.with_(heading="□", table="box")
#: (HWP, HWPX, PDF) producers, alternating over the samples.
PRODUCER_SETS = (
    ("hwp-converter-ai.hwp", "hwp-converter-ai.hwpx", "hwp-ingest.pdf"),
    ("hwp-converter-ai.hwp", "python-hwpx.hwpx", "libreoffice.pdf"),
)

PDF_PRODUCERS = ("hwp-ingest.pdf", "libreoffice.pdf")


def golden_cards(folder: Path) -> list[Card]:
    golden = folder / f"{folder.name}.expected.json"
    return [Card.model_validate(data) for data in json.loads(golden.read_text(encoding="utf-8"))]


def producers_for(index: int, pdf: str | None = None) -> tuple[str, ...]:
    """The sample's (HWP, HWPX, PDF) producers; ``pdf`` replaces the PDF one (``--pdf``)."""
    hwp, hwpx, default_pdf = PRODUCER_SETS[index % len(PRODUCER_SETS)]
    return hwp, hwpx, pdf or default_pdf


def sample_style(cards: list[Card]) -> Style:
    """The printed style in the cards' own template family: a card holding second-family fields
    is laid out as the second family (the first family's template has no place for them)."""
    return SAMPLE_STYLE.with_(family="second") if needs_second_family(cards) else SAMPLE_STYLE


def _comparable(data: bytes, name: str) -> list[Any]:
    """The parse of a file without ``source``/``provenance`` (what test_cross_format compares).
    The check only; the fixtures themselves never pass through the parser."""
    from pledgecard.pipeline import parse_bytes

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("source", "provenance")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return [strip(card.model_dump(mode="json")) for card in parse_bytes(data, name).cards]


def build(folder: Path, index: int, write_failing: bool, check: bool, pdf: str | None = None) -> list[str]:
    """Write one sample's fixtures; a line per file: written, kept (and why) or would differ."""
    cards = golden_cards(folder)
    text = folder / f"{folder.name}.txt"
    expected = _comparable(text.read_bytes(), text.name)
    style = sample_style(cards)
    report = []
    for producer in producers_for(index, pdf):
        fmt = producer.rsplit(".", 1)[1]
        target = folder / f"{folder.name}.{fmt}"
        data = produce(cards, style, producer)
        difference = first_difference(expected, _comparable(data, target.name))
        same = difference is None
        verdict = "same cards as the text" if same else f"DIFFERS from the text parse at {difference}"
        if check or (not same and not write_failing):
            report.append(f"{target.relative_to(ROOT)} ({producer}): {verdict}; not written")
            continue
        target.write_bytes(data)
        report.append(f"{target.relative_to(ROOT)} ({producer}): {verdict}; written")
    return report


ROUNDTRIP = ROOT / "tests" / "data" / "roundtrip"
#: The round-trip set: (golden sample, card index, the style's axes off the printed style).
ROUNDTRIP_STYLES: tuple[tuple[str, int, dict[str, Any]], ...] = (
    ("suwon-3-07", 0, {"family": "second", "heading": "roman", "unit": "억원", "as_of": "day_bracket"}),
    ("bad-sums", 0, {"heading": "■", "unit": "원", "as_of": "month_now", "bullet": "○"}),
    ("booklet-two-cards", 1, {"heading": "circled", "header_rows": 1, "unit": "천원", "labels": "closed"}),
    ("cp949-card", 0, {"heading": "hangul", "as_of": "quarter_total", "bullet": "❍"}),
    ("gangwon-2-16", 0, {"heading": "arabic", "orientation": "columns"}),
)


def build_roundtrip() -> list[str]:
    """tests/data/roundtrip/: every round-trip style written by every producer, and
    ``manifest.json`` saying for each file its producer, style and source golden card."""
    from dataclasses import asdict

    from tools.render.producers import PRODUCERS

    ROUNDTRIP.mkdir(parents=True, exist_ok=True)
    manifest = []
    for sample, index, axes in ROUNDTRIP_STYLES:
        card = golden_cards(SAMPLES / sample)[index]
        style = SAMPLE_STYLE.with_(**axes)
        for producer, (fmt, _) in PRODUCERS.items():
            name = f"{sample}-{index + 1}.{producer.rsplit('.', 1)[0]}.{fmt}"
            (ROUNDTRIP / name).write_bytes(produce([card], style, producer))
            manifest.append({"file": name, "producer": producer, "format": fmt,
                             "golden": f"samples/{sample}/{sample}.expected.json", "card": index,
                             "style": asdict(style)})
    (ROUNDTRIP / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
    return [f"{ROUNDTRIP.relative_to(ROOT)}/{entry['file']}" for entry in manifest]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="sample folder names (default: every sample)")
    parser.add_argument("--check", action="store_true", help="write nothing, report what differs")
    parser.add_argument("--write-failing", action="store_true",
                        help="also write fixtures that do not parse to the text's cards")
    parser.add_argument("--pdf", choices=PDF_PRODUCERS,
                        help="write the PDF with this producer instead of the alternating one")
    parser.add_argument("--roundtrip", action="store_true",
                        help="write tests/data/roundtrip/ (round-trip styles by every producer) instead")
    args = parser.parse_args(argv)
    if args.roundtrip:
        print("\n".join(build_roundtrip()))
        return 0
    folders = sorted(p.parent for p in SAMPLES.glob("*/*.expected.json"))
    for index, folder in enumerate(folders):
        if args.names and folder.name not in args.names:
            continue
        for line in build(folder, index, args.write_failing, args.check, args.pdf):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the format benchmark times: the files, and the contenders that process them.

Every contender gets the same bytes, already in memory. Ours is the full parse (file bytes to
checked cards) and our reader alone; the baselines are pdfplumber, pyhwp, zipfile+ElementTree
and kordoc (a Node tool, see :mod:`formats.kordoc`).
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pledgecard.extract import ReadError, read_document
from pledgecard.pipeline import NO_CARD, parse_bytes

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES = ROOT / "samples"
FORMATS = ("txt", "hwp", "hwpx", "pdf")
#: Non-card documents timed on their own: the stem, in each of these formats, from EXTERNAL_DIR.
EXTERNAL = ("ohah-hwpjs__noori", "ohah-hwpjs__table-bug")
EXTERNAL_DIR = ROOT / "tests" / "data" / "external"
QUICK_SAMPLES = ("gangwon-2-16", "booklet-two-cards")
#: The samples the figures of issue 8 were measured on (``--samples first``): the same files
#: before and after, so that a ratio tells the code's speed, not the sample set's.
FIRST_SAMPLES = ("bad-sums", "booklet-two-cards", "cp949-card", "gangwon-2-16", "missing-parts", "suwon-3-07")


class Failed(Exception):
    """A contender could not process a file; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def one_line(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Item:
    path: Path
    fmt: str
    group: str  # "samples" or "external"
    data: bytes
    cards: int  # the cards the file holds (0 for an external document)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def shown(self) -> str:
        return str(self.path.relative_to(ROOT)) if self.path.is_relative_to(ROOT) else str(self.path)


@dataclass
class Contender:
    """A Python contender has ``work`` (timed by :mod:`formats.timing`); one that times itself
    (kordoc, in Node) has ``measure``, returning the seconds; both raise :class:`Failed`."""

    key: str
    label: str
    formats: tuple[str, ...]
    work: Callable[[Item], None] | None = None
    measure: Callable[[Item, float], float] | None = None
    #: Why the contender cannot run at all (not installed ...); None when it can.
    unavailable: str | None = None
    #: The warm-up before a file's timed runs, when it is more than one untimed ``measure``.
    warm_up: Callable[[Item, float], float] | None = None


def ours(item: Item) -> None:
    result = parse_bytes(item.data, item.shown)
    if item.group == "external":
        if not result.cards and result.reason != NO_CARD:  # it must have read the whole document
            raise Failed(result.reason or "failed")
        return
    if not result.cards:
        raise Failed(result.reason or "no card")


def reader_only(item: Item) -> None:
    try:
        read_document(Path(item.shown), item.data)
    except ReadError as exc:
        raise Failed(exc.reason) from None


def pdfplumber_text_tables(item: Item) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(item.data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def pyhwp_walk(level: str) -> Callable[[Item], None]:
    """pyhwp over BodyText: ``events`` is the full xmlmodel event walk, ``modelevents`` the record models only."""

    def work(item: Item) -> None:
        from hwp5.storage.ole import OleStorage
        from hwp5.xmlmodel import Hwp5File

        hwp = Hwp5File(OleStorage(io.BytesIO(item.data)))
        for section in hwp.bodytext.sections:
            for _ in getattr(section, level)():
                pass

    return work


def zip_xml(item: Item) -> None:
    with zipfile.ZipFile(io.BytesIO(item.data)) as package:
        for name in package.namelist():
            if name.startswith("Contents/") and name.endswith(".xml"):
                ET.fromstring(package.read(name))


def module_missing(*modules: str) -> str | None:
    for module in modules:
        try:
            __import__(module)
        except ImportError as exc:
            return f"not installed ({exc})"
    return None


def python_contenders() -> list[Contender]:
    return [
        Contender("ours", "pledgecard parse_bytes", FORMATS, ours),
        Contender("reader", "pledgecard read_document", FORMATS, reader_only),
        Contender("pdfplumber", "pdfplumber text+tables", ("pdf",), pdfplumber_text_tables,
                  unavailable=module_missing("pdfplumber")),
        Contender("pyhwp_events", "pyhwp event walk", ("hwp",), pyhwp_walk("events"),
                  unavailable=module_missing("hwp5.xmlmodel")),
        Contender("pyhwp_models", "pyhwp modelevents", ("hwp",), pyhwp_walk("modelevents"),
                  unavailable=module_missing("hwp5.xmlmodel")),
        Contender("zip_xml", "zipfile+ElementTree", ("hwpx",), zip_xml),
    ]


def expected_cards(folder: Path) -> int:
    golden = folder / f"{folder.name}.expected.json"
    try:
        cards = json.loads(golden.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 1
    return len(cards) if isinstance(cards, list) else 1


def collect(quick: bool, samples: tuple[str, ...] | None = None) -> list[Item]:
    """The sample cards in every format (only the folders named in ``samples`` when given),
    then the external documents."""
    items: list[Item] = []
    folders = sorted(p for p in SAMPLES.iterdir() if p.is_dir())
    if quick:
        folders = [p for p in folders if p.name in QUICK_SAMPLES]
    if samples is not None:
        unknown = sorted(set(samples) - {p.name for p in folders})
        if unknown:
            raise SystemExit(f"no such sample: {', '.join(unknown)}")
        folders = [p for p in folders if p.name in samples]
    for fmt in FORMATS:
        for folder in folders:
            path = folder / f"{folder.name}.{fmt}"
            if path.is_file():
                items.append(Item(path, fmt, "samples", path.read_bytes(), expected_cards(folder)))
    for stem in EXTERNAL[:1] if quick else EXTERNAL:
        for fmt in ("hwp", "hwpx"):
            path = EXTERNAL_DIR / fmt / f"{stem}.{fmt}"
            if path.is_file():
                items.append(Item(path, fmt, "external", path.read_bytes(), 0))
    return items

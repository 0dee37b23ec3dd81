"""□ 사업개요: 사업기간, 사업량, 총사업비 (with its breakdown), 주요내용 items."""

from __future__ import annotations

from pledgecard.extract.card.items import build_items, group_roots, stamp
from pledgecard.extract.card.layout import block_text
from pledgecard.extract.document import Block, Paragraph
from pledgecard.models import Finding, Overview, Quantity
from pledgecard.normalize import find_quantities, parse_quantity, parse_span, parse_total_cost, stated_years
from pledgecard.normalize.text import squash
from pledgecard.vocab import OVERVIEW_LABELS

_FIELDS: dict[str, str] = {squash(label): key for key, labels in OVERVIEW_LABELS.items() for label in labels}
_SEPARATORS = (":", "：")


def split_label(text: str) -> tuple[str | None, str]:
    """``("period", "2022~2027년(6년간)")`` from ``"사업기간 : 2022~2027년(6년간)"``."""
    for separator in _SEPARATORS:
        if separator in text:
            label, value = text.split(separator, 1)
            key = _FIELDS.get(squash(label))
            if key is not None:
                return key, value.strip()
    squashed = squash(text)
    if squashed in _FIELDS:
        return _FIELDS[squashed], ""
    return None, text


def read_volume(value: str) -> Quantity | None:
    """사업량: the quantity itself, or the first counted thing of a phrase (공영주차장 3개소); its
    text is the whole value as written (``120,000㎡(산책로 3.2km 포함)``: nothing of it is lost)."""
    quantity = parse_quantity(value)
    if quantity is None:
        found = find_quantities(value)
        quantity = found[0] if found else None
    return quantity.model_copy(update={"text": value.strip()}) if quantity else None


def read_overview(blocks: list[Block], issuer: str, findings: list[Finding]) -> tuple[Overview, list[str]]:
    """The overview fields, and the text of what no field took.

    The items of 주요내용 are the lines nested under it, or, where a card writes them at the
    label's own depth (``- 주요내용`` over ``- …``), the unlabelled lines after it up to the
    next label, marked with the label's glyph. 사업위치 / 사업구간 lines are items too, label and all.
    """
    overview = Overview()
    leftovers = [block_text(b) for b in blocks if not isinstance(b, Paragraph)]
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    items: list[list[Paragraph]] = []  # each a forest's paragraphs, in the card's order
    items_glyph: str | None = None  # the glyph of the 주요내용 line, while its items may follow
    for root, nested in group_roots(paragraphs):
        key, value = split_label(root.text)
        local: list[Finding] = []
        in_items = key is None and root.bullet is not None and root.bullet == items_glyph
        items_glyph = root.bullet if key == "items" else items_glyph if in_items else None
        if key == "items":
            items.append(list(nested))
            if value:
                leftovers.append(value)
        elif key is None and in_items:
            items[-1].extend([root, *nested])
        elif key == "location":
            items.append([root, *nested])
        else:
            if key == "period":
                overview.period = parse_span(value, local)
                overview.period_years = stated_years(value)
                findings.extend(stamp(local, "overview.period"))
            elif key == "volume":
                overview.volume = read_volume(value)
            elif key == "total_cost":
                overview.total_cost = parse_total_cost(value, issuer, local)
                findings.extend(stamp(local, "overview.total_cost"))
            else:
                leftovers.append(root.full_text)
            leftovers.extend(p.full_text for p in nested)
    for forest in items:
        overview.items.extend(build_items(forest, "overview.items", findings, len(overview.items)))
    return overview, leftovers

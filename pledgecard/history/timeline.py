"""Each pledge's cards by as-of date, and every change between them (CARD-SPEC §6).

Cards are grouped by pledge identity, then by as-of date (a quarter counts as its last
month, so ``2025-Q1`` and ``2025-03`` are the same date). Of the cards of one date, the first
read is the one on the timeline; another with the same content (the same card in another
format or folder) is listed beside it, and one with different content is a
``history.duplicate``. Between two consecutive dates every change of §6 is recorded, and a
quarter missing between them is a ``history.gap``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pledgecard.history.compare import Delta, as_text, card_deltas
from pledgecard.history.identity import PledgeId, as_of_key, pledge_id, quarter_index, quarter_name
from pledgecard.history.models import HistoryChange, PledgeHistory, Reissue
from pledgecard.models import Card

#: Card keys that say where a card came from or repeat another key: never compared.
_ORIGIN_KEYS = frozenset({"source", "card_id"})
#: How many differing paths a duplicate's ``field`` names before it says how many more.
SHOWN_PATHS = 5
_MISSING = object()
_DIGITS = re.compile(r"(\d+)")
#: The whole card of a card read in part (the identity when it was read whole).
FullCard = Callable[[Card], Card]


@dataclass
class Histories:
    """Every pledge's history, and the cards that could not join one."""

    pledges: list[PledgeHistory] = field(default_factory=list)
    cards: int = 0
    #: Cards with neither number nor title: no identity to follow them by.
    unidentified: list[str] = field(default_factory=list)

    def changes(self) -> Iterator[HistoryChange]:
        for pledge in self.pledges:
            yield from pledge.changes


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """``3-7`` before ``3-10``: numbers compared as numbers."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(text) if part)


def _flat(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "provenance":
                _flat(item, f"{path}.{key}" if path else key, out)
    elif isinstance(value, list):
        out[f"{path}#len"] = len(value)
        for i, item in enumerate(value):
            _flat(item, f"{path}[{i}]", out)
    else:
        out[path] = value


def content(card: Card) -> dict[str, Any]:
    """A card's values by path, without where it came from (source, provenance, card_id)."""
    out: dict[str, Any] = {}
    _flat(card.model_dump(mode="json", exclude=set(_ORIGIN_KEYS)), "", out)
    return out


def differing_paths(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """The paths whose values differ; under a list of another length only its length is named."""
    paths = list(first) + [p for p in second if p not in first]
    differ = [p for p in paths if first.get(p, _MISSING) != second.get(p, _MISSING)]
    resized = tuple(p[: -len("#len")] + "[" for p in differ if p.endswith("#len"))
    return [p for p in differ if not p.startswith(resized)] if resized else differ


def _duplicate(kept: Card, other: Card, paths: list[str], a: dict[str, Any], b: dict[str, Any]) -> Delta:
    shown = ", ".join(paths[:SHOWN_PATHS]) + (f" and {len(paths) - SHOWN_PATHS} more" if len(paths) > SHOWN_PATHS
                                              else "")
    return Delta("history.duplicate", shown, a.get(paths[0]), b.get(paths[0]), severity="warning")


def _gap(old: Card, new: Card) -> Delta | None:
    first, last = quarter_index(as_of_key(old)), quarter_index(as_of_key(new))
    if first is None or last is None or last - first < 2:
        return None
    return Delta("history.gap", "as_of", old.as_of, new.as_of, severity="warning")


def _missing_quarters(old: Card, new: Card) -> list[str]:
    first, last = quarter_index(as_of_key(old)), quarter_index(as_of_key(new))
    return [quarter_name(q) for q in range((first or 0) + 1, last or 0)]


def _message(delta: Delta, old: Card, new: Card) -> str:
    if delta.code == "history.gap":
        missing = _missing_quarters(old, new)
        return f"{len(missing)} quarter{'s' if len(missing) > 1 else ''} missing: {', '.join(missing)}"
    if delta.code == "history.duplicate":
        return f"{old.source.path} and {new.source.path} give the card of {new.as_of} with different values: " \
            f"{delta.field}"
    text = f"{delta.field}: {as_text(delta.before) or '-'} -> {as_text(delta.after) or '-'}"
    if delta.diff_won is not None:
        text += f" ({delta.diff_won:+,} won" + (f", {delta.diff_percent:+}%)" if delta.diff_percent is not None
                                                else ")")
    elif delta.code == "history.rate" and delta.diff_percent is not None:
        text += f" ({delta.diff_percent:+} points)"
    return text


def _change(who: PledgeId, delta: Delta, old: Card, new: Card) -> HistoryChange:
    return HistoryChange(
        issuer=who.issuer or None, number=who.number or None, pledge=who.text, title=new.pledge.title,
        from_as_of=old.as_of, to_as_of=new.as_of, code=delta.code, severity=delta.severity, field=delta.field,
        source=delta.source, column=delta.column, before=as_text(delta.before), after=as_text(delta.after),
        diff_won=delta.diff_won, diff_percent=delta.diff_percent, from_path=old.source.path,
        to_path=new.source.path, message=_message(delta, old, new))


def finance_by_year(card: Card) -> dict[int, int]:
    """The total row's money by year (the 계획 money where the table splits 계획/확보/집행)."""
    cells = [c for c in card.finance.cells if c.category == "total" and c.kind == "year" and c.year is not None
             and c.won is not None]
    measures = [c.measure for c in cells]
    chosen = "계획" if "계획" in measures else (measures[0] if measures else None)
    years: dict[int, int] = {}
    for cell in cells:
        if cell.measure == chosen and cell.year is not None and cell.won is not None:
            years.setdefault(cell.year, cell.won)
    return years


def _reissue(card: Card, also_in: list[str]) -> Reissue:
    return Reissue(as_of=card.as_of, path=card.source.path, status=card.status,
                   rate=card.progress_rate.percent if card.progress_rate else None,
                   total_cost_won=card.overview.total_cost.won if card.overview.total_cost else None,
                   finance_by_year=finance_by_year(card), also_in=also_in)


def _one_date(who: PledgeId, cards: list[Card], full: FullCard) -> tuple[Reissue, list[HistoryChange]]:
    """The card kept for one date, and a duplicate change for each other card that differs."""
    kept, also_in, changes = cards[0], [], []
    kept_content: dict[str, Any] | None = None
    for other in cards[1:]:
        kept_content = kept_content if kept_content is not None else content(full(kept))
        other_content = content(full(other))
        paths = differing_paths(kept_content, other_content)
        if not paths:
            also_in.append(other.source.path)
            continue
        delta = _duplicate(kept, other, paths, kept_content, other_content)
        changes.append(_change(who, delta, kept, other))
    return _reissue(kept, also_in), changes


def _as_read(card: Card) -> Card:
    return card


def pledge_history(who: PledgeId, cards: list[Card], full: FullCard = _as_read) -> PledgeHistory:
    """One pledge's history from its cards, in the order they were read."""
    by_date: dict[tuple[int, int], list[Card]] = {}
    for card in cards:
        by_date.setdefault(as_of_key(card), []).append(card)
    history = PledgeHistory(pledge=who.text, issuer=who.issuer or None, number=who.number or None)
    previous: Card | None = None
    for key in sorted(by_date):
        group = by_date[key]
        current = group[0]
        if previous is not None:
            deltas = card_deltas(previous, current)
            gap = _gap(previous, current)
            deltas += [gap] if gap else []
            history.changes += [_change(who, d, previous, current) for d in deltas]
        reissue, duplicates = _one_date(who, group, full)
        history.reissues.append(reissue)
        history.changes += duplicates
        previous = current
    history.title = previous.pledge.title if previous else None
    return history


def build_histories(cards: Iterable[Card], full: FullCard = _as_read) -> Histories:
    """Every pledge's history from cards in the order read (files in input order). ``full`` gives
    the whole card of one read in part (the fields history compares), for telling duplicates apart."""
    result = Histories()
    groups: dict[PledgeId, list[Card]] = {}
    for card in cards:
        result.cards += 1
        who = pledge_id(card)
        if who is None:
            result.unidentified.append(card.source.path)
            continue
        groups.setdefault(who, []).append(card)
    order = sorted(groups, key=lambda w: (w.issuer, natural_key(w.number), w.title))
    result.pledges = [pledge_history(who, groups[who], full) for who in order]
    return result

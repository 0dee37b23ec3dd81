"""Rates in percent (이행률 72.5%, 추진율 45%), 연도별 rate cells, and 달성 / 미달성 marks."""

from __future__ import annotations

import re

from pledgecard import vocab
from pledgecard.models import Finding, Rate
from pledgecard.normalize.dates import find_spans, marked_as_of
from pledgecard.normalize.numbers import SP
from pledgecard.normalize.text import nfc, squash

_NUMBER = r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?)"
_PERCENT = re.compile(
    rf"(?<![0-9.,]){_NUMBER}{SP}(?:" + "|".join(map(re.escape, vocab.PERCENT_SIGNS)) + ")"
    + "(?!" + "|".join(map(re.escape, vocab.PERCENT_POINT_SUFFIXES)) + ")"
)
#: A rate label, letter-spaced or not (``이 행 률``).
_LABEL = re.compile("|".join(rf"{SP}".join(map(re.escape, label))
                             for label in sorted(vocab.RATE_LABELS, key=len, reverse=True)))
_BARE = re.compile(rf"{_NUMBER}")
#: What may stand between a label and its bare number: a colon, brackets holding a date.
_LABEL_PUNCT = ":：=- \t"
_CELL = re.compile(
    rf"{_NUMBER}{SP}(?:" + "|".join(map(re.escape, vocab.PERCENT_SIGNS)) + ")?"
)
_BRACKETED = re.compile(r"[(（《〈\[][^)）》〉\]]*[)）》〉\]]")
_BRACKETS = "()（）[]<>〈〉《》「」『』"
_PUNCT = ".,;:·-–―*※ "


def _percent(value: str) -> float:
    return float(value.replace(",", ""))


def parse_rate(text: str, findings: list[Finding] | None = None) -> Rate | None:
    """A progress rate: ``이행률 72.5%`` -> 72.5; ``이행률(’25. 2분기 기준) 68.5%`` -> 68.5 as of
    2025-Q2; ``추진율 45%``; ``72.5%`` alone; ``이행률 : 72.5`` (a bare number after a label).

    The text is the percent as written (``68.5%``). A rate label with nothing readable after
    it (``이행률 미정``) gives None and, with a sink, a ``rate.unreadable`` finding; an empty
    value or ``-`` after the label is no rate and no finding.
    """
    clean = nfc(text).strip()
    label = _LABEL.search(clean)
    start = label.end() if label else 0
    found = _PERCENT.search(clean, start)
    if found is not None:
        return Rate(percent=_percent(found["num"]), text=found.group(),
                    as_of=_as_of(clean, start, found.start()))
    if label is None:
        return None
    rest = _BRACKETED.sub("", clean[start:]).strip(_LABEL_PUNCT)
    if not rest or rest in vocab.EMPTY_VALUES:
        return None
    bare = _BARE.fullmatch(rest)
    if bare is not None and rest in clean:
        return Rate(percent=_percent(bare["num"]), text=rest, as_of=_as_of(clean, start, len(clean)))
    if findings is not None:
        findings.append(Finding(code="rate.unreadable", severity="warning",
                                message=f"a progress rate that cannot be read: {clean[:80]!r}"))
    return None


def _as_of(text: str, start: int, end: int) -> str | None:
    """The as-of date of a rate: a date marked 기준/현재, else a date between label and rate."""
    marked = marked_as_of(text)
    if marked is not None:
        return marked.end
    between = find_spans(text[start:end])
    return between[0].end if between else None


def parse_rate_cell(text: str | None, findings: list[Finding] | None = None) -> float | None:
    """A rate cell of 연도별 추진계획 (percent): ``45%``, ``45``, ``45.5 %`` -> 45.0 / 45.5;
    empty, ``-`` -> None; words (``추진중``) -> None and, with a sink, a ``rate.unreadable``
    finding."""
    if text is None:
        return None
    clean = nfc(text).strip()
    if not clean or clean in vocab.EMPTY_VALUES or clean in vocab.ZERO_CELLS - {"0"}:
        return None
    m = _CELL.fullmatch(clean)
    if m is not None:
        return _percent(m["num"])
    if findings is not None:
        findings.append(Finding(code="rate.unreadable", severity="warning",
                                message=f"a rate cell that cannot be read: {clean[:80]!r}"))
    return None


_ACHIEVED = {squash(k): v for k, v in {**vocab.GOAL_ACHIEVED, **vocab.ACHIEVED_SYNONYMS}.items()}


def parse_achieved(text: str | None) -> bool | None:
    """A goal's achievement mark: ``달성`` -> True, ``미달성`` / ``미 달성`` -> False, also in
    brackets (``(달성)``); anything else (``달성/미달성``, ``추진중``, empty) -> None."""
    if text is None:
        return None
    key = squash(nfc(text)).strip(_BRACKETS + _PUNCT)
    return _ACHIEVED.get(key)

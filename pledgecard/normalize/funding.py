"""Funding sources and issuer levels: who pays (국비, 도비, 원주시), by who issues the card."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import get_args

from pledgecard import vocab
from pledgecard.models import FundingCategory, IssuerLevel
from pledgecard.normalize.text import close_spaced, is_syllable, nfc, squash

_CATEGORIES: dict[str, FundingCategory] = {c: c for c in get_args(FundingCategory)}
_LEVELS: dict[str, IssuerLevel] = {lv: lv for lv in get_args(IssuerLevel)}
_TRAILING_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
_TITLES = sorted(vocab.ISSUER_BY_TITLE, key=len, reverse=True)


def _category(value: str | None) -> FundingCategory:
    return _CATEGORIES.get(value or "", "other")


def _level(value: str | None) -> IssuerLevel:
    return _LEVELS.get(value or "", "unknown")


def _key(source: str) -> str:
    key = squash(close_spaced(nfc(source))).strip(":：")
    while True:
        bare = _TRAILING_NOTE.sub("", key)
        if bare == key or not bare:
            return key
        key = bare


@lru_cache(maxsize=2048)  # labels repeat across every card of an archive (국비, 도비, 시비 …)
def funding_category(source: str, issuer_level: str) -> FundingCategory:
    """The category of a funding label on a card of ``issuer_level``.

    ``국  비`` -> national; ``시비`` -> provincial on a metropolitan card, municipal on a
    city's; a place name (``원주시``) -> municipal, a province (``강원도``) -> provincial;
    unknown labels -> other.
    """
    key = _key(source)
    if key in vocab.FUNDING_FIXED:
        return _category(vocab.FUNDING_FIXED[key])
    if key in vocab.FUNDING_BY_LEVEL:
        table = vocab.FUNDING_BY_LEVEL[key]
        return _category(table.get(issuer_level, table.get("default")))
    if len(key) >= 2 and all(is_syllable(ch) for ch in key):
        if key.endswith(vocab.PROVINCIAL_NAME_SUFFIXES):
            return "provincial"
        if key.endswith(vocab.MUNICIPAL_NAME_SUFFIXES):
            return "municipal"
    return "other"


def issuer_level(kind_line: str | None, extra_text: str = "") -> IssuerLevel:
    """Who issues the card, from its kind line (``도지사 공약사업 관리카드`` -> province).

    A ``시장`` card is metropolitan when the kind line or ``extra_text`` names a 광역시/특별시.
    """
    if kind_line is None:
        return "unknown"
    line = squash(nfc(kind_line))
    for title in _TITLES:
        if title in line:
            level = vocab.ISSUER_BY_TITLE[title]
            if level == "city":
                extra = squash(nfc(extra_text))
                if any(m in line or m in extra for m in vocab.METROPOLITAN_MARKERS):
                    level = "metropolitan"
            return _level(level)
    return "unknown"

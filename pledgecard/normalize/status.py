"""Achievement statuses (완료, 추진중 …) as CARD-SPEC §2 lists them."""

from __future__ import annotations

from pledgecard import vocab
from pledgecard.normalize.text import nfc, squash

_SYNONYMS = {squash(k): v for k, v in vocab.STATUS_SYNONYMS.items()}
_BRACKETS = "()（）[]<>〈〉「」『』"
_PUNCT = ".,;:·-–―*※"


def parse_status(text: str) -> str | None:
    """One of vocab STATUSES (spaces squashed, synonyms mapped, brackets dropped), else None."""
    key = squash(nfc(text)).strip(_BRACKETS + _PUNCT)
    if key in vocab.STATUSES:
        return key
    return _SYNONYMS.get(key)

"""Plain-text clean-up shared by the parser and the other normalizers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import partial

#: Two or more one-syllable tokens in a row, in text whose tokens are one space apart.
_SPACED_RUN = re.compile(r"(?<![^ ])[\uac00-\ud7a3](?: [\uac00-\ud7a3])+(?![^ ])")


#: Unicode NFC: composes decomposed Hangul jamo into syllables (``nfc(text)``). A partial of the
#: C function, not a Python function around it: every normalizer calls it on every text.
nfc: Callable[[str], str] = partial(unicodedata.normalize, "NFC")


def is_syllable(char: str) -> bool:
    """True for one precomposed Hangul syllable (가 … 힣)."""
    return len(char) == 1 and "\uac00" <= char <= "\ud7a3"


def close_spaced(text: str) -> str:
    """Close up letter-spaced labels and collapse whitespace.

    A run of two or more tokens that are each one Hangul syllable joins up
    (``공 약 명`` -> ``공약명``, ``국  비`` -> ``국비``); other tokens stay apart
    (``언론, 방송``, ``2022년 2023년``), separated by one space.
    """
    joined = " ".join(nfc(text).split())
    if _SPACED_RUN.search(joined) is None:
        return joined  # the common case
    return _SPACED_RUN.sub(_close_up, joined)


def _close_up(m: re.Match[str]) -> str:
    return m.group().replace(" ", "")


def join_wrapped(lines: list[str]) -> str:
    """The lines of a wrapped cell as one string: stripped, empties dropped, one space between."""
    return " ".join(s for s in (line.strip() for line in lines) if s)


def unwrap(text: str) -> str:
    """A wrapped cell's text on one line: :func:`join_wrapped` of its lines."""
    if "\n" not in text:
        return text.strip()  # the usual cell: one line
    return join_wrapped(text.split("\n"))


def squash(text: str) -> str:
    """Remove all whitespace, to compare labels.

    ``재원투자 실적 및 계획`` -> ``재원투자실적및계획``.
    """
    return "".join(text.split())

"""Bytes of a text dump into clean text: encoding, line endings, Unicode form, glyphs."""

from __future__ import annotations

import codecs
import re
import unicodedata

from pledgecard.extract.base import ReadError
from pledgecard.extract.bullets import clean_text, map_glyphs

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Encodings tried in order, each strictly: UTF-8, then the legacy Korean ones; johab only after
#: a damaged UTF-8 was ruled out, since it takes almost any bytes.
_ENCODINGS: tuple[str, ...] = ("utf-8", "cp949", "euc-kr")
_LAST_ENCODINGS: tuple[str, ...] = ("johab",)
#: Largest share of control characters (other than whitespace) a text may hold.
_MAX_CONTROL_SHARE = 0.02
#: UTF-8 with a few bad bytes (a damaged copy) is still UTF-8 when its valid non-ASCII characters
#: outnumber its bad bytes this many times; text in another encoding read as UTF-8 is mostly bad.
_NEARLY_UTF8_RATIO = 20
_MIN_NEARLY_UTF8_CHARS = 20
#: A byte that UTF-8 could not decode, as ``surrogateescape`` keeps it.
_ESCAPED = re.compile("[\udc80-\udcff]")


def plausible_share(text: str) -> float:
    """Share of characters a Korean document is made of: Hangul, ASCII, CJK, punctuation."""
    if not text:
        return 0.0
    good = sum(
        1 for ch in text
        if ch.isprintable() or ch in "\n\r\t" or unicodedata.category(ch) in ("Zs", "Co")
    )
    hangul_or_ascii = sum(1 for ch in text if ch < "\x80" or "\uac00" <= ch <= "\ud7a3" or "\u3000" <= ch <= "\u33ff")
    return min(good, hangul_or_ascii) / len(text)


def guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order whose decoding reads as Korean or ASCII text."""
    sample = data[:4000]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    sample = sample[: len(sample) // 2 * 2]
    best, best_share = None, 0.0
    for name in ("utf-16-le", "utf-16-be"):
        share = plausible_share(sample.decode(name, errors="replace"))
        if share > best_share:
            best, best_share = name, share
    return best if best_share >= 0.95 else None


def detect_encoding(data: bytes, partial: bool = False) -> str:
    """The encoding of a text dump; raises ReadError for bytes that are not text."""
    return _detect(data, partial)[0]


def _detect(data: bytes, partial: bool) -> tuple[str, str | None]:
    """``(encoding, text)``: the text too when finding the encoding already decoded it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, None
    utf16 = guess_utf16(data)
    if utf16:
        return utf16, None
    if b"\x00" in data:
        raise ReadError("not a text file (binary content)")
    for name in _ENCODINGS:
        text = decoded(data, name, partial)
        if text is not None:
            return name, text
    text = nearly_utf8(data)
    if text is not None:
        return "utf-8", text
    for name in _LAST_ENCODINGS:
        text = decoded(data, name, partial)
        if text is not None:
            return name, text
    return _charset_normalizer_guess(data), None


def nearly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bytes that are not (a bit flipped, a copy cut mid-character), each bad byte
    kept as a lone surrogate (``surrogateescape``) until :func:`decode_text` makes it U+FFFD, so
    that one bad byte does not lose a card or read it in the wrong encoding. None otherwise."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(text))
    wide = sum(1 for ch in text if ch > "\x7f") - bad
    return text if wide >= _MIN_NEARLY_UTF8_CHARS and bad * _NEARLY_UTF8_RATIO <= wide else None


def decoded(data: bytes, encoding: str, partial: bool) -> str | None:
    """``data`` decoded, or None; with ``partial``, a sequence cut at the end is allowed."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        return str(decoder.decode(data, final=not partial))
    except UnicodeDecodeError:
        return None


def _charset_normalizer_guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("not a text file (no text encoding fits its bytes)")
    return str(best.encoding)


#: Control characters that do not occur in text (whitespace controls excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


def control_share(text: str) -> float:
    if not text or _CONTROL.search(text) is None:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def decode_text(data: bytes) -> tuple[str, str, int]:
    """``(text, encoding, replaced)``: decoded, LF line endings, NFC, glyphs mapped; ``replaced``
    bytes that the encoding could not decode (damaged UTF-8) are each U+FFFD."""
    encoding, text = _detect(data, partial=False)
    if text is None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReadError(f"not a text file (cannot decode as {encoding})") from exc
    text = text.lstrip("\ufeff")
    if control_share(text) > _MAX_CONTROL_SHARE:
        raise ReadError("not a text file (binary content)")
    replaced = len(_ESCAPED.findall(text))
    if replaced:
        text = _ESCAPED.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = clean_text(text)
    return map_glyphs(text), encoding, replaced


def looks_like_text(head: bytes) -> bool:
    """Sniff: a head of bytes that decodes as text with few control characters."""
    try:
        detect = detect_encoding(head, partial=True)
        sample = head.decode(detect, errors="ignore")
    except ReadError:
        return False
    return control_share(sample) <= _MAX_CONTROL_SHARE

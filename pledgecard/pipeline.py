"""File in, cards out: sniff the format, read the document, parse its cards, check them."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import regex

from pledgecard.extract import ReadError, read_document
from pledgecard.extract.card.parser import parse_cards
from pledgecard.extract.card.settings import DEFAULT, ParserSettings
from pledgecard.extract.document import Document
from pledgecard.models import Card, ErrorClass, FileResult, Source, SourceFormat
from pledgecard.normalize.checks import check_card, is_incomplete

NO_CARD = "no pledge card found (no kind line or header grid such as 공약명/관리번호)"
_DATE_KEY = regex.compile(r"^(\d{4})(?:-(?:(\d{2})|Q(\d)|H(\d)))?")


class ParseError(Exception):
    """A file that gave no card; the message names the file and the reason."""


def date_key(date: str) -> tuple[int, int]:
    """Sortable (year, month) of a precision date; a quarter counts as its last month."""
    match = _DATE_KEY.match(date)
    if match is None:
        return (0, 0)
    year, month, quarter, half = match.groups()
    if month:
        return int(year), int(month)
    if quarter:
        return int(year), int(quarter) * 3
    if half:
        return int(year), int(half) * 6
    return int(year), 12


def identify(card: Card) -> Card:
    """The card with ``as_of`` (the latest progress date) and ``card_id`` (number plus as-of)."""
    dates = [block.as_of for block in card.progress if block.as_of]
    as_of = max(dates, key=date_key) if dates else None
    number = card.pledge.number
    card_id = (f"{number}@{as_of}" if as_of else number) if number else None
    return card.model_copy(update={"as_of": as_of, "card_id": card_id})


def _failed(path: str, reason: str, sha256: str | None = None, error_class: ErrorClass = "input",
            fmt: SourceFormat | None = None) -> FileResult:
    return FileResult(path=path, format=fmt, status="failed", reason=reason, sha256=sha256, error_class=error_class)


def internal_error(exc: BaseException) -> str:
    """The one-line reason of a failure that is pledgecard's fault, not the file's."""
    detail = " ".join(str(exc).split())  # one line, whatever the exception says
    return f"internal error while parsing ({type(exc).__name__}{': ' + detail if detail else ''})"


def path_label(path: str) -> str:
    """``path`` as valid Unicode for the outputs: a file name whose bytes are not UTF-8 (a CP949
    name on a UTF-8 system) comes from the file system with lone surrogates, which no JSON or
    CSV can hold; those bytes are written as ``\\xNN``, so the label still tells files apart."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file system byte gives
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise ReadError("is a folder, not a file") from exc
    except FileNotFoundError as exc:
        raise ReadError("no such file") from exc
    except PermissionError as exc:
        raise ReadError("permission denied") from exc
    except OSError as exc:
        raise ReadError(f"cannot read ({exc.strerror or exc})") from exc


@contextmanager
def collection_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while one file is parsed: a parse makes thousands
    of short-lived objects and no cycles, and the collector's passes over them cost a tenth
    of the time. It runs again as before at the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_bytes(data: bytes, path: str, issuer: str | None = None,
                settings: ParserSettings = DEFAULT) -> FileResult:
    """Parse one file's bytes; never raises for bad input (status ``failed`` with a reason).
    ``issuer`` names the government of the cards that name none (``--issuer``); ``settings``
    is the card parser's profile (its vocabulary and thresholds)."""
    with collection_paused():
        return _parse_bytes(data, path, issuer, settings)


def _parse_bytes(data: bytes, path: str, issuer: str | None = None,
                 settings: ParserSettings = DEFAULT) -> FileResult:
    path = path_label(path)
    sha256 = hashlib.sha256(data).hexdigest()
    document: Document | None = None
    try:
        document = read_document(Path(path), data)
        source = Source(path=path, format=document.format, sha256=sha256)
        cards = [identify(check_card(card)) for card in parse_cards(document, source, settings, issuer)]
    except ReadError as exc:
        return _failed(path, exc.reason, sha256)
    except RecursionError:
        return _failed(path, "document nested too deeply", sha256)
    except Exception as exc:  # a bad file must never stop a batch, but a bug must not pass as bad input
        return _failed(path, internal_error(exc), sha256, "internal", document.format if document else None)
    if not cards:
        return FileResult(path=path, format=document.format, sha256=sha256, status="failed",
                          reason=NO_CARD, error_class="input", findings=document.findings)
    status = "partial" if any(is_incomplete(card) for card in cards) else "ok"
    return FileResult(path=path, format=document.format, sha256=sha256, status=status,
                      cards=cards, findings=document.findings)


def parse_file(path: str | Path, issuer: str | None = None, settings: ParserSettings = DEFAULT) -> FileResult:
    """Parse one file; never raises for a bad file (status ``failed`` with a reason)."""
    try:
        data = read_bytes(Path(path))
    except ReadError as exc:
        return _failed(path_label(str(path)), exc.reason)
    return parse_bytes(data, str(path), issuer, settings)


def parse(path: str | Path, issuer: str | None = None, settings: ParserSettings = DEFAULT) -> list[Card]:
    """The cards of one file; raises :class:`ParseError` (file and reason) when there are none.
    ``issuer`` names the government of the cards that name none; ``settings`` is the card
    parser's profile."""
    result = parse_file(path, issuer, settings)
    if not result.cards:
        raise ParseError(f"{path}: {result.reason or NO_CARD}")
    return result.cards

"""File in, cards out: sniff the format, read the document, parse its cards, check them."""

from __future__ import annotations

from pathlib import Path

from pledgecard.models import Card, FileResult


class ParseError(Exception):
    """A file that gave no card; the message names the file and the reason."""


def parse_file(path: str | Path) -> FileResult:
    """Parse one file; never raises for a bad file (status ``failed`` with a reason)."""
    raise NotImplementedError  # filled in by the pipeline work


def parse(path: str | Path) -> list[Card]:
    """The cards of one file; raises ParseError (file and reason) when there are none."""
    result = parse_file(path)
    if not result.cards:
        raise ParseError(f"{path}: {result.reason or 'no pledge card found'}")
    return result.cards

"""Stage 1: one reader per format into the format-neutral document, then the card parser."""

from pledgecard.extract.base import READERS, ReadError, read_document, sniff_format
from pledgecard.extract.text.reader import TextReader

__all__ = ["READERS", "ReadError", "TextReader", "read_document", "sniff_format"]

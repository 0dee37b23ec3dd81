"""Stage 1: one reader per format into the format-neutral document, then the card parser.

Importing this package registers every reader in ``READERS`` (see ``base.py``).
"""

from pledgecard.extract.base import READERS, ReadError, read_document, sniff_format
from pledgecard.extract.hwp.reader import HwpReader
from pledgecard.extract.hwpx.reader import HwpxReader
from pledgecard.extract.pdf.reader import PdfReader
from pledgecard.extract.text.reader import TextReader

__all__ = ["READERS", "HwpReader", "HwpxReader", "PdfReader", "ReadError", "TextReader", "read_document",
           "sniff_format"]

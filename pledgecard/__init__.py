"""pledgecard: Korean pledge management cards (공약사업 관리카드) into typed data.

>>> import pledgecard
>>> cards = pledgecard.parse("samples/gangwon-2-16/gangwon-2-16.txt")
"""

from pledgecard.models import SCHEMA_VERSION, Card, FileResult
from pledgecard.pipeline import parse, parse_file

__all__ = ["SCHEMA_VERSION", "Card", "FileResult", "parse", "parse_file"]
__version__ = "0.1.0"

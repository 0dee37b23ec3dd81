"""What every parse in the tests must give, whatever the input: a status that is not pledgecard's
own crash (``error_class == "internal"``: the pipeline turns any exception into a failed file,
so without this check a test of bad input passes while the parser is broken), and JSON."""

from __future__ import annotations

from pledgecard.models import FileResult


def sound(result: FileResult) -> FileResult:
    """``result``, once it is known not to be an internal error and to serialize to JSON."""
    assert result.error_class != "internal", f"{result.path}: {result.reason}"
    result.model_dump_json()
    return result

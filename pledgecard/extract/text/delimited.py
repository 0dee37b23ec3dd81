"""Rows whose cells are written between delimiters: markdown pipes and tabs.

    | 구 분 | 2024 | 2025 |        구 분<TAB>2024<TAB>2025
    |------|-----:|:----:|        계<TAB>100<TAB>200
    | 계   |  100 |  200 |

Without outer pipes (``a | b``) a row is taken only under a header row whose next line is a
separator. A markdown separator line (``|---|:--:|``) is table furniture: it marks the end of the
header rows and holds no content. A ``<br>`` inside a pipe cell is a line break (a cell of
several paragraphs), as markdown writers put it.
"""

from __future__ import annotations

import re

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_SEPARATOR_CELL = re.compile(r"\s*:?-{1,}:?\s*")
_LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)


def is_pipe_row(text: str) -> bool:
    """A line that opens with a pipe and holds another one: ``| a | b |``."""
    stripped = text.lstrip()
    return stripped[:1] == "|" and len(_UNESCAPED_PIPE.findall(stripped)) >= 2


def pipe_cells(text: str) -> list[str]:
    """The cells of a pipe row, outer pipes dropped: ``["a", "b"]`` from ``| a | b |``."""
    parts = _UNESCAPED_PIPE.split(text.strip())
    if parts and not parts[0].strip():
        parts = parts[1:]
    if len(parts) > 1 and not parts[-1].strip():
        parts = parts[:-1]
    return [_LINE_BREAK.sub("\n", part).strip() if "<" in part else part.strip() for part in parts]


def is_bare_row(text: str) -> bool:
    """A row without outer pipes (``a | b``), as markdown allows under a separator line."""
    return _UNESCAPED_PIPE.search(text) is not None


def is_separator(text: str) -> bool:
    """A markdown header separator: ``|---|:---:|`` or ``---|---`` (dashes, colons and pipes only)."""
    if "-" not in text or not is_bare_row(text):
        return False
    return all(_SEPARATOR_CELL.fullmatch(part) for part in pipe_cells(text))


def is_tab_row(text: str) -> bool:
    """A line with a tab after its first word (a leading tab alone is indentation)."""
    return "\t" in text.strip()


def tab_cells(text: str) -> list[str]:
    """The cells between tabs; leading tabs stand for empty cells, leading spaces are indentation."""
    return [part.strip() for part in text.lstrip(" ").rstrip().split("\t")]

"""The first difference between two JSON values, as ``path: expected …, got …``."""

from __future__ import annotations

import json
from typing import Any


def first_difference(expected: Any, got: Any, path: str = "") -> str | None:
    """The first path where two JSON values differ, with both sides; None when equal."""
    if isinstance(expected, dict) and isinstance(got, dict):
        for key in list(expected) + [k for k in got if k not in expected]:
            found = first_difference(expected.get(key), got.get(key), f"{path}.{key}" if path else key)
            if found:
                return found
        return None
    if isinstance(expected, list) and isinstance(got, list):
        for i, (a, b) in enumerate(zip(expected, got, strict=False)):
            found = first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        if len(expected) != len(got):
            return f"{path}#len: expected {len(expected)}, got {len(got)}"
        return None
    if expected != got:
        return f"{path}: expected {_short(expected)}, got {_short(got)}"
    return None


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."

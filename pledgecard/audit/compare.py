"""The leaf diff of parsed cards against a golden file, and the generalization of its paths.

A *leaf* is a scalar (string, number, bool, null) at a path such as ``pledge.title`` or
``progress[0].items[1].dates[0].start``; every list also gives one leaf for its length,
``achievements#len``. Keys named ``source`` and ``provenance`` are left out at any depth
(they say where a value came from, which differs between formats of the same card).
A value present on one side only counts each of its leaves as one mismatch.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import regex

#: Keys that say where a value came from; never compared.
ORIGIN_KEYS = frozenset({"source", "provenance"})
#: The path of the leaf that counts a file's cards.
CARDS_LEN = "cards#len"

LeafKind = Literal["match", "changed", "missing", "extra"]

_INDEX = regex.compile(r"\[\d+\]")
_SECTION = regex.compile(r"^[^.\[#]*")


@dataclass(frozen=True)
class Leaf:
    """One compared leaf: ``missing`` is in the golden only, ``extra`` in the parse only."""

    card: int | None
    path: str
    kind: LeafKind
    expected: Any = None
    got: Any = None

    @property
    def matched(self) -> bool:
        return self.kind == "match"

    @property
    def field(self) -> str:
        return generalize(self.path)

    @property
    def section(self) -> str:
        return section_of(self.path)


def generalize(path: str) -> str:
    """The path with every list index replaced by ``[]``: ``progress[0].items[2]`` → ``progress[].items[]``."""
    return str(_INDEX.sub("[]", path))


def section_of(path: str) -> str:
    """The top-level key of a path: ``finance.cells[0].won`` → ``finance``; ``cards#len`` → ``cards``."""
    match = _SECTION.match(path)
    head = str(match.group(0)) if match else ""
    return head or path


def without_origin(value: Any) -> Any:
    """The value with every ``source`` and ``provenance`` key left out, at any depth."""
    if isinstance(value, dict):
        return {k: without_origin(v) for k, v in value.items() if k not in ORIGIN_KEYS}
    if isinstance(value, list):
        return [without_origin(v) for v in value]
    return value


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every ``(path, scalar)`` of a JSON value, list lengths included; origin keys left out."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ORIGIN_KEYS:
                yield from leaves(item, _join(path, str(key)))
    elif isinstance(value, list):
        yield f"{path}#len", len(value)
        for i, item in enumerate(value):
            yield from leaves(item, f"{path}[{i}]")
    else:
        yield path, value


def same(expected: Any, got: Any) -> bool:
    """Scalar equality as JSON means it: ``1 == 1.0`` but ``True != 1``."""
    if isinstance(expected, bool) or isinstance(got, bool):
        return isinstance(expected, bool) and isinstance(got, bool) and expected == got
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return expected == got
    return type(expected) is type(got) and bool(expected == got)


def _only(value: Any, path: str, kind: LeafKind, card: int | None) -> Iterator[Leaf]:
    for leaf_path, scalar in leaves(value, path):
        if kind == "missing":
            yield Leaf(card, leaf_path, kind, expected=scalar)
        else:
            yield Leaf(card, leaf_path, kind, got=scalar)


def diff(expected: Any, got: Any, path: str = "", card: int | None = None) -> Iterator[Leaf]:
    """Compare two JSON values leaf by leaf, in the golden's key order."""
    if isinstance(expected, dict) and isinstance(got, dict):
        for key, item in expected.items():
            if key in ORIGIN_KEYS:
                continue
            sub = _join(path, str(key))
            if key in got:
                yield from diff(item, got[key], sub, card)
            else:
                yield from _only(item, sub, "missing", card)
        for key, item in got.items():
            if key not in expected and key not in ORIGIN_KEYS:
                yield from _only(item, _join(path, str(key)), "extra", card)
    elif isinstance(expected, list) and isinstance(got, list):
        length = f"{path}#len"
        yield Leaf(card, length, "match" if len(expected) == len(got) else "changed", len(expected), len(got))
        for i in range(max(len(expected), len(got))):
            sub = f"{path}[{i}]"
            if i >= len(got):
                yield from _only(expected[i], sub, "missing", card)
            elif i >= len(expected):
                yield from _only(got[i], sub, "extra", card)
            else:
                yield from diff(expected[i], got[i], sub, card)
    elif isinstance(expected, dict | list) or isinstance(got, dict | list):
        # a container on one side, a scalar or another kind of container on the other
        yield from _only(expected, path, "missing", card)
        yield from _only(got, path, "extra", card)
    else:
        yield Leaf(card, path, "match" if same(expected, got) else "changed", expected, got)


def diff_cards(expected: Sequence[Any], got: Sequence[Any]) -> list[Leaf]:
    """A file's cards against its golden array: the card count, then each card's leaves."""
    result = [Leaf(None, CARDS_LEN, "match" if len(expected) == len(got) else "changed", len(expected), len(got))]
    for i in range(max(len(expected), len(got))):
        if i >= len(got):
            result.extend(_only(expected[i], "", "missing", i))
        elif i >= len(expected):
            result.extend(_only(got[i], "", "extra", i))
        else:
            result.extend(diff(expected[i], got[i], "", i))
    return result

"""Facts checked by hand, independent of the goldens: ``samples/NAME/facts.json`` beside each sample.

The golden files are written by the parser they test; these facts are not. Each one was read
off the sample's source text by a person, with its arithmetic written in ``why``, and is checked
against the parse of every format of the sample (txt, hwp, hwpx, pdf).

A facts file is a JSON list of entries::

    {"path": "overview.total_cost.won", "value": 89873000000, "why": "89,873백만 원 = 89,873 × 1,000,000"}

with optional keys ``card`` (index of the card in the file, default 0), ``match`` (how the value
is compared, see ``MATCHES``) and ``xfail`` (a reason such as ``"parser: ..."``, or a map from format
to reason; the fact is then a known parser gap, ``xfail(strict=True)``).

Paths are the JSON dump of ``pledgecard.models.Card`` with a small selector syntax:

- ``a.b.c`` keys; ``items[3]`` a list position (``[-1]`` the last);
- ``cells[source=국비&year=2024]`` the one element whose keys have these values (exactly one must
  match; a value is compared as written for strings and as JSON for others: ``null``, ``true``, ``2024``);
- ``findings[*code=finance.row_sum]`` every matching element (a list), ``items[]`` every element;
  names after a list-valued step are taken from each element (``findings[].code``);
- a trailing ``#len`` gives the length of the result; the path ``#cards`` is the number of cards.

Samples still being written live in ``samples-new/NAME/``: their facts run as one test per
sample, ``xfail(strict=False)``, until the sample is moved into ``samples/`` (it then gets the
per-fact tests above).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pledgecard.pipeline import parse_bytes

from .conftest import ROOT, SAMPLES

NEW_SAMPLES = ROOT / "samples-new"
FORMATS = ("txt", "hwp", "hwpx", "pdf")
FACT_KEYS = {"path", "value", "why", "card", "match", "xfail"}
MIN_FACTS, MAX_FACTS = 25, 60


class FactError(Exception):
    """A path that does not resolve in the parsed card (a missing key, no unique match, ...)."""


def _same_set(got: Any, want: Any) -> bool:
    """Both lists hold the same values, ignoring order and repeats."""
    return isinstance(got, list) and {json.dumps(x) for x in got} == {json.dumps(x) for x in want}


MATCHES: dict[str, Callable[[Any, Any], bool]] = {
    "equals": lambda got, want: bool(got == want),
    "set": _same_set,
    "contains": lambda got, want: isinstance(got, str | list) and want in got,
    "startswith": lambda got, want: isinstance(got, str) and got.startswith(want),
    "ge": lambda got, want: isinstance(got, int | float) and got >= want,
}


# --- paths ---------------------------------------------------------------------------------

def split_path(path: str) -> list[str]:
    """``a.b[x=1.5].c`` -> ``["a", "b[x=1.5]", "c"]``: dots inside brackets do not split."""
    parts, depth, current = [], 0, ""
    for char in path:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "." and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def split_step(step: str) -> tuple[str, list[str]]:
    """``cells[source=국비][0]`` -> ``("cells", ["source=국비", "0"])``."""
    name, _, rest = step.partition("[")
    brackets = ("[" + rest).split("][") if rest else []
    return name, [b.strip("[]") for b in brackets] if rest else []


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _matches(element: Any, conditions: str) -> bool:
    if not isinstance(element, dict):
        return False
    for condition in conditions.split("&"):
        key, _, want = condition.partition("=")
        if key not in element or _as_text(element[key]) != want:
            return False
    return True


def _key(value: Any, name: str) -> Any:
    if not isinstance(value, dict) or name not in value:
        raise FactError(f"no key {name!r} in {_as_text(value)[:120]}")
    return value[name]


def _bracket(values: list[Any], bracket: str) -> tuple[list[Any], bool]:
    """Apply one bracket to every current value; True when the result is a list of many."""
    lists = []
    for value in values:
        if not isinstance(value, list):
            raise FactError(f"[{bracket}] applied to a non-list: {_as_text(value)[:120]}")
        lists.append(value)
    if bracket == "":
        return [x for v in lists for x in v], True
    if bracket.lstrip("-").isdigit():
        try:
            return [v[int(bracket)] for v in lists], False
        except IndexError:
            raise FactError(f"[{bracket}] out of range (length {[len(v) for v in lists]})") from None
    if bracket.startswith("*"):
        return [x for v in lists for x in v if _matches(x, bracket[1:])], True
    chosen = []
    for v in lists:
        found = [x for x in v if _matches(x, bracket)]
        if len(found) != 1:
            raise FactError(f"[{bracket}] matches {len(found)} elements, not one")
        chosen.append(found[0])
    return chosen, False


def resolve(cards: tuple[dict[str, Any], ...], card: int, path: str) -> Any:
    """The value at ``path`` in card ``card`` of a file's cards (see the module's docstring)."""
    if path == "#cards":
        return len(cards)
    if card >= len(cards):
        raise FactError(f"card {card} asked for, the file gives {len(cards)}")
    want_length = path.endswith("#len")
    path = path.removesuffix("#len")
    values: list[Any] = [cards[card]]
    many = False
    for step in split_path(path):
        name, brackets = split_step(step)
        if name:
            values = [_key(v, name) for v in values]
        for bracket in brackets:
            values, now_many = _bracket(values, bracket)
            many = many or now_many
    result = values if many else values[0]
    if want_length:
        if not isinstance(result, list | str):
            raise FactError(f"#len of a non-list: {_as_text(result)[:120]}")
        return len(result)
    return result


def check(cards: tuple[dict[str, Any], ...], fact: dict[str, Any]) -> str | None:
    """None when the fact holds, else what was found instead."""
    try:
        got = resolve(cards, fact.get("card", 0), fact["path"])
    except FactError as exc:
        return str(exc)
    if MATCHES[fact.get("match", "equals")](got, fact["value"]):
        return None
    return f"got {_as_text(got)[:300]}"


# --- files ---------------------------------------------------------------------------------

@cache
def parsed(path: Path) -> tuple[dict[str, Any], ...]:
    result = parse_bytes(path.read_bytes(), path.relative_to(ROOT).as_posix())
    return tuple(card.model_dump(mode="json") for card in result.cards)


def facts_file(folder: Path) -> Path | None:
    for name in ("facts.json", "FACTS.json"):
        if (folder / name).exists():
            return folder / name
    return None


def load_facts(path: Path) -> list[dict[str, Any]]:
    facts = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(facts, list), f"{path}: a facts file is a JSON list"
    return facts


def sources(folder: Path) -> list[Path]:
    return [folder / f"{folder.name}.{fmt}" for fmt in FORMATS if (folder / f"{folder.name}.{fmt}").exists()]


def sample_folders(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/*.txt") if p.stem == p.parent.name) if root.exists() else []


def _xfail_reason(fact: dict[str, Any], fmt: str) -> str | None:
    reason = fact.get("xfail")
    return reason.get(fmt) if isinstance(reason, dict) else reason


def _fact_cases() -> list[Any]:
    cases = []
    for folder in sample_folders(SAMPLES):
        found = facts_file(folder)
        if found is None:
            continue
        for source in sources(folder):
            fmt = source.suffix[1:]
            for fact in load_facts(found):
                reason = _xfail_reason(fact, fmt)
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                card = f"card{fact['card']}:" if fact.get("card") else ""
                cases.append(pytest.param(source, fact, marks=marks, id=f"{source.name}:{card}{fact['path']}"))
    return cases


@pytest.mark.parametrize(("source", "fact"), _fact_cases())
def test_fact(source: Path, fact: dict[str, Any]) -> None:
    problem = check(parsed(source), fact)
    assert problem is None, f"{fact['path']} should be {_as_text(fact['value'])} ({fact['why']}): {problem}"


# --- the facts files themselves ------------------------------------------------------------

ALL_FOLDERS = sample_folders(SAMPLES) + sample_folders(NEW_SAMPLES)


def test_every_sample_has_facts() -> None:
    assert [f.name for f in sample_folders(SAMPLES) if facts_file(f) is None] == []


@pytest.mark.parametrize("folder", ALL_FOLDERS, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_facts_file_is_well_formed(folder: Path) -> None:
    found = facts_file(folder)
    if found is None:
        pytest.skip("no facts file yet")
    facts = load_facts(found)
    per_card: dict[int, int] = {}
    for fact in facts:
        assert set(fact) <= FACT_KEYS and {"path", "value", "why"} <= set(fact), fact
        assert fact["why"].strip(), fact
        assert fact.get("match", "equals") in MATCHES, fact
        per_card[fact.get("card", 0)] = per_card.get(fact.get("card", 0), 0) + 1
    for card, count in per_card.items():
        assert MIN_FACTS <= count <= MAX_FACTS, f"card {card}: {count} facts"


def test_selector_syntax() -> None:
    cards = ({"a": [{"k": "x", "n": 1, "v": None}, {"k": "y.z", "n": 2, "v": 5}], "b": {"c": "text"}},)
    assert resolve(cards, 0, "a[k=y.z].n") == 2
    assert resolve(cards, 0, "a[n=1&v=null].k") == "x"
    assert resolve(cards, 0, "a[].k") == ["x", "y.z"]
    assert resolve(cards, 0, "a[*n=2]#len") == 1
    assert resolve(cards, 0, "a[-1].v") == 5
    assert resolve(cards, 0, "b.c") == "text"
    assert resolve(cards, 0, "#cards") == 1
    with pytest.raises(FactError):
        resolve(cards, 0, "a[k=q].n")
    assert check(cards, {"path": "a[].k", "value": ["y.z", "x"], "match": "set"}) is None
    assert check(cards, {"path": "b.c", "value": "tex", "match": "startswith"}) is None
    assert check(cards, {"path": "a[0].n", "value": 2}) == "got 1"


# --- samples still being written -----------------------------------------------------------

NEW_FOLDERS = [f for f in sample_folders(NEW_SAMPLES) if not (SAMPLES / f.name).exists()]


@pytest.mark.xfail(strict=False, reason="new sample: the parser may not read it yet (samples-new/)")
@pytest.mark.parametrize("folder", NEW_FOLDERS, ids=lambda f: f.name)
def test_new_sample_facts(folder: Path) -> None:
    found = facts_file(folder)
    assert found is not None, f"{folder.name}: no facts.json"
    failures = [f"{source.suffix[1:]} card{fact.get('card', 0)} {fact['path']}: want {_as_text(fact['value'])}, "
                f"{problem}"
                for source in sources(folder) for fact in load_facts(found)
                if (problem := check(parsed(source), fact)) is not None]
    assert failures == []

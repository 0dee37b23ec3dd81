"""The field reference (``docs/fields.md``), generated from the contract's models.

Every model reachable from :class:`~pledgecard.models.Card` (and :class:`FileResult`) gets a
table of its fields: JSON key, type, description and example, as the models declare them, so
the reference cannot drift from the code. ``python -m pledgecard.outputs.fieldref`` prints it;
``--write PATH`` writes it (a test checks that the committed ``docs/fields.md`` is current).
"""

from __future__ import annotations

import argparse
import json
import sys
import types
from collections.abc import Iterator, Sequence
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from pledgecard.models import SCHEMA_VERSION, Card, FileResult

ROOTS: tuple[type[BaseModel], ...] = (Card, FileResult)
COMMAND = "python -m pledgecard.outputs.fieldref --write docs/fields.md"


def _models_of(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_of(arg)


def reachable_models(roots: Sequence[type[BaseModel]] = ROOTS) -> list[type[BaseModel]]:
    """Each root, then every model its fields use (breadth first), each model once."""
    order: list[type[BaseModel]] = []
    for root in roots:
        queue = [root]
        while queue:
            model = queue.pop(0)
            if model in order:
                continue
            order.append(model)
            for info in model.model_fields.values():
                queue.extend(m for m in _models_of(info.annotation) if m not in order)
    return order


def type_text(annotation: Any) -> str:
    """A field's type as the JSON reads it: ``str | null``, ``list[Item]``, ``"ok" | "partial"``."""
    if annotation is None or annotation is type(None):
        return "null"
    origin = get_origin(annotation)
    if origin is Literal:
        return " \\| ".join(f"`{json.dumps(v, ensure_ascii=False)}`" for v in get_args(annotation))
    if origin in (Union, types.UnionType):
        return " \\| ".join(type_text(arg) for arg in get_args(annotation))
    if origin is list:
        return f"list[{type_text(get_args(annotation)[0])}]"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return {str: "str", int: "int", float: "float", bool: "bool"}.get(annotation, str(annotation))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _default_text(info: FieldInfo) -> str:
    if info.is_required():
        return "required"
    if info.default_factory is not None:
        made = info.default_factory()  # type: ignore[call-arg]
        return "`[]`" if made == [] else "`{…}` (all fields at their defaults)"
    return f"`{json.dumps(info.default, ensure_ascii=False)}`"


def _example_text(info: FieldInfo) -> str:
    return ", ".join(f"`{_cell(json.dumps(e, ensure_ascii=False))}`" for e in info.examples or [])


def model_section(model: type[BaseModel]) -> str:
    doc = " ".join((model.__doc__ or "").split())
    lines = [f"## {model.__name__}", "", _cell(doc), "",
             "| field | type | default | description | example |", "|---|---|---|---|---|"]
    for name, info in model.model_fields.items():
        lines.append(f"| `{name}` | {type_text(info.annotation)} | {_default_text(info)} | "
                     f"{_cell(info.description or '')} | {_example_text(info)} |")
    return "\n".join(lines) + "\n"


def field_reference() -> str:
    """The whole ``docs/fields.md``."""
    models = reachable_models()
    head = (f"# The card's fields (schema {SCHEMA_VERSION})\n\n"
            f"Generated from `pledgecard/models.py` by `{COMMAND}`; do not edit by hand.\n\n"
            "One JSON object per card (`Card`); every key is present, and an unknown value is `null` or `[]`, "
            "never invented. Every normalized value keeps the text it came from (`text` or `raw`). "
            "`FileResult` is what parsing one file gives (the Python API's `parse_file`). "
            "The JSON Schema of a card is `pledgecard schema`.\n\n"
            + "".join(f"- [{m.__name__}](#{m.__name__.lower()})\n" for m in models))
    return head + "".join("\n" + model_section(m) for m in models)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pledgecard.outputs.fieldref",
                                     description="Print (or write) the field reference generated from the models.")
    parser.add_argument("--write", metavar="PATH", help="write it to PATH instead of stdout")
    args = parser.parse_args(argv)
    text = field_reference()
    if args.write:
        with open(args.write, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

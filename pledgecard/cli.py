"""The command line: a thin layer over the library. Never prints a traceback."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from pledgecard import __version__
from pledgecard.models import FileResult
from pledgecard.outputs import card_schema_json, cards_json, write_outputs
from pledgecard.pipeline import NO_CARD, parse_file

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pledgecard", description=(
        "Turn Korean pledge management cards (공약사업 관리카드) into typed JSON and CSV."))
    parser.add_argument("--version", action="version", version=f"pledgecard {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser("parse", help="print the cards of one file as a JSON array")
    parse.add_argument("file", type=Path)
    convert = commands.add_parser("convert", help="convert files and folders; write JSON, JSONL and CSV")
    convert.add_argument("inputs", nargs="+", type=Path, metavar="INPUT")
    convert.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    convert.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    commands.add_parser("schema", help="print the JSON Schema of a card")
    return parser


#: File name endings taken from a folder walk; other files are listed as skipped.
CARD_SUFFIXES = frozenset({".txt", ".hwp", ".hwpx", ".pdf"})


def iter_inputs(inputs: Sequence[Path]) -> Iterator[tuple[Path, bool]]:
    """``(file, explicit)``: files as given, folders walked recursively in a stable order."""
    for path in inputs:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file():
                    yield child, False
        else:
            yield path, True


def convert_one(path: Path, explicit: bool) -> FileResult:
    if not explicit and path.suffix.lower() not in CARD_SUFFIXES:
        return FileResult(path=str(path), status="skipped",
                          reason=f"not a card file type ({path.suffix or 'no extension'})")
    return parse_file(path)


def command_parse(file: Path, out: TextIO, err: TextIO) -> int:
    result = parse_file(file)
    if not result.cards:
        err.write(f"pledgecard: {file}: {result.reason or NO_CARD}\n")
        return EXIT_FAILED
    out.write(cards_json(result.cards))
    return EXIT_OK


def summary(results: Sequence[FileResult], seconds: float) -> str:
    statuses = Counter(r.status for r in results)
    codes = Counter(f.code for r in results for c in r.cards for f in c.findings)
    cards = sum(len(r.cards) for r in results)
    lines = [f"{len(results)} files, {cards} cards: "
             + ", ".join(f"{statuses.get(s, 0)} {s}" for s in ("ok", "partial", "failed", "skipped"))
             + f" in {seconds:.1f} s"]
    lines += [f"  {code}: {n}" for code, n in sorted(codes.items())]
    lines += [f"  failed: {r.path}: {r.reason}" for r in results if r.status == "failed"]
    return "\n".join(lines) + "\n"


def command_convert(inputs: Sequence[Path], output: Path, quiet: bool, err: TextIO) -> int:
    started = time.perf_counter()
    results = [convert_one(path, explicit) for path, explicit in iter_inputs(inputs)]
    if not results:
        err.write("pledgecard: no input files found\n")
        return EXIT_USAGE
    try:
        write_outputs(results, output)
    except OSError as exc:
        err.write(f"pledgecard: {output}: cannot write outputs ({exc.strerror or exc})\n")
        return EXIT_FAILED
    if not quiet:
        err.write(summary(results, time.perf_counter() - started))
    return EXIT_FAILED if any(r.status == "failed" for r in results) else EXIT_OK


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    try:
        if args.command == "parse":
            return command_parse(args.file, out, err)
        if args.command == "convert":
            return command_convert(args.inputs, args.output, args.quiet, err)
        out.write(card_schema_json())
        return EXIT_OK
    except KeyboardInterrupt:
        err.write("pledgecard: interrupted\n")
        return 130
    except Exception as exc:  # the last guard: one line, never a traceback
        err.write(f"pledgecard: internal error: {type(exc).__name__}: {exc}\n")
        return EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())

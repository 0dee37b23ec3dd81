"""The command line: a thin layer over the library. Never prints a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from pledgecard import __version__
from pledgecard.audit.command import add_audit_parser, command_audit
from pledgecard.batch.convert import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, convert_batch
from pledgecard.batch.progress import progress_bar
from pledgecard.outputs import card_schema_json, cards_json
from pledgecard.pipeline import NO_CARD, parse_file

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


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
    convert.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr")
    convert.add_argument("-j", "--jobs", type=positive_int, default=None,
                         help="parallel workers (default: all cores)")
    convert.add_argument("--timeout", type=positive_float, default=DEFAULT_TIMEOUT,
                         help="seconds one file may take before it is given up as failed (default 60)")
    convert.add_argument("--resume", action="store_true",
                         help="skip inputs whose result is already in DIR (same content, same version)")
    convert.add_argument("--max-memory-mb", type=positive_int, default=DEFAULT_MAX_MEMORY_MB,
                         help="memory one worker may use (default 4096)")
    commands.add_parser("schema", help="print the JSON Schema of a card")
    add_audit_parser(commands)
    return parser


def command_parse(file: Path, out: TextIO, err: TextIO) -> int:
    result = parse_file(file)
    if not result.cards:
        err.write(f"pledgecard: {file}: {result.reason or NO_CARD}\n")
        return EXIT_FAILED
    out.write(cards_json(result.cards))
    return EXIT_OK


def command_convert(args: argparse.Namespace, err: TextIO) -> int:
    missing = [str(p) for p in args.inputs if not p.exists() and not p.is_symlink()]
    if missing:
        err.write(f"pledgecard: no such input: {', '.join(missing)}\n")
        return EXIT_USAGE
    with progress_bar(enabled=not args.quiet and err.isatty(), stream=err) as tick:
        try:
            summary = convert_batch(args.inputs, args.output, jobs=args.jobs, timeout=args.timeout,
                                    resume=args.resume, max_memory_mb=args.max_memory_mb, progress=tick)
        except OSError as exc:
            err.write(f"pledgecard: {args.output}: cannot write outputs ({exc.strerror or exc})\n")
            return EXIT_FAILED
    if not args.quiet:
        err.write(summary.text())
    if summary.files == 0:
        err.write("pledgecard: no input files found\n")
        return EXIT_USAGE
    return EXIT_FAILED if summary.statuses.get("failed") else EXIT_OK


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
            return command_convert(args, err)
        if args.command == "audit":
            return command_audit(args, out, err)
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

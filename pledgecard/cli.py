"""The command line: a thin layer over the library. Never prints a traceback."""

from __future__ import annotations

import argparse
import signal
import sys
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import BinaryIO, TextIO

from pledgecard import __version__
from pledgecard.audit.command import add_audit_parser, command_audit
from pledgecard.batch.convert import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, ConvertRefused, convert_batch
from pledgecard.batch.inputs import ARCHIVE_SUFFIXES, CARD_SUFFIXES
from pledgecard.batch.progress import progress_bar
from pledgecard.history.command import add_history_parser, add_issuer_options, command_history, issuer_choice
from pledgecard.models import FileResult
from pledgecard.outputs import card_schema_json, cards_json
from pledgecard.pipeline import NO_CARD, parse_bytes, parse_file

#: 0 done; 1 some input failed (the outputs are written); 2 bad usage (nothing touched);
#: 3 the outputs could not be written.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_WRITE = 0, 1, 2, 3
STDIN_NAME = "<stdin>"


class Interrupted(KeyboardInterrupt):
    """SIGTERM, told apart from Ctrl-C (SIGINT) by its signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


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
    parse.add_argument("file", type=Path, help="a card file, or - for standard input")
    add_issuer_options(parse, folders=False)
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
    convert.add_argument("--force", action="store_true",
                         help="write into DIR even though it holds files pledgecard did not write (they are kept)")
    convert.add_argument("--db", metavar="URL", default=None,
                         help="also load the tables into this database (postgresql://USER@HOST/DB); "
                              "DIR/cards.sqlite is always written")
    add_issuer_options(convert)
    commands.add_parser("schema", help="print the JSON Schema of a card")
    add_audit_parser(commands)
    add_history_parser(commands)
    return parser


def command_parse(file: Path, out: TextIO, err: TextIO, inp: BinaryIO, issuer: str | None = None) -> int:
    if str(file) == "-":
        result, name = parse_bytes(inp.read(), STDIN_NAME, issuer), STDIN_NAME
    else:
        result, name = parse_file(file, issuer), str(file)
    if not result.cards:
        err.write(f"pledgecard: {name}: {result.reason or NO_CARD}{_archive_hint(file, result)}\n")
        return EXIT_FAILED
    out.write(cards_json(result.cards))
    return EXIT_OK


def _archive_hint(file: Path, result: FileResult) -> str:
    """For a zip archive of card files given to ``parse``: how to read the cards in it."""
    if result.format is not None or str(file) == "-":
        return ""
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return ""
    if any(Path(n).suffix.lower() in CARD_SUFFIXES | ARCHIVE_SUFFIXES for n in names):
        return f"; to read the cards in an archive: pledgecard convert {file} -o DIR"
    return ""


def _raise_interrupted(signum: int, _frame: FrameType | None) -> None:
    raise Interrupted(signum)


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """SIGTERM ends a run the way Ctrl-C does (workers stopped, nothing half-written). Only the
    main thread may set a handler; elsewhere (pledgecard run from a thread) SIGTERM is left alone."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_interrupted)
    except ValueError:
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def command_convert(args: argparse.Namespace, err: TextIO) -> int:
    missing = [str(p) for p in args.inputs if not p.exists() and not p.is_symlink()]
    if missing:
        err.write(f"pledgecard: no such input: {', '.join(missing)}\n")
        return EXIT_USAGE
    try:
        with sigterm_interrupts(), progress_bar(enabled=not args.quiet and err.isatty(), stream=err) as tick:
            summary = convert_batch(args.inputs, args.output, jobs=args.jobs, timeout=args.timeout,
                                    resume=args.resume, max_memory_mb=args.max_memory_mb, progress=tick,
                                    force=args.force, issuer=issuer_choice(args), database=args.db)
    except ConvertRefused as exc:
        err.write(f"pledgecard: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:
        err.write(f"pledgecard: {args.output}: cannot write outputs ({exc.strerror or exc})\n")
        return EXIT_WRITE
    except KeyboardInterrupt as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        err.write(f"pledgecard: interrupted; the files parsed so far are kept in {args.output}: run the same "
                  "command with --resume to go on from there\n")
        return 128 + signum
    if not args.quiet:
        err.write(summary.text())
    return EXIT_FAILED if summary.statuses.get("failed") else EXIT_OK


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None,
         inp: BinaryIO | None = None) -> int:
    out, err, inp = out or sys.stdout, err or sys.stderr, inp or sys.stdin.buffer
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    try:
        if args.command == "parse":
            return command_parse(args.file, out, err, inp, issuer_choice(args).name)
        if args.command == "convert":
            return command_convert(args, err)
        if args.command == "audit":
            return command_audit(args, out, err)
        if args.command == "history":
            return command_history(args, out, err)
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

"""``pledgecard history INPUT... -o DIR``: each pledge's cards by as-of date and what changed,
written to ``history.csv`` and ``history.html`` (CARD-SPEC §6)."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from pledgecard.batch.issuers import IssuerChoice
from pledgecard.db import SQLITE_NAME, DatabaseRefused
from pledgecard.history.csvfile import history_csv
from pledgecard.history.database import cards_from_database, write_history_table
from pledgecard.history.page import render_history_html
from pledgecard.history.sources import DEFAULT_TIMEOUT, load_cards
from pledgecard.history.timeline import Histories, build_histories
from pledgecard.outputs.atomic import write_text_atomic
from pledgecard.outputs.manifest import manifest_path, record_written, written_files

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_WRITE = 0, 1, 2, 3
OUTPUT_FILES = ("history.csv", "history.html")


def add_issuer_options(parser: argparse.ArgumentParser, folders: bool = True) -> None:
    """``--issuer NAME`` (and ``--issuer-from-folder``) for the cards that name no issuer."""
    parser.add_argument("--issuer", metavar="NAME", default=None,
                        help="the government that issued cards which do not name one (원주시)")
    if folders:
        parser.add_argument("--issuer-from-folder", action="store_true",
                            help="the first folder level under an input folder names the issuer of the cards "
                                 "beneath it (archive/원주시/…); --issuer for the rest")


def issuer_choice(args: argparse.Namespace) -> IssuerChoice:
    name = (args.issuer or "").strip() or None
    return IssuerChoice(name=name, from_folder=bool(getattr(args, "issuer_from_folder", False)))


def add_history_parser(commands: Any) -> None:
    history = commands.add_parser("history", help="each pledge's cards by as-of date and what changed between "
                                  "them: history.csv and history.html")
    history.add_argument("inputs", nargs="*", type=Path, metavar="INPUT",
                         help="card files, folders, zip archives, or an output folder of convert (its cards.jsonl)")
    history.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    history.add_argument("--db", metavar="URL", default=None,
                         help="also read the cards of this database (postgresql://USER@HOST/DB or a cards.sqlite) "
                              "and write its history table")
    add_issuer_options(history)
    history.add_argument("-j", "--jobs", type=int, default=None, help="parallel workers (default: all cores)")
    history.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                         help="seconds one file may take before it is given up as failed (default 60)")
    history.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def write_history(histories: Histories, out_dir: Path) -> list[Path]:
    """history.csv (UTF-8 with BOM) and history.html in ``out_dir``, each written whole or not at
    all; in an output folder of ``convert`` they are listed as pledgecard's own."""
    out_dir.mkdir(parents=True, exist_ok=True)
    write_text_atomic(out_dir / "history.csv", history_csv(histories.changes()), encoding="utf-8-sig")
    write_text_atomic(out_dir / "history.html", render_history_html(histories))
    if manifest_path(out_dir).is_file():
        record_written(out_dir, written_files(out_dir).union(OUTPUT_FILES))
    return [out_dir / name for name in OUTPUT_FILES]


def summary(histories: Histories, failed: list[tuple[str, str]]) -> str:
    codes = Counter(c.code for c in histories.changes())
    lines = [f"{histories.cards} cards of {len(histories.pledges)} pledges: {sum(codes.values())} changes"]
    lines += [f"  {code}: {n}" for code, n in sorted(codes.items())]
    if histories.unidentified:
        lines.append(f"  {len(histories.unidentified)} cards with neither number nor title left out")
    lines += [f"  failed: {path}: {reason}" for path, reason in failed]
    return "\n".join(lines) + "\n"


def history_tables(args: argparse.Namespace) -> list[str | Path]:
    """The databases whose ``history`` table this run writes: ``--db``, else the ``cards.sqlite``
    of the one input when it is an output folder of ``convert``."""
    if args.db:
        return [args.db]
    if len(args.inputs) == 1 and (args.inputs[0] / SQLITE_NAME).is_file():
        return [args.inputs[0] / SQLITE_NAME]
    return []


def _usage_error(args: argparse.Namespace) -> str | None:
    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        return f"no such input: {', '.join(missing)}"
    if not args.inputs and not args.db:
        return "history needs an INPUT or --db URL"
    if (args.jobs is not None and args.jobs < 1) or args.timeout <= 0:
        return "--jobs must be 1 or more and --timeout more than 0"
    return None


def command_history(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    problem = _usage_error(args)
    if problem:
        err.write(f"pledgecard: {problem}\n")
        return EXIT_USAGE
    try:
        stored = cards_from_database(args.db) if args.db else []
    except DatabaseRefused as exc:
        err.write(f"pledgecard: {exc}\n")
        return EXIT_USAGE
    loaded = load_cards(args.inputs, issuer_choice(args), jobs=args.jobs, timeout=args.timeout)
    if not loaded.cards and not stored:
        err.write("pledgecard: no pledge card found in the inputs\n")
        return EXIT_FAILED
    histories = build_histories([*stored, *loaded.cards], loaded.full)
    try:
        write_history(histories, args.output)
        for target in history_tables(args):
            write_history_table(target, histories.changes())
    except (OSError, DatabaseRefused) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        err.write(f"pledgecard: {args.output}: cannot write outputs ({reason})\n")
        return EXIT_WRITE
    if not args.quiet:
        err.write(summary(histories, loaded.failed))
    return EXIT_FAILED if loaded.failed else EXIT_OK

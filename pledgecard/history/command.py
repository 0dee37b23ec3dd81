"""``pledgecard history INPUT... -o DIR``: each pledge's cards by as-of date and what changed,
written to ``history.csv`` and ``history.html`` (CARD-SPEC §6)."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from pledgecard.batch.convert import ConvertRefused, check_output_folder
from pledgecard.batch.issuers import IssuerChoice
from pledgecard.db import SQLITE_NAME, DatabaseRefused
from pledgecard.history.csvfile import history_csv
from pledgecard.history.database import cards_from_database, write_history_table
from pledgecard.history.page import DEFAULT_MAX_PLEDGES, render_history_html, timelines_left_out
from pledgecard.history.sources import DEFAULT_TIMEOUT, load_cards
from pledgecard.history.timeline import Histories, build_histories
from pledgecard.outputs.atomic import write_text_atomic
from pledgecard.outputs.manifest import HISTORY, record_written

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
    history.add_argument("--force", action="store_true",
                         help="write into DIR even though it holds files pledgecard did not write (they are kept; "
                              "a history.csv or history.html of yours is overwritten)")
    history.add_argument("--max-html-pledges", type=html_cap, default=DEFAULT_MAX_PLEDGES, metavar="N",
                         help=f"timelines and charts of the first N pledges in history.html (default "
                              f"{DEFAULT_MAX_PLEDGES}; 'all' for every one): the rest are named in its index, "
                              "and history.csv has every change")
    history.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def html_cap(text: str) -> int | None:
    """``--max-html-pledges``: a whole number (0: the index only), or ``all`` (no cap: None)."""
    if text.strip().lower() == "all":
        return None
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more, or all")
    return value


def write_history(histories: Histories, out_dir: Path,
                  max_html_pledges: int | None = DEFAULT_MAX_PLEDGES) -> list[Path]:
    """history.csv (UTF-8 with BOM, every change) and history.html (the timelines of the first
    ``max_html_pledges`` pledges) in ``out_dir``, each written whole or not at all. Both are listed
    in the folder's manifest as ``history``'s (beside what ``convert`` wrote there, which stays as it
    is) before they are written, so that the next run replaces them, ``convert`` leaves them alone and
    a run killed in between leaves no file unlisted. The caller has refused a folder holding files
    pledgecard did not write."""
    out_dir.mkdir(parents=True, exist_ok=True)
    record_written(out_dir, HISTORY, OUTPUT_FILES)
    write_text_atomic(out_dir / "history.csv", history_csv(histories.changes()), encoding="utf-8-sig")
    write_text_atomic(out_dir / "history.html", render_history_html(histories, max_html_pledges))
    return [out_dir / name for name in OUTPUT_FILES]


def cut_notice(histories: Histories, max_html_pledges: int | None) -> str:
    """One line for stderr when history.html leaves timelines out; empty when it has them all."""
    left_out = timelines_left_out(histories, max_html_pledges)
    if not left_out:
        return ""
    total = len(histories.pledges)
    return (f"pledgecard: history.html shows the timelines and charts of {total - len(left_out):,} of {total:,} "
            f"pledges (--max-html-pledges {max_html_pledges}); the other {len(left_out):,}, from "
            f"{left_out[0].pledge} on, are named in its index only; history.csv has every change "
            "(--max-html-pledges all for every timeline)\n")


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
        check_output_folder(args.output, args.force)
    except ConvertRefused as exc:
        err.write(f"pledgecard: {exc}\n")
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
        write_history(histories, args.output, args.max_html_pledges)
        for target in history_tables(args):
            write_history_table(target, histories.changes())
    except (OSError, DatabaseRefused) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        err.write(f"pledgecard: {args.output}: cannot write outputs ({reason})\n")
        return EXIT_WRITE
    if not args.quiet:
        err.write(summary(histories, loaded.failed))
    err.write(cut_notice(histories, args.max_html_pledges))  # even with --quiet: nothing is left out unsaid
    return EXIT_FAILED if loaded.failed else EXIT_OK

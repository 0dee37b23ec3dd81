"""``pledgecard audit``: parse quality against golden files, or (``--self``) without them.

Exit status: 0 done; 1 the overall accuracy is below ``--min-accuracy`` (or a golden could
not be read while a threshold was asked for), or a file failed (or was partial) under
``--fail-on``; 2 bad usage (no such folder, nothing to audit, an option that does not fit).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from pledgecard.audit.html import render_audit_html, render_self_html
from pledgecard.audit.page import pct
from pledgecard.audit.report import run_audit
from pledgecard.audit.selfcheck import run_selfcheck
from pledgecard.audit.sources import GOLDEN_SUFFIX, discover
from pledgecard.audit.summary import audit_summary, self_summary
from pledgecard.outputs.atomic import write_text_atomic

EXIT_OK, EXIT_BELOW, EXIT_USAGE = 0, 1, 2

#: ``--fail-on``: the statuses that make the audit fail.
FAIL_ON = {"failed": ("failed",), "partial": ("failed", "partial")}
MIN_ACCURACY_HELP = ("fail (exit 1) when the overall accuracy is below P: a fraction 0..1 (0.995) or a "
                     "percentage above 1 or ending in %% (99.5, 99.5%%); 1 means 100 %%")


def threshold(text: str) -> float:
    """``--min-accuracy``: ``0.995``, ``99.5`` and ``99.5%`` all mean 0.995; ``1`` means 100 %."""
    raw = text.strip()
    percent = raw.endswith("%")
    try:
        value = float(raw.rstrip("%").strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from exc
    if value != value or value < 0:  # NaN or negative
        raise argparse.ArgumentTypeError(f"out of range: {text!r}")
    if percent or value > 1:
        value /= 100
    if value > 1:
        raise argparse.ArgumentTypeError(f"above 100 %: {text!r}")
    return value


def jobs_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def add_audit_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``audit`` subcommand and its options."""
    audit = commands.add_parser(
        "audit", help="measure parse quality: against golden *.expected.json files, or --self without them",
        description=("Parse every .txt/.hwp/.hwpx/.pdf file under DIR that has a golden NAME.expected.json "
                     "beside it and compare leaf by leaf (source and provenance ignored): accuracy per field, "
                     "section, format and overall, and every mismatch. With --self: findings, unplaced text "
                     "and missing parts of every card file, no goldens needed."))
    audit.add_argument("dir", type=Path, metavar="DIR", help="folder of samples (walked recursively)")
    audit.add_argument("--self", dest="self_check", action="store_true",
                       help="no goldens: report findings by code, unplaced share, missing parts and statuses")
    audit.add_argument("--min-accuracy", type=threshold, metavar="P", help=MIN_ACCURACY_HELP)
    audit.add_argument("--json", type=Path, metavar="FILE", help="write the report as JSON")
    audit.add_argument("--html", type=Path, metavar="FILE", help="write a self-contained HTML report")
    audit.add_argument("--show", type=int, default=20, metavar="N",
                       help="mismatches listed on stdout (default 20; -1 for all)")
    audit.add_argument("-j", "--jobs", type=jobs_count, default=None, metavar="N",
                       help="parallel workers, as for convert (default: all cores)")
    audit.add_argument("--fail-on", choices=sorted(FAIL_ON), default=None,
                       help="exit 1 when any file failed (failed), or failed or was partial (partial)")


def _write(path: Path, text: str, err: TextIO) -> bool:
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        err.write(f"pledgecard: {path}: cannot write ({exc.strerror or exc})\n")
        return False
    return True


def command_audit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    root: Path = args.dir
    if not root.is_dir():
        err.write(f"pledgecard: {root}: {'not a folder' if root.exists() else 'no such folder'}\n")
        return EXIT_USAGE
    if args.self_check:
        if args.min_accuracy is not None:
            err.write("pledgecard: --min-accuracy needs golden files; it does not apply to --self\n")
            return EXIT_USAGE
        return _self(root, args, out, err)
    sources = discover(root, with_golden=True)
    if not sources:
        err.write(f"pledgecard: {root}: no .txt/.hwp/.hwpx/.pdf file with a golden NAME{GOLDEN_SUFFIX} beside it "
                  "(use --self to audit without goldens)\n")
        return EXIT_USAGE
    run = run_audit(root, sources, with_text=args.html is not None, jobs=args.jobs)
    report = run.report
    out.write(audit_summary(report, args.show))
    written = True
    if args.json is not None:
        written = _write(args.json, report.model_dump_json(indent=2) + "\n", err) and written
    if args.html is not None:
        written = _write(args.html, render_audit_html(run), err) and written
    if not written or _fails(args.fail_on, [f.status for f in report.files], err):
        return EXIT_BELOW
    if args.min_accuracy is not None:
        if report.counts.golden_errors:
            err.write(f"pledgecard: {report.counts.golden_errors} golden file(s) could not be read\n")
            return EXIT_BELOW
        if report.overall.accuracy < args.min_accuracy:
            err.write(f"pledgecard: accuracy {pct(report.overall.accuracy)} is below the minimum "
                      f"{args.min_accuracy * 100:g} %\n")
            return EXIT_BELOW
    return EXIT_OK


def _self(root: Path, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    sources = discover(root, with_golden=False)
    if not sources:
        err.write(f"pledgecard: {root}: no .txt/.hwp/.hwpx/.pdf file found\n")
        return EXIT_USAGE
    run = run_selfcheck(root, sources, jobs=args.jobs)
    out.write(self_summary(run.report))
    written = True
    if args.json is not None:
        written = _write(args.json, run.report.model_dump_json(indent=2) + "\n", err) and written
    if args.html is not None:
        written = _write(args.html, render_self_html(run), err) and written
    failing = _fails(args.fail_on, [f.status for f in run.report.files], err)
    return EXIT_OK if written and not failing else EXIT_BELOW


def _fails(fail_on: str | None, statuses: Sequence[str], err: TextIO) -> bool:
    """``--fail-on``: say on stderr how many files have a failing status."""
    if fail_on is None:
        return False
    bad = [s for s in statuses if s in FAIL_ON[fail_on]]
    if bad:
        kinds = " or ".join(FAIL_ON[fail_on])
        err.write(f"pledgecard: {len(bad)} of {len(statuses)} file(s) {kinds} (--fail-on {fail_on})\n")
    return bool(bad)

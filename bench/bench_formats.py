"""Throughput of the full parse (file bytes to cards) per format, as ratios against baselines timed in the same run.

    python bench/bench_formats.py                 # the tables and the ratios (median of 5 timed runs per file)
    python bench/bench_formats.py --json out.json # the same, plus every number as JSON
    python bench/bench_formats.py --quick         # smoke run: 2 samples, 1 external document, 1 run

What is timed is in bench/formats/contenders.py (and kordoc.py, a Node tool), how in timing.py,
what is printed in report.py. A contender that fails on a file, or cannot run here, is reported
with its reason and left out of that file's ratios; the script never asserts a timing and
always exits 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import time
from pathlib import Path

from formats.contenders import FIRST_SAMPLES, Contender, collect, python_contenders
from formats.kordoc import Kordoc
from formats.report import (
    Report,
    git_state,
    print_external,
    print_ratios,
    print_samples,
    ratios,
    to_json,
    versions,
)
from formats.timing import bench_file


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per file and contender (default 5)")
    parser.add_argument("--stat", choices=("median", "best"), default="median",
                        help="per-file statistic of the timed runs (default median)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every number to FILE")
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 samples, 1 external document, 1 run")
    parser.add_argument("--samples", metavar="NAMES",
                        help="only these sample folders (comma-separated); 'first': the six samples the "
                             "figures of issue 8 were measured on")
    parser.add_argument("--no-kordoc", action="store_true", help="skip kordoc even when it is installed")
    parser.add_argument("--kordoc-warmup", type=int, default=5,
                        help="untimed kordoc calls per file before its timed runs (V8 JIT; default 5)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before one call counts as failed")
    parser.add_argument("--budget", type=float, default=30.0,
                        help="seconds of timed runs per file and contender; a slower one gets fewer runs")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    repeat = 1 if args.quick else max(1, args.repeat)
    logging.getLogger("hwp5").setLevel(logging.CRITICAL)  # pyhwp logs every encrypted stream it meets

    samples = None if args.samples is None else (
        FIRST_SAMPLES if args.samples == "first" else tuple(n.strip() for n in args.samples.split(",") if n.strip()))
    items = collect(args.quick, samples)
    kordoc = Kordoc(args.kordoc_warmup)
    if args.no_kordoc:
        kordoc.unavailable = "n/a: skipped (--no-kordoc)"
    else:
        kordoc.start()
    field_: list[Contender] = [*python_contenders(), kordoc.contender()]
    started = time.time()
    try:
        results = [bench_file(item, [c for c in field_ if item.fmt in c.formats], repeat, args.timeout, args.budget)
                   for item in items]
    finally:
        kordoc.stop()
    report = Report(items, field_, results, args.stat)
    found = ratios(report)

    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(started)),
        "command": " ".join(["python", "bench/bench_formats.py", *(argv if argv is not None else sys.argv[1:])]),
        "samples": list(samples) if samples else "all",
        "repeat": repeat, "stat": args.stat, "kordoc_warmup": kordoc.warmups, "quick": args.quick,
        "wall_s": round(time.time() - started, 1),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "git": git_state(),
        "versions": versions(kordoc.version or kordoc.unavailable or "n/a", kordoc.node or "n/a"),
    }
    print(f"pledgecard format benchmark, {meta['date']} ({meta['wall_s']} s); {meta['machine']}, "
          f"load average {' '.join(map(str, meta['load_average']))}; git {meta['git']}")
    print("  " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()))
    print(f"  per file: 1 warm-up ({kordoc.warmups} for kordoc), then the {args.stat} of {repeat} timed run(s), "
          "contenders interleaved; files/s = files / sum of per-file times")
    print("  parse/this, reader/this = our throughput over this contender's on the same files (> 1: ours faster)\n")
    print_samples(report)
    print_external(report)
    print_ratios(found)
    if args.json:
        args.json.write_text(json.dumps(to_json(report, found, meta), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Peak memory of ``pledgecard convert`` as the archive grows: N cards against a small batch.

    python bench/bench_memory.py                 # 100 cards vs 10,000 cards
    python bench/bench_memory.py --sizes 100 1000

Each size gets its own folder of distinct text cards (the seed card with its pledge
number changed, so every file has its own content hash) and its own ``convert`` run in
a fresh process. Peak RSS is the largest resident set of that process tree (the main
process or any worker), read from ``getrusage(RUSAGE_CHILDREN)`` after it ends. The
ratio against the smallest size is the figure to watch: flat memory means a ratio
close to 1, whatever the number of cards.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "gangwon-2-16" / "gangwon-2-16.txt"


def make_cards(folder: Path, count: int) -> None:
    text = SEED.read_text(encoding="utf-8")
    for n in range(count):
        sub = folder / f"{n // 1000:03}"
        sub.mkdir(parents=True, exist_ok=True)
        card = text.replace("관리번호 2-16", f"관리번호 {n // 100 + 1}-{n % 100 + 1:02}")
        (sub / f"card-{n:05}.txt").write_text(card, encoding="utf-8")


def peak_rss_mb(command: list[str]) -> tuple[float, float]:
    """(peak RSS in MiB of the process tree, wall seconds) of one command run to its end."""
    code = (
        "import resource, subprocess, sys, time, json;"
        "t = time.perf_counter();"
        f"rc = subprocess.run({command!r}).returncode;"
        "t = time.perf_counter() - t;"
        "print(json.dumps([resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, t, rc]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    kib, seconds, rc = json.loads(done.stdout.strip().splitlines()[-1])
    if rc not in (0, 1):
        raise SystemExit(f"convert exited {rc}: {done.stderr}")
    return kib / 1024, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="pledgecard-mem-") as tmp:
        for size in args.sizes:
            inputs, out = Path(tmp) / f"in-{size}", Path(tmp) / f"out-{size}"
            make_cards(inputs, size)
            command = [sys.executable, "-m", "pledgecard", "convert", str(inputs), "-o", str(out),
                       "--jobs", str(args.jobs), "--quiet"]
            peak, seconds = peak_rss_mb(command)
            rows.append({"cards": size, "peak_rss_mib": round(peak, 1), "seconds": round(seconds, 1),
                         "cards_per_s": round(size / seconds, 1)})
    base = rows[0]["peak_rss_mib"]
    print(f"{'cards':>8} {'peak RSS MiB':>13} {'ratio':>6} {'seconds':>8} {'cards/s':>8}")
    for row in rows:
        row["ratio"] = round(float(row["peak_rss_mib"]) / float(base), 2)
        print(f"{row['cards']:>8} {row['peak_rss_mib']:>13} {row['ratio']:>6} {row['seconds']:>8} "
              f"{row['cards_per_s']:>8}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

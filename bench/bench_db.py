"""Loading cards into SQLite against writing their CSV files, and the memory of the load.

    python bench/bench_db.py                      # 10,000 cards; memory at 1,000 and 10,000
    python bench/bench_db.py --cards 2000 --sizes 500 2000

The cards are the seed card's parse, copied with a new pledge number and content hash
each (parsing is not what is measured). In one run, on the same cards, each in a fresh
process: the CSV tables written as ``convert`` writes them, and the same tables loaded into
``cards.sqlite`` as ``convert`` loads them (batched executemany in transactions of whole
files, then the compact copy ``convert`` puts in place). The goal: the load takes at most
2x the CSV time. Memory: the peak RSS of the load at each size; flat means a ratio near 1.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "gangwon-2-16" / "gangwon-2-16.txt"
#: The load may take this many times the CSV time.
GOAL_RATIO = 2.0

sys.path.insert(0, str(ROOT))

from pledgecard import parse_file  # noqa: E402
from pledgecard.models import FileResult  # noqa: E402


def results(count: int) -> Iterator[FileResult]:
    """``count`` distinct file results, made one at a time (memory stays that of one)."""
    seed = parse_file(SEED)
    (card,) = seed.cards
    for n in range(count):
        sha = hashlib.sha256(f"bench-{n}".encode()).hexdigest()
        number = f"{n // 100 + 1}-{n % 100 + 1:02}"
        path = f"archive/{n // 1000:03}/card-{n:05}.txt"
        source = card.source.model_copy(update={"sha256": sha, "path": path})
        copy = card.model_copy(update={"source": source, "card_id": f"{number}@{card.as_of}",
                                       "pledge": card.pledge.model_copy(update={"number": number})})
        yield seed.model_copy(update={"path": path, "sha256": sha, "cards": [copy]})


def write_csvs(count: int, folder: Path) -> None:
    from pledgecard.outputs.tables import TABLES, csv_rows, rows_for

    handles = {name: (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") for name in TABLES}
    writers = {name: csv.writer(handle, lineterminator="\r\n") for name, handle in handles.items()}
    for name, writer in writers.items():
        writer.writerow(TABLES[name])
    for result in results(count):
        for name, writer in writers.items():
            writer.writerows(csv_rows(name, rows_for(name, [result])))
    for handle in handles.values():
        handle.close()


def load_sqlite(count: int, folder: Path) -> None:
    from pledgecard.db import DatabaseLoader

    loader = DatabaseLoader(folder / "cards.sqlite", compacted=True)
    for result in results(count):
        loader.add(result)
    loader.compact_into(folder / "compact.sqlite")
    loader.close()


def child(task: str, count: int, folder: Path) -> None:
    """Run one task in this (fresh) process; print its seconds and peak RSS."""
    folder.mkdir(parents=True, exist_ok=True)
    import pledgecard.db
    import pledgecard.outputs.tables  # noqa: F401  (imports and the seed's parse are not timed)

    list(results(1))
    started = time.perf_counter()
    (write_csvs if task == "csv" else load_sqlite)(count, folder)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_rss_mib": peak_mib}))


def run_child(task: str, count: int, folder: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", task, str(count), str(folder)],
                          capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000], help="memory at these sizes")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        task, count, folder = args.child
        child(task, int(count), Path(folder))
        return 0
    with tempfile.TemporaryDirectory(prefix="pledgecard-db-") as tmp:
        csv_run = run_child("csv", args.cards, Path(tmp) / "csv")
        db_run = run_child("sqlite", args.cards, Path(tmp) / "sqlite")
        size_mib = (Path(tmp) / "sqlite" / "compact.sqlite").stat().st_size / 2**20
        memory = [{"cards": n, **run_child("sqlite", n, Path(tmp) / f"mem-{n}")} for n in args.sizes]
    ratio = db_run["seconds"] / csv_run["seconds"]
    print(f"{args.cards} cards: CSV {csv_run['seconds']:.1f} s, SQLite {db_run['seconds']:.1f} s "
          f"({size_mib:.1f} MiB): ratio {ratio:.2f} (goal <= {GOAL_RATIO})")
    base = memory[0]["peak_rss_mib"]
    for row in memory:
        row["ratio"] = row["peak_rss_mib"] / base
        print(f"  load of {row['cards']:>6} cards: peak RSS {row['peak_rss_mib']:.1f} MiB ({row['ratio']:.2f}x)")
    if args.json:
        figures = {"cards": args.cards, "csv_seconds": csv_run["seconds"], "sqlite_seconds": db_run["seconds"],
                   "ratio": ratio, "sqlite_mib": size_mib, "memory": memory}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

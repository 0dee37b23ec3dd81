"""Instructions per parse, counted by valgrind: a steady second measure beside the timed bench.

    python bench/bench_instructions.py                  # every sample, each format
    python bench/bench_instructions.py --samples first  # the six samples of issue 8's figures

Wall-clock ratios on a shared 2-core machine move by 15% and more from run to run; the count of
instructions the interpreter executes for the same parse does not (same files, same hash seed).
It is no time (cache misses and the machine are left out) and it cannot count kordoc or the other
baselines, so it compares our formats with each other: the text parse against our HWPX parse of
the same cards, as the timed bench's last ratio does. Each format is run twice under
``valgrind --tool=cachegrind --cache-sim=no`` (warm-up only, then warm-up and ``--rounds``
rounds); the difference over the rounds is one round of every file. Needs valgrind (Debian
``valgrind``); without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from formats.contenders import FIRST_SAMPLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FORMATS = ("txt", "hwpx", "hwp", "pdf")
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def files(fmt: str, names: tuple[str, ...] | None) -> list[Path]:
    found = [p for p in sorted(SAMPLES.glob(f"*/*.{fmt}")) if p.name.count(".") == 1]
    return [p for p in found if names is None or p.parent.name in names]


def workload(rounds: int, paths: list[str]) -> None:
    """One warm-up parse of every file, then ``rounds`` more (run under valgrind)."""
    from pledgecard.pipeline import parse_bytes

    data = [(path, Path(path).read_bytes()) for path in paths]
    for _ in range(1 + rounds):
        for path, content in data:
            parse_bytes(content, path)


def count(rounds: int, paths: list[Path]) -> int:
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               sys.executable, __file__, "--workload", str(rounds), *map(str, paths)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    found = _REFS.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"valgrind failed: {done.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", help="'first': the six samples of issue 8's figures; or comma-separated names")
    parser.add_argument("--rounds", type=int, default=2, help="counted rounds of every file (default 2)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated (default all four)")
    parser.add_argument("--workload", type=int, help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.workload is not None:
        workload(args.workload, args.paths)
        return
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind); nothing counted")
        return
    names = FIRST_SAMPLES if args.samples == "first" else tuple(args.samples.split(",")) if args.samples else None
    per_round: dict[str, float] = {}
    for fmt in args.formats.split(","):
        paths = files(fmt, names)
        total = count(args.rounds, paths) - count(0, paths)
        per_round[fmt] = total / args.rounds / 1e6
        print(f"{fmt:5s} {per_round[fmt]:8.1f} M instructions per round ({len(paths)} files)")
    if "txt" in per_round and "hwpx" in per_round:
        print(f"text parse vs our HWPX parse of the same cards: {per_round['hwpx'] / per_round['txt']:.2f}x "
              "(in instructions)")


if __name__ == "__main__":
    main()

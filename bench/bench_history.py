"""``pledgecard history`` against parsing the same cards, in the same run.

    python bench/bench_history.py                    # 10,000 cards of 2,500 pledges
    python bench/bench_history.py --pledges 100      # 400 cards

The cards are the re-issues of ``samples-history/saebom-3-07`` (four quarters, each a text
card) with the pledge number changed, so each pledge has four cards and its own changes.
Parsing is timed file by file in this process (bytes to checked cards, as ``parse`` does);
``history`` is timed from what ``convert`` leaves (``cards.jsonl``) to ``history.csv`` and
``history.html`` written: reading and validating every card, ordering, comparing, writing.
The target: history takes at most the time of parsing (ratio <= 1).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "samples-history" / "saebom-3-07"
QUARTERS = ("saebom-3-07-2024q3.txt", "saebom-3-07-2024q4.txt", "saebom-3-07-2025q1.txt", "saebom-3-07-2025q3.txt")
NUMBER_LINE = "공약번호 3-07"


def card_texts(pledges: int) -> list[tuple[str, bytes]]:
    """(name, bytes) of four re-issues of each of ``pledges`` pledges."""
    texts = [(SERIES / name).read_text(encoding="utf-8") for name in QUARTERS]
    out = []
    for n in range(pledges):
        number = f"{n // 100 + 1}-{n % 100:02}"
        for name, text in zip(QUARTERS, texts, strict=True):
            out.append((f"{number}/{name}", text.replace(NUMBER_LINE, f"공약번호 {number}").encode("utf-8")))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from pledgecard.history.command import write_history
    from pledgecard.history.sources import load_cards
    from pledgecard.history.timeline import build_histories
    from pledgecard.outputs.jsonfiles import card_line
    from pledgecard.pipeline import parse_bytes

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pledges", type=int, default=2500, help="pledges, four cards each (default 2500)")
    args = parser.parse_args(argv)
    files = card_texts(args.pledges)
    started = time.perf_counter()
    results = [parse_bytes(data, name) for name, data in files]
    parse_seconds = time.perf_counter() - started
    cards = [card for result in results for card in result.cards]
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "cards.jsonl"
        jsonl.write_text("".join(card_line(card) for card in cards), encoding="utf-8")
        started = time.perf_counter()
        loaded = load_cards([jsonl])
        histories = build_histories(loaded.cards, loaded.full)
        write_history(histories, Path(folder) / "out")
        history_seconds = time.perf_counter() - started
        html_bytes = (Path(folder) / "out" / "history.html").stat().st_size
    changes = sum(1 for _ in histories.changes())
    print(f"{len(cards)} cards of {len(histories.pledges)} pledges, {changes} changes, "
          f"history.html {html_bytes / 2**20:.1f} MiB")
    print(f"parse   {parse_seconds:8.2f} s  ({len(cards) / parse_seconds:,.0f} cards/s, one process)")
    print(f"history {history_seconds:8.2f} s  ({len(cards) / history_seconds:,.0f} cards/s: cards.jsonl to "
          "history.csv and history.html)")
    ratio = history_seconds / parse_seconds
    print(f"history / parse = {ratio:.2f} ({'within' if ratio <= 1 else 'OVER'} the target of 1.00)")
    return 0 if ratio <= 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""How the format benchmark times: file by file, every contender warmed up, then timed rounds
with the contenders interleaved and their order rotated, so a burst of load from elsewhere hits
all of them alike. ``gc.collect()`` runs before every timed call; ``time.perf_counter`` times
it; a call past the time limit is interrupted and counted as failed.
"""

from __future__ import annotations

import contextlib
import gc
import signal
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import FrameType

from formats.contenders import Contender, Failed, Item, one_line


class Timeout(BaseException):
    """Raised by the alarm; a BaseException so that ``parse_bytes``' catch-all cannot swallow it."""


@dataclass
class Result:
    times: list[float] = field(default_factory=list)
    reason: str | None = None
    note: str = ""

    def value(self, stat: str) -> float | None:
        if self.reason is not None or not self.times:
            return None
        return min(self.times) if stat == "best" else statistics.median(self.times)


@contextlib.contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """Interrupt the body after ``seconds`` (Unix main thread only; elsewhere no limit)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def ring(signum: int, frame: FrameType | None) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(work: Callable[[Item], None]) -> Callable[[Item, float], float]:
    """A Python contender's ``work`` timed with perf_counter under a time limit."""

    def measure(item: Item, limit: float) -> float:
        try:
            with alarm(limit):
                start = time.perf_counter()
                work(item)
                return time.perf_counter() - start
        except Timeout:
            raise Failed(f"timed out after {limit:g} s") from None
        except Failed:
            raise
        except Exception as exc:
            raise Failed(one_line(f"{type(exc).__name__}: {exc}")) from exc

    return measure


def measure_of(contender: Contender) -> Callable[[Item, float], float]:
    if contender.measure is not None:
        return contender.measure
    assert contender.work is not None, contender.key
    return timed(contender.work)


def bench_file(item: Item, field_: list[Contender], repeat: int, limit: float, budget: float) -> dict[str, Result]:
    """Warm every contender up on ``item``, then ``repeat`` rounds in rotating order; a contender
    slower than ``budget`` seconds for all its rounds gets fewer, with a note."""
    results: dict[str, Result] = {}
    active: list[tuple[Contender, Callable[[Item, float], float]]] = []
    rounds: dict[str, int] = {}
    for contender in field_:
        result = results[contender.key] = Result()
        if contender.unavailable:
            result.reason = contender.unavailable
            continue
        measure = measure_of(contender)
        gc.collect()
        try:
            warm = (contender.warm_up or measure)(item, limit)
        except Failed as exc:
            result.reason = exc.reason
            continue
        active.append((contender, measure))
        rounds[contender.key] = max(1, min(repeat, int(budget / max(warm, 1e-9))))
        if rounds[contender.key] < repeat:
            result.note = (f"{rounds[contender.key]} of {repeat} runs "
                           f"(warm-up took {warm * 1000:,.0f} ms; --budget {budget:g} s)")
    for turn in range(repeat):
        shift = turn % len(active) if active else 0
        for contender, measure in active[shift:] + active[:shift]:
            result = results[contender.key]
            if result.reason is not None or len(result.times) >= rounds[contender.key]:
                continue
            gc.collect()
            try:
                result.times.append(measure(item, limit))
            except Failed as exc:
                result.reason = f"failed on a timed run after a good warm-up: {exc.reason}"
    return results

"""Parse inputs in worker processes, each file in isolation, with a time and memory limit.

A worker that crashes, hangs past the time limit or runs out of memory is replaced; its
file is a ``failed`` result with a one-line reason, and the batch goes on. A worker's
standard error goes to a file of its own, never to the user's terminal: what a native
library prints there as it dies is read only to tell why it died.
"""

from __future__ import annotations

import codecs
import contextlib
import faulthandler
import gc
import multiprocessing
import os
import resource
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import IO

from pledgecard.batch.inputs import InputItem, read_item
from pledgecard.models import ErrorClass, FileResult
from pledgecard.pipeline import parse_bytes

#: How often the pool looks at the clock while waiting, in seconds.
POLL_SECONDS = 0.2
#: How often an idle worker checks that the batch that started it is still there.
ORPHAN_CHECK_SECONDS = 1.0
#: How much of a dead worker's standard error is read to tell why it died.
STDERR_TAIL_BYTES = 4096
#: Codecs the text reader looks up, loaded before the workers fork: a codec first loaded
#: under the memory limit can fail to load, and Python then remembers it as unknown.
PRELOADED_CODECS = ("cp949", "euc-kr", "johab", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig")
#: What running out of memory says, in a reason or on a dying worker's standard error:
#: Python's MemoryError, the C library's ENOMEM (a library that failed to load), a native
#: library's allocation failure, and a codec that could not be loaded under the limit.
MEMORY_SIGNS = ("MemoryError", "Cannot allocate memory", "failed to map segment", "memory allocation",
                "out of memory", "unknown encoding")

#: Called with an input's index, the sha256 its result carries (None: a result the same bytes
#: need not give again, not to be kept), and the result as JSON (the batch stores it as it is:
#: no second validation on the way through).
ResultHandler = Callable[[int, str | None, str], None]
#: What a worker does with one input: the sha256 its result carries and the result as JSON.
#: ``convert`` parses (:func:`parse_item_json`); ``audit`` also keeps the text a person reads.
#: A crash, time-out, exception or MemoryError is still reported as a failed ``FileResult``.
Work = Callable[[InputItem], tuple[str | None, str]]


def failed(item: InputItem, reason: str, sha256: str | None = None,
           error_class: ErrorClass | None = "input") -> FileResult:
    """A failed input: by default the input's doing (unreadable, past the run's limits)."""
    return FileResult(path=item.path, status="failed", reason=reason, sha256=sha256, error_class=error_class)


def out_of_memory(max_bytes: int | None) -> str:
    return f"out of memory (limit {max_bytes // 2**20} MiB)" if max_bytes else "out of memory"


def looks_out_of_memory(text: str) -> bool:
    return any(sign in text for sign in MEMORY_SIGNS)


def parse_item(item: InputItem) -> FileResult:
    """Parse one input in this process; never raises for a bad file. Raises MemoryError for a
    parse that failed for want of memory, however the failure was worded: that is the run's
    limit, not the file's doing."""
    try:
        data = read_item(item)
    except (OSError, ValueError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return failed(item, f"cannot read ({reason})")
    result = parse_bytes(data, item.path)
    if result.status == "failed" and looks_out_of_memory(result.reason or ""):
        raise MemoryError(result.reason)
    return result


def parse_item_json(item: InputItem) -> tuple[str | None, str]:
    """The default work: :func:`parse_item`, as the sha256 and the JSON the pool passes on."""
    result = parse_item(item)
    return result.sha256, result.model_dump_json()


def _limit_memory(max_bytes: int | None) -> None:
    if max_bytes:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def _preload_codecs() -> None:
    for name in PRELOADED_CODECS:
        codecs.lookup(name)


def _clear(stderr: IO[bytes]) -> None:
    os.ftruncate(stderr.fileno(), 0)
    os.lseek(stderr.fileno(), 0, os.SEEK_SET)


def _do(work: Work, item: InputItem, max_bytes: int | None) -> tuple[str | None, str, bool]:
    """``work`` on one input: the sha256 to keep it by, the result, and whether the worker is
    still sound (a memory failure can leave caches broken, e.g. a codec that failed to load).
    A result of the run's limits is not the file's: it carries no hash, so it is not kept."""
    try:
        sha256, payload = work(item)
    except MemoryError:
        return None, failed(item, out_of_memory(max_bytes)).model_dump_json(), False
    except BaseException as exc:  # the worker survives whatever one file does
        return None, failed(item, f"internal error while parsing ({type(exc).__name__}: {exc})",
                            error_class="internal").model_dump_json(), True
    return sha256, payload, True


def _worker(conn: Connection, parent_end: Connection, parent_pid: int, max_bytes: int | None,
            work: Work, stderr: IO[bytes]) -> None:
    faulthandler.disable()  # a crash is reported as one line by the pool, not as a stack dump
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle: it ends the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.dup2(stderr.fileno(), 2)  # Python's and native libraries' messages into the worker's own file
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)  # noqa: SIM115
    gc.freeze()  # what the worker inherited lives as long as it: out of the collector's way
    parent_end.close()
    _limit_memory(max_bytes)
    while True:
        try:
            while not conn.poll(ORPHAN_CHECK_SECONDS):
                if os.getppid() != parent_pid:  # the batch was killed: do not outlive it
                    return
            task = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if task is None:
            return
        index, item_json = task
        item = InputItem.model_validate_json(item_json)
        _clear(stderr)
        sha256, payload, sound = _do(work, item, max_bytes)
        try:
            conn.send((index, sha256, payload, sound))
        except MemoryError:
            conn.send((index, None, failed(item, out_of_memory(max_bytes)).model_dump_json(), False))
        if not sound:
            return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    stderr: IO[bytes]
    task: tuple[int, InputItem] | None = None
    started: float = 0.0


class WorkerPool:
    def __init__(self, jobs: int, timeout: float, max_bytes: int | None, work: Work = parse_item_json) -> None:
        self.jobs = max(1, jobs)
        self.work = work
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.context = multiprocessing.get_context("fork")
        self.workers: list[_Worker] = []
        _preload_codecs()

    def _spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed when the worker is retired)
        process = self.context.Process(target=_worker, daemon=True,
                                       args=(child, parent, os.getpid(), self.max_bytes, self.work, stderr))
        process.start()
        child.close()
        return _Worker(process, parent, stderr)

    def _retire(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        worker.stderr.close()
        self.workers.remove(worker)

    def run(self, tasks: Iterable[tuple[int, InputItem]], on_result: ResultHandler) -> None:
        queue = deque(tasks)
        try:
            while queue or any(w.task for w in self.workers):
                self._dispatch(queue)
                self._collect(on_result)
                self._enforce_time(on_result)
        finally:
            for worker in list(self.workers):
                if worker.task is None and worker.process.is_alive():
                    with contextlib.suppress(OSError):
                        worker.conn.send(None)
                self._retire(worker)

    def _dispatch(self, queue: deque[tuple[int, InputItem]]) -> None:
        while queue:
            idle = next((w for w in self.workers if w.task is None), None)
            if idle is None and len(self.workers) < self.jobs:
                idle = self._spawn()
                self.workers.append(idle)
            if idle is None:
                return
            index, item = queue.popleft()
            idle.task, idle.started = (index, item), time.monotonic()
            idle.conn.send((index, item.model_dump_json()))

    def _collect(self, on_result: ResultHandler) -> None:
        busy = {w.conn: w for w in self.workers if w.task is not None}
        if not busy:
            return
        for conn in wait(list(busy), timeout=POLL_SECONDS):
            worker = busy[conn]  # type: ignore[index]
            task = worker.task
            assert task is not None
            try:
                index, sha256, payload, sound = worker.conn.recv()
            except (EOFError, OSError):
                said = _tail(worker.stderr)
                self._retire(worker)  # joined: its exit code is known from here on
                reason = _crash_reason(worker.process.exitcode, self.max_bytes, said)
                blame: ErrorClass = "input" if reason.startswith(out_of_memory(None)) else "internal"
                on_result(task[0], None, failed(task[1], reason, error_class=blame).model_dump_json())
                continue
            worker.task = None
            if not sound:
                self._retire(worker)
            on_result(index, sha256, payload)

    def _enforce_time(self, on_result: ResultHandler) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task is not None and now - worker.started > self.timeout:
                index, item = worker.task
                self._retire(worker)
                on_result(index, None, failed(item, f"timed out after {self.timeout:g} s").model_dump_json())


def _tail(stderr: IO[bytes]) -> str:
    try:
        size = os.fstat(stderr.fileno()).st_size
        return os.pread(stderr.fileno(), STDERR_TAIL_BYTES, max(0, size - STDERR_TAIL_BYTES)).decode(
            "utf-8", errors="replace")
    except (OSError, ValueError):
        return ""


def _crash_reason(exit_code: int | None, max_bytes: int | None, stderr: str) -> str:
    """One line for a worker that died on a file; what it printed is read, never shown."""
    if looks_out_of_memory(stderr):
        return out_of_memory(max_bytes)
    if exit_code is not None and exit_code < 0:
        try:
            name = signal.Signals(-exit_code).name
        except ValueError:
            name = f"signal {-exit_code}"
        return f"the parser crashed ({name})"
    if exit_code:
        return f"the parser crashed (exit code {exit_code})"
    return "the parser crashed"

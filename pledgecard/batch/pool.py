"""Parse inputs in worker processes, each file in isolation, with a time and memory limit.

A worker that crashes, hangs past the time limit or runs out of memory is replaced; its
file is a ``failed`` result with a one-line reason, and the batch goes on.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from pledgecard.batch.inputs import InputItem, read_item
from pledgecard.models import FileResult
from pledgecard.pipeline import parse_bytes

#: How often the pool looks at the clock while waiting, in seconds.
POLL_SECONDS = 0.2
#: How often an idle worker checks that the batch that started it is still there.
ORPHAN_CHECK_SECONDS = 1.0

#: Called with an input's index, the sha256 its result carries, and the result as JSON (the
#: batch stores it as it is: no second validation on the way through).
ResultHandler = Callable[[int, str | None, str], None]
#: What a worker does with one input: the sha256 its result carries and the result as JSON.
#: ``convert`` parses (:func:`parse_item_json`); ``audit`` also keeps the text a person reads.
#: A crash, time-out or exception is still reported as a failed ``FileResult``.
Work = Callable[[InputItem], tuple[str | None, str]]


def failed(item: InputItem, reason: str, sha256: str | None = None) -> FileResult:
    return FileResult(path=item.path, status="failed", reason=reason, sha256=sha256)


def parse_item(item: InputItem) -> FileResult:
    """Parse one input in this process; never raises for a bad file."""
    try:
        data = read_item(item)
    except (OSError, ValueError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return failed(item, f"cannot read ({reason})")
    try:
        return parse_bytes(data, item.path)
    except MemoryError:
        return failed(item, "out of memory while parsing")


def parse_item_json(item: InputItem) -> tuple[str | None, str]:
    """The default work: :func:`parse_item`, as the sha256 and the JSON the pool passes on."""
    result = parse_item(item)
    return result.sha256, result.model_dump_json()


def _limit_memory(max_bytes: int | None) -> None:
    if max_bytes:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def _worker(conn: Connection, parent_end: Connection, parent_pid: int, max_bytes: int | None,
            work: Work = parse_item_json) -> None:
    faulthandler.disable()  # a crash is reported as one line by the pool, not as a stack dump
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
        try:
            sha256, payload = work(item)
        except MemoryError:
            sha256, payload = None, failed(item, "out of memory while parsing").model_dump_json()
        except BaseException as exc:  # the worker survives whatever one file does
            sha256 = None
            payload = failed(item, f"internal error while parsing ({type(exc).__name__}: {exc})").model_dump_json()
        try:
            conn.send((index, sha256, payload))
        except MemoryError:
            conn.send((index, None, failed(item, "out of memory while parsing").model_dump_json()))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
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

    def _spawn(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(child, parent, os.getpid(), self.max_bytes, self.work),
                                       daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _retire(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
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
                index, sha256, payload = worker.conn.recv()
            except (EOFError, OSError):
                code = worker.process.exitcode
                self._retire(worker)
                on_result(task[0], None, failed(task[1], _crash_reason(code, self.max_bytes)).model_dump_json())
                continue
            worker.task = None
            on_result(index, sha256, payload)

    def _enforce_time(self, on_result: ResultHandler) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task is not None and now - worker.started > self.timeout:
                index, item = worker.task
                self._retire(worker)
                on_result(index, None, failed(item, f"timed out after {self.timeout:g} s").model_dump_json())


def _crash_reason(exit_code: int | None, max_bytes: int | None) -> str:
    if exit_code is not None and exit_code < 0:
        return f"the parser crashed (signal {-exit_code})"
    if max_bytes:
        return f"the parser crashed (exit code {exit_code}; memory limit {max_bytes // 2**20} MiB)"
    return f"the parser crashed (exit code {exit_code})"

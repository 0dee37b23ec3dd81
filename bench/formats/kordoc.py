"""kordoc (a Node tool, bench/kordoc) as a contender: one long-lived Node process that times
``parse()`` in-process over a line protocol (see bench/kordoc/time_kordoc.mjs), so Node's
start-up, module loading and the pipe are never counted.

Without Node, or without ``bench/kordoc/node_modules`` (``npm ci`` there), kordoc is reported
as not run, with the reason, and every ratio against it says so.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from formats.contenders import Contender, Failed, Item, one_line

KORDOC_DIR = Path(__file__).resolve().parent.parent / "kordoc"


class Kordoc:
    """kordoc in one Node process, timed in-process over a line protocol."""

    PREFIX = b"@@kordoc "

    def __init__(self, warmups: int = 5) -> None:
        self.warmups = max(1, warmups)
        self.proc: subprocess.Popen[bytes] | None = None
        self.unavailable: str | None = None
        self.version = ""
        self.node = ""
        self.buffer = b""
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the Node process; closed in stop)

    def contender(self) -> Contender:
        return Contender("kordoc", "kordoc parse (node)", ("hwp", "hwpx", "pdf"), measure=self.measure,
                         unavailable=self.unavailable, warm_up=self.warm_up)

    def start(self) -> None:
        node = shutil.which("node")
        if node is None:
            self.unavailable = "n/a: node not found"
            return
        if not (KORDOC_DIR / "node_modules" / "kordoc").is_dir():
            self.unavailable = "n/a: not installed (run `npm ci` in bench/kordoc)"
            return
        self.proc = subprocess.Popen(
            [node, "time_kordoc.mjs", "--serve"], cwd=KORDOC_DIR,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, bufsize=0)
        try:
            hello = self.receive(120.0)
        except Failed as exc:
            self.unavailable = f"n/a: node did not start ({exc.reason})"
            self.stop()
            return
        self.version, self.node = str(hello.get("kordoc", "?")), str(hello.get("node", "?"))

    def receive(self, limit: float) -> dict[str, Any]:
        assert self.proc is not None and self.proc.stdout is not None
        deadline = time.monotonic() + limit
        while True:
            line, newline, rest = self.buffer.partition(b"\n")
            if newline:
                self.buffer = rest
                if line.startswith(self.PREFIX):  # anything else is kordoc's own chatter
                    reply: dict[str, Any] = json.loads(line[len(self.PREFIX):])
                    return reply
                continue
            left = deadline - time.monotonic()
            if left <= 0:
                self.kill(f"node process stopped after a call timed out ({limit:g} s)")
                raise Failed(f"timed out after {limit:g} s")
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    reason = f"node exited ({self.stderr_tail()})"
                    self.kill(reason)
                    raise Failed(reason)
                self.buffer += chunk

    def measure(self, item: Item, limit: float) -> float:
        return self.call(item, limit, 0)

    def warm_up(self, item: Item, limit: float) -> float:
        """V8 compiles hot code over several calls: ``warmups`` untimed calls in all before the timed runs."""
        return self.call(item, limit * self.warmups, self.warmups - 1)

    def call(self, item: Item, limit: float, warmup: int) -> float:
        if self.proc is None or self.proc.stdin is None:
            raise Failed(self.unavailable or "node process gone")
        self.proc.stdin.write(json.dumps({"path": str(item.path), "warmup": warmup}).encode() + b"\n")
        reply = self.receive(limit)
        if not reply.get("ok"):
            raise Failed(one_line(str(reply.get("error", "failed"))))
        return float(reply["seconds"])

    def stderr_tail(self) -> str:
        self.stderr.seek(0)
        lines = self.stderr.read().decode("utf-8", "replace").strip().splitlines()
        return one_line(lines[-1]) if lines else "no message"

    def kill(self, reason: str) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None
            self.unavailable = self.unavailable or reason

    def stop(self) -> None:
        if self.proc is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill("node did not exit")
            self.proc = None
        self.stderr.close()

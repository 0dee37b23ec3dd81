"""cards.sqlite opens in Datasette with the metadata written beside it: the test serves a
converted sample on a free loopback port, asks for JSON over HTTP and stops the server."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from pledgecard.batch import convert_batch
from pledgecard.outputs.columns import DEFINITIONS

from .conftest import SAMPLES

SEED = SAMPLES / "gangwon-2-16" / "gangwon-2-16.txt"
#: How long the server may take to start, and one request to answer, in seconds.
START_SECONDS = 60
REQUEST_SECONDS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=REQUEST_SECONDS) as response:
        return json.load(response)


def test_the_metadata_describes_every_table_with_korean_labels_and_facets(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert_batch([SEED], out, jobs=1)
    metadata = json.loads((out / "cards.metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["cards"]["tables"]
    assert set(DEFINITIONS) <= set(tables)
    assert tables["cards"]["columns"]["pledge_number"].startswith("관리번호")
    assert {"issuer", "status"} <= set(tables["cards"]["facets"])
    assert "year" in tables["finance"]["facets"]


def test_datasette_serves_a_query_over_a_converted_sample(tmp_path: Path) -> None:
    if shutil.which("datasette") is None and not _module_available("datasette"):
        pytest.skip("datasette is not installed (pip install -e '.[dev]')")
    out = tmp_path / "out"
    convert_batch([SEED], out, jobs=1)
    port = free_port()
    log = (tmp_path / "datasette.log").open("wb")  # a file, not a pipe: a chatty server never blocks
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(out / "cards.sqlite"), "-m",
         str(out / "cards.metadata.json"), "-h", "127.0.0.1", "-p", str(port)],
        stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(server, base, tmp_path / "datasette.log")
        sql = "select pledge_number, total_cost_won from cards"
        rows = get_json(f"{base}/cards.json?" + urllib.parse.urlencode({"sql": sql, "_shape": "array"}))
        assert rows == [{"pledge_number": "2-16", "total_cost_won": 89873000000}]
        finance = get_json(f"{base}/cards/finance.json?_shape=objects&_facet=year&_size=100")
        assert len(finance["rows"]) == 32
        assert any(f["name"] == "year" for f in finance["facet_results"].values())
    finally:
        server.terminate()
        try:
            server.wait(timeout=REQUEST_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=REQUEST_SECONDS)
        log.close()


def _module_available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _wait_until_up(server: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            output = log.read_text(encoding="utf-8", errors="replace")
            pytest.fail(f"datasette exited ({server.returncode}): {output[-2000:]}")
        try:
            get_json(f"{base}/-/versions.json")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail(f"datasette did not answer within {START_SECONDS} s")

"""`make run-scaled` survives a dead worker (issue 23.1): `kill -9` of one granian worker
under load → the others keep answering, and granian's supervisor starts a new one."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.browser.app_server import wait_for
from tests.scale.scaled_app import run_scaled, workers

WORKERS = 2


@pytest.fixture
def scaled_app(tmp_path: Path) -> Iterator[str]:
    with run_scaled(tmp_path, WORKERS) as base_url:
        yield base_url


class Load:
    """Readers asking for pages without pause, counting answers and failures."""

    def __init__(self, base_url: str, readers: int = 8) -> None:
        self.base_url = base_url
        self.ok = self.failed = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._read, daemon=True)
                         for _ in range(readers)]

    def _read(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=10) as client:
            while not self._stop.is_set():
                try:
                    good = client.get("/", headers={"Accept": "text/html"}).status_code == 200
                except httpx.HTTPError:
                    good = False
                with self._lock:
                    self.ok += good
                    self.failed += not good

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=15)


def test_kill_9_of_a_worker_under_load_keeps_the_app_answering(scaled_app: str) -> None:
    before = workers(scaled_app)
    with Load(scaled_app) as load:
        wait_for(lambda: load.ok >= 200, timeout=120, what="the load to get going")
        victim = min(before)
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic()
        # Back to full strength: a new worker, serving, beside the one that lived.
        wait_for(lambda: len(workers(scaled_app) - {victim}) == WORKERS, timeout=60,
                 what="granian to start a worker in place of the killed one")
        back_after = time.monotonic() - killed_at
        answered = load.ok
        wait_for(lambda: load.ok >= answered + 200, timeout=120,
                 what="the app to go on answering after the new worker started")
    assert victim not in workers(scaled_app)
    total = load.ok + load.failed
    assert load.failed <= total * 0.01, f"{load.failed} of {total} requests failed"
    print(f"\nkill -9 of worker {victim}: {load.failed} of {total} requests failed; "
          f"{WORKERS} workers again after {back_after:.1f} s")

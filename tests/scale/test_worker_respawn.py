"""`make run-scaled` survives a dead worker (issue 23.1): `kill -9` of one granian worker
under load → the others keep answering, and granian's supervisor starts a new one."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.browser.app_server import (
    PROJECT_ROOT,
    START_TIMEOUT_S,
    app_env,
    free_port,
    serving_pids,
    stop_group,
    wait_for,
)

WORKERS = 2


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def workers(base_url: str) -> set[int]:
    """The granian workers holding the listening socket (the supervisor holds it too)."""
    return {pid for pid in serving_pids(base_url) if "flash_reader.serve" not in _cmdline(pid)}


@pytest.fixture
def scaled_app(tmp_path: Path) -> Iterator[str]:
    port, redis_port = free_port(), free_port()
    env = app_env(FLASH_PUBLIC_URL=f"http://127.0.0.1:{port}")
    for name in ("REFLEX_REDIS_URL", "FLASH_REDIS_INSECURE", "MAKEFLAGS"):
        env.pop(name, None)
    # A web dir of its own, reused run after run (a build per port would start from nothing).
    make = ["make", "-s", f"VAR={tmp_path}", f"REDIS_PORT={redis_port}", f"FLASH_PORT={port}",
            "FLASH_WEB_DIR=.web-respawn"]
    log = tmp_path / "app.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([*make, "run-scaled", f"FLASH_WORKERS={WORKERS}"],
                                   cwd=PROJECT_ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    base_url = f"http://127.0.0.1:{port}"

    def serving() -> bool:
        assert process.poll() is None, log.read_text(errors="replace")[-3000:]
        try:
            return httpx.get(base_url + "/", timeout=2).status_code == 200 and len(
                workers(base_url)) == WORKERS
        except httpx.HTTPError:
            return False

    try:
        wait_for(serving, timeout=START_TIMEOUT_S, what="make run-scaled to serve", interval=1)
        yield base_url
    finally:
        stop_group(process, timeout=30)
        subprocess.run([*make, "redis-stop"], cwd=PROJECT_ROOT, env=env, timeout=60)


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

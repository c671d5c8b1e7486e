"""`make run` and `make run-scaled` as a reader's machine runs them, for the scale tests and
bench."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

from tests.browser.app_server import (
    PROJECT_ROOT,
    START_TIMEOUT_S,
    app_env,
    free_port,
    serving_pids,
    stop_group,
    wait_for,
)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def workers(base_url: str) -> set[int]:
    """The granian workers holding the listening socket (the supervisor holds it too)."""
    return {pid for pid in serving_pids(base_url) if "flash_reader.serve" not in _cmdline(pid)}


@contextlib.contextmanager
def make_recipe(make: list[str], recipe: str, port: int, log: Path, env: dict[str, str],
                ready: Callable[[str], bool], what: str) -> Iterator[str]:
    """`make <recipe>` in this project, with its output in `log`, until `ready(base_url)`;
    stopped (its whole process group) afterwards."""
    with open(log, "wb") as out:
        process = subprocess.Popen([*make, recipe], cwd=PROJECT_ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    base_url = f"http://127.0.0.1:{port}"

    def serving() -> bool:
        assert process.poll() is None, log.read_text(errors="replace")[-3000:]
        try:
            return ready(base_url)
        except httpx.HTTPError:
            return False

    try:
        wait_for(serving, timeout=START_TIMEOUT_S, what=what, interval=1)
        yield base_url
    finally:
        stop_group(process, timeout=30)


@contextlib.contextmanager
def run_scaled(var: Path, worker_count: int, **settings: str) -> Iterator[str]:
    """`make run-scaled` with its own Redis (and var dir) and these FLASH_* `settings`, until it
    serves with every worker."""
    port, redis_port = free_port(), free_port()
    env = app_env(FLASH_PUBLIC_URL=f"http://127.0.0.1:{port}", **settings)
    for name in ("REFLEX_REDIS_URL", "FLASH_REDIS_INSECURE", "MAKEFLAGS"):
        env.pop(name, None)
    # A web dir of its own, reused run after run (a build per port would start from nothing).
    make = ["make", "-s", f"VAR={var}", f"REDIS_PORT={redis_port}", f"FLASH_PORT={port}",
            "FLASH_WEB_DIR=.web-respawn", f"FLASH_WORKERS={worker_count}"]

    def ready(base_url: str) -> bool:
        return httpx.get(base_url + "/", timeout=2).status_code == 200 and len(
            workers(base_url)) == worker_count

    try:
        with make_recipe(make, "run-scaled", port, var / "app.log", env, ready,
                         "make run-scaled to serve") as base_url:
            yield base_url
    finally:
        subprocess.run([*make, "redis-stop"], cwd=PROJECT_ROOT, env=env, timeout=60)

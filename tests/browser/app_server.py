"""Start the real app exactly as `make run` does (prod build, single port) for browser tests."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TOOLS_BIN = PROJECT_ROOT / "tools" / "node_modules" / ".bin"
START_TIMEOUT_S = 600  # a cold production build takes a minute or two on 2 cores


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_env(**overrides: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{TOOLS_BIN}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    env["REFLEX_USE_SYSTEM_BUN"] = "1"
    env["REFLEX_TELEMETRY_ENABLED"] = "false"
    env.update(overrides)
    return env


@contextlib.contextmanager
def running_app(log_path: Path, *, backend_only: bool = False, cwd: Path = PROJECT_ROOT,
                **env: str) -> Iterator[str]:
    """Run `reflex run --env prod --single-port` (or `--backend-only`) in `cwd` (this project,
    or another Reflex app such as the benchmarks' blank one) and yield its base URL once it
    serves."""
    port = free_port()
    # Absolute URLs (canonical, og, oEmbed, feeds) come from the configured public URL.
    env = {"FLASH_PUBLIC_URL": f"http://127.0.0.1:{port}", **env}
    command = [sys.executable, "-m", "reflex", "run", "--env", "prod", "--backend-port", str(port)]
    command += ["--backend-only"] if backend_only else ["--single-port", "--frontend-port",
                                                        str(port)]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=cwd, env=app_env(**env), stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            base_url = f"http://127.0.0.1:{port}"
            _wait_until_serving(process, base_url, log_path, pages=not backend_only)
            yield base_url
        finally:
            stop_group(process)


def stop_group(process: subprocess.Popen, timeout: float = 20) -> None:
    """Stop a process started with start_new_session and all it started: SIGTERM, then, after
    `timeout` s, SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _wait_until_serving(process: subprocess.Popen, base_url: str, log_path: Path,
                        pages: bool = True) -> None:
    def serving() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}:\n{_tail(log_path)}")
        try:
            return httpx.get(base_url + "/ping", timeout=2).status_code == 200 and (
                not pages or httpx.get(base_url + "/", timeout=2).status_code == 200)
        except httpx.HTTPError:
            return False

    try:
        wait_for(serving, timeout=START_TIMEOUT_S, what="the app to serve", interval=1)
    except AssertionError:
        raise RuntimeError(f"the app did not serve within {START_TIMEOUT_S} s:\n"
                           f"{_tail(log_path)}") from None


def in_thread(coroutine):
    """Run a coroutine to completion on its own loop, in a thread (Playwright's sync API owns
    the test's own loop)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def wait_for(condition: Callable[[], bool], *, timeout: float, what: str,
             interval: float = 0.25) -> None:
    """Wait until `condition()` holds (checked every `interval`), or fail saying `what` never
    happened. For conditions outside the browser (served HTML, files, processes)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:g} s for {what}")
        threading.Event().wait(interval)


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def serving_pids(base_url: str) -> set[int]:
    """The processes listening on `base_url`'s port (from `ss`)."""
    port = base_url.rsplit(":", 1)[1]
    out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True)
    return {int(part.split(",")[0]) for part in out.stdout.split("pid=")[1:]}


def kill_app(base_url: str) -> None:
    """Kill the app serving `base_url` at once (SIGKILL to its process group), as a crash."""
    for pid in serving_pids(base_url):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(os.getpgid(pid), signal.SIGKILL)

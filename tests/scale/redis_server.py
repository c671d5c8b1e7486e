"""A throw-away redis-server (Debian's) on a free localhost port, for scale-out tests.

With a password, as `make run-scaled` runs it: Reflex keeps state in Redis as pickles, so an
open Redis is code execution in the app."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import redis as _unused  # noqa: F401  (reflex's redis client must be importable)

from tests.browser.app_server import free_port

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def redis_cli(port: int, password: str | None, *args: str) -> str:
    env = {**os.environ, "REDISCLI_AUTH": password} if password else {
        k: v for k, v in os.environ.items() if k != "REDISCLI_AUTH"}
    done = subprocess.run(["redis-cli", "-p", str(port), *args], capture_output=True, text=True,
                          env=env)
    return done.stdout.strip()


@contextlib.contextmanager
def redis_server(directory: Path) -> Iterator[str]:
    port = free_port()
    password = secrets.token_hex(16)
    config = directory / "redis.conf"
    # In a file (mode 600), not on the command line where `ps` shows it.
    config.touch(mode=0o600)
    config.write_text(f"port {port}\nbind 127.0.0.1\nrequirepass {password}\nsave \"\"\n"
                      f"appendonly no\ndir {directory}\n")
    process = subprocess.Popen([REDIS_SERVER, str(config)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if redis_cli(port, password, "ping") == "PONG":
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("redis-server did not start")
        yield f"redis://:{password}@127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)

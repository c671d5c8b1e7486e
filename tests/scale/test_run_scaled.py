"""`make run-scaled`'s Redis (issue 14.3): local only, a generated password, a memory cap; a
Redis URL of one's own must carry credentials. Runs the Makefile's own targets."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.app_server import PROJECT_ROOT, free_port
from tests.scale.redis_server import redis_cli


def make(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("REFLEX_REDIS_URL", "FLASH_REDIS_INSECURE", "MAKEFLAGS")}
    return subprocess.run(["make", "-s", *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, env={**clean, **env}, timeout=120)


@pytest.fixture
def local_redis(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    port = free_port()
    try:
        yield port, tmp_path
    finally:
        make("redis-stop", f"VAR={tmp_path}", f"REDIS_PORT={port}")


def test_run_scaled_redis_answers_only_with_its_generated_password(
        local_redis: tuple[int, Path]) -> None:
    port, var = local_redis
    started = make("redis-start", f"VAR={var}", f"REDIS_PORT={port}")
    assert started.returncode == 0, started.stderr
    password_file = var / "redis" / "password"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((var / "redis").stat().st_mode) == 0o700
    password = password_file.read_text().strip()
    assert len(password) >= 32

    assert "NOAUTH" in redis_cli(port, None, "ping")
    assert redis_cli(port, "guess", "ping") != "PONG"
    assert redis_cli(port, password, "ping") == "PONG"
    assert redis_cli(port, password, "config", "get", "bind").splitlines()[1] == "127.0.0.1"
    assert redis_cli(port, password, "config", "get", "maxmemory").splitlines()[1] == (
        str(256 * 1024 * 1024))
    assert redis_cli(port, password, "config", "get", "maxmemory-policy").splitlines()[1] == (
        "volatile-lru")

    # A second run finds its own Redis and keeps the password.
    again = make("redis-start", f"VAR={var}", f"REDIS_PORT={port}")
    assert again.returncode == 0, again.stderr
    assert password_file.read_text().strip() == password


@pytest.mark.parametrize("url", ["redis://10.0.0.5:6379", "redis://user@10.0.0.5:6379",
                                 "rediss://:@10.0.0.5:6379", "redis://10.0.0.5:6379/0?x=a:b@c"])
def test_run_scaled_refuses_a_redis_url_without_credentials(url: str) -> None:
    refused = make("redis-url-check", REFLEX_REDIS_URL=url)
    assert refused.returncode != 0
    assert "pickles" in refused.stderr and "rediss://" in refused.stderr


def test_run_scaled_takes_an_insecure_redis_url_only_when_told() -> None:
    allowed = make("redis-url-check", REFLEX_REDIS_URL="redis://10.0.0.5:6379",
                   FLASH_REDIS_INSECURE="1")
    assert allowed.returncode == 0, allowed.stderr


@pytest.mark.parametrize("url", ["redis://:secret@10.0.0.5:6379",
                                 "rediss://flash:secret@redis.internal:6380/0"])
def test_run_scaled_takes_a_redis_url_with_credentials(url: str) -> None:
    assert make("redis-url-check", REFLEX_REDIS_URL=url).returncode == 0

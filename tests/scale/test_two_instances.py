"""Two `make run` from one checkout (issue 23, item 10): the second, on another port, rebuilt the
shared `.web` with its own port, and the first one's builder then opened the second's
websocket. Each port now builds its own frontend (Makefile, FLASH_WEB_DIR)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.app_server import PROJECT_ROOT, app_env, free_port
from tests.scale.scaled_app import make_recipe

pytestmark = pytest.mark.browser


@contextmanager
def make_run(port: int, log: Path) -> Iterator[str]:
    env = app_env(FLASH_PUBLIC_URL=f"http://127.0.0.1:{port}")
    for name in ("REFLEX_WEB_WORKDIR", "MAKEFLAGS"):
        env.pop(name, None)

    def ready(base_url: str) -> bool:
        return httpx.get(base_url + "/embed/builder/", timeout=2).status_code == 200

    try:
        with make_recipe(["make", "-s", f"FLASH_PORT={port}"], "run", port, log, env, ready,
                         f"make run on {port} to serve") as base_url:
            yield base_url
    finally:
        shutil.rmtree(PROJECT_ROOT / f".web-{port}", ignore_errors=True)


def builder_socket(page: Page, base_url: str) -> str:
    """The websocket the builder page opens, once its preview is up."""
    with page.expect_websocket() as socket:
        page.goto(base_url + "/embed/builder")
    expect(page.locator("#snippet")).to_have_value(re.compile("^<iframe"))
    return socket.value.url


def test_two_instances_from_one_checkout_keep_their_own_websocket(
        page: Page, tmp_path: Path) -> None:
    ports = free_port(), free_port()
    with ExitStack() as stack:
        # One after the other, as a second `make run` started while the first serves.
        urls = [stack.enter_context(make_run(port, tmp_path / f"{port}.log")) for port in ports]
        for port, url in zip(ports, urls, strict=True):
            socket = builder_socket(page, url)
            print(f"\n{url}/embed/builder opened {socket}")
            assert f":{port}/" in socket

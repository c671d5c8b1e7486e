"""Start-up against a feed server that trickles its headers: the app serves within
FLASH_START_WAIT_SECONDS — the last good copy, saying so — and goes on asking the server."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

from flash_reader import lifespan
from flash_reader.feed.fetch import FetchLimits, Validators
from flash_reader.feed.page import Page, now
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from flash_reader.feed.parse import parse
from flash_reader.item_views import staleness_notice
from flash_reader.store import FeedStore
from tests.conftest import DEFAULT_FEED

LIMITS = FetchLimits(timeout=httpx.Timeout(2.0), total_seconds=4.0)


def trickling_server(stop: threading.Event) -> tuple[socket.socket, str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def answer() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.recv(65536)
            try:
                for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 1000:
                    if stop.is_set():
                        break
                    conn.sendall(bytes([byte]))  # never idle long enough for a read timeout
                    time.sleep(0.3)
            except OSError:
                pass
            conn.close()

    threading.Thread(target=answer, daemon=True).start()
    return listener, f"http://127.0.0.1:{listener.getsockname()[1]}/feed.json"


def started(monkeypatch: pytest.MonkeyPatch, url: str, cache: Path) -> tuple[float, FeedStore]:
    feed_store = FeedStore(loader=PageLoader(PageCache(cache), limits=LIMITS))
    monkeypatch.setattr(lifespan, "store", feed_store)
    monkeypatch.setenv("FLASH_FEED_URL", url)
    monkeypatch.setenv("FLASH_CACHE_DIR", str(cache))
    monkeypatch.setenv("FLASH_START_WAIT_SECONDS", "1")
    seen: dict[str, object] = {}

    async def run() -> None:
        began = time.monotonic()
        async with lifespan.feed_lifespan():
            seen["took"] = time.monotonic() - began
            seen["snapshot"] = feed_store.current()

    # A loop of its own, in a thread of its own: other tests may leave one running here.
    runner = threading.Thread(target=asyncio.run, args=(run(),))
    runner.start()
    runner.join(timeout=60)
    return seen["took"], seen["snapshot"]  # type: ignore[return-value]


def test_start_with_a_trickling_server_serves_the_kept_copy_at_once(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stop = threading.Event()
    listener, url = trickling_server(stop)
    body = DEFAULT_FEED.read_bytes()
    PageCache(tmp_path).write(url, body, Page(url, parse(body), Validators('"v1"'), now()))
    try:
        took, snapshot = started(monkeypatch, url, tmp_path)
    finally:
        stop.set()
        listener.close()
    assert took < 3  # the server's headers alone would take five minutes
    assert len(snapshot.items) == 7 and snapshot.stale
    assert "no answer yet" in (snapshot.error or "")
    assert staleness_notice(snapshot).startswith("配信元から応答がないため")


def test_start_with_a_trickling_server_and_no_copy_serves_the_loading_notice(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    stop = threading.Event()
    listener, url = trickling_server(stop)
    try:
        took, snapshot = started(monkeypatch, url, tmp_path)
    finally:
        stop.set()
        listener.close()
    assert took < 3 and snapshot.feed is None and snapshot.error is None

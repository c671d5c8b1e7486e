"""Feed-server faults against a real local server: each keeps the last good feed, records a
clear error for the banner, and logs the URL and the reason."""

from __future__ import annotations

import gzip
import logging
import socket
import threading
import time

import httpx
import pytest

from flash_reader.feed.fetch import FetchLimits
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from flash_reader.store import FeedStore
from tests.conftest import DEFAULT_FEED
from tests.feed.httpserver import FeedServer

LIMITS = FetchLimits(timeout=httpx.Timeout(1.0), max_bytes=256 * 1024, max_redirects=3,
                     total_seconds=2.0)


def slow(_request):
    time.sleep(2.5)
    return 200, {"Content-Type": "application/feed+json"}, DEFAULT_FEED.read_bytes()


def truncated(_request):
    body = DEFAULT_FEED.read_bytes()
    return 200, {"Content-Type": "application/feed+json", "Content-Length": str(len(body))}, \
        body[: len(body) // 2]


FAULTS = {
    "slow beyond the timeout": (slow, "did not answer in time"),
    "500": (lambda r: (500, {"Content-Type": "text/plain"}, b"boom"), "answered 500"),
    "truncated body": (truncated, "the connection broke before the whole answer arrived"),
    "wrong content-type": (lambda r: (200, {"Content-Type": "text/html"}, b"<html>"),
                           "'text/html', not a JSON Feed"),
    "redirect loop": (lambda r: (302, {"Location": "/feed.json"}, b""), "more than 3 redirects"),
    "far over the size limit": (lambda r: (200, {"Content-Type": "application/json"},
                                           b" " * 2_000_000), "over the limit"),
    "gzip bomb": (lambda r: (200, {"Content-Type": "application/json",
                                   "Content-Encoding": "gzip"},
                             gzip.compress(b" " * 30_000_000)), "after decompression"),
    "not JSON": (lambda r: (200, {"Content-Type": "application/json"}, b"{"),
                 "not a JSON document"),
}


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
def test_fault_keeps_last_good_and_explains(fault: str, server: FeedServer,
                                            caplog: pytest.LogCaptureFixture) -> None:
    url = server.serve("/feed.json", DEFAULT_FEED.read_bytes())
    store = FeedStore(loader=PageLoader(PageCache(None), limits=LIMITS))
    good = store.load(url)
    assert len(good.items) == 7
    route, reason = FAULTS[fault]
    server.routes["/feed.json"] = route
    caplog.set_level(logging.WARNING)
    after = store.load(url)
    assert after.feed is good.feed  # still serving the last good feed
    assert after.error and reason in after.error
    assert any(url in record.getMessage() and reason in record.getMessage()
               for record in caplog.records)


def test_trickling_server_stopped_by_the_total_limit(caplog: pytest.LogCaptureFixture) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]

    def trickle() -> None:
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        try:
            for _ in range(40):  # one byte every 0.2 s: never idle long enough to time out
                conn.sendall(b"1\r\n \r\n")
                time.sleep(0.2)
        except OSError:
            pass
        conn.close()

    threading.Thread(target=trickle, daemon=True).start()
    store = FeedStore(loader=PageLoader(PageCache(None), limits=LIMITS))
    started = time.monotonic()
    snapshot = store.load(f"http://127.0.0.1:{port}/feed.json")
    assert time.monotonic() - started < 5
    assert "too slowly" in (snapshot.error or "")
    listener.close()


def trickling_headers(listener: socket.socket, gap: float) -> None:
    conn, _ = listener.accept()
    conn.recv(65536)
    try:
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 200:
            conn.sendall(bytes([byte]))  # never idle long enough for a read timeout
            time.sleep(gap)
    except OSError:
        pass
    conn.close()


def test_server_trickling_its_headers_is_stopped_by_the_total_limit() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    threading.Thread(target=trickling_headers, args=(listener, 0.3), daemon=True).start()
    store = FeedStore(loader=PageLoader(PageCache(None), limits=LIMITS))
    started = time.monotonic()
    snapshot = store.load(f"http://127.0.0.1:{listener.getsockname()[1]}/feed.json")
    took = time.monotonic() - started
    listener.close()
    assert "too slowly" in (snapshot.error or "") and "2 s in total" in snapshot.error
    assert took < LIMITS.total_seconds + 1.5  # the headers alone would take over 30 s

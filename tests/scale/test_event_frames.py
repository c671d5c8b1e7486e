"""Router data parked in a reader's state (issue 23, item 2.1): Reflex stores each event's
`router_data` before any middleware runs, so 40 events with a 900 KB address grew the server by
143 MB for an hour, and in Redis made 3 MB keys that evicted other readers' states. The frame
and the router data are bounded before Reflex sees them (flash_reader/event_guard.py)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import redis
from playwright.sync_api import Page

from bench.reflex_client import BUILDER, NAMESPACE, ON_LOAD, ReflexClient, capture_auth_with
from flash_reader.event_guard import MAX_FRAME_CHARS
from tests.browser.app_server import in_thread, running_app
from tests.scale.redis_server import redis_server
from tests.scale.test_every_handler_hostile import server_rss_mb

pytestmark = pytest.mark.browser

EVENTS = 40
HUGE_PATH = "/?q=" + "x" * 900_000  # the review's attack: under engine.io's 1 MB, over ours
LONG_PATH = "/?q=" + "x" * (MAX_FRAME_CHARS - 1_000)  # fits a frame; the router bound: not
KEPT_BOUND_MB = 5
KEY_BOUND_BYTES = 16_384


@pytest.fixture(scope="module")
def with_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    directory = tmp_path_factory.mktemp("frames")
    with redis_server(directory) as redis_url:
        env = {"REFLEX_REDIS_URL": redis_url, "GRANIAN_WORKERS": "1",
               "REFLEX_WEB_WORKDIR": ".web-scale"}  # shared with test_redis_failover.py
        with running_app(directory / "reflex.log", **env) as url:
            yield url, redis_url


def raw_event(path: str) -> str:
    event = {"name": ON_LOAD, "payload": {},
             "router_data": {"pathname": "/", "asPath": path}}
    return f"2{NAMESPACE},{json.dumps(['event', event], separators=(',', ':'))}"


async def closed(client: ReflexClient, timeout: float = 30) -> None:
    async def gone() -> None:
        while client.sio.eio.state == "connected":
            await asyncio.sleep(0.05)
    await asyncio.wait_for(gone(), timeout)


async def attack(url: str, auth: dict[str, Any], token: str) -> list[str]:
    """Each oversized frame on a connection of its own (the server closes it), then the frames
    that fit on one connection, then the same reader's ordinary event: answered."""
    outcomes: list[str] = []
    for _ in range(EVENTS):
        client = ReflexClient(url, auth, token=token)
        await client.connect()
        await client.sio.eio.send(raw_event(HUGE_PATH))
        await closed(client)
        outcomes.append("closed")
    client = ReflexClient(url, auth, token=token)
    await client.connect()
    for _ in range(EVENTS):
        await client.sio.eio.send(raw_event(LONG_PATH))
    # A connection's events are handled in order: once this is answered, the ones before were.
    await client.send(f"{BUILDER}.toggle_office", {"code": "SEL"}, until=BUILDER, timeout=60)
    outcomes.append("answered")
    await client.close()
    return outcomes


def largest_keys(redis_url: str) -> list[tuple[int, str]]:
    connection = redis.Redis.from_url(redis_url)
    try:
        sizes = [(connection.memory_usage(key) or 0, key.decode(errors="replace"))
                 for key in connection.scan_iter(count=1_000)]
    finally:
        connection.close()
    return sorted(sizes, reverse=True)[:3]


def test_long_addresses_are_not_kept_in_memory_or_redis(
        page: Page, with_redis: tuple[str, str]) -> None:
    url, redis_url = with_redis
    auth = capture_auth_with(page, url)
    token = "frames-" + "0" * 8
    # Warm-up: the allocator's high-water mark from receiving 900 KB frames is reached once and
    # reused; what an attack *keeps* is what a further round adds.
    for _ in range(2):
        in_thread(attack(url, auth, token))
        print(f"\nafter a warm-up round: backend RSS {server_rss_mb(url):.1f} MB")
    rss_before = server_rss_mb(url)
    outcomes = in_thread(attack(url, auth, token))
    rss_after = server_rss_mb(url)
    keys = largest_keys(redis_url)
    print(f"\n{EVENTS} x 900 KB frames + {EVENTS} x {len(LONG_PATH) // 1024} KB addresses: "
          f"backend RSS {rss_before:.1f} -> {rss_after:.1f} MB; largest Redis keys {keys}")
    assert outcomes == ["closed"] * EVENTS + ["answered"]
    assert httpx.get(url + "/ping", timeout=10).status_code == 200
    assert rss_after - rss_before <= KEPT_BOUND_MB
    assert keys and keys[0][0] <= KEY_BOUND_BYTES

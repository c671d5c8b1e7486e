"""A client speaking Reflex 0.10's real socket.io protocol, for load tests and scale-out tests.

The connect handshake carries the hydrate event (`auth`). Its template is captured once from
a real browser (`capture_auth`), then replayed by every client under its own token.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

import socketio

NAMESPACE = "/_event"
STATE = "reflex___state____state"
BUILDER = f"{STATE}.flash_reader___state___embed_builder____embed_builder_state"
ON_LOAD = f"{STATE}.reflex___state____on_load_internal_state.on_load_internal"


# Reader pages open no websocket (issue 21): the embed builder is the reader's one Reflex page.
BUILDER_PAGE = "/embed/builder"
BUILDER_READY = "#snippet"


def capture_auth(base_url: str, chromium: str, chromium_args: list[str],
                 ready: str = BUILDER_READY, path: str = BUILDER_PAGE) -> dict[str, Any]:
    """The CONNECT payload a real browser sends for `path` (hydrate event + state schema)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=chromium_args)
        try:
            return capture_auth_with(browser.new_page(), base_url, ready, path)
        finally:
            browser.close()


def capture_auth_with(page, base_url: str, ready: str = BUILDER_READY,
                      path: str = BUILDER_PAGE) -> dict[str, Any]:
    """As `capture_auth`, with a Playwright page the caller already has (e.g. in pytest).
    `ready`: a selector present once the page is up (the blank bench app's `#count`)."""
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda f: frames.append(str(f))))
    page.goto(base_url + path)
    page.locator(ready).first.wait_for(state="attached")
    prefix = f"40{NAMESPACE},"
    deadline = time.monotonic() + 60
    # Frames reach Python only while Playwright runs: wait in the page.
    while not any(f.startswith(prefix) for f in frames):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{base_url} never connected its websocket")
        page.wait_for_timeout(50)
    connect = next(f for f in frames if f.startswith(prefix))
    return json.loads(connect[len(prefix):])


class ReflexClient:
    def __init__(self, base_url: str, auth: dict[str, Any], token: str | None = None) -> None:
        self.base_url = base_url
        self.auth = auth
        self.token = token or str(uuid.uuid4())
        self.sio = socketio.AsyncClient(reconnection=False)
        self.deltas: list[dict[str, Any]] = []
        self._arrived = asyncio.Condition()
        self.sio.on("event", self._on_event, namespace=NAMESPACE)

    async def _on_event(self, update: dict[str, Any]) -> None:
        async with self._arrived:
            self.deltas.append(update)
            self._arrived.notify_all()

    async def _wait_for_delta_after(self, count: int, timeout: float,
                                    substate: str | None = None) -> None:
        def done() -> bool:
            fresh = self.deltas[count:]
            if substate is None:
                return bool(fresh)
            return any(substate in update.get("delta", {}) for update in fresh)

        async def arrived() -> None:
            async with self._arrived:
                await self._arrived.wait_for(done)
        await asyncio.wait_for(arrived(), timeout)

    async def connect(self, timeout: float = 30) -> float:
        """Connect and hydrate; returns seconds until the first state delta arrives."""
        count = len(self.deltas)
        started = time.perf_counter()
        await self.sio.connect(f"{self.base_url}?token={self.token}", namespaces=[NAMESPACE],
                               socketio_path=NAMESPACE, transports=["websocket"],
                               auth=self.auth, wait_timeout=timeout)
        await self._wait_for_delta_after(count, timeout)
        return time.perf_counter() - started

    async def send(self, name: str, payload: dict[str, Any] | None = None, path: str = "/",
                   query: dict[str, str] | None = None, timeout: float = 30,
                   until: str | None = None) -> float:
        """Emit one event; returns seconds until the server's answer (the first delta, or the
        first delta touching substate `until`)."""
        # As the browser's withRouterData (.web/utils/state.js): the location's pathname, the
        # path with its query, and the query as a dict when there is one.
        event: dict[str, Any] = {"name": name, "payload": payload or {},
                                 "router_data": {"pathname": urlsplit(path).path or "/",
                                                 "asPath": path}}
        if query:
            event["router_data"]["query"] = query
        count = len(self.deltas)
        started = time.perf_counter()
        await self.sio.emit("event", event, namespace=NAMESPACE)
        await self._wait_for_delta_after(count, timeout, until)
        return time.perf_counter() - started

    async def wait_for_delta_after(self, count: int, substate: str,
                                   timeout: float = 30) -> None:
        """Until a delta after the first `count` touches `substate`."""
        await self._wait_for_delta_after(count, timeout, substate)

    async def wait_for_state(self, substate: str, timeout: float = 30) -> None:
        """Until any delta received so far (the hydrate's included) holds `substate`."""
        await self._wait_for_delta_after(0, timeout, substate)

    async def wait_for_field(self, substate: str, field: str, value: Any = None,
                             timeout: float = 30) -> None:
        """Until the server has sent `field` of `substate` (with `value`, if given): other
        events' deltas of the same substate (the page's on_load) may come first."""
        def sent() -> bool:
            latest = self.state_value(substate, field)
            return latest is not None and (value is None or latest == value)

        async def arrived() -> None:
            async with self._arrived:
                await self._arrived.wait_for(sent)
        await asyncio.wait_for(arrived(), timeout)

    def state_value(self, substate: str, field: str) -> Any:
        """The latest value the server sent for `field` of `substate` (e.g. BUILDER, 'offices')."""
        for update in reversed(self.deltas):
            values = update.get("delta", {}).get(substate, {})
            for key, value in values.items():
                if key == field or key.startswith(field + "_rx_state_"):
                    return value
        return None

    async def close(self) -> None:
        await self.sio.disconnect()

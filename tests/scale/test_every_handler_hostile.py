"""Every event handler of every state the app registers, called over the real websocket with
hostile payloads (issue 14.2): the app keeps answering, its memory stays within a bound, and
the state it keeps for that reader holds only bounded values.

The handlers are found in Reflex's own state tree (the app's states and Reflex's internal
ones), so a handler added later is attacked too without editing this file.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page

from bench.reflex_client import BUILDER, NAMESPACE, ON_LOAD, ReflexClient, capture_auth_with
from tests.browser.app_server import running_app, serving_pids

pytestmark = pytest.mark.browser
WEB_DIR = ".web-hostile-clients"  # shared by tests/scale/test_*hostile*.py, one at a time

# Longer than anything a state may keep, yet two of them (a handler has at most two arguments)
# fit the 16 KB websocket frame the app accepts: larger frames close the connection before
# Reflex sees them (tests/scale/test_event_frames.py).
HUGE = "x" * 6_000
LONGEST_KEPT_STRING = 4_000  # nothing a reader's state keeps is longer (a URL query is cut there)
LONGEST_KEPT_LIST = 200  # nor a list longer (office codes: a feed has a few dozen)
RSS_GROWTH_BOUND_MB = 150  # before the fix, 40 hostile events (400 KB each) grew it by 765 MB
FULL_STATE_BOUND_BYTES = 200_000  # everything the server sends back when a reader reconnects


def nested(depth: int) -> Any:
    value: Any = "x"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


HOSTILE_VALUES: dict[str, Any] = {
    "6 KB string": HUGE,
    "4000-digit int": 10**3999,
    "negative int": -(2**63),
    "huge float": 1e308,
    "infinity": float("inf"),
    "not a number": float("nan"),
    "500 levels of nesting": nested(500),
    "600-key dict": {f"k{i}": i for i in range(600)},
    "1,000-item list": ["PAR"] * 1_000,
    "list of long strings": [HUGE[:700]] * 8,
    "null": None,
    "bool": True,
    "empty dict": {},
    "control characters": "\x00\n\r\u2028\ufffe" * 250,
}


def app_states() -> list[type]:
    """Every state class in the app's tree, root first (Reflex's internal states included)."""
    from reflex.state import State

    import flash_reader.flash_reader  # noqa: F401  (registers the app's states)

    found: list[type] = []

    def walk(cls: type) -> None:
        found.append(cls)
        for sub in sorted(cls.get_substates(), key=lambda c: c.get_full_name()):
            walk(sub)

    walk(State)
    return found


def handler_params(handler: Any) -> list[str]:
    return [name for name in inspect.signature(handler.fn).parameters if name != "self"]


def hostile_events(states: list[type]) -> list[tuple[str, str, dict[str, Any]]]:
    """(event name, what is hostile, payload) for every handler: each hostile value in every
    argument, no arguments, unknown arguments; `setvar` once per field; the client-storage
    updaters with every field of every state."""
    every_field = [f"{cls.get_full_name()}.{name}" for cls in states for name in cls.base_vars]
    every_field.append(f"{states[0].get_full_name()}.{HUGE[:1_000]}")
    events: list[tuple[str, str, dict[str, Any]]] = []
    for cls in states:
        for name, handler in cls.event_handlers.items():
            event = f"{cls.get_full_name()}.{name}"
            params = handler_params(handler)
            events.append((event, "no arguments", {}))
            events.append((event, "unknown argument",
                           {**dict.fromkeys(params, "PAR"), "unknown": HUGE}))
            for label, value in HOSTILE_VALUES.items():
                if name == "setvar":
                    events += [(event, f"{field}={label}", {"var_name": field, "value": value})
                               for field in cls.base_vars]
                    events.append((event, f"unknown field={label}",
                                   {"var_name": HUGE[:1000], "value": value}))
                elif "vars" in params:  # client storage: {state.field: value}
                    events += [(event, f"{field.rsplit('.', 1)[-1][:40]}={label}",
                                {"vars": {field: value}}) for field in every_field]
                else:
                    events.append((event, label, dict.fromkeys(params, value)))
    return events


def server_rss_mb(base_url: str) -> float:
    """Resident memory of the processes serving `base_url` and their children."""
    pids = set(serving_pids(base_url))
    for pid in list(pids):
        children = Path(f"/proc/{pid}/task/{pid}/children")
        if children.exists():
            pids |= {int(p) for p in children.read_text().split()}
    total_kb = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total_kb += int(line.split()[1])
    return total_kb / 1024


def unbounded_values(value: Any, where: str = "") -> Iterator[str]:
    """Where a state value sent by the server is longer than anything the app may keep."""
    if isinstance(value, str) and len(value) > LONGEST_KEPT_STRING:
        yield f"{where}: a string of {len(value)} characters"
    elif isinstance(value, list | dict):
        if len(value) > LONGEST_KEPT_LIST:
            yield f"{where}: {len(value)} entries"
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            yield from unbounded_values(item, f"{where}.{key}")


def delta_findings(deltas: list[dict[str, Any]]) -> list[str]:
    return [finding for update in deltas
            for finding in unbounded_values(update.get("delta", {}), "delta")]


def in_thread(coroutine):
    """Run a coroutine on its own loop (Playwright's sync API owns this one)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    log = tmp_path_factory.mktemp("every-handler") / "reflex.log"
    # A build of its own: rebuilding .web would change the pages the session's app serves.
    with running_app(log, REFLEX_WEB_WORKDIR=WEB_DIR) as url:
        yield url, log


async def emit_raw(client: ReflexClient, event: dict[str, Any]) -> None:
    """Send one socket.io event as JSON we encode ourselves: python-socketio's own encoder
    walks the data recursively and gives up on deep nesting that a raw client can send."""
    data = json.dumps(["event", event], separators=(",", ":"))
    await client.sio.eio.send(f"2{NAMESPACE},{data}")


async def answered(client: ReflexClient, probe: int) -> None:
    """One real event after a hostile one: a connection's events are handled in order, so once
    this one is answered the event before it has been handled (and its delta, if any, has
    arrived). Each probe toggles an office of the embed builder, so its state changes and the
    server sends a delta."""
    await client.send(f"{BUILDER}.toggle_office", {"code": "SEL"}, path=f"/?q=probe{probe}",
                      until=BUILDER, timeout=120)


def test_hostile_payloads_to_every_handler_keep_state_and_memory_bounded(
        page: Page, served: tuple[str, Path]) -> None:
    url, _ = served
    auth = capture_auth_with(page, url)
    states = app_states()
    events = hostile_events(states)
    handlers = sorted({name for name, _, _ in events})
    print(f"\n{len(states)} states, {len(handlers)} handlers, {len(events)} hostile events:")
    for name in handlers:
        print("  ", name.rsplit(".", 2)[-2][-40:], name.rsplit(".", 1)[-1])

    rss_before = server_rss_mb(url)

    async def attack() -> tuple[list[str], list[dict[str, Any]], list[dict[str, Any]]]:
        client = ReflexClient(url, auth)
        await client.connect()
        stored: list[str] = []
        for number, (name, label, payload) in enumerate(events):
            count = len(client.deltas)
            await emit_raw(client, {"name": name, "payload": payload,
                                    "router_data": {"pathname": "/", "asPath": "/"}})
            # Reflex may answer the probe before the event it follows: a second probe makes
            # sure the event's own delta has arrived before the next event is sent.
            where = f"{name.rsplit('.', 2)[-2]}.{name.rsplit('.', 1)[-1]}({label})"
            try:
                await answered(client, 2 * number)
                await answered(client, 2 * number + 1)
            except TimeoutError:  # e.g. a state that grew so much every answer crawls
                stored.append(f"{where} -> no answer to the next event within 120 s")
                break
            stored += [f"{where} -> {found}" for found in delta_findings(client.deltas[count:])]
        await client.close()
        # The same reader reconnects: the hydrate sends everything its state holds that
        # differs from the defaults.
        again = ReflexClient(url, auth, token=client.token)
        try:
            await again.connect(timeout=60)
            await again.wait_for_state(BUILDER, timeout=60)
        except TimeoutError:
            stored.append("the same reader reconnecting -> no hydrate within 60 s")
        await again.close()
        return stored, client.deltas, again.deltas

    stored, deltas, rehydrated = in_thread(attack())
    rss_after = server_rss_mb(url)
    full_state = len(json.dumps(rehydrated, default=str).encode())
    print(f"backend RSS {rss_before:.0f} MB -> {rss_after:.0f} MB "
          f"(+{rss_after - rss_before:.0f} MB, bound {RSS_GROWTH_BOUND_MB} MB); "
          f"{len(deltas)} deltas during the attack; state on reconnect {full_state} bytes "
          f"(bound {FULL_STATE_BOUND_BYTES})")
    assert httpx.get(url + "/ping", timeout=10).status_code == 200
    assert httpx.get(url + "/", timeout=30).status_code == 200
    print("stored hostile input (the last event sent before the delta -> field):",
          *stored or ["none"], sep="\n  ")
    print("held after reconnecting:", delta_findings(rehydrated) or "nothing unbounded")
    # Every field of every state, the app's and Reflex's own (its root is_hydrated flag only
    # since flash_reader/event_guard.py), must keep only bounded values.
    assert stored == []
    assert delta_findings(rehydrated) == []
    assert full_state <= FULL_STATE_BOUND_BYTES
    assert rss_after - rss_before <= RSS_GROWTH_BOUND_MB


def test_reflex_is_hydrated_keeps_only_a_bool(page: Page, served: tuple[str, Path]) -> None:
    url, _ = served
    auth = capture_auth_with(page, url)
    root = app_states()[0].get_full_name()

    async def attack() -> list[dict[str, Any]]:
        client = ReflexClient(url, auth)
        await client.connect()
        count = len(client.deltas)
        await emit_raw(client, {"name": f"{root}.set_is_hydrated", "payload": {"value": HUGE},
                                "router_data": {"pathname": "/", "asPath": "/"}})
        await answered(client, 0)
        await answered(client, 1)
        await client.close()
        return client.deltas[count:]

    assert delta_findings(in_thread(attack())) == []


def test_hostile_router_data_is_not_kept_after_the_next_event(
        page: Page, served: tuple[str, Path]) -> None:
    """The page address comes from the client too (router_data, with every event). Reflex
    stored it, and echoed it in that event's delta, before any middleware could look; an event
    with router data longer than any address the builder has, in a frame the server accepts,
    is dropped before Reflex sees it (flash_reader/event_guard.py)."""
    url, _ = served
    auth = capture_auth_with(page, url)
    hostile_router = {"pathname": "/" + HUGE[:4_200], "asPath": "/?q=" + HUGE[:4_200],
                      "query": {"q": HUGE[:4_200], "office": "PAR," * 100},
                      "headers": {"x": HUGE[:1_000]}}
    rss_before = server_rss_mb(url)

    async def attack() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        client = ReflexClient(url, auth)
        await client.connect()
        for _ in range(20):
            await emit_raw(client, {"name": ON_LOAD, "payload": {},
                                    "router_data": hostile_router})
        await answered(client, 0)
        echoed = list(client.deltas)
        await client.close()
        again = ReflexClient(url, auth, token=client.token)
        await again.connect()
        await again.wait_for_state(BUILDER, timeout=60)
        await again.close()
        return echoed, again.deltas

    echoed, rehydrated = in_thread(attack())
    rss_after = server_rss_mb(url)
    findings = delta_findings(echoed)
    print(f"\nhostile router_data x20: backend RSS {rss_before:.0f} -> {rss_after:.0f} MB; "
          f"echoed back during the attack: {len(findings)} unbounded values "
          f"({findings[:3]}); after reconnecting: {delta_findings(rehydrated)}")
    assert httpx.get(url + "/ping", timeout=10).status_code == 200
    assert findings == []
    assert delta_findings(rehydrated) == []
    assert rss_after - rss_before <= RSS_GROWTH_BOUND_MB

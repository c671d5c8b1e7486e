"""The real app (prod build) against hostile clients: what they can make it log (issue 14.5)
and which headers and origins it answers (issue 14.6), where Reflex's own middleware and
socket.io server are involved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import aiohttp
import httpx
import pytest
from playwright.sync_api import Page

from bench.reflex_client import BUILDER, NAMESPACE, STATE, ReflexClient, capture_auth_with
from flash_reader.logging_guard import LINES_PER_CONNECTION
from tests.browser.app_server import in_thread, running_app

pytestmark = pytest.mark.browser
WEB_DIR = ".web-hostile-clients"  # shared by tests/scale/test_*hostile*.py, one at a time

UNKNOWN_EVENTS = 2_000
FRONTEND_EXCEPTION = (f"{STATE}.reflex___state____frontend_event_exception_state"
                      ".handle_frontend_exception")
FORGED = "[ERROR] forged by a client"
EVIL = "http://evil.example"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    log = tmp_path_factory.mktemp("hostile") / "reflex.log"
    # A build of its own: rebuilding .web would change the pages the session's app serves.
    with running_app(log, REFLEX_WEB_WORKDIR=WEB_DIR) as url:
        yield url, log


def router_data() -> dict:
    return {"pathname": "/", "asPath": "/"}


async def send_then_wait_for_the_server(client: ReflexClient, messages: list) -> None:
    """Emit raw messages, then one real event: the server handles a connection's messages in
    order, so once the real event is answered every message before it has been handled (and
    logged)."""
    for message in messages:
        await client.sio.emit("event", message, namespace=NAMESPACE)
    # Toggling an office changes the builder's state, so the server always answers it.
    await client.send(f"{BUILDER}.toggle_office", {"code": "SEL"}, until=BUILDER, timeout=60)


def test_2000_unknown_events_add_a_bounded_number_of_log_lines(
        page: Page, served: tuple[str, Path]) -> None:
    url, log = served
    auth = capture_auth_with(page, url)
    before = log.read_bytes()

    async def flood() -> None:
        client = ReflexClient(url, auth)
        await client.connect()
        await send_then_wait_for_the_server(client, [
            {"name": f"{STATE}.no_such_handler_{i}", "payload": {}, "router_data": router_data()}
            for i in range(UNKNOWN_EVENTS)])
        await client.close()

    in_thread(flood())
    added = log.read_bytes()[len(before):].decode("utf-8", "replace")
    lines = [line for line in added.splitlines() if "no_such_handler" in line]
    print(f"\n{UNKNOWN_EVENTS} unknown events: the log grew by {len(added.encode())} bytes, "
          f"{len(added.splitlines())} lines ({len(lines)} naming the events)")
    assert len(lines) == LINES_PER_CONNECTION
    assert "Traceback" not in added
    assert len(added.splitlines()) <= LINES_PER_CONNECTION + 10


def test_forged_log_line_in_client_text_does_not_start_a_line(
        page: Page, served: tuple[str, Path]) -> None:
    url, log = served
    auth = capture_auth_with(page, url)
    before = log.read_bytes()
    forged = f"boom\n{FORGED}\r\n{FORGED}"

    async def forge() -> None:
        client = ReflexClient(url, auth)
        await client.connect()
        await send_then_wait_for_the_server(client, [
            {"name": FRONTEND_EXCEPTION, "payload": {"info": forged, "component_stack": forged},
             "router_data": router_data()},
            ["not", f"a dict\n{FORGED}"],
            f"a string\n{FORGED}",
            {"name": f"{STATE}.x\n{FORGED}", "payload": {}, "router_data": router_data()},
        ])
        await client.close()

    in_thread(forge())
    added = log.read_bytes()[len(before):].decode("utf-8", "replace")
    print(f"\nforged client text; the log grew by:\n{added}")
    assert FORGED in added  # it was logged, escaped
    assert not [line for line in added.splitlines() if line.lstrip().startswith(FORGED)]


def websocket_answer(url: str, origin: str | None) -> str:
    """Open the engine.io websocket with this Origin: 'accepted' or the HTTP status."""
    async def attempt() -> str:
        address = url.replace("http", "ws", 1) + f"{NAMESPACE}/?EIO=4&transport=websocket"
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(address, origin=origin) as socket:
                    opened = await socket.receive(timeout=30)
                    return "accepted" if str(opened.data).startswith("0{") else opened.data
            except aiohttp.WSServerHandshakeError as refused:
                return str(refused.status)
    return in_thread(attempt())


def test_websocket_from_another_origin_is_refused(served: tuple[str, Path]) -> None:
    url, _ = served
    port = url.rsplit(":", 1)[1]
    assert websocket_answer(url, EVIL) == "403"
    assert websocket_answer(url, f"http://localhost:{port}.evil.example") == "403"
    # The app's own origin is its public URL (the tests set FLASH_PUBLIC_URL to it): another
    # name for the same port is another origin.
    assert websocket_answer(url, f"http://127.0.0.1:{port}") == "accepted"
    assert websocket_answer(url, f"http://localhost:{port}") == "403"


@pytest.mark.parametrize("origin", [EVIL, "own"])
def test_cors_only_on_feeds_and_oembed_and_never_with_credentials(
        served: tuple[str, Path], origin: str) -> None:
    url, _ = served
    headers = {"Origin": url if origin == "own" else origin}
    for path in ("/feed.json", "/feed.atom", f"/oembed?url={url}/"):
        response = httpx.get(url + path, headers=headers)
        assert response.status_code == 200, path
        assert response.headers.get("access-control-allow-origin") == "*", path
        assert "access-control-allow-credentials" not in response.headers, path
    for path in ("/", "/embed", "/ping", "/placeholder/PAR.svg", "/embed/builder"):
        response = httpx.get(url + path, headers=headers)
        cors = [name for name in response.headers if name.startswith("access-control-")]
        assert cors == [], (path, cors)
    preflight = httpx.options(url + "/", headers={**headers,
                                                  "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_health_never_cached_and_permissions_policy_everywhere(
        served: tuple[str, Path]) -> None:
    url, _ = served
    for path in ("/ping", "/_health"):
        assert httpx.get(url + path).headers["cache-control"] == "no-store", path
    for path in ("/", "/ping", "/feed.json", "/embed", "/items/2020-10-28-01"):
        response = httpx.get(url + path)
        assert "camera=()" in response.headers["permissions-policy"], path
        assert "geolocation=()" in response.headers["permissions-policy"], path
        # Served over plain http here: no HSTS (it would lock browsers out of http).
        assert "strict-transport-security" not in response.headers, path

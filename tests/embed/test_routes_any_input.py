"""Our HTTP routes answer any query with a success or a short 4xx, never a 500 (issue 14.12).

Through Starlette's test client on create_api() with the security headers around it, on the
bundled feed. Each route and parameter gets its own property test; the inputs that broke them
once are named tests of their own.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import quote

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from flash_reader.api import create_api
from flash_reader.embed import feeds_out
from flash_reader.embed.headers import SecurityHeaders
from flash_reader.feed import query
from flash_reader.feed.parse import parse
from flash_reader.feed.search import SearchIndex
from flash_reader.store import store
from tests.conftest import DEFAULT_FEED

SHORT_ERROR = 2_000  # bytes: a 4xx names the problem, it does not echo the request back
HUGE_NUMBER = "9" * 5_000  # more digits than int() accepts by default (4,300)

# Any text a URL can carry (surrogates cannot be sent), numbers of any size, and lookalikes.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
NUMBERS = st.one_of(st.integers().map(str), st.from_regex(r"\A[0-9]{1,6000}\Z"),
                    st.sampled_from(["²", "١٢", "１２", "1_000", " 7 ", "+3", "-0", "0x10", "1e3",
                                     "NaN", "∞", HUGE_NUMBER]))
ANY_VALUE = st.one_of(TEXT, NUMBERS)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    store.load(str(DEFAULT_FEED))
    with TestClient(SecurityHeaders(create_api(), origins=()),
                    raise_server_exceptions=False) as test_client:
        yield test_client


def answer_is_not_a_crash(client: TestClient, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert response.status_code < 500, (path, params, response.text[:300])
    if 400 <= response.status_code < 500:
        assert 0 < len(response.content) <= SHORT_ERROR, (path, params, len(response.content))


# --- the inputs that raised before ---------------------------------------------------------

@pytest.mark.parametrize("page", ["²", "１", HUGE_NUMBER])
@pytest.mark.parametrize("path", ["/feed.json", "/feed.atom"])
def test_feed_with_a_page_that_is_not_a_small_ascii_number_is_a_400(
        client: TestClient, path: str, page: str) -> None:
    response = client.get(path, params={"page": page})
    assert response.status_code == 400
    assert len(response.content) <= SHORT_ERROR


@pytest.mark.parametrize("name", ["height", "width", "limit"])
def test_embed_with_a_5000_digit_number_is_a_400(client: TestClient, name: str) -> None:
    response = client.get("/embed", params={name: HUGE_NUMBER})
    assert response.status_code == 400
    assert "範囲外" in response.text
    assert HUGE_NUMBER[:100] not in response.text


def raw_get(app, path: str, query_string: bytes) -> tuple[int, bytes]:
    """One GET straight into the ASGI app: a query longer than httpx lets a client send."""
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(),
             "query_string": query_string, "headers": [(b"host", b"testserver")],
             "scheme": "http", "server": ("testserver", 80), "client": ("127.0.0.1", 1),
             "http_version": "1.1", "root_path": ""}
    status = 0
    chunks: list[bytes] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    # On a thread of its own: Playwright's sync API may own this thread's event loop when
    # browser tests ran earlier in the same session.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    return status, b"".join(chunks)


@pytest.mark.parametrize("path", ["/embed", "/feed.json", "/feed.atom"])
def test_20000_unknown_office_codes_give_a_short_error(client: TestClient, path: str) -> None:
    codes = ",".join(f"X{i}" for i in range(20_000))
    status, body = raw_get(client.app, path, b"office=" + codes.encode())
    assert status == 400
    assert len(body) <= SHORT_ERROR + 2_000  # the widget's error page has its own chrome
    assert b"X19999" not in body


def test_atom_stays_well_formed_when_a_text_holds_xml_illegal_characters() -> None:
    feed = parse(DEFAULT_FEED.read_bytes())
    items = query.select_items(feed, SearchIndex.build(feed.items), (), ())
    first = items[0]
    hostile = msgspec.structs.replace(first, title="a\uffffb\ufffec\x0bd")
    body = feeds_out.atom_feed(feed, [hostile, *items[1:]], "https://x.example", ())
    root = ET.fromstring(body)  # raises on a character XML 1.0 does not allow
    title = root.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")
    assert title is not None and title.text == "abcd"


# --- every route, every parameter, any value -----------------------------------------------

@SETTINGS
@given(name=st.sampled_from(["office", "limit", "theme", "lang", "height", "width", "other"]),
       value=ANY_VALUE)
def test_embed_any_parameter(client: TestClient, name: str, value: str) -> None:
    answer_is_not_a_crash(client, "/embed", {name: value})


@SETTINGS
@given(name=st.sampled_from(["office", "page", "other"]), value=ANY_VALUE)
def test_feed_json_any_parameter(client: TestClient, name: str, value: str) -> None:
    answer_is_not_a_crash(client, "/feed.json", {name: value})


@SETTINGS
@given(name=st.sampled_from(["office", "page", "other"]), value=ANY_VALUE)
def test_feed_atom_any_parameter(client: TestClient, name: str, value: str) -> None:
    answer_is_not_a_crash(client, "/feed.atom", {name: value})


@SETTINGS
@given(name=st.sampled_from(["maxwidth", "maxheight", "format", "other"]), value=ANY_VALUE)
def test_oembed_any_parameter_beside_a_good_url(client: TestClient, name: str,
                                                value: str) -> None:
    params = {"url": "http://testserver/", name: value}
    if name == "format" and value not in ("", "json"):
        # The oEmbed spec's own answer to a format we do not offer: 501, not a crash.
        assert client.get("/oembed", params=params).status_code == 501
        return
    answer_is_not_a_crash(client, "/oembed", params)


@SETTINGS
@given(path=st.sampled_from(["/", "/embed", "/items/", "/issues/", "/feed.json"]),
       name=st.sampled_from(["office", "limit", "height", "width", "theme", "q"]),
       value=ANY_VALUE)
def test_oembed_any_url_of_ours(client: TestClient, path: str, name: str, value: str) -> None:
    url = f"http://testserver{path}?{name}={quote(value, safe='')}"
    answer_is_not_a_crash(client, "/oembed", {"url": url})


@SETTINGS
@given(url=ANY_VALUE)
def test_oembed_any_url(client: TestClient, url: str) -> None:
    answer_is_not_a_crash(client, "/oembed", {"url": url})


@SETTINGS
@given(code=TEXT.filter(lambda c: "/" not in c and c not in ("", ".", "..")))
def test_placeholder_any_code(client: TestClient, code: str) -> None:
    answer_is_not_a_crash(client, f"/placeholder/{quote(code, safe='')}.svg", {})

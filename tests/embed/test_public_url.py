"""A request's Host and X-Forwarded-* headers (any client sets them) change no URL we emit.

Every route that writes an absolute URL — reader pages (canonical, og, oEmbed discovery), the
404 page, the view fragments, both feeds, oEmbed in both formats, the widget and its cards,
and the builder's snippet — is asked once honestly and once with forged headers; the answers
must be identical, and the URLs in them must start with FLASH_PUBLIC_URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from flash_reader.api import create_api
from flash_reader.embed.headers import SecurityHeaders
from flash_reader.embed.params import WidgetParams
from flash_reader.render.endpoints import NotFoundPages
from flash_reader.store import store
from tests.conftest import DEFAULT_FEED

PUBLIC = "https://flash.example.lg.jp"
EVIL = "evil.example"
FORGED = {"host": EVIL, "x-forwarded-host": EVIL, "x-forwarded-proto": "http",
          "x-forwarded-for": "6.6.6.6", "forwarded": f"host={EVIL};proto=http",
          "x-original-url": f"http://{EVIL}/", "origin": f"http://{EVIL}"}
ITEM = f"{PUBLIC}/items/2020-10-28-01"
ROUTES = [
    "/", "/?office=PAR", "/items/2020-10-28-01", "/issues/2020-10-28", "/no-such-page",
    "/_view/items/2020-10-28-01", "/_view/?office=PAR",
    "/feed.json", "/feed.json?office=PAR", "/feed.atom", "/feed.atom?office=PAR",
    f"/oembed?url={quote(ITEM, safe='')}", f"/oembed?format=xml&url={quote(ITEM, safe='')}",
    f"/oembed?url={quote(PUBLIC + '/issues/2020-10-28', safe='')}",
    f"/oembed?url={quote(PUBLIC + '/?office=PAR', safe='')}&lang=en",
    "/embed?office=PAR", "/embed?lang=en", "/embed/items/2020-10-28-01",
    "/embed/issues/2020-10-28?lang=en",
]


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("FLASH_PUBLIC_URL", PUBLIC)
    store.load(str(DEFAULT_FEED))
    app = SecurityHeaders(NotFoundPages(create_api()), origins=("https://www.city.example.lg.jp",))
    with TestClient(app, base_url="http://127.0.0.1:3000") as test_client:
        yield test_client


@pytest.mark.parametrize("path", ROUTES)
def test_forged_host_headers_change_no_emitted_url(client: TestClient, path: str) -> None:
    headers = {"accept": "text/html,application/json,*/*"}
    honest = client.get(path, headers=headers)
    forged = client.get(path, headers={**headers, **FORGED})
    assert honest.status_code == forged.status_code and honest.status_code in (200, 404)
    assert EVIL not in forged.text and "6.6.6.6" not in forged.text
    assert all(EVIL not in value for value in forged.headers.values())
    assert forged.content == honest.content
    if path.startswith(("/feed", "/oembed", "/items", "/issues", "/?")) or path == "/":
        # Absolute URLs are there, all from the public URL (never testserver or 127.0.0.1).
        assert PUBLIC in forged.text
        assert "http://127.0.0.1:3000" not in forged.text


def test_builder_snippet_comes_from_the_public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    from flash_reader.state.embed_builder import EmbedBuilderState

    monkeypatch.setenv("FLASH_PUBLIC_URL", PUBLIC)
    store.load(str(DEFAULT_FEED))
    # The computed var's function, with a stand-in for the state: nothing from the client.
    state = type("S", (), {"feed_version": "", "_params": lambda self: WidgetParams(("PAR",))})()
    snippet = EmbedBuilderState.computed_vars["snippet"]._fget(state)
    assert snippet.startswith(f'<iframe src="{PUBLIC}/embed?office=PAR&amp;limit=5"')


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_builder_warns_staff_when_the_code_would_use_a_local_address(
        monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """Issue 25.9: without FLASH_PUBLIC_URL the embed code said http://localhost:… silently."""
    from flash_reader.state.embed_builder import address_warning

    monkeypatch.delenv("FLASH_PUBLIC_URL", raising=False)
    warning = address_warning(lang)
    assert "http://localhost:" in warning and "FLASH_PUBLIC_URL" in warning
    monkeypatch.setenv("FLASH_PUBLIC_URL", PUBLIC)
    assert address_warning(lang) == ""

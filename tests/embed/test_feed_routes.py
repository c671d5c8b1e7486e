"""The feeds and oEmbed over HTTP: media types, languages of error bodies, XML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import feedparser
import pytest
from starlette.testclient import TestClient

from flash_reader.api import create_api
from flash_reader.store import store
from tests.conftest import DEFAULT_FEED

PUBLIC = "https://flash.example.lg.jp"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
READER_ACCEPT = "application/atom+xml, application/rss+xml;q=0.9, */*;q=0.1"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("FLASH_PUBLIC_URL", PUBLIC)
    store.load(str(DEFAULT_FEED))
    with TestClient(create_api()) as test_client:
        yield test_client


def test_atom_opened_by_a_browser_is_xml_so_its_stylesheet_applies(client: TestClient) -> None:
    browser = client.get("/feed.atom", headers={"accept": BROWSER_ACCEPT})
    reader = client.get("/feed.atom", headers={"accept": READER_ACCEPT})
    assert browser.headers["content-type"] == "application/xml; charset=utf-8"
    assert reader.headers["content-type"] == "application/atom+xml; charset=utf-8"
    assert browser.content == reader.content and "Accept" in reader.headers["vary"]
    assert browser.headers["etag"] != reader.headers["etag"]  # a cache keeps them apart
    assert not feedparser.parse(browser.content).bozo


@pytest.mark.parametrize("path", ["/feed.json?office=XXX", "/feed.atom?page=x",
                                  "/feed.json?page=99", "/oembed", "/oembed?format=yaml&url=x",
                                  f"/oembed?url={PUBLIC}/items/nope", "/oembed?url=https://x.example/",
                                  "/oembed?url=x&maxwidth=-1"])
def test_error_bodies_are_japanese_unless_lang_en(client: TestClient, path: str) -> None:
    ja = client.get(path)
    en = client.get(path + ("&" if "?" in path else "?") + "lang=en")
    assert ja.status_code == en.status_code and ja.status_code in (400, 404, 501)
    assert ja.json()["lang"] == "ja" and JAPANESE.search(ja.json()["error"])
    assert en.json()["lang"] == "en" and en.headers["content-language"] == "en"
    assert not JAPANESE.search(en.json()["error"]), en.json()["error"]


def test_oembed_xml_format_answers_in_xml(client: TestClient) -> None:
    response = client.get("/oembed", params={"url": f"{PUBLIC}/items/2020-10-28-01",
                                             "format": "xml"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.findtext("type") == "rich"
    assert root.findtext("html").startswith(f'<iframe src="{PUBLIC}/embed/items/2020-10-28-01"')


@pytest.mark.parametrize(("path", "status"), [("/embed/items/2020-10-28-01", 200),
                                              ("/embed/items/nope", 404),
                                              ("/embed/issues/2020-10-28", 200),
                                              ("/embed/issues/2020-13-40", 404),
                                              ("/embed/issues/x", 404),
                                              ("/embed/items/2020-10-28-01?theme=neon", 400)])
def test_cards_answer_with_their_own_pages(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert "/embed.css" in response.text and "<script" not in response.text

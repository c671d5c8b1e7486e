"""A hostile feed in the real app: nothing from it executes in the reader, widget or feeds out."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.app_server import running_app
from tests.feed.test_hostile import PAYLOADS

MARKER = "window.__pwned"
HOSTILE = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "<script>window.__pwned=1</script>悪意のある配信",
    "home_page_url": "javascript:window.__pwned=1",
    "_flash": {"offices": [{"code": "PAR", "name": "<img src=x onerror=window.__pwned=1>"}]},
    "items": [
        {"id": f"h{n}", "title": f"<img src=x onerror=window.__pwned=1>見出し{n}",
         "content_html": payload.replace("alert(1)", "window.__pwned=1") + "<p>本文</p>",
         "url": "javascript:window.__pwned=1", "image": "javascript:window.__pwned=1",
         "date_published": "2026-11-01T00:00:00+09:00",
         "_flash": {"office": "PAR", "photo_caption": "<script>window.__pwned=1</script>説明",
                    "issue_date": "2026-11-01"}}
        for n, payload in enumerate(PAYLOADS)],
}


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("hostile")
    feed = directory / "hostile.json"
    feed.write_text(json.dumps(HOSTILE, ensure_ascii=False), encoding="utf-8")
    with running_app(directory / "reflex.log", FLASH_FEED_URL=str(feed),
                     REFLEX_WEB_WORKDIR=".web-embed") as url:
        yield url


def settled(page: Page) -> None:
    """Wait until every image the page loads now has loaded or failed: an `onerror` payload
    would have run by then (conditions, not a fixed time). Lazy images below the fold are not
    loaded at all, and assert_nothing_ran finds no handler attribute on any element."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        "[...document.images].every(image => image.complete || image.loading === 'lazy')")


def assert_nothing_ran(page: Page, dialogs: list[str]) -> None:
    assert page.evaluate(f"typeof {MARKER}") == "undefined"
    assert dialogs == []
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert all(not h.lower().lstrip().startswith(("javascript:", "data:", "vbscript:"))
               for h in hrefs)
    assert page.locator("[onerror], [onload], [onclick], iframe, object, embed").count() == 0


def test_reader_renders_hostile_feed_as_text(page: Page, hostile_app: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_app)
    expect(page.get_by_role("article")).to_have_count(len(PAYLOADS))
    expect(page.get_by_role("heading", level=2).first).to_have_accessible_name(
        "<img src=x onerror=window.__pwned=1>見出し0")
    settled(page)
    assert_nothing_ran(page, dialogs)
    page.goto(hostile_app + "/items/h1")
    page.locator("article").wait_for()
    settled(page)
    assert_nothing_ran(page, dialogs)


def test_widget_renders_hostile_feed_as_text(browser: Browser, hostile_app: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_app + "/embed?limit=20")
    expect(page.get_by_role("listitem")).to_have_count(min(20, len(PAYLOADS)))
    settled(page)
    assert_nothing_ran(page, dialogs)
    context.close()


def test_feeds_out_keep_hostile_text_inert(hostile_app: str) -> None:
    atom = httpx.get(hostile_app + "/feed.atom").text
    assert "<script>" not in atom and "<img" not in atom
    document = httpx.get(hostile_app + "/feed.json").json()
    assert all(not item["url"].startswith("javascript") for item in document["items"])
    assert "image" not in document["items"][0]

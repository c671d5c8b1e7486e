"""Reader pages are plain server pages (issue 21): against the real production build they load
no React or Reflex module and open no websocket; the builder still hydrates, connects and
previews; Back and Forward put the reader back where they were, from the browser's
back/forward cache or, without it, from the place kept in the history entry."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, BrowserType, Page, expect

from flash_reader import routes
from flash_reader.render.client import CLIENT, CONFIG
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, Sockets, open_reader

READER_PATHS = ["/", "/?office=PAR", "/items/2020-10-28-01", "/issues", "/issues/2020-10-28",
                "/about", "/accessibility", "/no-such-page", "/items/no-such-item"]
READY = "flash-page[data-enhanced=ready]"
# Recorded on every document: whether the last pageshow came from the back/forward cache.
PAGESHOW = ("window.__shows = []; addEventListener('pageshow', e => "
            "window.__shows.push(e.persisted));")
FIFTH = 4  # the fifth article


@pytest.mark.parametrize("path", READER_PATHS)
def test_reader_page_loads_no_framework_and_opens_no_websocket(page: Page, app_url: str,
                                                               path: str) -> None:
    sockets = Sockets(page)
    scripts: list[str] = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    page.goto(app_url + path)
    page.locator(READY).wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    assert scripts, "the page's modules were not requested"
    prefix = f"{app_url}/scripts/{CLIENT.digest}/"
    assert [s for s in scripts if not s.startswith(prefix)] == [], scripts
    assert sockets.opened == []
    assert page.evaluate("typeof window.__reactRouterContext") == "undefined"


def test_builder_still_hydrates_connects_and_previews(page: Page, app_url: str) -> None:
    sockets = Sockets(page)
    page.goto(app_url + routes.EMBED_BUILDER)
    # The page's own origin in the code: Reflex hydrated it and its state answered on_load.
    expect(page.locator("#snippet")).to_have_value(re.compile(r'^<iframe src="http://'))
    assert any("/_event" in url for url in sockets.opened), sockets.opened
    page.get_by_label("言語").select_option("en")
    preview = page.frame_locator("iframe.builder-frame")
    expect(preview.locator("html")).to_have_attribute("lang", "en")
    # Its display settings are the reader pages' modules too.
    expect(page.locator("html")).not_to_have_attribute("style", re.compile("color-scheme"))


@pytest.fixture(scope="module")
def cached_browser(browser_type: BrowserType) -> Iterator[Browser]:
    """Chromium with its back/forward cache on (Playwright turns it off by default)."""
    browser = browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                                  ignore_default_args=["--disable-back-forward-cache"])
    yield browser
    browser.close()


def _context(browser: Browser, width: int, size: int):
    context = browser.new_context(viewport={"width": width, "height": 640}, bypass_csp=True)
    prefs = json.dumps({"size": str(size)} if size > 100 else {})
    context.add_init_script(
        f"try {{ if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', 1);"
        f" localStorage.setItem({json.dumps(CONFIG['storage']['display'])}, {json.dumps(prefs)});"
        f" }} }} catch (e) {{}}" + PAGESHOW)
    return context


def _open_fifth_and_come_back(page: Page, app_url: str) -> tuple[float, float, bool]:
    open_reader(page, app_url + "/")
    link = page.locator("a.item-permalink").nth(FIFTH)
    link.scroll_into_view_if_needed()
    link.focus()
    before = page.evaluate("scrollY")
    link.press("Enter")
    page.wait_for_url(re.compile("/items/"))
    page.locator(READY).wait_for(state="attached")
    # A page restored from the back/forward cache fires no load event: wait on the address
    # and the restored page's own marker instead.
    page.go_back(wait_until="commit")
    page.wait_for_url(app_url + "/", wait_until="commit")
    page.wait_for_function("window.__shows && window.__shows.length > 0 && "
                           "document.readyState === 'complete'")
    page.wait_for_function("h => document.activeElement && "
                           "document.activeElement.getAttribute('href') === h",
                           arg=link.get_attribute("href"))
    return before, page.evaluate("scrollY"), page.evaluate("window.__shows.at(-1)")


@pytest.mark.parametrize(("width", "size"), [(320, 300), (1280, 100)])
def test_back_after_the_fifth_article_restores_place_from_the_cache(
        cached_browser: Browser, app_url: str, width: int, size: int) -> None:
    context = _context(cached_browser, width, size)
    try:
        page = context.new_page()
        before, after, persisted = _open_fifth_and_come_back(page, app_url)
        assert persisted is True, "the page was not restored from the back/forward cache"
        assert before > 0 and abs(after - before) <= 50, (before, after)
    finally:
        context.close()


@pytest.mark.parametrize(("width", "size"), [(320, 300), (1280, 100)])
def test_back_after_the_fifth_article_restores_place_without_the_cache(
        browser: Browser, app_url: str, width: int, size: int) -> None:
    # The suite's browser runs without the back/forward cache: the page is loaded again.
    context = _context(browser, width, size)
    try:
        page = context.new_page()
        before, after, persisted = _open_fifth_and_come_back(page, app_url)
        assert persisted is False
        assert before > 0 and abs(after - before) <= 50, (before, after)
    finally:
        context.close()


def test_back_after_a_filter_restores_the_place_and_the_control(browser: Browser,
                                                                app_url: str) -> None:
    context = _context(browser, 320, 200)
    try:
        page = context.new_page()
        open_reader(page, app_url + "/")
        page.locator(".office-filter-details > summary").click()  # folded until opened
        box = page.locator("#office-SEL")
        box.check()
        expect(page).to_have_url(re.compile(r"\?office=SEL$"))
        expect(page.locator("article.item")).to_have_count(1)
        page.locator("a.item-permalink").first.focus()
        page.go_back()
        expect(page).to_have_url(app_url + "/")
        expect(page.locator("article.item")).not_to_have_count(1)
        expect(box).to_be_focused()
        page.go_forward()
        expect(page.locator("article.item")).to_have_count(1)
        expect(page.locator("a.item-permalink").first).to_be_focused()
    finally:
        context.close()


def test_reader_pages_are_eligible_for_the_back_forward_cache(cached_browser: Browser,
                                                               app_url: str) -> None:
    context = _context(cached_browser, 1280, 100)
    try:
        page = context.new_page()
        for path in ("/issues", "/items/2020-10-28-01", "/about"):
            page.goto(app_url + path)
            page.locator(READY).wait_for(state="attached")
            page.goto(app_url + "/accessibility")
            page.locator(READY).wait_for(state="attached")
            page.go_back(wait_until="commit")
            page.wait_for_url(app_url + path, wait_until="commit")
            page.wait_for_function("window.__shows && window.__shows.length > 0")
            reasons = page.evaluate(
                "JSON.stringify(performance.getEntriesByType('navigation')[0]"
                ".notRestoredReasons)")
            assert page.evaluate("window.__shows.at(-1)") is True, (path, reasons)
    finally:
        context.close()


def test_builder_answers_without_a_redirect_whatever_the_host(app_url: str) -> None:
    """Issue 23: `/embed/builder` was a 307 to `http://<Host header>/embed/builder/`."""
    for host in ("evil.example", "127.0.0.1"):
        answer = httpx.get(app_url + "/embed/builder", headers={"Host": host},
                           follow_redirects=False, timeout=30)
        assert answer.status_code == 200, (host, answer.status_code, answer.headers)
        assert "location" not in answer.headers
        assert "evil.example" not in answer.text
        assert answer.headers["content-type"].startswith("text/html")
        assert "frame-ancestors" in answer.headers["content-security-policy"]

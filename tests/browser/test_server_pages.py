"""Every reader URL answers with its own content (issue 13), seen from chromium: without
JavaScript, during hydration, and under the pages' own script policy."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from flash_reader.render.chrome import IDS
from tests.browser.conftest import RECORD_POLICY_VIOLATIONS, Sockets, open_reader
from tests.browser.test_filters import open_filter


@pytest.fixture
def no_js(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


@pytest.mark.parametrize(("path", "items", "title"), [
    ("/items/2020-10-28-03", ["2020-10-28-03"], re.compile("^「Japan Matsuri Presents」へ参加")),
    ("/issues/2020-10-28", [f"2020-10-28-{n:02d}" for n in range(1, 8)],
     "2020年10月28日配信｜海外事務所フラッシュ"),
    ("/?office=PAR,SIN", ["2020-10-28-01", "2020-10-28-02"],
     "パリ事務所・シンガポール事務所の記事 2件｜海外事務所フラッシュ"),
    ("/?q=%E3%82%BD%E3%82%A6%E3%83%AB", ["2020-10-28-07"],
     "「ソウル」を含む記事 1件｜海外事務所フラッシュ"),
])
def test_reader_urls_without_javascript_show_exactly_their_articles(
        no_js: BrowserContext, app_url: str, path: str, items: list[str], title) -> None:
    page = no_js.new_page()
    response = page.goto(app_url + path)
    assert response is not None and response.status == 200
    expect(page.locator("article")).to_have_count(len(items))
    assert [a.get_attribute("data-item-id") for a in page.locator("article").all()] == items
    expect(page).to_have_title(title)
    assert page.locator("meta[property='og:title']").get_attribute("content") == page.title()


def test_office_filter_form_works_without_javascript(no_js: BrowserContext, app_url: str) -> None:
    page = no_js.new_page()
    page.goto(app_url + "/")
    page.locator(".office-filter-summary").click()  # a <details>: works without JavaScript
    group = page.get_by_role("group", name="事務所で絞り込む")
    group.get_by_role("checkbox", name=re.compile("^ロンドン事務所")).check()
    group.get_by_role("checkbox", name=re.compile("^ソウル事務所")).check()
    page.get_by_role("button", name="この条件で絞り込む").click()
    expect(page).to_have_url(re.compile(r"office=LON&office=SEL$"))
    expect(page.locator("article")).to_have_count(2)
    expect(page.locator("#result-status")).to_have_text("ロンドン事務所・ソウル事務所の記事 2件")


@pytest.mark.parametrize("path", ["/items/no-such-item", "/issues/1999-01-01", "/no/such/page"])
def test_unknown_urls_are_404_with_the_sites_own_page(no_js: BrowserContext, app_url: str,
                                                     path: str) -> None:
    page = no_js.new_page()
    response = page.goto(app_url + path)
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_contain_text("見つかりません")
    expect(page.get_by_role("search")).to_be_visible()
    expect(page.get_by_role("link", name="最新号を読む")).to_have_attribute("href", "/")
    assert page.locator("html").get_attribute("lang") == "ja"
    expect(page.get_by_text("404: Page not found")).to_have_count(0)


# Records, from before the first paint until the test stops it, which offices' articles each
# animation frame showed, and every console error (hydration errors included).
FRAME_RECORDER = """
window.__frames = [];
window.__recording = true;
(function sample() {
  const offices = [...document.querySelectorAll("article .item-office")]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => el.getAttribute("data-office"));
  if (document.body) window.__frames.push(offices.join(","));
  if (window.__recording) requestAnimationFrame(sample);
})();
"""


def test_filtered_url_paints_only_its_articles_from_first_frame_on(page: Page,
                                                                app_url: str) -> None:
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(FRAME_RECORDER)
    page.goto(app_url + "/?office=SEL")
    # The modules in charge.
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
    # Then 30 more frames, to see whether anything repaints after the scripts ran.
    page.wait_for_function("n => window.__frames.length > n",
                           arg=page.evaluate("window.__frames.length") + 30)
    frames = page.evaluate("window.__recording = false, window.__frames")
    first = next((i for i, f in enumerate(frames) if f), None)
    assert first is not None, "no frame showed an article"
    after = frames[first:]
    assert set(after) == {"SEL"}, f"frames showed other offices or none: {sorted(set(after))}"
    assert not [e for e in errors if re.search("hydrat|#418|#423|#425", e, re.I)], errors
    assert errors == []


def test_pages_run_under_their_script_policy(browser: Browser, app_url: str) -> None:
    # A context without the suite's bypass: the policy the server sends is enforced.
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(RECORD_POLICY_VIOLATIONS)
        response = page.goto(app_url + "/")
        assert response is not None
        policies = response.headers["content-security-policy"]
        assert "script-src 'self' 'sha256-" in policies and "'unsafe-inline'" not in (
            policies.split("script-src", 1)[1].split(";", 1)[0])
        page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
        open_filter(page)
        page.get_by_role("checkbox", name=re.compile("^パリ事務所")).check()
        expect(page.locator("article")).to_have_count(1)
        assert page.evaluate("window.__violations") == []
        # An injected inline script (what a stored XSS would be) does not run.
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.textContent = 'window.__injected = true';
                                 document.body.append(s); }""")
        expect(page.locator("article")).to_have_count(1)
        assert page.evaluate("window.__injected === undefined")
        assert page.evaluate("window.__violations.length") == 1
    finally:
        context.close()


def test_filters_and_search_are_view_fetches_and_links_are_page_loads(page: Page,
                                                                      app_url: str) -> None:
    """Filters and search swap the view (one cached HTTP answer each); an article's link is an
    ordinary page load; nothing opens a websocket."""
    sockets = Sockets(page)
    fetched: list[str] = []
    page.on("request", lambda r: "/_view/" in r.url and fetched.append(r.url))
    open_reader(page, app_url)
    page.evaluate("document.querySelector('flash-page').dataset.marker = 'kept'")
    open_filter(page)
    page.get_by_role("checkbox", name=re.compile("ソウル")).check()
    expect(page).to_have_url(re.compile(r"/\?office=SEL$"))
    expect(page.locator("article.item")).to_have_count(1)
    expect(page.get_by_role("checkbox", name=re.compile("ソウル"))).to_be_focused()
    page.locator("#" + IDS["search"]).fill("日韓")
    page.locator("#" + IDS["search"]).press("Enter")
    expect(page).to_have_url(re.compile(r"/\?office=SEL&q="))
    expect(page.locator("#" + IDS["search"])).to_be_focused()
    # Same page element: the view was swapped, the page kept.
    assert page.evaluate("document.querySelector('flash-page').dataset.marker") == "kept"
    page.locator("article.item a[href^='/items/']").first.click()
    expect(page).to_have_url(re.compile("/items/"))
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
    assert page.evaluate("document.querySelector('flash-page').dataset.marker") is None
    assert len(fetched) == 2, fetched
    assert sockets.opened == []


def test_back_from_an_in_page_link_fetches_nothing(page: Page, app_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: "/_view/" in r.url and fetched.append(r.url))
    open_reader(page, app_url + "/issues")
    page.locator(".archive-years a").first.click()
    expect(page).to_have_url(re.compile(r"/issues#y\d{4}$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/issues$"))
    # Then a filter's back/forward swaps the view: a marker request that must come last.
    page.goto(app_url + "/")
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
    open_filter(page)
    page.get_by_role("checkbox", name=re.compile("ソウル")).check()
    expect(page).to_have_url(re.compile(r"/\?office=SEL$"))
    page.go_back()
    expect(page.locator("article.item")).not_to_have_count(1)
    assert len(fetched) == 2, fetched  # the filter, then / again — none for the #fragment


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_display_settings_without_javascript_say_what_works_and_show_no_dead_controls(
        no_js: BrowserContext, app_url: str, lang: str) -> None:
    page = no_js.new_page()
    page.goto(app_url + "/?office=PAR" + ("&lang=en" if lang == "en" else ""))
    page.locator("summary.display-summary").click()  # <details> opens without scripts
    panel = page.locator(".display-panel")
    note = panel.locator(".no-script-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("JavaScript")
    # Not one control that could not act is shown (or reachable by Tab).
    expect(panel.locator("input, button, select").filter(visible=True)).to_have_count(0)
    link = note.get_by_role("link")
    link.click()
    expect(page).to_have_url(re.compile(r"office=PAR.*furigana=1"))
    expect(page.locator("article ruby").first).to_be_attached()
    page.locator("summary.display-summary").click()
    expect(page.locator(".no-script-note").get_by_role("link")).to_have_attribute(
        "href", "/?office=PAR" + ("&lang=en" if lang == "en" else ""))


def test_display_settings_with_javascript_show_the_controls_not_the_note(
        page: Page, app_url: str) -> None:
    open_reader(page, app_url + "/")
    page.locator("summary.display-summary").click()
    expect(page.locator(".no-script-note")).to_be_hidden()
    expect(page.get_by_role("radio").first).to_be_visible()

"""The widget framed by a real host page on another port, the builder, oEmbed and feeds out."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, urlsplit

import feedparser
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page, expect

from flash_reader.feed.parse import parse
from tests.browser.app_server import free_port, running_app
from tests.browser.axe import axe_violations, format_violations
from tests.conftest import DEFAULT_FEED

WEB_DIR = ".web-embed"
ARTICLE_03 = "「Japan Matsuri Presents」へ参加"


@contextlib.contextmanager
def host_page(iframe_src: str, port: int = 0) -> Iterator[str]:
    """A staff member's site on another localhost port (a real second origin), framing the
    widget or a card."""
    html = (f'<!DOCTYPE html><html lang="ja"><head><title>市役所</title></head><body>'
            f'<h1>市役所のお知らせ</h1><iframe src="{iframe_src}" title="海外事務所フラッシュ" '
            f'width="320" height="480"></iframe></body></html>').encode()

    server = ThreadingHTTPServer(("127.0.0.1", port or free_port()), _fixed(html))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def allowed_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def embed_app(allowed_port: int, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("embed-app") / "reflex.log"
    with running_app(log, FLASH_EMBED_ORIGINS=f"http://127.0.0.1:{allowed_port}",
                     REFLEX_WEB_WORKDIR=WEB_DIR) as url:
        yield url


def test_widget_framed_by_an_allowed_origin_shows_items(page: Page, embed_app: str,
                                                        allowed_port: int) -> None:
    html = (f'<iframe src="{embed_app}/embed?office=PAR,SIN&limit=2" title="海外事務所フラッシュ" '
            'width="240" height="480"></iframe>').encode()
    server = ThreadingHTTPServer(("127.0.0.1", allowed_port), _fixed(html))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{allowed_port}/")
        frame = page.frame_locator("iframe")
        links = frame.get_by_role("listitem").get_by_role("link")
        expect(links).to_have_count(2)
        expect(links.first).to_have_text("仏コミューン選挙後初、自治体国際活動フォーラムに参加=パリ")
        expect(links.first).to_have_attribute("target", "_top")
        # 240 px wide: nothing scrolls sideways inside the widget.
        widget = page.frames[1]
        assert widget.evaluate("document.documentElement.scrollWidth <= innerWidth")
        links.first.click()  # opens in the top window, in the reader
        expect(page).to_have_url(f"{embed_app}/items/2020-10-28-01")
    finally:
        server.shutdown()
        server.server_close()


def test_article_card_framed_by_an_allowed_origin_shows_that_article(
        page: Page, embed_app: str, allowed_port: int) -> None:
    with host_page(f"{embed_app}/embed/items/2020-10-28-03?lang=en", allowed_port) as host:
        page.goto(host)
        card = page.frame_locator("iframe")
        expect(card.get_by_role("heading", level=2)).to_have_text(ARTICLE_03)
        expect(card.get_by_role("article")).to_have_count(1)
        # The card's own word is English, marked so inside the Japanese text (issue 17.5).
        expect(card.locator('.widget-caption [lang="en"]')).to_have_text("Photo:")
        expect(card.locator("html")).to_have_attribute("lang", "en")
        link = card.get_by_role("link", name=re.compile("leaves this page")).last
        expect(link).to_have_attribute("target", "_top")
        link.click()  # the host page is replaced by the article in the reader
        expect(page).to_have_url(f"{embed_app}/items/2020-10-28-03")


@pytest.mark.parametrize("path", ["/embed?office=PAR", "/embed/items/2020-10-28-03"],
                         ids=["list widget", "article card"])
def test_embed_refused_for_an_origin_not_on_the_list(page: Page, embed_app: str,
                                                     path: str) -> None:
    with host_page(embed_app + path) as host:
        # Wait for the browser's own verdict (its console message), not for a time.
        with page.expect_console_message(
                lambda message: "frame-ancestors" in message.text) as refusal:
            page.goto(host)
        assert "has been blocked" in refusal.value.text
        frame = page.frames[1]
        assert "仏コミューン" not in frame.content() and ARTICLE_03 not in frame.content()
        assert frame.evaluate("document.querySelector('.widget') === null")


@pytest.mark.parametrize(("site", "verdict"), [("allowed", "許可されています"),
                                               ("other", "まだ許可されていません")])
def test_builder_check_says_whether_a_site_may_show_the_widget(
        page: Page, embed_app: str, allowed_port: int, site: str, verdict: str) -> None:
    origin = f"http://127.0.0.1:{allowed_port if site == 'allowed' else free_port()}"
    page.goto(embed_app + "/embed/builder")
    expect(page.get_by_role("list").filter(has_text=f"http://127.0.0.1:{allowed_port}")
           ).to_be_visible()
    snippet = page.get_by_label("このコードをウェブサイトの HTML に貼り付けてください")
    expect(snippet).to_have_value(re.compile(re.escape(embed_app)))  # hydrated
    page.get_by_label("あなたのサイトのアドレス").fill(origin + "/oshirase/index.html")
    page.get_by_role("button", name="このサイトで試す").click()
    status = page.locator("#origin-status")
    expect(status).to_contain_text(f"{origin} {'は埋め込みが' if site == 'allowed' else 'は'}")
    expect(status).to_contain_text(verdict)
    expect(status).to_have_attribute("role", "status")


def test_reader_pages_cannot_be_framed_even_by_an_allowed_origin(
        page: Page, embed_app: str, allowed_port: int) -> None:
    response = httpx.get(embed_app + "/")
    policies = response.headers.get_list("content-security-policy")
    # One policy (issue 23.9): the page's own directives with the framing rule in it.
    assert len(policies) == 1 and policies[0].endswith("; frame-ancestors 'self'")
    assert not any("frame-ancestors" in p and "127.0.0.1" in p for p in policies)
    widget = httpx.get(embed_app + "/embed")
    assert f"frame-ancestors 'self' http://127.0.0.1:{allowed_port}" in widget.headers[
        "content-security-policy"]
    for r in (response, widget):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def _fixed(body: bytes):
    """A request handler that answers every GET with `body` (a staff member's page)."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass
    return Handler


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["office", "limit", "theme", "lang", "height", "x"]),
                       st.text(max_size=30), max_size=5))
def test_widget_parameters_fuzzed_never_crash(app_url: str, query: dict[str, str]) -> None:
    response = httpx.get(app_url + "/embed", params=query)
    assert response.status_code in (200, 400), response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="' in response.text and "/embed.css" in response.text
    if response.status_code == 400:
        assert 'role="alert"' in response.text


WIDGET_VARIANTS = [
    "/embed?office=PAR,SIN&theme=dark-high", "/embed?limit=abc", "/embed?limit=abc&lang=en",
    "/embed?theme=blue-yellow&lang=en", "/embed?theme=light-high&limit=20", "/embed?office=LON",
    "/embed/items/2020-10-28-03", "/embed/items/2020-10-28-03?lang=en&theme=dark-high",
    "/embed/issues/2020-10-28", "/embed/issues/2020-10-28?lang=en&theme=blue-yellow",
    "/embed/items/no-such-item", "/embed/issues/1999-01-01?lang=en",
]


@pytest.mark.parametrize("path", WIDGET_VARIANTS)
def test_every_widget_variant_passes_axe(browser: Browser, app_url: str, path: str) -> None:
    # The widget's own CSP forbids scripts: let the test inject axe-core anyway.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(app_url + path)
    violations = axe_violations(page)
    context.close()
    assert not violations, f"{path}:\n{format_violations(violations)}"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_builder_passes_axe_in_each_widget_language(page: Page, embed_app: str,
                                                    lang: str) -> None:
    page.goto(embed_app + "/embed/builder")
    snippet = page.get_by_label("このコードをウェブサイトの HTML に貼り付けてください")
    expect(snippet).to_have_value(re.compile(re.escape(embed_app)))  # hydrated
    page.get_by_label("言語").select_option(lang)
    expect(snippet).to_have_value(re.compile("lang=en" if lang == "en" else r'\?limit=5"'))
    page.get_by_label("あなたのサイトのアドレス").fill("not a site")
    page.get_by_role("button", name="このサイトで試す").click()  # the status shown, too
    expect(page.locator("#origin-status")).to_contain_text("読めませんでした")
    preview = page.frame_locator("iframe.builder-frame")
    expect(preview.locator("html")).to_have_attribute("lang", lang)
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_builder_preview_snippet_and_copy(page: Page, app_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page.goto(app_url + "/embed/builder")
    snippet = page.get_by_label("このコードをウェブサイトの HTML に貼り付けてください")
    expect(snippet).to_have_value(re.compile(re.escape(app_url)))  # hydrated, origin known
    page.get_by_role("checkbox", name="ロンドン事務所").click()
    expect(page.get_by_role("checkbox", name="ロンドン事務所")).to_be_checked()
    page.get_by_label("件数").select_option("3")
    expect(snippet).to_have_value(re.compile("limit=3"))
    page.get_by_label("色").select_option("dark-high")
    expect(snippet).to_have_value(
        f'<iframe src="{app_url}/embed?office=LON&amp;limit=3&amp;theme=dark-high" '
        'title="海外事務所フラッシュ（ロンドン事務所の新着3件）" width="360" height="480" '
        'loading="lazy" style="border:0;max-width:100%" '
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>')
    preview = page.frame_locator("iframe[title='海外事務所フラッシュ（ロンドン事務所の新着3件）']")
    expect(preview.get_by_role("listitem")).to_have_count(1)
    page.get_by_role("button", name="コードをコピー").click()
    expect(page.get_by_role("status").filter(has_text="コピーしました")).to_be_visible()
    # The status comes with the server's answer; the browser writes the clipboard
    # asynchronously after it: wait until the clipboard holds the snippet (reading it needs
    # the page focused).
    page.bring_to_front()
    page.wait_for_function("async expected => (await navigator.clipboard.readText()) === expected",
                           arg=snippet.input_value(), timeout=30_000)


def test_no_third_party_requests(page: Page, app_url: str) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    for path in ("/", "/embed", "/embed/builder", "/items/2020-10-28-01"):
        page.goto(app_url + path)
        page.wait_for_load_state("networkidle")
    assert hosts == {urlsplit(app_url).netloc}


def test_feeds_out_round_trip_and_validate(app_url: str) -> None:
    ours = parse(httpx.get(app_url + "/feed.json").content)
    seed = parse(DEFAULT_FEED.read_bytes())
    assert [i.id for i in ours.items] == [i.id for i in seed.items]
    assert [i.photo.caption for i in ours.items] == [i.photo.caption for i in seed.items]
    assert [i.office for i in ours.items] == [i.office for i in seed.items]
    filtered = parse(httpx.get(app_url + "/feed.json?office=LON,SEL").content)
    assert [i.office.code for i in filtered.items] == ["LON", "SEL"]
    response = httpx.get(app_url + "/feed.json")
    assert response.headers["content-type"] == "application/feed+json; charset=utf-8"
    assert "max-age" in response.headers["cache-control"]
    again = httpx.get(app_url + "/feed.json", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    atom = httpx.get(app_url + "/feed.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(atom.content)
    assert not parsed.bozo and len(parsed.entries) == 7
    captions = {i.id: i.photo.caption for i in seed.items}
    for entry in parsed.entries:
        caption = captions[entry.link.rsplit("/", 1)[1]]
        assert escape(f"写真：{caption}") in entry.content[0].value
    assert httpx.get(app_url + "/feed.css").headers["content-type"].startswith("text/css")
    assert httpx.get(app_url + "/feed.json?office=XXX").status_code == 400
    assert httpx.get(app_url + "/feed.json?page=9").status_code == 404


def test_atom_opened_in_a_browser_explains_feeds(page: Page, app_url: str) -> None:
    page.goto(app_url + "/feed.atom")
    explanation = page.get_by_text("これは「フィード」です", exact=False)
    expect(explanation).to_be_visible()  # styled by feed.css, not shown as XML source
    # Playwright's role queries do not know prefixed XHTML elements; chromium's own
    # accessibility tree is what screen readers get.
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    roles = {(n["role"]["value"], n.get("name", {}).get("value", "")) for n in nodes}
    assert ("heading", "海外事務所フラッシュの Atom フィード") in roles
    assert ("link", "ウェブサイトで記事を読む") in roles
    assert page.evaluate("document.contentType") == "application/xml"


def test_oembed_endpoint_and_discovery(app_url: str) -> None:
    item_url = f"{app_url}/items/2020-10-28-03"
    page_html = httpx.get(item_url).text
    discovery = f'href="{app_url}/oembed?format=json&amp;url={quote(item_url, safe="")}"'
    assert 'type="application/json+oembed"' in page_html and discovery in page_html
    answer = httpx.get(app_url + "/oembed", params={"url": item_url, "maxwidth": "280"}).json()
    assert answer["type"] == "rich" and answer["width"] == 280
    assert f'src="{app_url}/embed/items/2020-10-28-03"' in answer["html"]
    assert answer["author_name"] == "ロンドン事務所"
    xml = httpx.get(app_url + "/oembed", params={"url": item_url, "format": "xml"})
    assert xml.status_code == 200 and xml.headers["content-type"].startswith("text/xml")
    wrong = httpx.get(app_url + "/oembed", params={"url": item_url, "format": "yaml"})
    assert wrong.status_code == 501 and "json か xml" in wrong.json()["error"]
    assert httpx.get(app_url + "/oembed",
                     params={"url": "https://evil.example/"}).status_code == 404
    assert httpx.get(app_url + "/oembed").status_code == 400
    head = httpx.get(app_url + "/").text
    assert 'type="application/feed+json"' in head and 'type="application/atom+xml"' in head


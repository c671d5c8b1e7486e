"""English chrome (issue 17.5): `?lang=en` and the remembered fr_lang cookie turn every word of
the reader's pages into English; the feed's text stays Japanese inside lang="ja" elements."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient

from flash_reader import api, i18n, routes
from flash_reader.store import FeedStore

HTML = {"Accept": "text/html"}
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
ITEM = "2020-10-28-01"
PAGES = ("/", "/?office=PAR,SIN", "/?q=zzzz", "/?q=自治体&office=PAR", f"/items/{ITEM}",
         "/issues/2020-10-28",
         "/issues", "/about", "/accessibility", "/no-such-page", "/items/no-such-item",
         "/issues/1999-01-01")


class Language(HTMLParser):
    """Text and readable attributes with the language they are in (the nearest lang)."""

    # (Not data-announce: on an article's page the island announces the article's title.)
    READABLE = ("alt", "aria-label", "title", "placeholder", "data-error")

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.texts: list[tuple[str, str, str]] = []  # (lang, tag path, text)
        self.html_lang = ""
        self.feed(html)

    def lang(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang", "")
        lang = a.get("lang") or self.lang()
        for name in self.READABLE:
            if a.get(name) and tag != "title":
                self.texts.append((lang, f"{tag}[{name}]", a[name]))
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        if any(open_tag == tag for open_tag, _ in self.stack):
            while self.stack and self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        tags = [tag for tag, _ in self.stack]
        if data.strip() and not {"script", "style", "title"} & set(tags):
            self.texts.append((self.lang(), "/".join(tags[-3:]), data.strip()))


def japanese_in_english(html: str) -> list[tuple[str, str]]:
    page = Language(html)
    return [(where, text) for lang, where, text in page.texts
            if lang == "en" and CJK.search(text)]


@pytest.mark.wcag("3.1.1", "3.1.2", method="出力の検査：英語表示の全ページで、<html lang=\"en\">"
                  "であり、日本語の文字は lang=\"ja\" の要素の中にだけあること")
@pytest.mark.parametrize("path", PAGES)
def test_english_page_has_no_japanese_outside_lang_ja(client: TestClient, seeded: FeedStore,
                                                      path: str) -> None:
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}lang=en", headers=HTML)
    assert Language(response.text).html_lang == "en"
    # The language link names 日本語 in Japanese (lang="ja"), and so is the swatch's あ.
    assert japanese_in_english(response.text) == []
    # The article text is still there, marked Japanese.
    if path in ("/", f"/items/{ITEM}"):
        assert '<article aria-labelledby="item-' in response.text
        assert re.search(r'<article [^>]*lang="ja"', response.text)


@pytest.mark.parametrize("path", PAGES)
def test_japanese_page_stays_japanese(client: TestClient, seeded: FeedStore, path: str) -> None:
    response = client.get(path, headers=HTML)
    page = Language(response.text)
    assert page.html_lang == "ja"
    assert "Display settings" not in response.text and "表示設定" in response.text


def test_english_titles_and_descriptions(client: TestClient, seeded: FeedStore) -> None:
    html = client.get("/?office=PAR&lang=en", headers=HTML).text
    assert "<title>1 article from the Paris office | CLAIR Overseas Office Flash</title>" in html
    assert 'content="1 article from the Paris office. ' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    about = client.get("/about?lang=en", headers=HTML).text
    assert "<title>About this site | CLAIR Overseas Office Flash</title>" in about
    statement = client.get("/accessibility?lang=en", headers=HTML).text
    assert "<td>Non-text Content</td>" in statement and "<td>Status Messages</td>" in statement


def test_language_comes_from_the_address_alone(client: TestClient, seeded: FeedStore) -> None:
    # A shared cache keys on the URL: no answer may depend on a cookie or set one (the browser
    # remembers the choice itself and asks with ?lang=: client/prepaint.js).
    response = client.get("/?lang=en", headers=HTML)
    assert Language(response.text).html_lang == "en" and "set-cookie" not in response.headers
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["cache-control"].startswith("public, max-age=")
    client.cookies.set(i18n.COOKIE, "en")
    later = client.get(f"/items/{ITEM}", headers=HTML)
    assert Language(later.text).html_lang == "ja" and "set-cookie" not in later.headers
    back = client.get("/issues?lang=ja", headers=HTML)
    assert Language(back.text).html_lang == "ja" and "set-cookie" not in back.headers


@pytest.mark.parametrize("path", ["/embed?lang=en", "/embed/items/2020-10-28-01?lang=en",
                                  "/feed.json?lang=en", "/_view/?lang=en"])
def test_widgets_feeds_and_views_do_not_switch_the_reader(
        client: TestClient, seeded: FeedStore, monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    monkeypatch.setattr(api, "store", seeded)
    response = client.get(path, headers=HTML)
    assert response.status_code == 200 and "set-cookie" not in response.headers


@pytest.mark.parametrize("value", ["de", "EN", "en-GB", "", "<script>", "ja,en"])
def test_unknown_lang_values_are_ignored(client: TestClient, seeded: FeedStore,
                                         value: str) -> None:
    response = client.get("/", params={"lang": value}, headers=HTML)
    assert Language(response.text).html_lang == "ja" and "set-cookie" not in response.headers


def test_pages_are_cached_per_language(client: TestClient, seeded: FeedStore) -> None:
    ja = client.get("/issues/2020-10-28", headers=HTML)
    en = client.get("/issues/2020-10-28?lang=en", headers=HTML)
    ja_again = client.get("/issues/2020-10-28?lang=ja", headers=HTML)
    assert ja.headers["etag"] != en.headers["etag"] == en.headers["etag"]
    assert ja_again.headers["etag"] == ja.headers["etag"] and ja_again.text == ja.text
    assert "Issue of 28 October 2020" in en.text and "Issue of" not in ja.text
    # A conditional request for the Japanese page's ETag is not answered 304 in English.
    conditional = client.get("/issues/2020-10-28?lang=en", headers={
        **HTML, "If-None-Match": ja.headers["etag"]})
    assert conditional.status_code == 200 and "Issue of" in conditional.text


def test_view_fragment_takes_the_lang_parameter(client: TestClient, seeded: FeedStore) -> None:
    en = client.get("/_view/?office=PAR&lang=en")
    ja = client.get("/_view/?office=PAR&lang=ja")
    assert 'data-announce="1 article from the Paris office"' in en.text
    assert 'data-announce="パリ事務所の記事 1件"' in ja.text
    assert en.headers["etag"] != ja.headers["etag"] and en.headers["vary"] == "Accept-Encoding"
    assert "set-cookie" not in en.headers  # shareable; the page's language is the island's
    assert japanese_in_english(f'<div lang="en">{en.text}</div>') == []


def test_english_404_keeps_the_address(client: TestClient, seeded: FeedStore) -> None:
    response = client.get("/no/such/page?lang=en", headers=HTML)
    assert response.status_code == 404 and "Page not found" in response.text
    assert "set-cookie" not in response.headers and "vary" not in response.headers
    assert 'href="?lang=ja"' in response.text  # the language link stays on this address


def test_view_status_carries_the_island_error_in_the_page_language(
        client: TestClient, seeded: FeedStore) -> None:
    ja = client.get("/", headers=HTML).text
    en = client.get("/?lang=en", headers=HTML).text
    assert f'data-error="{i18n.text("en", "view.error")}"' in en
    assert 'data-error="表示を更新できませんでした。ページを再読み込みしてください。"' in ja


def test_language_link_is_a_full_load_of_this_page_in_the_other_language(
        client: TestClient, seeded: FeedStore) -> None:
    ja = client.get(f"/items/{ITEM}", headers=HTML).text
    en = client.get("/?office=PAR&q=zzzz&lang=en", headers=HTML).text
    assert ('<a href="/?office=PAR&amp;q=zzzz&amp;lang=ja" target="_self" lang="ja" '
            'hreflang="ja" data-lang-switch="ja">日本語</a>') in en
    assert (f'<a href="/items/{ITEM}?lang=en" target="_self" lang="en" hreflang="en" '
            'data-lang-switch="en">English</a>') in ja


def test_placeholder_photo_speaks_the_page_language(client: TestClient, seeded: FeedStore,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "store", seeded)
    html = client.get("/?lang=en", headers=HTML).text
    # No photo in the bundled feed: said once, in English; the placeholder image is only
    # what a real photo that fails to load becomes.
    assert html.count("The photos are not published here") == 1
    src = routes.placeholder_photo("PAR", "en")
    assert src.endswith(".svg?lang=en")
    svg = client.get(src).text
    assert "No photo published" in svg and not CJK.search(svg)
    japanese = client.get(src.replace("?lang=en", "")).text
    assert "写真は掲載されていません" in japanese

"""Every reader URL answers with its own content, as a browser without JavaScript (or a link
preview, or a crawler) receives it: the served HTML, parsed."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from flash_reader.demo import ArchiveShape, write_archive
from flash_reader.render import freshness
from flash_reader.store import FeedStore
from tests.conftest import DEFAULT_FEED
from tests.feed.httpserver import FeedServer, feed_server
from tests.render.conftest import PUBLIC

HTML = {"Accept": "text/html"}


class Page(HTMLParser):
    """What the served HTML holds: articles, head metadata, headings."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.articles: list[str] = []
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self.alts: list[str] = []
        self._in: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "article":
            self.articles.append(a.get("data-item-id", ""))
        elif tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
        elif tag == "link" and a.get("rel") in ("canonical", "alternate") and a.get("type") in (
                None, "application/json+oembed"):
            self.links[a.get("type") or a["rel"]] = a.get("href", "")
        elif tag == "img":
            self.alts.append(a.get("alt", ""))
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "title" in self._in and "head" not in self._in[-1:] and not self.title:
            self.title = data
        if "h1" in self._in:
            self.h1 += data


def get(client: TestClient, url: str, **headers: str) -> tuple[int, Page]:
    response = client.get(url, headers={**HTML, **headers})
    return response.status_code, Page(response.text)


def test_latest_issue_is_in_the_served_html(client: TestClient, seeded: FeedStore) -> None:
    status, page = get(client, "/")
    assert status == 200
    assert page.articles == [f"2020-10-28-{n:02d}" for n in range(1, 8)]
    assert page.title == "海外事務所フラッシュ｜CLAIR 自治体国際化協会"
    assert page.links["canonical"] == PUBLIC + "/"


def test_office_filter_without_javascript(client: TestClient, seeded: FeedStore) -> None:
    status, page = get(client, "/?office=PAR,SIN")
    by_form = get(client, "/?office=PAR&office=SIN")[1]
    assert status == 200 and page.articles == by_form.articles == ["2020-10-28-01",
                                                                  "2020-10-28-02"]
    assert page.title.startswith("パリ事務所・シンガポール事務所の記事 2件")
    assert page.meta["og:title"] == page.title
    assert page.links["canonical"] == PUBLIC + "/?office=PAR,SIN"


def test_search_without_javascript(client: TestClient, seeded: FeedStore) -> None:
    status, page = get(client, "/?q=ソウル")
    assert status == 200 and page.articles == ["2020-10-28-07"]
    assert "「ソウル」を含む記事 1件" in page.title


def test_item_page_names_its_article(client: TestClient, seeded: FeedStore) -> None:
    status, page = get(client, "/items/2020-10-28-02")
    assert status == 200 and page.articles == ["2020-10-28-02"]
    title = "「海外経済セミナー」をウェビナー形式で開催!"
    assert page.title == f"{title}｜海外事務所フラッシュ" == page.meta["og:title"]
    assert page.meta["og:type"] == "article"
    assert page.meta["og:url"] == PUBLIC + "/items/2020-10-28-02"
    assert page.meta["description"].startswith("シンガポール事務所：")
    assert page.links["application/json+oembed"].startswith(PUBLIC + "/oembed?")
    # No photo in the bulletin: no image at all (the page says so once, the caption stays as
    # text); og:image only for a real photo.
    assert page.alts == [] and "og:image" not in page.meta


def test_issue_page_holds_the_issue(client: TestClient, seeded: FeedStore) -> None:
    status, page = get(client, "/issues/2020-10-28")
    assert status == 200 and len(page.articles) == 7
    assert page.title == "2020年10月28日配信｜海外事務所フラッシュ"


@pytest.mark.parametrize("url", ["/items/nope", "/issues/2020-10-29", "/issues/not-a-date",
                                 "/no/such/page", "/items/a/b"])
def test_unknown_urls_answer_404_with_the_japanese_page(client: TestClient, seeded: FeedStore,
                                                       url: str) -> None:
    response = client.get(url, headers=HTML)
    assert response.status_code == 404
    page = Page(response.text)
    assert page.articles == [] and "見つかりません" in page.h1
    assert 'lang="ja"' in response.text and 'role="search"' in response.text
    assert 'href="/"' in response.text and "404: Page not found" not in response.text


@pytest.mark.parametrize(("url", "heading"), [("/items/nope", "記事が見つかりません"),
                                              ("/issues/1999-01-01", "配信号が見つかりません")])
def test_unknown_item_or_date_keeps_its_own_words_without_javascript(
        client: TestClient, seeded: FeedStore, url: str, heading: str) -> None:
    # Only 404s of other paths become the general page; these say what was not found.
    response = client.get(url, headers=HTML)
    assert response.status_code == 404 and Page(response.text).h1 == heading


def test_host_header_changes_no_url(client: TestClient, seeded: FeedStore) -> None:
    evil = client.get("/items/2020-10-28-01", headers={**HTML, "Host": "evil.example",
                                                        "X-Forwarded-Host": "evil.example"})
    assert "evil.example" not in evil.text
    assert Page(evil.text).meta["og:url"] == PUBLIC + "/items/2020-10-28-01"


def test_hostile_feed_text_stays_text(client: TestClient, feed_store: FeedStore,
                                      tmp_path: Path) -> None:
    document = json.loads(DEFAULT_FEED.read_text(encoding="utf-8"))
    attack = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    document["items"][0]["title"] = attack
    document["_flash"]["offices"][0]["name"] = attack
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    feed_store.load(str(path))
    for url in ("/", "/items/2020-10-28-01", "/?office=PAR"):
        body = client.get(url, headers=HTML).text
        assert "<script>alert(1)" not in body and "onerror=alert(2)>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_new_issue_on_the_feed_server_shows_without_restart(
        client: TestClient, feed_store: FeedStore, tmp_path: Path) -> None:
    document = json.loads(DEFAULT_FEED.read_text(encoding="utf-8"))
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    feed_store.load(str(path))
    newer = dict(document["items"][0], id="2020-11-11-01", title="新しい号の記事")
    newer["_flash"] = dict(newer["_flash"], issue_date="2020-11-11")
    document["items"].insert(0, newer)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    feed_store.load(str(path))  # what the refresh task does every FLASH_REFRESH_SECONDS
    assert get(client, "/")[1].articles == ["2020-11-11-01"]


@pytest.fixture
def paginated(tmp_path: Path):
    with feed_server() as server:
        write_archive(tmp_path / "archive", ArchiveShape(years=1, issues_per_year=12,
                                                         items_per_issue=7, page_size=10))
        server.serve_directory(tmp_path / "archive", "/flash/")
        yield server


def test_back_numbers_on_page_3_resolve_after_a_restart_even_with_the_server_down(
        client: TestClient, feed_store: FeedStore, paginated: FeedServer,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = paginated.url("/flash/feed.json")
    earlier = FeedStore(tmp_path / "cache")
    earlier.load(source)
    whole = earlier.load_archive()
    # 84 items in pages of 10: the issue of items 21–27 is on page 3; items 8–14 straddle
    # pages 1 and 2.
    third_page_issue = whole.pages[2].feed.items[1].issue_date
    straddling = whole.pages[0].feed.items[-1].issue_date
    assert straddling == whole.pages[1].feed.items[0].issue_date
    paginated.down = True
    restarted = FeedStore(tmp_path / "cache")  # a restart: only the disk copy is there
    from flash_reader.render import endpoints

    monkeypatch.setattr(endpoints, "store", restarted)
    restarted.load(source)
    restarted.load_archive()
    for date, count in ((third_page_issue, 7), (straddling, 7)):
        status, page = get(client, f"/issues/{date.isoformat()}")
        assert status == 200 and len(page.articles) == count, date
    status, page = get(client, f"/items/{whole.pages[2].feed.items[5].id}")
    assert status == 200 and len(page.articles) == 1


def test_issue_pages_show_at_most_fifty_articles(client: TestClient, feed_store: FeedStore,
                                                 tmp_path: Path) -> None:
    document = json.loads(DEFAULT_FEED.read_text(encoding="utf-8"))
    template = document["items"][0]
    document["items"] = [dict(template, id=f"big-{n}") for n in range(120)]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    feed_store.load(str(path))
    response = client.get("/issues/2020-10-28", headers=HTML)
    assert len(Page(response.text).articles) == 50
    assert 'href="/issues/2020-10-28?limit=100"' in response.text
    assert len(get(client, "/issues/2020-10-28?limit=150")[1].articles) == 120


def test_view_fragment_is_revalidated_and_names_its_version(client: TestClient,
                                                             seeded: FeedStore) -> None:
    version = seeded.current().version
    current = client.get("/_view/?office=SEL")
    assert current.status_code == 200 and current.headers["cache-control"] == freshness.shared()
    assert current.text.startswith('<div id="view"') and current.text.count("<article") == 1
    assert current.headers["x-content-version"] == version
    assert f'data-version="{version}"' in current.text
    again = client.get("/_view/?office=SEL", headers={"If-None-Match": current.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_readings_only_for_readers_who_want_them(client: TestClient, seeded: FeedStore) -> None:
    assert "<rt" not in client.get("/", headers=HTML).text
    assert '<rt aria-hidden="true">' in client.get("/?furigana=1", headers=HTML).text
    # Only the address asks (a shared cache keys on it): a cookie changes nothing.
    client.cookies.set("fr_furigana", "1")
    assert "<rt" not in client.get("/", headers=HTML).text


def test_page_limit_is_never_called_the_whole_archive(client: TestClient, paginated: FeedServer,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from flash_reader.render import endpoints

    limited = FeedStore(None, max_pages=2)
    monkeypatch.setattr(endpoints, "store", limited)
    limited.load(paginated.url("/flash/feed.json"))
    walking = client.get("/", headers=HTML).text
    assert "古い号を配信元から読み込んでいます" in walking
    limited.load_archive()
    done = client.get("/", headers=HTML).text
    assert "すべてのバックナンバー" not in done
    assert "これより古い号は、このリーダーでは表示できません" in done


def test_archive_index_lists_every_year_and_month_at_once(client: TestClient,
                                                          paginated: FeedServer) -> None:
    from flash_reader.render import endpoints

    store = endpoints.store
    store.load(paginated.url("/flash/feed.json"))
    whole = store.load_archive()
    response = client.get("/issues", headers=HTML)
    assert response.status_code == 200
    page = Page(response.text)
    assert page.title == "バックナンバー一覧（年・月ごと）｜海外事務所フラッシュ"
    years = sorted({d.year for d in whole.issue_dates}, reverse=True)
    for year in years:
        assert f'id="y{year}"' in response.text and f'href="#y{year}"' in response.text
    for date in whole.issue_dates:  # every issue, however old, one click away
        assert f'href="/issues/{date.isoformat()}"' in response.text
    assert f"{len(whole.items)}件の記事、{len(whole.issue_dates)}号" in response.text


def test_an_issue_alone_in_the_archive_has_no_empty_issue_navigation(
        client: TestClient, seeded: FeedStore) -> None:
    """Issue 25.9: `<nav aria-label="号の移動">` held an empty `<ul>` on the seed's one issue."""
    page = client.get("/issues/2020-10-28", headers={"Accept": "text/html"}).text
    assert "<ul></ul>" not in page.replace(' class="pager-list"', "")
    assert 'class="pager"' not in page


@pytest.mark.parametrize(("url", "said"), [
    ("/?office=XXX", "指定された事務所はありません"),
    ("/?office=XXX,PAR", "指定された事務所はありません"),
    ("/?office=xxx&lang=en", "an office that does not exist"), ("/?office=PAR", ""), ("/", "")])
def test_an_unknown_office_code_is_said_not_ignored(
        client: TestClient, seeded: FeedStore, url: str, said: str) -> None:
    page = client.get(url, headers={"Accept": "text/html"}).text
    notices = [p for p in page.split("<p") if "banner-notice" in p.split(">", 1)[0]]
    if said:
        assert len(notices) == 1 and said in notices[0], notices
    else:
        assert not notices, notices


def test_a_feed_without_photos_says_so_once_and_keeps_every_caption(
        client: TestClient, seeded: FeedStore) -> None:
    html = client.get("/", headers=HTML).text
    assert html.count("写真は掲載されていません") == 1
    assert html.count('class="photo-note"') == 1
    assert "<img" not in html.split('class="items"')[1]  # no placeholder image per article
    assert html.count('<figcaption class="item-caption">') == 7


def test_a_real_photos_caption_is_heard_once_as_its_name(
        client: TestClient, feed_store: FeedStore, tmp_path: Path) -> None:
    from tests.feed.feeds import encode, feed, item

    path = tmp_path / "feed.json"
    path.write_bytes(encode(feed(
        item("a", image="https://img.example/a.jpg", _flash={"office": "PAR",
                                                             "photo_caption": "会場の様子"}),
        item("b", _flash={"office": "PAR", "photo_caption": "説明だけ"}))))
    feed_store.load(str(path))
    html = client.get("/", headers=HTML).text
    assert '<img src="https://img.example/a.jpg" alt="会場の様子"' in html
    # The visible caption repeats the alt: out of the accessibility tree (photos.js gives it
    # back if the photo fails and the image is renamed).
    assert ('<div class="item-caption" aria-hidden="true" data-repeats-alt="">'
            '会場の様子</div>') in html
    # The item with no image: its caption as text, heard, and the note once.
    assert '<figcaption class="item-caption">説明だけ</figcaption>' in html
    assert html.count('class="photo-note"') == 1

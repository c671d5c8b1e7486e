"""`next_url` is followed only to the first page's site (issue 14.4), unless
FLASH_FEED_ALLOWED_ORIGINS lists more sites."""

from __future__ import annotations

import pytest

from flash_reader.feed.archive import allowed_origins_from_env, next_page_url
from flash_reader.feed.errors import FeedOriginError
from flash_reader.feed.fetch import Validators, origin
from flash_reader.feed.model import Feed
from flash_reader.feed.page import Page, now
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from tests.feed.feeds import encode, feed, item
from tests.feed.httpserver import FeedServer, feed_server


def page(url: str, next_url: str | None, final_url: str | None = None) -> Page:
    return Page(url, Feed(title="t", items=(), next_url=next_url), Validators(), now(),
                final_url)


@pytest.mark.parametrize("next_url", [
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:8080/admin",
    "https://feeds.example.org/feed-2.json",  # https: another scheme is another origin
    "http://feeds.example.org:8443/feed-2.json",
    "http://evil.example/feeds.example.org/feed-2.json",
])
def test_next_url_to_another_site_ends_the_archive(next_url: str) -> None:
    pages = (page("http://feeds.example.org/feed.json", next_url),)
    with pytest.raises(FeedOriginError, match="another site") as error:
        next_page_url(pages, allowed_origins=())
    assert "FLASH_FEED_ALLOWED_ORIGINS" in str(error.value)


@pytest.mark.parametrize("next_url", [
    "http://feeds.example.org/feed-2.json",
    "http://FEEDS.example.org:80/old/feed-2.json",
    "http://mirror.example.net/feed-2.json",  # the site the first page was redirected to
])
def test_next_url_on_the_first_pages_site_is_followed(next_url: str) -> None:
    pages = (page("http://feeds.example.org/feed.json", next_url,
                  final_url="http://mirror.example.net/feed.json"),)
    assert next_page_url(pages, allowed_origins=()) == next_url


def test_allowed_origins_parameter() -> None:
    pages = (page("https://feeds.example.org/feed.json", "https://archive.example.org/p2.json"),)
    assert next_page_url(pages, allowed_origins=["https://archive.example.org"])


def test_allowed_origins_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASH_FEED_ALLOWED_ORIGINS",
                       " https://archive.example.org,http://old.example.org:8080  nonsense")
    assert allowed_origins_from_env() == {"https://archive.example.org:443",
                                          "http://old.example.org:8080"}
    pages = (page("https://feeds.example.org/feed.json", "http://old.example.org:8080/p2"),)
    assert next_page_url(pages) == "http://old.example.org:8080/p2"


def test_no_environment_means_only_the_first_pages_site(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLASH_FEED_ALLOWED_ORIGINS", raising=False)
    pages = (page("https://feeds.example.org/feed.json", "https://archive.example.org/p2"),)
    with pytest.raises(FeedOriginError):
        next_page_url(pages)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://Example.org/a", "https://example.org:443"),
    ("http://example.org:8080", "http://example.org:8080"),
    ("file:///etc/passwd", None),
    ("http://example.org:99999/", None),
    ("", None),
])
def test_origin(url: str, expected: str | None) -> None:
    assert origin(url) == expected


def test_internal_server_is_never_fetched(server: FeedServer,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end with two real servers: the feed's next_url names the other ("internal") one."""
    monkeypatch.delenv("FLASH_FEED_ALLOWED_ORIGINS", raising=False)
    with feed_server() as internal:
        secret = internal.serve("/admin.json", encode(feed(item("secret"))))
        url = server.serve("/feed.json", encode(feed(item("a"), next_url=secret)))
        first = PageLoader(PageCache(None)).load(url)
        with pytest.raises(FeedOriginError):
            next_page_url((first,))
        assert internal.hits == {}


def test_store_ends_the_archive_with_a_note(server: FeedServer,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from flash_reader.store import FeedStore

    monkeypatch.delenv("FLASH_FEED_ALLOWED_ORIGINS", raising=False)
    with feed_server() as internal:
        secret = internal.serve("/admin.json", encode(feed(item("secret"))))
        url = server.serve("/feed.json", encode(feed(item("a"), next_url=secret)))
        store = FeedStore(None)
        snapshot = store.load(url)
        assert snapshot.next_url == "" and "another site" in snapshot.archive_note
        assert store.load_archive().items == snapshot.items and internal.hits == {}


def test_older_page_redirecting_to_another_site_is_never_fetched(
        server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """next_url stays on the first page's site, but that URL 302s to an internal server."""
    from flash_reader.store import FeedStore

    monkeypatch.delenv("FLASH_FEED_ALLOWED_ORIGINS", raising=False)
    with feed_server() as internal:
        secret = internal.serve("/admin.json", encode(feed(item("secret"))))
        hop = server.url("/hop.json")
        server.routes["/hop.json"] = lambda _request: (302, {"Location": secret}, b"")
        url = server.serve("/feed.json", encode(feed(item("a"), next_url=hop)))
        store = FeedStore(None)
        store.load(url)
        snapshot = store.load_archive()
        assert [i.id for i in snapshot.items] == ["a"]
        assert "redirected to another site" in snapshot.archive_note
        assert internal.hits == {} and server.hits["/hop.json"] == 1


def test_older_page_redirecting_within_the_site_is_followed(server: FeedServer) -> None:
    from flash_reader.store import FeedStore

    older = server.serve("/old/feed-2.json", encode(feed(item("b"))))
    server.routes["/feed-2.json"] = lambda _request: (301, {"Location": older}, b"")
    url = server.serve("/feed.json", encode(feed(item("a"), next_url=server.url("/feed-2.json"))))
    store = FeedStore(None)
    store.load(url)
    assert [i.id for i in store.load_archive().items] == ["a", "b"]


def test_validate_all_stops_at_a_redirect_to_another_site(server: FeedServer) -> None:
    from flash_reader.cli import main

    with feed_server() as internal:
        secret = internal.serve("/admin.json", encode(feed(item("secret"))))
        server.routes["/hop.json"] = lambda _request: (302, {"Location": secret}, b"")
        url = server.serve("/feed.json", encode(feed(item("a"),
                                                     next_url=server.url("/hop.json"))))
        assert main(["validate", "--all", url]) == 1
        assert internal.hits == {}

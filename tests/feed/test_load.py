"""Loading one feed page as the app does (PageLoader, no disk cache) against a real local
HTTP server and local files."""

from __future__ import annotations

import gzip
import time

import httpx
import pytest

from flash_reader.feed.errors import (
    FeedFetchError,
    FeedFormatError,
    FeedTooLargeError,
    FeedValidationError,
)
from flash_reader.feed.fetch import DEFAULT_LIMITS, FetchLimits
from flash_reader.feed.model import Feed
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from tests.conftest import DEFAULT_FEED
from tests.feed.feeds import encode, feed, item
from tests.feed.httpserver import FeedServer

SMALL = FetchLimits(timeout=httpx.Timeout(1.0), max_bytes=64 * 1024, max_redirects=3)


def feed_at(source: str, limits: FetchLimits = DEFAULT_LIMITS) -> Feed:
    return PageLoader(PageCache(None), limits=limits).load(source).feed


def test_load_from_http(server: FeedServer) -> None:
    url = server.serve("/feed.json", DEFAULT_FEED.read_bytes())
    assert len(feed_at(url).items) == 7


def test_load_relative_urls_resolved_against_the_final_url(server: FeedServer) -> None:
    server.serve("/flash/feed.json", encode(feed(item(image="photos/1.jpg"))))
    server.serve("/moved", b"", status=301, Location="/flash/feed.json")
    loaded = feed_at(server.url("/moved"))
    assert loaded.items[0].photo.url == server.url("/flash/photos/1.jpg")


def test_load_gzip_encoded_feed(server: FeedServer) -> None:
    url = server.serve("/feed.json", gzip.compress(encode(feed(item()))),
                       **{"Content-Encoding": "gzip"})
    assert len(feed_at(url).items) == 1


def test_load_plain_application_json(server: FeedServer) -> None:
    url = server.serve("/feed.json", encode(feed(item())), content_type="application/json")
    assert len(feed_at(url).items) == 1


def test_load_http_404(server: FeedServer) -> None:
    with pytest.raises(FeedFetchError, match="404"):
        feed_at(server.url("/missing.json"))


def test_load_http_500(server: FeedServer) -> None:
    url = server.serve("/feed.json", b"oops", status=500)
    with pytest.raises(FeedFetchError, match="answered 500"):
        feed_at(url)


def test_load_html_instead_of_feed(server: FeedServer) -> None:
    url = server.serve("/feed.json", b"<html></html>", content_type="text/html")
    with pytest.raises(FeedFormatError, match="'text/html', not a JSON Feed"):
        feed_at(url)


def test_load_redirect_loop(server: FeedServer) -> None:
    server.serve("/a", b"", status=302, Location="/b")
    server.serve("/b", b"", status=302, Location="/a")
    with pytest.raises(FeedFetchError, match="more than 3 redirects"):
        feed_at(server.url("/a"), limits=SMALL)


def test_load_body_over_the_limit(server: FeedServer) -> None:
    url = server.serve("/feed.json", b"[" + b" " * 200_000 + b"]")
    with pytest.raises(FeedTooLargeError, match="over the limit of 65,536"):
        feed_at(url, limits=SMALL)


def test_load_body_over_the_limit_without_content_length(server: FeedServer) -> None:
    server.routes["/feed.json"] = lambda request: (
        200, {"Content-Type": "application/feed+json", "Content-Length": ""}, b" " * 200_000)
    with pytest.raises(FeedTooLargeError):
        feed_at(server.url("/feed.json"), limits=SMALL)


def test_load_gzip_bomb(server: FeedServer) -> None:
    bomb = gzip.compress(b" " * 50_000_000)  # ~50 KB on the wire, 50 MB unpacked
    assert len(bomb) < SMALL.max_bytes
    url = server.serve("/feed.json", bomb, **{"Content-Encoding": "gzip"})
    with pytest.raises(FeedTooLargeError, match="after decompression"):
        feed_at(url, limits=SMALL)


def test_load_slow_server(server: FeedServer) -> None:
    def slow(_request):
        time.sleep(3)
        return 200, {"Content-Type": "application/feed+json"}, encode(feed(item()))
    server.routes["/slow.json"] = slow
    with pytest.raises(FeedFetchError, match="did not answer in time"):
        feed_at(server.url("/slow.json"), limits=SMALL)


def test_load_connection_refused() -> None:
    with pytest.raises(FeedFetchError, match="cannot connect"):
        feed_at("http://127.0.0.1:9/feed.json")


def test_load_error_names_the_source(server: FeedServer) -> None:
    url = server.serve("/feed.json", encode(feed(item(), version=1)))
    with pytest.raises(FeedValidationError) as error:
        feed_at(url)
    assert str(error.value).startswith(url + ": feed: field 'version'")


def test_load_truncated_json(server: FeedServer) -> None:
    url = server.serve("/feed.json", encode(feed(item()))[:-10])
    with pytest.raises(FeedFormatError):
        feed_at(url)


def test_load_local_path_and_file_url() -> None:
    assert len(feed_at(str(DEFAULT_FEED)).items) == 7
    assert len(feed_at(DEFAULT_FEED.as_uri()).items) == 7


def test_load_missing_local_file(tmp_path) -> None:
    with pytest.raises(FeedFetchError, match="no such file"):
        feed_at(str(tmp_path / "nope.json"))


def test_load_folder_instead_of_file(tmp_path) -> None:
    with pytest.raises(FeedFetchError, match="is a folder"):
        feed_at(str(tmp_path))


def test_load_local_file_over_the_limit(tmp_path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 100_000)
    with pytest.raises(FeedTooLargeError):
        feed_at(str(big), limits=SMALL)

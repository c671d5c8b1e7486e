"""oEmbed answers and the security headers, without a server."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from flash_reader.config import configured_public_url
from flash_reader.embed import headers, oembed
from flash_reader.store import FeedStore
from tests.conftest import DEFAULT_FEED
from tests.feed.feeds import encode, feed, item

BASE = "https://flash.example.jp"
SNAPSHOT = FeedStore().load(str(DEFAULT_FEED))


def test_oembed_for_an_item_is_a_card_of_that_article_not_the_office_list() -> None:
    answer = oembed.oembed_response(SNAPSHOT, BASE, f"{BASE}/items/2020-10-28-02", None, None)
    assert answer["type"] == "rich" and answer["version"] == "1.0"
    assert answer["title"] == "「海外経済セミナー」をウェビナー形式で開催!"
    assert answer["author_name"] == "シンガポール事務所"
    assert answer["provider_name"] and answer["cache_age"] == oembed.CACHE_AGE
    assert answer["html"].startswith(f'<iframe src="{BASE}/embed/items/2020-10-28-02"')
    assert 'title="「海外経済セミナー」をウェビナー形式で開催!（海外事務所フラッシュ）"' in (
        answer["html"])
    assert 'loading="lazy"' in answer["html"]
    assert (answer["width"], answer["height"]) == (360, 480)
    assert "thumbnail_url" not in answer  # the bundled feed has no photos, only placeholders


def test_oembed_thumbnail_only_for_a_real_photo(tmp_path: Path) -> None:
    photo = {"office": "PAR", "photo_caption": "会場"}
    path = tmp_path / "feed.json"
    path.write_bytes(encode(feed(item("a", image="https://img.example/a.jpg", _flash=photo),
                                 item("b", _flash=photo))))
    snapshot = FeedStore().load(str(path))
    with_photo = oembed.oembed_response(snapshot, BASE, f"{BASE}/items/a", None, None)
    assert with_photo["thumbnail_url"] == "https://img.example/a.jpg"
    without = oembed.oembed_response(snapshot, BASE, f"{BASE}/items/b", None, None)
    assert "thumbnail_url" not in without


def test_oembed_for_an_issue_is_that_issue_and_english_on_request() -> None:
    answer = oembed.oembed_response(SNAPSHOT, BASE, f"{BASE}/issues/2020-10-28", None, None)
    assert answer["title"] == "海外事務所フラッシュ（2020年10月28日配信）"
    assert answer["html"].startswith(f'<iframe src="{BASE}/embed/issues/2020-10-28"')
    english = oembed.oembed_response(SNAPSHOT, BASE, f"{BASE}/issues/2020-10-28", None, None,
                                     "en")
    assert english["title"] == "CLAIR Overseas Office Flash (Issue of 28 October 2020)"
    assert f'src="{BASE}/embed/issues/2020-10-28?lang=en"' in english["html"]


def test_oembed_for_the_reader_with_an_office_is_the_list_widget() -> None:
    answer = oembed.oembed_response(SNAPSHOT, BASE, f"{BASE}/?office=PAR", None, None)
    assert answer["html"].startswith(f'<iframe src="{BASE}/embed?office=PAR&amp;limit=5"')
    assert answer["author_name"] == "パリ事務所"


def test_oembed_xml_has_every_field_and_the_html_escaped() -> None:
    answer = oembed.oembed_response(SNAPSHOT, BASE, f"{BASE}/items/2020-10-28-02", None, None)
    root = ET.fromstring(oembed.oembed_xml(answer))
    assert root.tag == "oembed"
    assert {child.tag: child.text for child in root} == {k: str(v) for k, v in answer.items()}


def test_oembed_respects_maxwidth_and_maxheight() -> None:
    answer = oembed.oembed_response(SNAPSHOT, BASE, f"{BASE}/?office=PAR", 300, 200)
    assert (answer["width"], answer["height"]) == (300, 200)
    assert 'width="300" height="200"' in answer["html"]


@pytest.mark.parametrize("url", ["https://evil.example/items/2020-10-28-01",
                                 f"{BASE}/items/nope", f"{BASE}/feed.json",
                                 f"{BASE}/embed?office=XXX", "not a url"])
def test_oembed_not_found(url: str) -> None:
    with pytest.raises(oembed.OEmbedNotFound) as error:
        oembed.oembed_response(SNAPSHOT, BASE, url, None, None)
    assert re.search(r"[\u3040-\u30ff]", str(error.value))  # said in Japanese
    assert not re.search(r"[\u3040-\u30ff]", error.value.in_lang("en").replace(url, ""))


def test_embed_origins_parsed_and_validated() -> None:
    assert headers.embed_origins("https://a.lg.jp, http://127.0.0.1:8080/ ") == (
        "https://a.lg.jp", "http://127.0.0.1:8080")
    assert headers.embed_origins("") == ()
    with pytest.raises(SystemExit, match="not an origin"):
        headers.embed_origins("https://a.lg.jp/path")


def test_only_embed_may_be_framed_by_other_origins() -> None:
    origins = ("https://a.lg.jp",)
    assert headers.frame_ancestors("/embed", origins) == "'self' https://a.lg.jp"
    for path in ("/embed/items/x", "/embed/issues/2020-10-28"):
        assert headers.frame_ancestors(path, origins) == "'self' https://a.lg.jp"
        assert b"default-src 'none'" in dict(headers.security_headers(path, origins))[
            b"content-security-policy"]
    for path in ("/", "/embed/builder", "/items/x", "/feed.json", "/embedx"):
        assert headers.frame_ancestors(path, origins) == "'self'"


def test_every_response_gets_nosniff_and_referrer_policy() -> None:
    names = dict(headers.security_headers("/", ()))
    assert names[b"x-content-type-options"] == b"nosniff"
    assert names[b"referrer-policy"] == b"strict-origin-when-cross-origin"
    widget = dict(headers.security_headers("/embed", ()))[b"content-security-policy"]
    assert b"default-src 'none'" in widget and b"frame-ancestors 'self'" in widget


def test_cache_control_long_for_hashed_assets_short_for_html() -> None:
    html = [(b"content-type", b"text/html; charset=utf-8")]
    assert dict(headers.cache_control("/", html))[b"cache-control"] == b"no-cache"
    js = [(b"content-type", b"text/javascript")]
    assert dict(headers.cache_control("/assets/entry-Cuv6UKoY.js", js))[b"cache-control"] == (
        b"public, max-age=31536000, immutable")
    own = [(b"cache-control", b"public, max-age=300")]
    assert headers.cache_control("/feed.json", own) == own


def test_own_origins_from_the_public_url_else_the_listening_port() -> None:
    assert headers.own_origins(configured_public_url("https://flash.example.lg.jp/"), 3000) == [
        "https://flash.example.lg.jp"]
    assert headers.own_origins(configured_public_url(""), "3000", 3000) == [
        "http://localhost:3000", "http://127.0.0.1:3000"]
    assert headers.own_origins("", 3000, 8000) == [
        "http://localhost:3000", "http://127.0.0.1:3000",
        "http://localhost:8000", "http://127.0.0.1:8000"]
    with pytest.raises(SystemExit, match="FLASH_PUBLIC_URL"):
        configured_public_url("https://flash.example.lg.jp/reader")


def served_headers(public: str, path: str = "/") -> dict[str, str]:
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    async def ok(request):
        return PlainTextResponse("ok", headers={"Cache-Control": "public, max-age=60"})

    inner = Starlette(routes=[Route(p, ok) for p in ("/", "/ping", "/_health")])
    client = TestClient(headers.SecurityHeaders(inner, origins=(), public=public))
    return dict(client.get(path).headers)


def test_hsts_only_when_the_public_url_is_https() -> None:
    assert served_headers("https://flash.example.lg.jp")["strict-transport-security"] == (
        "max-age=31536000")
    assert "strict-transport-security" not in served_headers("http://flash.example.lg.jp")
    assert "strict-transport-security" not in served_headers("")


@pytest.mark.parametrize("path", ["/", "/ping", "/_health"])
def test_permissions_policy_everywhere(path: str) -> None:
    policy = served_headers("", path)["permissions-policy"]
    assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy


@pytest.mark.parametrize("path", ["/ping", "/_health"])
def test_liveness_answers_are_never_cached(path: str) -> None:
    assert served_headers("", path)["cache-control"] == "no-store"


def test_public_cors_strips_credentials_and_opens_only_the_feeds() -> None:
    from starlette.applications import Starlette
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    async def ok(request):
        return PlainTextResponse("ok")

    # As Reflex 0.10.1 builds it: Starlette's CORS middleware with credentials, outermost.
    inner = CORSMiddleware(Starlette(routes=[Route(p, ok) for p in ("/", "/feed.json")]),
                           allow_origins=["*"], allow_credentials=True)
    client = TestClient(headers.PublicCors(inner))
    evil = {"Origin": "https://evil.example"}
    page = client.get("/", headers=evil).headers
    assert not [name for name in page if name.startswith("access-control-")]
    feed = client.get("/feed.json", headers=evil).headers
    assert feed["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in feed

    # Vary: Origin (Reflex's CORS layer adds it, twice once ours ran) would split a shared
    # cache's copies by the visitor's Origin, though no answer depends on it.
    assert "vary" not in page and "vary" not in feed


def test_vary_keeps_every_other_name_once_and_never_origin() -> None:
    vary = headers.without_origin([(b"Vary", b"Accept-Encoding, Origin"), (b"vary", b"origin"),
                                   (b"vary", b"accept-encoding, Accept")])
    assert vary == b"Accept-Encoding, Accept"
    assert headers.without_origin([(b"vary", b"Origin, Origin")]) == b""


def test_a_route_policy_and_ours_are_sent_as_one_header() -> None:
    merged = headers._merge([(b"content-type", b"text/html"),
                             (b"Content-Security-Policy", b"default-src 'none'; img-src 'self'")],
                            headers.security_headers("/", ()))
    policies = [v for k, v in merged if k.lower() == b"content-security-policy"]
    assert policies == [b"default-src 'none'; img-src 'self'; frame-ancestors 'self'"]
    # A route that names frame-ancestors itself keeps its own.
    assert headers.merge_policies(b"frame-ancestors 'none'", b"frame-ancestors 'self'") == (
        b"frame-ancestors 'none'")


@pytest.mark.parametrize("content_type", ["text/javascript; charset=utf-8", "text/css",
                                          "font/woff2"])
def test_subresources_carry_no_document_policies_but_nosniff(content_type: str) -> None:
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route
    from starlette.testclient import TestClient

    async def asset(request):
        return Response("x", media_type=content_type)

    async def page(request):
        return Response("<p>x</p>", media_type="text/html")

    inner = Starlette(routes=[Route("/asset", asset), Route("/page", page)])
    client = TestClient(headers.SecurityHeaders(inner, origins=(), public=""))
    served = client.get("/asset").headers
    assert "content-security-policy" not in served and "permissions-policy" not in served
    assert served["x-content-type-options"] == "nosniff"
    document = client.get("/page").headers
    assert "frame-ancestors 'self'" in document["content-security-policy"]
    assert "camera=()" in document["permissions-policy"]

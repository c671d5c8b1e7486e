"""One bad item must not reject the page (issue 14.9): it is skipped with a note naming the item
and the field; a wrong-typed optional feed field is dropped with a note; only the required
fields can reject a feed."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from flash_reader.feed.errors import (
    FeedFetchError,
    FeedFormatError,
    FeedValidationError,
    kind,
)
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from flash_reader.feed.parse import parse
from tests.feed.feeds import encode, feed, item
from tests.feed.httpserver import FeedServer

BAD_ITEMS: dict[str, tuple[dict[str, Any], str]] = {
    "title 123": (item("b", title=123), "item 2 (id 'b'): field 'title': Expected str | null"),
    "tags a string": (item("b", tags="x"), "item 2 (id 'b'): field 'tags'"),
    "tags holding a number": (item("b", tags=["x", 1]), "item 2 (id 'b'): field 'tags[1]'"),
    "id 1.5": (item(1.5), "item 2: field 'id'"),
    "id a list": (item([]), "item 2: field 'id'"),
    "date_published 昨日": (item("b", date_published="昨日"),
                          "item 2 (id 'b'): field 'date_published' is '昨日', not an RFC 3339"),
    "issue_date 2020-13-45": (item("b", _flash={"issue_date": "2020-13-45"}),
                              "item 2 (id 'b'): field '_flash.issue_date' is '2020-13-45'"),
    "_flash a string": (item("b", _flash="PAR"), "item 2 (id 'b'): field '_flash'"),
    "link_lost a string": (item("b", _flash={"link_lost": "yes"}),
                           "item 2 (id 'b'): field '_flash.link_lost'"),
    "item a number": (7, "item 2: Expected object, got int"),
    "item null": (None, "item 2: Expected object, got null"),
}


@pytest.mark.parametrize("bad", BAD_ITEMS, ids=list(BAD_ITEMS))
def test_one_bad_item_is_skipped_alone(bad: str) -> None:
    wrong, note = BAD_ITEMS[bad]
    parsed = parse(encode(feed(item("a"), wrong, item("c"))))
    assert [i.id for i in parsed.items] == ["a", "c"]
    assert len(parsed.notes) == 1
    assert parsed.notes[0].startswith(note) and "skipped" in parsed.notes[0]


def test_a_long_bad_date_is_quoted_short() -> None:
    parsed = parse(encode(feed(item("a", date_published="x" * 100_000))))
    assert parsed.items == () and len(parsed.notes[0]) < 300


def test_every_item_bad_gives_an_empty_page_with_notes() -> None:
    parsed = parse(encode(feed(*(item(str(n), title=n) for n in range(1_000)))))
    assert parsed.items == ()
    assert len(parsed.notes) == 101 and parsed.notes[-1] == "… and 900 more problems like these"


BAD_FEED_FIELDS = {
    "home_page_url": 1,
    "feed_url": ["x"],
    "description": {"a": 1},
    "next_url": True,
    "language": 5,
    "_flash": "x",
}


@pytest.mark.parametrize("field", BAD_FEED_FIELDS, ids=list(BAD_FEED_FIELDS))
def test_wrong_typed_optional_feed_field_is_dropped(field: str) -> None:
    parsed = parse(encode(feed(item("a"), **{field: BAD_FEED_FIELDS[field]})))
    assert [i.id for i in parsed.items] == ["a"]
    assert len(parsed.notes) == 1
    assert parsed.notes[0].startswith(f"feed: field '{field}'") and "ignored" in parsed.notes[0]


def test_wrong_typed_flash_office_drops_that_office_only() -> None:
    parsed = parse(encode(feed(item("a"), _flash={
        "about": 3, "offices": [{"code": "PAR", "name": "パリ事務所"}, {"code": 1, "name": "x"}]})))
    assert [office.code for office in parsed.offices] == ["PAR"]
    assert parsed.notes == (
        "feed: field '_flash.offices[1].code': Expected str, got int — this office was ignored",
        "feed: field '_flash.about': Expected str | null, got int — this field was ignored")


@pytest.mark.parametrize(("document", "message"), [
    ({"version": "https://jsonfeed.org/version/1.1", "title": "t"},
     "feed: required field 'items' is missing"),
    (feed(item(), version=1.1), "feed: field 'version'"),
    ({**feed(), "items": "none"}, "feed: field 'items': Expected array"),
])
def test_wrong_required_feed_field_rejects_the_feed(document: dict, message: str) -> None:
    with pytest.raises(FeedValidationError) as error:
        parse(encode(document))
    assert str(error.value).startswith(message)


def test_skipped_items_are_logged_with_the_page_url(server: FeedServer,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    url = server.serve("/feed.json", encode(feed(item("a"), item("b", title=1))))
    caplog.set_level(logging.WARNING)
    page = PageLoader(PageCache(None)).load(url)
    assert [i.id for i in page.feed.items] == ["a"]
    assert any(url in record.getMessage() and "item 2 (id 'b'): field 'title'"
               in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("status", [500, 404, 410, 403])
def test_server_error_is_an_error_answer_not_no_answer(server: FeedServer, status: int) -> None:
    url = server.serve("/feed.json", b"oops", status=status, content_type="text/plain")
    with pytest.raises(FeedFetchError) as error:
        PageLoader(PageCache(None)).load(url)
    assert kind(error.value) == "status"


def test_redirect_loop_is_an_error_answer(server: FeedServer) -> None:
    server.routes["/feed.json"] = lambda r: (302, {"Location": "/feed.json"}, b"")
    with pytest.raises(FeedFetchError, match="redirect") as error:
        PageLoader(PageCache(None)).load(server.url("/feed.json"))
    assert kind(error.value) == "status"


def test_no_server_is_no_answer() -> None:
    with pytest.raises(FeedFetchError) as error:
        PageLoader(PageCache(None)).load("http://127.0.0.1:9/feed.json")
    assert kind(error.value) == "fetch"


@pytest.mark.parametrize(("body", "content_type"), [
    (b"<html>login</html>", "text/html"),
    (b"{", "application/json"),
    (encode(feed(item(), version="2")), "application/json"),
])
def test_bad_answer_is_a_data_problem(server: FeedServer, tmp_path, body: bytes,
                                      content_type: str) -> None:
    url = server.serve("/feed.json", encode(feed(item())))
    loader = PageLoader(PageCache(tmp_path))
    good = loader.load(url)
    server.serve("/feed.json", body, content_type=content_type)
    kept = loader.load(url, good)
    assert kept.from_cache and kept.failure_kind == "data"
    with pytest.raises((FeedFormatError, FeedValidationError)) as error:
        PageLoader(PageCache(None)).load(url)
    assert kind(error.value) == "data"

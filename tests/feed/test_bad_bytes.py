"""Bad bytes (issue 14.7): wrong encodings, deep nesting, endless input and hand-corrupted cache
files each become a FeedError with a clear message — never another exception — and the last good
copy is kept."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flash_reader.feed.errors import FeedError, FeedFormatError, FeedTooLargeError
from flash_reader.feed.fetch import FetchLimits, fetch
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from flash_reader.feed.parse import parse
from tests.feed.feeds import encode, feed, item
from tests.feed.httpserver import FeedServer

JAPANESE = feed(item("1", title="パリ事務所の記事"), item("2", title="日本語の見出し"))


def test_shift_jis_feed_is_named() -> None:
    data = json.dumps(JAPANESE, ensure_ascii=False).encode("shift_jis")
    with pytest.raises(FeedFormatError, match="UTF-8 ではありません（Shift_JIS のようです）"):
        parse(data)


def test_shift_jis_with_a_backslash_byte_is_named() -> None:
    """ソ and 表 end in byte 0x5C ("\\") in Shift_JIS: a JSON decoder sees a bad escape first."""
    data = json.dumps(feed(item("1", title="表示ソフト")), ensure_ascii=False).encode("shift_jis")
    with pytest.raises(FeedFormatError, match="UTF-8 ではありません（Shift_JIS のようです）"):
        parse(data)


def test_euc_jp_feed_is_named() -> None:
    data = json.dumps(JAPANESE, ensure_ascii=False).encode("euc_jp")
    with pytest.raises(FeedFormatError, match="UTF-8 ではありません（EUC-JP のようです）"):
        parse(data)


def test_utf16_feed_is_named() -> None:
    data = json.dumps(JAPANESE, ensure_ascii=False).encode("utf-16")
    with pytest.raises(FeedFormatError, match="UTF-16"):
        parse(data)


def test_invalid_utf8_byte_in_one_title() -> None:
    data = encode(feed(item("1", title="TITLE"))).replace(b"TITLE", b"\xff\xfe\x80")
    with pytest.raises(FeedFormatError, match="UTF-8 ではありません"):
        parse(data)


def test_utf8_byte_order_mark_is_accepted() -> None:
    assert len(parse(b"\xef\xbb\xbf" + encode(JAPANESE)).items) == 2


NESTED = {
    "top level": lambda deep: b"[" * deep + b"]" * deep,
    "unknown feed field": lambda deep: encode(feed(item())).replace(
        b'"items"', b'"x": ' + b"[" * deep + b"]" * deep + b', "items"'),
    "item field": lambda deep: encode(feed(item(title="X"))).replace(
        b'"X"', b"[" * deep + b"]" * deep),
    "item": lambda deep: encode(feed()).replace(b"[]", b"[" * deep + b"]" * deep),
}


@pytest.mark.parametrize("where", NESTED, ids=list(NESTED))
@pytest.mark.parametrize("deep", [1_000, 100_000])
def test_json_nested_too_deeply(where: str, deep: int) -> None:
    # A deep array at the top is refused before it is read: it is not an object.
    with pytest.raises(FeedError, match=r"nested too deeply|Expected object, got array"):
        parse(NESTED[where](deep))


def test_dev_zero_is_read_only_up_to_the_limit() -> None:
    with pytest.raises(FeedTooLargeError, match="over the limit of 65,536"):
        fetch("/dev/zero", limits=FetchLimits(max_bytes=64 * 1024))


def _good_copy_on_disk(server: FeedServer, cache: Path) -> str:
    url = server.serve("/feed.json", encode(JAPANESE), ETag='"v1"')
    PageLoader(PageCache(cache)).load(url)
    return url


CORRUPT_METADATA = {
    "a JSON array": lambda record: [],
    "a JSON string": lambda record: "text",
    "fetched_at a number": lambda record: {**record, "fetched_at": 12345},
    "fetched_at not a date": lambda record: {**record, "fetched_at": "yesterday"},
    "fetched_at without a zone": lambda record: {**record, "fetched_at": "2020-10-28T09:00:00"},
    "etag with a newline": lambda record: {**record, "etag": '"v1"\r\nX-Evil: 1'},
    "etag a number": lambda record: {**record, "etag": 7},
    "last_modified a list": lambda record: {**record, "last_modified": ["x"]},
    "final_url a dict": lambda record: {**record, "final_url": {}},
    "items negative": lambda record: {**record, "items": -5},
    "url of another page": lambda record: {**record, "url": "https://elsewhere.example/"},
    "nested 100,000 deep": lambda record: b'{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "a megabyte long": lambda record: {**record, "x": " " * 1_000_000},
    "ten megabytes long": lambda record: b" " * 10_000_000,
    "empty": lambda record: b"",
    "null": lambda record: None,
    "missing": lambda record: MISSING,
    "a folder": lambda record: FOLDER,
    "a FIFO": lambda record: FIFO,
}
MISSING, FOLDER, FIFO = object(), object(), object()


def _write(path: Path, corrupted: object) -> None:
    path.unlink()
    if corrupted is MISSING:
        return
    if corrupted is FOLDER:
        path.mkdir()
    elif corrupted is FIFO:
        os.mkfifo(path)  # opened for reading, it would wait for a writer forever
    else:
        path.write_bytes(corrupted if isinstance(corrupted, bytes)
                         else json.dumps(corrupted).encode())


def _metadata_file(cache: Path) -> Path:
    (path,) = cache.glob("*.json")
    return path


@pytest.mark.parametrize("corruption", CORRUPT_METADATA, ids=list(CORRUPT_METADATA))
def test_corrupt_cache_metadata_never_blocks_loading(
        corruption: str, server: FeedServer, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    url = _good_copy_on_disk(server, tmp_path)
    path = _metadata_file(tmp_path)
    record = json.loads(path.read_text(encoding="utf-8"))
    _write(path, CORRUPT_METADATA[corruption](record))
    caplog.set_level(logging.WARNING)
    loader = PageLoader(PageCache(tmp_path))
    page = loader.load(url)  # the server is up: a fresh copy, the bad file set aside
    assert not page.from_cache and len(page.feed.items) == 2
    if corruption != "missing":
        assert any("unusable" in record.getMessage() for record in caplog.records)
    again = loader.load(url, page)  # and updates keep working
    assert not again.from_cache and again.failure is None


@pytest.mark.parametrize("corruption", CORRUPT_METADATA, ids=list(CORRUPT_METADATA))
def test_corrupt_cache_metadata_with_the_server_down_still_serves_the_good_body(
        corruption: str, server: FeedServer, tmp_path: Path) -> None:
    url = _good_copy_on_disk(server, tmp_path)
    path = _metadata_file(tmp_path)
    record = json.loads(path.read_text(encoding="utf-8"))
    _write(path, CORRUPT_METADATA[corruption](record))
    server.down = True
    page = PageLoader(PageCache(tmp_path)).load(url)  # the body is checked and used
    assert page.from_cache and len(page.feed.items) == 2
    assert page.failure and "503" in page.failure
    assert page.fetched_at is None  # the time is not known: the notice gives none


def test_fetched_at_in_the_future_is_not_shown_as_a_date(server: FeedServer,
                                                         tmp_path: Path) -> None:
    url = _good_copy_on_disk(server, tmp_path)
    path = _metadata_file(tmp_path)
    record = json.loads(path.read_text(encoding="utf-8"))
    _write(path, {**record, "fetched_at": "2999-01-01T00:00:00+00:00"})
    server.down = True
    page = PageLoader(PageCache(tmp_path)).load(url)
    assert page.from_cache and page.fetched_at is None and len(page.feed.items) == 2


@pytest.mark.parametrize("special", ["a FIFO", "a folder"])
def test_special_file_in_place_of_the_body_never_blocks(special: str, server: FeedServer,
                                                        tmp_path: Path) -> None:
    url = _good_copy_on_disk(server, tmp_path)
    (path,) = tmp_path.glob("*.body")
    _write(path, CORRUPT_METADATA[special]({}))
    server.down = True
    with pytest.raises(FeedError, match="503"):  # nothing usable kept: said, not waited on
        PageLoader(PageCache(tmp_path)).load(url)


def test_truncated_cache_body_with_the_server_down(server: FeedServer, tmp_path: Path) -> None:
    url = _good_copy_on_disk(server, tmp_path)
    (path,) = tmp_path.glob("*.body")
    path.write_bytes(path.read_bytes()[:20])
    server.down = True
    with pytest.raises(FeedError, match="503"):
        PageLoader(PageCache(tmp_path)).load(url)


def test_truncated_cache_metadata_with_the_server_down_uses_the_body(
        server: FeedServer, tmp_path: Path) -> None:
    url = _good_copy_on_disk(server, tmp_path)
    path = _metadata_file(tmp_path)
    path.write_bytes(path.read_bytes()[:20])
    server.down = True
    page = PageLoader(PageCache(tmp_path)).load(url)
    assert page.from_cache and len(page.feed.items) == 2


def test_shift_jis_body_in_the_cache_is_ignored(server: FeedServer, tmp_path: Path) -> None:
    url = _good_copy_on_disk(server, tmp_path)
    (path,) = tmp_path.glob("*.body")
    path.write_bytes(json.dumps(JAPANESE, ensure_ascii=False).encode("shift_jis"))
    server.down = True
    with pytest.raises(FeedError, match="503"):
        PageLoader(PageCache(tmp_path)).load(url)


def test_304_for_a_lost_disk_copy_fetches_it_again(server: FeedServer, tmp_path: Path) -> None:
    """The server says 'not modified' but the kept body is gone: the loader must not be stuck."""
    url = server.serve("/feed.json", encode(JAPANESE), ETag='"v1"')
    server.routes["/feed.json"] = lambda request: (
        (304, {"ETag": '"v1"'}, b"") if request.headers.get("If-None-Match") == '"v1"'
        else (200, {"Content-Type": "application/feed+json", "ETag": '"v1"'}, encode(JAPANESE)))
    PageLoader(PageCache(tmp_path)).load(url)
    (tmp_path.glob("*.body").__next__()).unlink()
    page = PageLoader(PageCache(tmp_path)).load(url)
    assert len(page.feed.items) == 2 and not page.from_cache


@pytest.mark.parametrize("encoding", ["shift_jis", "euc_jp"])
def test_shift_jis_from_the_server_keeps_the_last_good_copy(
        encoding: str, server: FeedServer, tmp_path: Path) -> None:
    url = server.serve("/feed.json", encode(JAPANESE))
    loader = PageLoader(PageCache(tmp_path))
    good = loader.load(url)
    server.serve("/feed.json", json.dumps(JAPANESE, ensure_ascii=False).encode(encoding))
    after = loader.load(url, good)
    assert after.feed is good.feed and after.from_cache
    assert "UTF-8 ではありません" in (after.failure or "")
    restarted = PageLoader(PageCache(tmp_path)).load(url)  # after a restart: the disk copy
    assert restarted.from_cache and len(restarted.feed.items) == 2


metadata_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    | st.sampled_from(["2020-10-28T09:00:00+00:00", '"etag"', "http://x/"]),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(
    ["url", "final_url", "etag", "last_modified", "fetched_at", "items"]), metadata_values)
    | metadata_values)
def test_any_metadata_is_a_record_or_ignored(value: object) -> None:
    url = "http://x/"
    with tempfile.TemporaryDirectory() as directory:
        cache = PageCache(Path(directory))
        path, _body = cache._paths(url)
        if isinstance(value, dict) and "url" in value:
            value = {**value, "url": url}  # reach the checks after the URL's
        path.write_text(json.dumps(value), encoding="utf-8")
        record = cache.read_metadata(url)
    assert record is None or ((record.fetched_at is None or record.fetched_at.tzinfo is not None)
                              and record.url == url)


def test_non_ascii_etag_from_the_server_is_not_sent_back(server: FeedServer,
                                                         tmp_path: Path) -> None:
    url = server.serve("/feed.json", encode(JAPANESE), ETag='"caf\xe9"')
    loader = PageLoader(PageCache(tmp_path))
    first = loader.load(url)
    again = loader.load(url, first)  # a refresh must still reach the server
    assert not again.from_cache and again.failure is None and server.hits["/feed.json"] == 2
    restarted = PageLoader(PageCache(tmp_path)).load(url)
    assert not restarted.from_cache and server.hits["/feed.json"] == 3

"""Pagination (next_url), loop guards, conditional GET and the last good copy on disk,
against a real local HTTP server serving the demo archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flash_reader.demo import ArchiveShape, write_archive
from flash_reader.feed import archive, page_loader
from flash_reader.feed.errors import FeedFetchError
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.parse import parse
from flash_reader.store import FeedStore
from tests.feed.httpserver import FeedServer

SHAPE = ArchiveShape(years=2, issues_per_year=6, items_per_issue=5, page_size=10)  # 60 items


@pytest.fixture
def demo(server: FeedServer, tmp_path: Path) -> str:
    write_archive(tmp_path / "archive", SHAPE)
    server.serve_directory(tmp_path / "archive", "/flash/")
    return server.url("/flash/feed.json")


@pytest.fixture
def store(tmp_path: Path) -> FeedStore:
    return FeedStore(tmp_path / "cache")


def test_first_page_only_at_start(store: FeedStore, demo: str, server: FeedServer) -> None:
    snapshot = store.load(demo)
    assert len(snapshot.items) == 10 and len(snapshot.pages) == 1
    assert snapshot.next_url == server.url("/flash/feed-2.json")
    assert server.hits.get("/flash/feed-2.json") is None  # lazy


def test_load_archive_follows_next_url_to_the_end(store: FeedStore, demo: str) -> None:
    store.load(demo)
    progress = []
    final = store.load_archive(lambda pages, items: progress.append((pages, items)))
    assert len(final.items) == SHAPE.total_items == 60
    assert final.next_url == "" and final.archive_note == "" and final.complete
    assert progress[0] == (2, 20) and progress[-1] == (6, 60)
    dates = [item.issue_date for item in final.items]
    assert dates == sorted(dates, reverse=True)
    assert store.load_archive().items == final.items


def test_items_repeated_on_an_older_page_are_not_duplicated(
        store: FeedStore, server: FeedServer, tmp_path: Path) -> None:
    pages = write_archive(tmp_path / "a", ArchiveShape(1, 2, 3, 3))
    second = json.loads(pages[1].read_text(encoding="utf-8"))
    second["items"].insert(0, json.loads(pages[0].read_text(encoding="utf-8"))["items"][0])
    pages[1].write_text(json.dumps(second), encoding="utf-8")
    server.serve_directory(tmp_path / "a")
    store.load(server.url("/feed.json"))
    snapshot = store.load_archive()
    assert len(snapshot.items) == 6
    assert any("already on a newer page" in note for note in snapshot.feed.notes)


@pytest.mark.parametrize("next_url", ["feed.json", "feed-2.json", "/loop/feed.json"])
def test_next_url_loop_ends_the_archive(store: FeedStore, server: FeedServer, tmp_path: Path,
                                        next_url: str) -> None:
    pages = write_archive(tmp_path / "loop", ArchiveShape(1, 2, 3, 3))
    second = json.loads(pages[1].read_text(encoding="utf-8"))
    second["next_url"] = next_url  # back to itself or to the first page
    pages[1].write_text(json.dumps(second), encoding="utf-8")
    server.serve_directory(tmp_path / "loop", "/loop/")
    store.load(server.url("/loop/feed.json"))
    snapshot = store.load_archive()
    assert len(snapshot.pages) == 2 and len(snapshot.items) == 6
    assert snapshot.next_url == "" and "points back to" in snapshot.archive_note


def test_page_limit_stops_following(server: FeedServer, tmp_path: Path, demo: str) -> None:
    store = FeedStore(None, max_pages=3)
    store.load(demo)
    snapshot = store.load_archive()
    assert len(snapshot.pages) == 3
    assert "more than 3 pages" in snapshot.archive_note


def test_next_page_url_without_pages() -> None:
    assert archive.next_page_url(()) is None


def test_refresh_with_304_does_not_parse_again(store: FeedStore, demo: str, server: FeedServer,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    first = store.load(demo)
    calls = []
    monkeypatch.setattr(page_loader, "parse", lambda *args: calls.append(args) or parse(*args))
    again = store.load(demo)
    assert server.not_modified["/flash/feed.json"] == 1
    assert calls == []
    assert again.feed is first.feed and again.version == first.version
    assert again.loaded_at >= first.loaded_at


def test_changed_first_page_is_parsed_and_older_pages_kept(
        store: FeedStore, demo: str, tmp_path: Path) -> None:
    store.load(demo)
    store.load_archive()
    page = tmp_path / "archive" / "feed.json"
    document = json.loads(page.read_text(encoding="utf-8"))
    document["items"][0]["title"] = "更新された見出し"
    page.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    snapshot = store.load(demo)
    assert snapshot.feed.items[0].title == "更新された見出し"
    assert "更新された見出し" in snapshot.search_index.haystacks[snapshot.feed.items[0].id]
    assert len(snapshot.pages) == 6 and len(snapshot.items) == 60


def test_server_down_at_start_uses_last_good_copy_on_disk(
        demo: str, server: FeedServer, tmp_path: Path) -> None:
    FeedStore(tmp_path / "cache").load(demo)  # an earlier run kept a copy
    server.down = True
    restarted = FeedStore(tmp_path / "cache")
    snapshot = restarted.load(demo)
    assert len(snapshot.items) == 10
    assert snapshot.stale and "answered 503" in (snapshot.error or "")
    assert "showing the copy last fetched" in (snapshot.error or "")
    server.down = False
    fresh = restarted.load(demo)  # the next refresh, no restart
    assert not fresh.stale and fresh.error is None and len(fresh.items) == 10


def test_server_down_without_a_copy_is_a_clear_error(store: FeedStore, demo: str,
                                                     server: FeedServer) -> None:
    server.down = True
    snapshot = store.load(demo)
    assert snapshot.feed is None and "503" in (snapshot.error or "")


def test_older_page_failing_keeps_what_is_loaded(store: FeedStore, demo: str,
                                                 server: FeedServer) -> None:
    store.load(demo)
    server.down = True
    snapshot = store.load_archive()
    assert len(snapshot.items) == 10 and "503" in snapshot.archive_note
    # An older page failing is for staff: readers' notice is about the first page only.
    assert snapshot.error is None
    server.down = False
    assert len(store.load_archive().items) == 60


def test_corrupt_cache_file_is_ignored(demo: str, server: FeedServer, tmp_path: Path) -> None:
    FeedStore(tmp_path / "cache").load(demo)
    for file in (tmp_path / "cache").glob("*.*"):
        file.write_text("{not json", encoding="utf-8")
    server.down = True
    snapshot = FeedStore(tmp_path / "cache").load(demo)
    assert snapshot.feed is None and snapshot.error


def test_loader_error_names_the_page(tmp_path: Path) -> None:
    loader = page_loader.PageLoader(PageCache(None))
    with pytest.raises(FeedFetchError, match=r"127\.0\.0\.1:9"):
        loader.load("http://127.0.0.1:9/feed.json")


def test_restart_with_a_disk_copy_parses_only_the_fresh_page(
        demo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    FeedStore(tmp_path / "cache").load(demo)
    calls = []
    monkeypatch.setattr(page_loader, "parse", lambda *args: calls.append(args) or parse(*args))
    page = page_loader.PageLoader(PageCache(tmp_path / "cache")).load(demo)
    # The disk copy's ETag was sent and answered 304: its body is parsed once, nothing else.
    assert len(calls) == 1 and not page.from_cache and len(page.feed.items) == 10

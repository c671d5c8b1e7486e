"""A page that suddenly lost most of its items (issue 14.8) is refused — the last good copy is
kept in memory and on disk — until staff confirm it with `flash-reader accept`."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import pytest

from flash_reader.feed import page_cache
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from tests.feed.feeds import encode, feed, item
from tests.feed.httpserver import FeedServer


def page_of(count: int) -> bytes:
    return encode(feed(*(item(str(n)) for n in range(count))))


def kept_count(cache: Path) -> int:
    (path,) = cache.glob("*.json")
    return json.loads(path.read_text(encoding="utf-8"))["items"]


@pytest.mark.parametrize(("before", "after"), [(40, 0), (40, 9), (4, 0), (1, 0)])
def test_shrunken_page_keeps_the_last_good_copy(before: int, after: int, server: FeedServer,
                                                tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    url = server.serve("/feed.json", page_of(before))
    loader = PageLoader(PageCache(tmp_path))
    good = loader.load(url)
    server.serve("/feed.json", page_of(after))
    caplog.set_level(logging.WARNING)
    kept = loader.load(url, good)
    assert kept.feed is good.feed and kept.from_cache and kept.failure_kind == "data"
    assert "flash-reader accept" in (kept.failure or "")
    assert ("no items" if after == 0 else "fewer than a quarter") in (kept.failure or "")
    assert kept_count(tmp_path) == before  # the disk copy is not overwritten
    assert any("flash-reader accept" in record.getMessage() for record in caplog.records)
    restarted = PageLoader(PageCache(tmp_path)).load(url)  # after a restart: still refused
    assert restarted.from_cache and len(restarted.feed.items) == before


@pytest.mark.parametrize(("before", "after"), [(40, 10), (40, 39), (3, 1), (0, 0), (10, 100)])
def test_page_keeping_a_quarter_is_accepted(before: int, after: int, server: FeedServer,
                                            tmp_path: Path) -> None:
    url = server.serve("/feed.json", page_of(before))
    loader = PageLoader(PageCache(tmp_path))
    good = loader.load(url)
    server.serve("/feed.json", page_of(after))
    page = loader.load(url, good)
    assert not page.from_cache and len(page.feed.items) == after


def test_shrink_without_a_cache_is_refused_against_memory(server: FeedServer) -> None:
    url = server.serve("/feed.json", page_of(20))
    loader = PageLoader(PageCache(None))
    good = loader.load(url)
    server.serve("/feed.json", page_of(0))
    assert loader.load(url, good).feed is good.feed


def test_first_load_of_an_empty_feed_is_accepted(server: FeedServer, tmp_path: Path) -> None:
    url = server.serve("/feed.json", page_of(0))
    assert PageLoader(PageCache(tmp_path)).load(url).feed.items == ()


def test_staff_accept_once(server: FeedServer, tmp_path: Path) -> None:
    url = server.serve("/feed.json", page_of(40))
    loader = PageLoader(PageCache(tmp_path))
    good = loader.load(url)
    server.serve("/feed.json", page_of(2))
    assert loader.load(url, good).from_cache
    marker = PageCache(tmp_path).accept(url)
    accepted = loader.load(url, good)
    assert not accepted.from_cache and len(accepted.feed.items) == 2
    assert kept_count(tmp_path) == 2 and not marker.exists()
    # The acceptance is used up: a further drop from the new size is refused again.
    server.serve("/feed.json", page_of(40))
    bigger = loader.load(url, accepted)
    server.serve("/feed.json", page_of(1))
    assert loader.load(url, bigger).from_cache


def test_other_worker_follows_an_accepted_shrink(server: FeedServer, tmp_path: Path) -> None:
    """Two processes share the cache: once one accepted the smaller page, the other (still
    holding the big one in memory) accepts it too, from the disk's count."""
    url = server.serve("/feed.json", page_of(40))
    first, second = PageLoader(PageCache(tmp_path)), PageLoader(PageCache(tmp_path))
    held_first, held_second = first.load(url), second.load(url)
    server.serve("/feed.json", page_of(2))
    PageCache(tmp_path).accept(url)
    assert len(first.load(url, held_first).feed.items) == 2
    page = second.load(url, held_second)
    assert not page.from_cache and len(page.feed.items) == 2


def test_old_acceptance_expires(server: FeedServer, tmp_path: Path) -> None:
    url = server.serve("/feed.json", page_of(40))
    loader = PageLoader(PageCache(tmp_path))
    good = loader.load(url)
    marker = PageCache(tmp_path).accept(url)
    old = time.time() - page_cache.ACCEPT_SECONDS - 60
    os.utime(marker, (old, old))
    server.serve("/feed.json", page_of(0))
    assert loader.load(url, good).from_cache


def test_shrink_without_any_copy_raises_nothing_to_keep(server: FeedServer,
                                                        tmp_path: Path) -> None:
    """A count on disk whose body is gone: the new page is all there is, so it is used."""
    url = server.serve("/feed.json", page_of(40))
    PageLoader(PageCache(tmp_path)).load(url)
    next(tmp_path.glob("*.body")).unlink()
    server.serve("/feed.json", page_of(1))
    assert len(PageLoader(PageCache(tmp_path)).load(url).feed.items) == 1


def test_store_keeps_serving_the_last_good_feed(server: FeedServer, tmp_path: Path) -> None:
    from flash_reader.store import FeedStore

    url = server.serve("/feed.json", page_of(40))
    store = FeedStore(tmp_path)
    good = store.load(url)
    server.serve("/feed.json", page_of(0))
    after = store.load(url)
    assert after.feed is good.feed and len(after.items) == 40 and after.stale
    assert "no items" in (after.error or "") and "flash-reader accept" in (after.error or "")

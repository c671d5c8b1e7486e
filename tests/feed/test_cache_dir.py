"""The cache directory stays bounded (issue 14.11): orphan *.tmp files from a crash go when the
cache is opened, and `prune` removes pages no longer linked from the chain."""

from __future__ import annotations

import os
import time
from pathlib import Path

from flash_reader.feed import page_cache
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from tests.feed.feeds import encode, feed, item
from tests.feed.httpserver import FeedServer


def test_orphan_tmp_files_are_removed_at_start(tmp_path: Path) -> None:
    old = time.time() - page_cache.ORPHAN_SECONDS - 10
    orphans = [tmp_path / "tmpab12cd.tmp", tmp_path / "tmpzz.tmp"]
    for orphan in orphans:
        orphan.write_bytes(b"half a body")
        os.utime(orphan, (old, old))
    in_flight = tmp_path / "tmpnew.tmp"  # another worker may be writing it right now
    in_flight.write_bytes(b"")
    other = tmp_path / "notes.txt"
    other.write_text("staff notes", encoding="utf-8")
    PageCache(tmp_path)
    assert not any(orphan.exists() for orphan in orphans)
    assert in_flight.exists() and other.exists()


def test_missing_cache_directory_is_fine(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "not" / "yet")
    assert cache.read_metadata("http://x/") is None and cache.prune([]) == 0


def test_prune_keeps_only_linked_pages(server: FeedServer, tmp_path: Path) -> None:
    urls = [server.serve(f"/feed-{n}.json", encode(feed(item(str(n))))) for n in range(4)]
    loader = PageLoader(PageCache(tmp_path))
    for url in urls:
        loader.load(url)
    PageCache(tmp_path).accept(urls[3])
    (tmp_path / "README").write_text("kept", encoding="utf-8")
    assert len(list(tmp_path.glob("*"))) == 4 * 2 + 1 + 1
    assert loader.cache.prune(urls[:2]) == 2 * 2 + 1
    assert {path.name for path in tmp_path.glob("*")} == {
        *(path.name for url in urls[:2] for path in loader.cache._paths(url)), "README"}
    server.down = True
    assert loader.load(urls[0]).from_cache  # what is kept still works


def test_prune_without_a_cache() -> None:
    assert PageCache(None).prune(["http://x/"]) == 0

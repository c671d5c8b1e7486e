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


FULL_DISK = """
import logging, resource, signal, sys
from pathlib import Path
from flash_reader.feed.fetch import Validators
from flash_reader.feed.page import Page, now
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.parse import parse
from tests.feed.feeds import encode, feed, item

logging.basicConfig(level=logging.WARNING, format="%(message)s")
body = encode(feed(*[item(str(n), content_text="本文" * 500) for n in range(20)]))
# A disk that fills up after 4 KB: writes past it fail with EFBIG, as on a full disk.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
url = "https://example.org/feed.json"
PageCache(Path(sys.argv[1])).write(url, body, Page(url, parse(body), Validators(), now()))
"""


def test_a_write_that_fails_on_a_full_disk_leaves_no_temp_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FULL_DISK, str(tmp_path)], text=True,
                          capture_output=True, timeout=60, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.iterdir()) == []  # no *.tmp, no half a body, no metadata
    # The warning names the file that could not be written, not its metadata.
    assert ".body failed" in done.stderr and "File too large" in done.stderr

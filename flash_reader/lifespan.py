"""Per-process start-up and refresh: the feed is loaded and re-checked once per process, in
the background, never per reader.

Start-up loads the first page before serving (from the server, or the last good copy on
disk), then follows the whole archive in the background, so every permalink resolves on every
process soon after a start. Each refresh is a conditional GET of the first page; when it
links to a different chain of older pages, the archive is followed again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from flash_reader import config
from flash_reader.reading import cache as reading_cache
from flash_reader.store import FeedStore, store

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def feed_lifespan() -> AsyncIterator[None]:
    source = config.feed_source()
    store.configure(config.cache_dir(), config.max_pages())
    try:
        await asyncio.to_thread(store.load, source)
    except Exception:  # a bad feed never stops the app: readers get the notice
        log.exception("feed start-up load failed unexpectedly")
    keeper = asyncio.create_task(keep_fresh(store, source, config.refresh_seconds()))
    try:
        yield
    finally:
        keeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await keeper


async def keep_fresh(feed_store: FeedStore, source: str, interval: float) -> None:
    """Follow the archive now, then refresh every `interval` seconds, forever."""
    walked = False
    warmed = ""
    while True:
        try:
            snapshot = feed_store.current()
            # The first time, and whenever the first page links to a new chain (load()
            # then drops the older pages, so the archive is not complete).
            if snapshot.pages and (not walked or snapshot.next_url):
                snapshot = await asyncio.to_thread(feed_store.load_archive)
                walked = True
            if snapshot.version != warmed:
                # Furigana once per item, in the background: no reader waits for it.
                await asyncio.to_thread(reading_cache.warm, snapshot.items)
                warmed = snapshot.version
        except Exception:  # never let one bad refresh stop the next ones
            log.exception("feed archive walk failed unexpectedly")
        await asyncio.sleep(interval)
        try:
            # A conditional GET: a 304 costs no parsing; a failure keeps the last good copy.
            await asyncio.to_thread(feed_store.load, source)
        except Exception:
            log.exception("feed refresh failed unexpectedly")

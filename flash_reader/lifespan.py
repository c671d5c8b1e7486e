"""Per-process start-up and refresh: the feed is loaded and re-checked once per process, in
the background, never per reader.

Start-up loads the first page before serving — from the server, or, when the server has not
answered within FLASH_START_WAIT_SECONDS, from the last good copy on disk (saying so) while the
server is still asked in the background — then follows the whole archive in the background,
so every permalink resolves on every process soon after a start. Each refresh is a conditional
GET of the first page; when it links to a different chain of older pages, the archive is
followed again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from flash_reader import config
from flash_reader.reading import cache as reading_cache
from flash_reader.speech import service as speech_service
from flash_reader.store import FeedStore, store

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def feed_lifespan() -> AsyncIterator[None]:
    source = config.feed_source()
    config.contact()  # a contact that is not an address stops the start with the reason
    store.configure(config.cache_dir(), config.max_pages())
    # The disk copy first (no network: instant), marked as not yet confirmed; the server's
    # answer then replaces it (a 304 costs nothing more) — usually before anyone is served.
    await asyncio.to_thread(store.load_kept, source)
    first = asyncio.create_task(asyncio.to_thread(store.load, source))
    wait = config.start_wait_seconds()
    await asyncio.wait({first}, timeout=wait)
    if not first.done():
        # A slow or trickling server must not keep the app from answering.
        log.warning("the feed server has not answered in %g s: serving %s while it is asked "
                    "in the background", wait, "the last good copy"
                    if store.current().pages else "the loading notice")
    keeper = asyncio.create_task(keep_fresh(store, source, config.refresh_seconds(), first))
    try:
        yield
    finally:
        keeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await keeper
        speech_service.jobs().shutdown()


async def keep_fresh(feed_store: FeedStore, source: str, interval: float,
                     first: asyncio.Future | None = None) -> None:
    """When the start-up load `first` is done, follow the archive, then refresh every
    `interval` seconds, forever."""
    if first is not None:
        try:
            await first
        except Exception:  # a bad feed never stops the app: readers get the notice
            log.exception("feed start-up load failed unexpectedly")
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
                if config.audio_prerender():
                    # The latest issue's audio, in the pool at a lower priority (issue 22).
                    await asyncio.to_thread(speech_service.speak_latest, snapshot.items)
        except Exception:  # never let one bad refresh stop the next ones
            log.exception("feed archive walk failed unexpectedly")
        await asyncio.sleep(interval)
        try:
            # A conditional GET: a 304 costs no parsing; a failure keeps the last good copy.
            await asyncio.to_thread(feed_store.load, source)
        except Exception:
            log.exception("feed refresh failed unexpectedly")

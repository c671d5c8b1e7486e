"""Per-process start-up and refresh: the feed is loaded and re-checked once per process,
in the background, never per client."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from flash_reader import config
from flash_reader.reading import cache as reading_cache
from flash_reader.store import store

log = logging.getLogger(__name__)


def preload() -> None:
    """Load the feed synchronously (at import, for the prerendered HTML); failures are fine."""
    store.configure(config.cache_dir(), config.max_pages())
    store.load(config.feed_source())


@contextlib.asynccontextmanager
async def feed_lifespan() -> AsyncIterator[None]:
    source = config.feed_source()
    snapshot = store.current()
    if snapshot.source != source or snapshot.feed is None or snapshot.error is not None:
        # Not (successfully) loaded at import by preload(): load before serving.
        store.configure(config.cache_dir(), config.max_pages())
        await asyncio.to_thread(store.load, source)
    # Furigana once per item, in the background: the first reader need not wait for it.
    annotator = asyncio.create_task(asyncio.to_thread(reading_cache.warm, store.current().items))
    refresher = asyncio.create_task(_refresh_forever(source, config.refresh_seconds()))
    try:
        yield
    finally:
        annotator.cancel()
        refresher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await refresher


async def _refresh_forever(source: str, interval: float) -> None:
    while True:
        await asyncio.sleep(interval)
        try:
            # A conditional GET: a 304 costs no parsing; a failure keeps the last good copy.
            snapshot = await asyncio.to_thread(store.load, source)
            await asyncio.to_thread(reading_cache.warm, snapshot.items)
        except Exception:  # never let one bad refresh stop the next ones
            log.exception("feed refresh failed unexpectedly")

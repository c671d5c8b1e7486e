"""Per-process start-up: load the feed into the shared store before serving."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from flash_reader import config
from flash_reader.store import store


@contextlib.asynccontextmanager
async def feed_lifespan() -> AsyncIterator[None]:
    await asyncio.to_thread(store.load, config.feed_source())
    yield

"""Load = fetch + parse: exactly what the app and `flash-reader validate` do."""

from __future__ import annotations

import httpx

from flash_reader.feed.errors import FeedError
from flash_reader.feed.fetch import DEFAULT_LIMITS, FetchLimits, fetch
from flash_reader.feed.model import Feed
from flash_reader.feed.parse import parse


def load_feed(source: str, *, limits: FetchLimits = DEFAULT_LIMITS,
              transport: httpx.BaseTransport | None = None) -> Feed:
    """Fetch and parse the feed at `source`. Raises a FeedError with a message naming it."""
    fetched = fetch(source, limits=limits, transport=transport)
    try:
        return parse(fetched.body, fetched.url)
    except FeedError as exc:
        raise type(exc)(f"{source}: {exc}") from None

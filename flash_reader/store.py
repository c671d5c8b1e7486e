"""The one shared, immutable feed store of this process.

Every client reads the same snapshot; Reflex state only holds a client's choices. A failed
load keeps the last good feed and records the error for the banner.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading

from flash_reader.feed.errors import FeedError
from flash_reader.feed.load import load_feed
from flash_reader.feed.model import Feed, Item
from flash_reader.feed.search import SearchIndex

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True, slots=True)
class Snapshot:
    feed: Feed | None
    source: str = ""
    version: int = 0
    loaded_at: dt.datetime | None = None
    error: str | None = None
    items_by_id: dict[str, Item] = dataclasses.field(default_factory=dict)
    # Folded once per load, so a search never re-normalises the feed.
    search_index: SearchIndex = dataclasses.field(default_factory=lambda: SearchIndex({}))

    @property
    def items(self) -> tuple[Item, ...]:
        return self.feed.items if self.feed else ()


class FeedStore:
    def __init__(self) -> None:
        self._snapshot = Snapshot(feed=None)
        self._lock = threading.Lock()

    def current(self) -> Snapshot:
        return self._snapshot

    def load(self, source: str) -> Snapshot:
        """Load `source`; on failure keep the last good feed and remember the error."""
        try:
            feed = load_feed(source)
        except FeedError as exc:
            log.warning("feed load failed: %s", exc)
            with self._lock:
                old = self._snapshot
                self._snapshot = dataclasses.replace(
                    old, source=source, version=old.version + 1, error=str(exc))
            return self._snapshot
        return self.replace(feed, source)

    def replace(self, feed: Feed, source: str) -> Snapshot:
        with self._lock:
            self._snapshot = Snapshot(
                feed=feed,
                source=source,
                version=self._snapshot.version + 1,
                loaded_at=dt.datetime.now(dt.UTC),
                items_by_id={item.id: item for item in feed.items},
                search_index=SearchIndex.build(feed.items),
            )
        log.info("feed loaded from %s: %d items", source, len(feed.items))
        return self._snapshot


store = FeedStore()

"""The one shared, immutable feed store of this process.

Every client reads the same snapshot; Reflex state only holds a client's choices. The store
holds the pages of the archive read so far (newest first), merged into one feed. A failed load
keeps the last good feed — from memory, or from the copy on disk — and records the error for
the banner.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from pathlib import Path

from flash_reader.feed.archive import (
    DEFAULT_MAX_PAGES,
    Page,
    PageCache,
    PageLoader,
    merge,
    next_page_url,
)
from flash_reader.feed.errors import FeedError
from flash_reader.feed.model import Feed, Item
from flash_reader.feed.search import SearchIndex

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True, slots=True)
class Snapshot:
    feed: Feed | None
    source: str = ""
    version: int = 0
    loaded_at: dt.datetime | None = None  # when the server last confirmed the first page
    error: str | None = None
    items_by_id: dict[str, Item] = dataclasses.field(default_factory=dict)
    # Folded once per load, so a search never re-normalises the feed.
    search_index: SearchIndex = dataclasses.field(default_factory=lambda: SearchIndex({}))
    pages: tuple[Page, ...] = ()
    # Where older pages continue; "" when the whole archive is loaded.
    next_url: str = ""
    # Why the archive ends early (a loop, the page limit), for staff.
    archive_note: str = ""

    @property
    def items(self) -> tuple[Item, ...]:
        return self.feed.items if self.feed else ()

    @property
    def stale(self) -> bool:
        """Shown from the last good copy because the server could not be reached."""
        return any(page.from_cache for page in self.pages[:1])


class FeedStore:
    def __init__(self, cache_dir: Path | None = None, *,
                 max_pages: int = DEFAULT_MAX_PAGES, loader: PageLoader | None = None) -> None:
        self._snapshot = Snapshot(feed=None)
        self._lock = threading.Lock()  # one writer at a time; readers never wait
        self._loader = loader or PageLoader(PageCache(cache_dir))
        self._max_pages = max_pages

    def configure(self, cache_dir: Path | None, max_pages: int = DEFAULT_MAX_PAGES) -> None:
        self._loader = PageLoader(PageCache(cache_dir), limits=self._loader.limits,
                                  transport=self._loader.transport)
        self._max_pages = max_pages

    def current(self) -> Snapshot:
        return self._snapshot

    def load(self, source: str) -> Snapshot:
        """Load the first page of `source` (a refresh when it is already loaded)."""
        with self._lock:
            old = self._snapshot
            held = old.pages[0] if old.pages and old.source == source else None
            try:
                first = self._loader.load(source, held)
            except FeedError as exc:
                return self._fail(old, source, str(exc))
            if held is not None and first.feed is held.feed:
                pages = (first, *old.pages[1:])
                if first.from_cache:
                    # The server failed: keep serving what we have, say why.
                    return self._set(dataclasses.replace(
                        old, pages=pages, error=_fallback_error(first, source)))
                # 304 Not Modified: nothing to re-parse or re-index; just note the time.
                return self._set(dataclasses.replace(old, pages=pages, loaded_at=first.fetched_at,
                                                     error=None), bump=old.error is not None)
            older = old.pages[1:] if held is not None else ()
            error = _fallback_error(first, source)
            return self._publish(source, (first, *older), error)

    def load_older(self) -> tuple[Snapshot, int]:
        """Load the next older page. Returns the new snapshot and how many items it added."""
        with self._lock:
            old = self._snapshot
            if not old.next_url:
                return old, 0
            try:
                page = self._loader.load(old.next_url)
            except FeedError as exc:
                return self._fail(old, old.source, str(exc)), 0
            snapshot = self._publish(old.source, (*old.pages, page), old.error)
            return snapshot, len(snapshot.items) - len(old.items)

    def load_all(self, progress=None) -> Snapshot:
        """Every page (for benchmarks and tools): `progress(pages, items)` after each."""
        snapshot = self.current()
        while snapshot.next_url:
            snapshot, added = self.load_older()
            if progress:
                progress(len(snapshot.pages), len(snapshot.items))
            if not added and snapshot.error:
                break
        return snapshot

    def replace(self, feed: Feed, source: str) -> Snapshot:
        """Publish a feed built elsewhere (tests, tools) as a single page."""
        from flash_reader.feed.archive import now
        from flash_reader.feed.fetch import Validators

        with self._lock:
            return self._publish(source, (Page(source, feed, Validators(), now()),), None)

    def _publish(self, source: str, pages: tuple[Page, ...], error: str | None) -> Snapshot:
        feed = merge(pages)
        try:
            next_url, note = next_page_url(pages, self._max_pages) or "", ""
        except FeedError as exc:
            next_url, note = "", str(exc)
            log.warning("archive ends early: %s", exc)
        # Fold only items not indexed before (older pages arrive one at a time); an item
        # re-parsed from a changed page is a new object and is folded again.
        old = self._snapshot
        unchanged = {item.id for item in feed.items if old.items_by_id.get(item.id) is item}
        fresh = SearchIndex.build([item for item in feed.items if item.id not in unchanged])
        index = SearchIndex({item.id: old.search_index.haystacks[item.id]
                             if item.id in unchanged else fresh.haystacks[item.id]
                             for item in feed.items})
        snapshot = Snapshot(
            feed=feed, source=source, version=self._snapshot.version + 1,
            loaded_at=pages[0].fetched_at, error=error,
            items_by_id={item.id: item for item in feed.items},
            search_index=index, pages=pages,
            next_url=next_url, archive_note=note)
        log.info("feed %s: %d pages, %d items", source, len(pages), len(feed.items))
        return self._set(snapshot, bump=False)

    def _fail(self, old: Snapshot, source: str, error: str) -> Snapshot:
        log.warning("feed load failed: %s", error)
        return self._set(dataclasses.replace(old, source=source, error=error))

    def _set(self, snapshot: Snapshot, *, bump: bool = True) -> Snapshot:
        if bump:
            snapshot = dataclasses.replace(snapshot, version=self._snapshot.version + 1)
        self._snapshot = snapshot
        return snapshot


def _fallback_error(first: Page, source: str) -> str | None:
    if not first.from_cache:
        return None
    reason = first.failure or f"{source}: the server could not be reached"
    return f"{reason} — showing the copy last fetched {first.fetched_at:%Y-%m-%d %H:%M} UTC"


store = FeedStore()

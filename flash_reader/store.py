"""The one shared, immutable feed store of this process.

Every reader reads the same snapshot; Reflex state only holds a reader's choices. At start-up
the first page is loaded, then the whole archive is followed through `next_url` in the
background, so every permalink resolves soon after a start. A failed load keeps the last good
feed — from memory, or from the copy on disk — and records why, for the log and the notice.

Every snapshot carries a `version` derived from its content (not a counter), so processes
that read the same feed agree on it, and a rendered view can be cached under it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path

import msgspec

from flash_reader.feed.archive import (
    DEFAULT_MAX_PAGES,
    archive_origins,
    merge,
    next_page_url,
)
from flash_reader.feed.errors import FeedError, kind
from flash_reader.feed.fetch import Validators
from flash_reader.feed.model import Feed, Item
from flash_reader.feed.page import Page, now
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from flash_reader.feed.search import SearchIndex

log = logging.getLogger(__name__)

# While the archive is followed, readers see it grow every this many pages.
PUBLISH_EVERY_PAGES = 10


@dataclasses.dataclass(frozen=True, slots=True)
class Snapshot:
    feed: Feed | None
    source: str = ""
    version: str = ""  # a digest of what readers are shown; "" before anything loaded
    feed_digest: str = ""  # of the merged feed alone, computed once per publish
    loaded_at: dt.datetime | None = None  # when the server last confirmed the first page
    error: str | None = None  # why the first page could not be refreshed (staff only)
    # "fetch": no answer; "status": an error answer; "data": an answer with unusable data.
    error_kind: str | None = None
    items_by_id: dict[str, Item] = dataclasses.field(default_factory=dict)
    # Folded once per load, so a search never re-normalises the feed.
    search_index: SearchIndex = dataclasses.field(default_factory=lambda: SearchIndex({}))
    pages: tuple[Page, ...] = ()
    # Issue (配信) dates, newest first, and each issue's items in feed order.
    issue_dates: tuple[dt.date, ...] = ()
    issues: dict[dt.date, tuple[Item, ...]] = dataclasses.field(default_factory=dict)
    # Where older pages continue while the archive is still being followed; "" once done.
    next_url: str = ""
    # Why the archive ends early (a loop, the page limit, an older page failing): for staff.
    archive_note: str = ""

    @property
    def items(self) -> tuple[Item, ...]:
        return self.feed.items if self.feed else ()

    @property
    def stale(self) -> bool:
        """Shown from the last good copy because the server could not be reached."""
        return any(page.from_cache for page in self.pages[:1])

    @property
    def latest_issue(self) -> dt.date | None:
        return self.issue_dates[0] if self.issue_dates else None

    @property
    def complete(self) -> bool:
        """The whole archive (as far as it can be followed) is loaded."""
        return bool(self.pages) and not self.next_url


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
        """Load the first page of `source` (a conditional refresh when it is already loaded).

        Older pages are kept while the first page still links to the same chain; when its
        `next_url` changes they are dropped and `load_archive` follows the new chain.
        """
        with self._lock:
            old = self._snapshot
            held = old.pages[0] if old.pages and old.source == source else None
            try:
                first = self._loader.load(source, held)
            except FeedError as exc:
                return self._fail(old, source, str(exc), kind(exc))
            if held is not None and first.feed is held.feed:
                pages = (first, *old.pages[1:])
                if first.from_cache:
                    # The server failed: keep serving what we have, say why.
                    return self._set(dataclasses.replace(
                        old, pages=pages, error=_fallback_error(first, source),
                        error_kind=first.failure_kind or "fetch"))
                # 304 Not Modified: nothing to re-parse or re-index; just note the time.
                return self._set(dataclasses.replace(old, pages=pages, loaded_at=first.fetched_at,
                                                     error=None, error_kind=None))
            same_chain = held is not None and first.feed.next_url == held.feed.next_url
            older = old.pages[1:] if same_chain else ()
            return self._publish(source, (first, *older), _fallback_error(first, source),
                                 error_kind=(first.failure_kind or "fetch")
                                 if first.from_cache else None)

    def load_kept(self, source: str) -> Snapshot:
        """Publish the last good copy of `source`'s first page from disk, without asking the
        server (call it before `load` at start-up): readers get it while a slow server is
        still being asked, and it says so until `load` hears from the server."""
        with self._lock:
            if self._snapshot.pages:
                return self._snapshot
            page = self._loader.kept(source)
            if page is None:
                return self._snapshot
            page = dataclasses.replace(
                page, failure=f"{source}: no answer yet from the feed server since start-up",
                failure_kind="fetch")
            return self._publish(source, (page,), _fallback_error(page, source),
                                 error_kind="fetch")

    def load_archive(self, progress: Callable[[int, int], None] | None = None) -> Snapshot:
        """Follow `next_url` from the first page to the end of the archive (same limits and
        loop guards as every fetch). Pages already held are fetched conditionally, so a
        re-walk of an unchanged archive costs a 304 per page. `progress(pages, items)` is
        called after each page."""
        snapshot = self.current()
        if not snapshot.pages:
            return snapshot
        source = snapshot.source
        held = {page.url: page for page in snapshot.pages[1:]}
        pages = [snapshot.pages[0]]
        note = ""
        while True:
            try:
                url = next_page_url(tuple(pages), self._max_pages)
            except FeedError as exc:
                note = str(exc)
                log.warning("archive ends early: %s", exc)
                break
            if not url:
                break
            try:
                # Redirects of older pages stay within the sites next_url may name.
                page = self._loader.load(url, held.get(url), archive_origins(tuple(pages)))
            except FeedError as exc:
                note = f"an older page could not be loaded: {exc}"
                log.warning("archive ends early: %s", exc)
                break
            pages.append(page)
            if progress:
                progress(len(pages), sum(len(p.feed.items) for p in pages))
            if len(pages) % PUBLISH_EVERY_PAGES == 0:
                self._publish_walk(source, tuple(pages), "")
        return self._publish_walk(source, tuple(pages), note, done=True)

    def replace(self, feed: Feed, source: str) -> Snapshot:
        """Publish a feed built elsewhere (tests, tools) as a single page."""
        with self._lock:
            return self._publish(source, (Page(source, feed, Validators(), now()),), None)

    def _publish_walk(self, source: str, pages: tuple[Page, ...], note: str, *,
                      done: bool = False) -> Snapshot:
        with self._lock:
            current = self._snapshot
            if current.source != source or not current.pages or current.pages[0] is not pages[0]:
                # The first page changed while we walked: the next walk starts from it.
                return current
            if done:
                snapshot = self._publish(source, pages, current.error, note=note, done=True,
                                         error_kind=current.error_kind)
                if not note:
                    # The whole chain is known: copies of pages it no longer links go.
                    self._loader.cache.prune(page.url for page in pages)
                return snapshot
            return self._publish(source, pages, current.error, error_kind=current.error_kind)

    def _publish(self, source: str, pages: tuple[Page, ...], error: str | None, *,
                 note: str = "", done: bool = False, error_kind: str | None = None
                 ) -> Snapshot:
        feed = merge(pages)
        next_url = ""
        if not done:
            try:
                next_url = next_page_url(pages, self._max_pages) or ""
            except FeedError as exc:
                note = str(exc)
        # Fold only items not indexed before (older pages arrive in batches); an item
        # re-parsed from a changed page is a new object and is folded again.
        old = self._snapshot
        unchanged = {item.id for item in feed.items if old.items_by_id.get(item.id) is item}
        fresh = SearchIndex.build([item for item in feed.items if item.id not in unchanged])
        index = SearchIndex({item.id: old.search_index.haystacks[item.id]
                             if item.id in unchanged else fresh.haystacks[item.id]
                             for item in feed.items})
        issues: dict[dt.date, list[Item]] = {}
        for item in feed.items:
            if item.issue_date:
                issues.setdefault(item.issue_date, []).append(item)
        snapshot = Snapshot(
            feed=feed, source=source, loaded_at=pages[0].fetched_at, error=error,
            error_kind=error_kind if error else None,
            items_by_id={item.id: item for item in feed.items},
            search_index=index, pages=pages,
            issue_dates=tuple(sorted(issues, reverse=True)),
            issues={date: tuple(items) for date, items in issues.items()},
            next_url=next_url, archive_note=note, feed_digest=feed_digest(feed))
        log.info("feed %s: %d pages, %d items", source, len(pages), len(feed.items))
        return self._set(snapshot)

    def _fail(self, old: Snapshot, source: str, error: str, error_kind: str) -> Snapshot:
        log.warning("feed load failed: %s", error)
        return self._set(dataclasses.replace(old, source=source, error=error,
                                             error_kind=error_kind))

    def _set(self, snapshot: Snapshot) -> Snapshot:
        snapshot = dataclasses.replace(snapshot, version=content_version(snapshot))
        self._snapshot = snapshot
        return snapshot


def feed_digest(feed: Feed) -> str:
    return hashlib.sha256(msgspec.msgpack.encode((feed.title, feed.offices, feed.items))
                          ).hexdigest()


def content_version(snapshot: Snapshot) -> str:
    """A digest of everything a reader is shown: the items and whether (and since when) they
    come from the last good copy. Equal content gives an equal version in every process."""
    if snapshot.feed is None:
        return "none-failed" if snapshot.error else ""
    digest = hashlib.sha256(snapshot.feed_digest.encode())
    if snapshot.error:
        stamp = snapshot.loaded_at.isoformat() if snapshot.loaded_at else "unknown"
        digest.update(f"\0stale ({snapshot.error_kind}) since {stamp}".encode())
    return digest.hexdigest()[:16]


def _fallback_error(first: Page, source: str) -> str | None:
    if not first.from_cache:
        return None
    reason = first.failure or f"{source}: the server could not be reached"
    if first.fetched_at is None:
        return f"{reason} — showing the last good copy (when it was fetched is not known)"
    return f"{reason} — showing the copy last fetched {first.fetched_at:%Y-%m-%d %H:%M} UTC"


store = FeedStore()

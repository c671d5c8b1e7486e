"""One feed page from its server: a conditional GET (304: nothing is parsed again), parsed
only when new, and the last good copy (feed/page_cache.py) when the server fails or answers
with data that is refused — bad bytes, an invalid feed, or a page that suddenly lost most of
its items, until staff confirm it (`flash-reader accept`).
"""

from __future__ import annotations

import dataclasses
import logging

import httpx

from flash_reader.feed.errors import KIND_SUMMARY, FeedError, FeedShrinkError, kind
from flash_reader.feed.fetch import DEFAULT_LIMITS, FetchLimits, Validators, fetch
from flash_reader.feed.model import Feed
from flash_reader.feed.page import Page, now
from flash_reader.feed.page_cache import CacheRecord, PageCache
from flash_reader.feed.parse import parse

log = logging.getLogger(__name__)
SHRINK_FACTOR = 4  # fewer than a quarter of the last good copy's items: refused


class PageLoader:
    """Fetches one page: conditionally, parsing only new content, falling back to the cache."""

    def __init__(self, cache: PageCache, *, limits: FetchLimits = DEFAULT_LIMITS,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.cache = cache
        self.limits = limits
        self.transport = transport

    def load(self, url: str, held: Page | None = None,
             origins: frozenset[str] | None = None) -> Page:
        """The page at `url`. `held` is the copy in memory, if any (its validators are sent);
        `origins`, the sites every request (each redirect's too) may go to (None: any).

        Raises FeedError when neither the server nor the cache can give the page; when only
        the server fails (or answers with data that is refused), returns the last good copy
        with `from_cache=True` and logs why.
        """
        # The disk copy's metadata is small; its body is parsed only if it is needed (304 or
        # failure), not before every fetch. Its item count guards against a shrunken page.
        record = self.cache.read_metadata(url)
        validators = held.validators if held else record.validators if record else None
        try:
            fetched = self._fetch(url, validators, origins)
            if fetched.not_modified:
                known = held or self._from_disk(url, record)
                if known is not None:
                    page = dataclasses.replace(known, fetched_at=now(), from_cache=False,
                                               failure=None, failure_kind=None)
                    self.cache.touch(url, page)
                    return page
                # "Not modified" for a copy we no longer have: ask for the page itself, or
                # the same validators would be sent (and refused) forever.
                fetched = self._fetch(url, None, origins)
            feed = parse(fetched.body, fetched.url)
            self._refuse_shrink(url, feed, held, record)
        except FeedError as exc:
            return self._fall_back(url, exc, held, record)
        for note in feed.notes:
            log.warning("feed page %s: %s", url, note)
        page = Page(url, feed, fetched.validators, now(), fetched.url)
        self.cache.write(url, fetched.body, page)
        return page

    def kept(self, url: str) -> Page | None:
        """The last good copy of `url` on disk, checked, without asking the server."""
        return self._from_disk(url, self.cache.read_metadata(url))

    def _fetch(self, url: str, validators: Validators | None, origins: frozenset[str] | None):
        return fetch(url, limits=self.limits, transport=self.transport, validators=validators,
                     origins=origins)

    def _fall_back(self, url: str, exc: FeedError, held: Page | None,
                   record: CacheRecord | None) -> Page:
        log.warning("feed page %s failed (%s): %s", url, KIND_SUMMARY[kind(exc)], exc)
        message = str(exc) if url in str(exc) else f"{url}: {exc}"
        known = held or self._from_disk(url, record)
        if known is None:
            raise type(exc)(message) from None
        return dataclasses.replace(known, from_cache=True, failure=message,
                                   failure_kind=kind(exc))

    def _refuse_shrink(self, url: str, feed: Feed, held: Page | None,
                       record: CacheRecord | None) -> None:
        """Raise FeedShrinkError when `feed` lost most of the last good copy's items.

        The disk's count comes first: it is the newest copy any process kept, so once one
        worker accepted a smaller page the others accept it too."""
        new = len(feed.items)
        if record is not None and record.items is not None:
            previous = record.items
        elif held is not None:
            previous = len(held.feed.items)
        else:  # a metadata file from before counts were kept: count the kept copy
            kept = self._from_disk(url, record)
            previous = len(kept.feed.items) if kept else 0
        if previous == 0 or (new > 0 and new * SHRINK_FACTOR >= previous):
            return
        if held is None and self._from_disk(url, record) is None:
            log.warning("feed page %s shrank from %d to %d items, but the last good copy "
                        "cannot be read: the new page is used", url, previous, new)
            return
        if self.cache.take_acceptance(url):
            log.warning("feed page %s: %d items instead of %d, as staff accepted", url, new,
                        previous)
            return
        if new == 0:
            change = f"the page now has no items, but the last good copy had {previous:,}"
        else:
            change = (f"the page now has {new:,} items, fewer than a quarter of the "
                      f"{previous:,} in the last good copy")
        raise FeedShrinkError(f"{url}: {change}; the last good copy is kept. If the change is "
                              f"real, confirm it with: flash-reader accept {url}")

    def _from_disk(self, url: str, record: CacheRecord | None) -> Page | None:
        body = self.cache.read_body(url) if record is not None else None
        if record is None or body is None:
            return None
        try:
            feed = parse(body, record.final_url)
        except FeedError as exc:
            log.warning("ignoring cached copy of %s: %s", url, exc)
            return None
        return Page(url, feed, record.validators, record.fetched_at, record.final_url,
                    from_cache=True)

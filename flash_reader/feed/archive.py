"""A paginated feed (JSON Feed `next_url`), page by page, with a last-good copy on disk.

The first page is loaded at start-up; older pages only when a reader asks for them. Every
page fetched is kept on disk with its ETag/Last-Modified, so a refresh is a conditional GET
(304 → nothing is parsed again) and a server that is down falls back to the last good copy.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

import httpx
import msgspec

from flash_reader.feed.errors import FeedError, FeedFetchError
from flash_reader.feed.fetch import DEFAULT_LIMITS, FetchLimits, Validators, fetch
from flash_reader.feed.model import Feed
from flash_reader.feed.parse import parse

log = logging.getLogger(__name__)
DEFAULT_MAX_PAGES = 400


class FeedLoopError(FeedFetchError):
    """`next_url` points back to a page already read: the archive ends there."""


class PageLimitError(FeedFetchError):
    """More pages than the configured maximum."""


@dataclasses.dataclass(frozen=True, slots=True)
class Page:
    url: str  # as requested
    feed: Feed
    validators: Validators
    fetched_at: dt.datetime  # when the server last confirmed this content (200 or 304)
    final_url: str | None = None
    from_cache: bool = False  # the server could not be reached: this is the last good copy
    failure: str | None = None  # why the server could not give it (with from_cache)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class PageCache:
    """The last good copy of each page: the body as fetched, plus a small JSON of metadata.
    `None` directory: no cache."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.directory is None:
            return None
        stem = hashlib.sha256(url.encode()).hexdigest()[:32]
        return self.directory / f"{stem}.json", self.directory / f"{stem}.body"

    def read_metadata(self, url: str) -> dict | None:
        """The kept copy's URL, validators and time — without reading its body."""
        paths = self._paths(url)
        if paths is None or not paths[0].exists():
            return None
        try:
            return json.loads(paths[0].read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable cache file %s: %s", paths[0], exc)
            return None

    def read_body(self, url: str) -> bytes | None:
        paths = self._paths(url)
        try:
            return paths[1].read_bytes() if paths else None
        except OSError as exc:
            log.warning("ignoring unreadable cache file %s: %s", paths[1], exc)
            return None

    def write(self, url: str, body: bytes | None, page: Page) -> None:
        """Keep `body` (None: keep the body already kept) with the page's metadata."""
        paths = self._paths(url)
        if paths is None:
            return
        record = {"url": url, "final_url": page.final_url, "etag": page.validators.etag,
                  "last_modified": page.validators.last_modified,
                  "fetched_at": page.fetched_at.isoformat()}
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            if body is not None:
                _atomic_write(paths[1], body)
            # Metadata last: a crash never leaves metadata pointing at half a body.
            _atomic_write(paths[0], json.dumps(record, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            log.warning("cannot keep a last-good copy of %s in %s: %s", url, paths[0], exc)

    def touch(self, url: str, page: Page) -> None:
        """Record that the server confirmed the kept copy (its body is not read or rewritten)."""
        if self.read_metadata(url) is not None:
            self.write(url, None, page)


def _atomic_write(path: Path, data: bytes) -> None:
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as tmp:
        tmp.write(data)
    os.replace(tmp.name, path)


class PageLoader:
    """Fetches one page: conditionally, parsing only new content, falling back to the cache."""

    def __init__(self, cache: PageCache, *, limits: FetchLimits = DEFAULT_LIMITS,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.cache = cache
        self.limits = limits
        self.transport = transport

    def load(self, url: str, held: Page | None = None) -> Page:
        """The page at `url`. `held` is the copy in memory, if any (its validators are sent).

        Raises FeedError when neither the server nor the cache can give the page; when only
        the server fails, returns the cached copy with `from_cache=True` and logs why.
        """
        # Without a copy in memory, the disk copy's validators are sent; its body is parsed
        # only if it is needed (304 or failure), not before every fetch.
        metadata = None if held else self.cache.read_metadata(url)
        validators = held.validators if held else _validators(metadata)
        try:
            fetched = fetch(url, limits=self.limits, transport=self.transport,
                            validators=validators)
            known = held or (self._from_disk(url, metadata) if fetched.not_modified else None)
            if fetched.not_modified and known is not None:
                page = dataclasses.replace(known, fetched_at=now(), from_cache=False,
                                           failure=None)
                self.cache.touch(url, page)
                return page
            feed = parse(fetched.body, fetched.url)
        except FeedError as exc:
            log.warning("feed page %s failed: %s", url, exc)
            message = str(exc) if url in str(exc) else f"{url}: {exc}"
            known = held or self._from_disk(url, metadata)
            if known is None:
                raise type(exc)(message) from None
            return dataclasses.replace(known, from_cache=True, failure=message)
        page = Page(url, feed, fetched.validators, now(), fetched.url)
        self.cache.write(url, fetched.body, page)
        return page

    def cached(self, url: str) -> Page | None:
        return self._from_disk(url, self.cache.read_metadata(url))

    def _from_disk(self, url: str, metadata: dict | None) -> Page | None:
        body = self.cache.read_body(url) if metadata is not None else None
        if metadata is None or body is None:
            return None
        try:
            feed = parse(body, metadata.get("final_url"))
            fetched_at = dt.datetime.fromisoformat(metadata["fetched_at"])
        except (FeedError, KeyError, ValueError) as exc:
            log.warning("ignoring cached copy of %s: %s", url, exc)
            return None
        return Page(url, feed, _validators(metadata), fetched_at, metadata.get("final_url"),
                    from_cache=True)


def _validators(metadata: dict | None) -> Validators | None:
    if metadata is None:
        return None
    return Validators(metadata.get("etag"), metadata.get("last_modified"))


def next_page_url(pages: tuple[Page, ...], max_pages: int = DEFAULT_MAX_PAGES) -> str | None:
    """The URL of the next older page, or None at the end. Raises on a loop or too many pages."""
    candidate = pages[-1].feed.next_url if pages else None
    if not candidate:
        return None
    seen = {page.url for page in pages} | {page.final_url for page in pages if page.final_url}
    first = pages[0].feed.feed_url
    if candidate in seen or candidate == first:
        raise FeedLoopError(f"{pages[-1].url}: next_url points back to {candidate}, "
                            "a page already read; the archive ends here")
    if len(pages) >= max_pages:
        raise PageLimitError(f"the archive has more than {max_pages} pages; "
                             "older pages are not loaded")
    return candidate


def merge(pages: tuple[Page, ...]) -> Feed:
    """One feed from all pages read so far: the first page's metadata, items deduplicated."""
    first = pages[0].feed
    items, offices, notes = [], {}, list(first.notes)
    seen: set[str] = set()
    for page in pages:
        for office in page.feed.offices:
            offices.setdefault(office.code, office)
        for item in page.feed.items:
            if item.id in seen:
                notes.append(f"{page.url}: item {item.id!r} already on a newer page, skipped")
                continue
            seen.add(item.id)
            items.append(item)
        if page is not pages[0]:
            notes.extend(f"{page.url}: {note}" for note in page.feed.notes)
    return msgspec.structs.replace(first, items=tuple(items), offices=tuple(offices.values()),
                                   next_url=pages[-1].feed.next_url, notes=tuple(notes))

"""A paginated feed (JSON Feed `next_url`), page by page, with a last-good copy on disk.

The first page is loaded at start-up; older pages only when a reader asks for them. Every
page fetched is kept on disk with its ETag/Last-Modified, so a refresh is a conditional GET
(304 → nothing is parsed again) and a server that is down falls back to the last good copy.
Nothing replaces the last good copy but a usable page: a page that suddenly lost most of its
items is refused until staff confirm it (`flash-reader accept`), and a broken cache file is
ignored, never an obstacle.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import msgspec

from flash_reader.feed.adapter import bounded_notes
from flash_reader.feed.errors import (
    FeedError,
    FeedShrinkError,
    FeedValidationError,
    Kind,
    kind,
)
from flash_reader.feed.fetch import (
    DEFAULT_LIMITS,
    FetchLimits,
    Validators,
    clean_validator,
    fetch,
)
from flash_reader.feed.model import Feed
from flash_reader.feed.parse import parse

log = logging.getLogger(__name__)
DEFAULT_MAX_PAGES = 400
SHRINK_FACTOR = 4  # fewer than a quarter of the last good copy's items: refused
ACCEPT_SECONDS = 24 * 3600  # how long a staff acceptance waits for the smaller page
ORPHAN_SECONDS = 60  # a *.tmp older than this is left over from a crash, not being written
MAX_MERGED_NOTES = 200
MAX_METADATA_BYTES = 64 * 1024  # a metadata file is a few hundred bytes
MAX_URL_CHARS_IN_MESSAGES = 200
ORIGINS_ENV = "FLASH_FEED_ALLOWED_ORIGINS"
_CACHE_FILE = re.compile(r"[0-9a-f]{32}\.(json|body|accept)")


class FeedLoopError(FeedValidationError):
    """`next_url` points back to a page already read: the archive ends there."""


class FeedOriginError(FeedValidationError):
    """`next_url` points to another site than the first page's: the archive ends there."""


class PageLimitError(FeedError):
    """More pages than the configured maximum."""


@dataclasses.dataclass(frozen=True, slots=True)
class Page:
    url: str  # as requested
    feed: Feed
    validators: Validators
    fetched_at: dt.datetime  # when the server last confirmed this content (200 or 304)
    final_url: str | None = None
    from_cache: bool = False  # the server could not give it: this is the last good copy
    failure: str | None = None  # why the server could not give it (with from_cache)
    # "fetch": the server could not be reached or answered with an error;
    # "data": it answered with data that was refused (bad bytes, invalid, shrunk).
    failure_kind: Kind | None = None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclasses.dataclass(frozen=True, slots=True)
class CacheRecord:
    """The metadata kept beside a page's body, checked field by field when read."""

    url: str
    final_url: str | None
    validators: Validators
    fetched_at: dt.datetime
    items: int | None  # None in files written before the count was kept


class PageCache:
    """The last good copy of each page: the body as fetched, plus a small JSON of metadata.
    `None` directory: no cache. Creating it removes `*.tmp` files left by a crash."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._remove_orphans()

    def _stem(self, url: str) -> str:
        return hashlib.sha256(url.encode()).hexdigest()[:32]

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.directory is None:
            return None
        stem = self._stem(url)
        return self.directory / f"{stem}.json", self.directory / f"{stem}.body"

    def read_metadata(self, url: str) -> CacheRecord | None:
        """The kept copy's URL, validators and time — without reading its body. A file that
        cannot be read or makes no sense is ignored (and logged): the server is asked afresh."""
        paths = self._paths(url)
        if paths is None or not paths[0].exists():
            return None
        try:
            with paths[0].open("rb") as file:
                text = file.read(MAX_METADATA_BYTES + 1)
            if len(text) > MAX_METADATA_BYTES:
                raise ValueError(f"over {MAX_METADATA_BYTES:,} bytes")
            return _record(json.loads(text.decode("utf-8")), url)
        except (OSError, ValueError, RecursionError) as exc:
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
                  "fetched_at": page.fetched_at.isoformat(), "items": len(page.feed.items)}
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

    def accept(self, url: str) -> Path:
        """Staff confirm that `url` really lost most of its items: the next smaller answer
        (within ACCEPT_SECONDS) replaces the last good copy. Raises OSError, ValueError."""
        if self.directory is None:
            raise ValueError("the cache is off (FLASH_CACHE_DIR=off): there is nothing to accept")
        marker = self.directory / f"{self._stem(url)}.accept"
        self.directory.mkdir(parents=True, exist_ok=True)
        _atomic_write(marker, json.dumps({"url": url, "accepted_at": now().isoformat()},
                                         ensure_ascii=False).encode("utf-8"))
        return marker

    def take_acceptance(self, url: str) -> bool:
        """True once after `accept(url)`: the marker is used up (any process may take it)."""
        if self.directory is None:
            return False
        marker = self.directory / f"{self._stem(url)}.accept"
        try:
            fresh = time.time() - marker.stat().st_mtime < ACCEPT_SECONDS
            marker.unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:  # a marker that cannot be removed must not be honoured forever
            log.warning("cannot use the acceptance %s: %s", marker, exc)
            return False
        return fresh

    def prune(self, keep_urls: Iterable[str]) -> int:
        """Remove the kept pages whose URL is not in `keep_urls` (pages no longer linked from
        the chain); other files in the directory are left alone. Returns how many files went."""
        if self.directory is None:
            return 0
        keep = {self._stem(url) for url in keep_urls}
        removed = 0
        try:
            names = [path for path in self.directory.iterdir()
                     if _CACHE_FILE.fullmatch(path.name) and path.name[:32] not in keep]
        except OSError as exc:
            log.warning("cannot list the cache %s: %s", self.directory, exc)
            return 0
        for path in names:
            try:
                path.unlink()
                removed += 1
            except OSError as exc:
                log.warning("cannot remove %s from the cache: %s", path, exc)
        if removed:
            log.info("cache %s: removed %d files of pages no longer linked", self.directory,
                     removed)
        return removed

    def _remove_orphans(self) -> None:
        if self.directory is None:
            return
        cutoff = time.time() - ORPHAN_SECONDS  # younger ones may be another worker's write
        try:
            orphans = [path for path in self.directory.glob("*.tmp")
                       if path.stat().st_mtime < cutoff]
        except OSError as exc:
            log.warning("cannot list the cache %s: %s", self.directory, exc)
            return
        for path in orphans:
            try:
                path.unlink()
                log.info("removed %s, left over from an interrupted write", path)
            except OSError as exc:
                log.warning("cannot remove %s: %s", path, exc)


def _record(value: object, url: str) -> CacheRecord:
    """Check every field of a metadata file; raises ValueError naming the first bad one."""
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, found {type(value).__name__}")
    if value.get("url") != url:
        raise ValueError("it belongs to another URL")
    final_url = value.get("final_url")
    if final_url is not None and not isinstance(final_url, str):
        raise ValueError("'final_url' is not text")
    etag, last_modified = value.get("etag"), value.get("last_modified")
    for name, field in (("etag", etag), ("last_modified", last_modified)):
        if field is not None and clean_validator(field) is None:
            raise ValueError(f"'{name}' is not a header value")
    fetched_at = value.get("fetched_at")
    if not isinstance(fetched_at, str):
        raise ValueError("'fetched_at' is not a date")
    when = dt.datetime.fromisoformat(fetched_at)  # ValueError when not a date
    if when.tzinfo is None:
        raise ValueError("'fetched_at' has no time zone")
    items = value.get("items")
    if items is not None and (type(items) is not int or items < 0):
        raise ValueError("'items' is not a count")
    return CacheRecord(url, final_url, Validators(etag, last_modified), when, items)


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
        the server fails (or answers with data that is refused), returns the last good copy
        with `from_cache=True` and logs why.
        """
        # The disk copy's metadata is small; its body is parsed only if it is needed (304 or
        # failure), not before every fetch. Its item count guards against a shrunken page.
        record = self.cache.read_metadata(url)
        validators = held.validators if held else record.validators if record else None
        try:
            fetched = self._fetch(url, validators)
            if fetched.not_modified:
                known = held or self._from_disk(url, record)
                if known is not None:
                    page = dataclasses.replace(known, fetched_at=now(), from_cache=False,
                                               failure=None, failure_kind=None)
                    self.cache.touch(url, page)
                    return page
                # "Not modified" for a copy we no longer have: ask for the page itself, or
                # the same validators would be sent (and refused) forever.
                fetched = self._fetch(url, None)
            feed = parse(fetched.body, fetched.url)
            self._refuse_shrink(url, feed, held, record)
        except FeedError as exc:
            return self._fall_back(url, exc, held, record)
        for note in feed.notes:
            log.warning("feed page %s: %s", url, note)
        page = Page(url, feed, fetched.validators, now(), fetched.url)
        self.cache.write(url, fetched.body, page)
        return page

    def _fetch(self, url: str, validators: Validators | None):
        return fetch(url, limits=self.limits, transport=self.transport, validators=validators)

    def _fall_back(self, url: str, exc: FeedError, held: Page | None,
                   record: CacheRecord | None) -> Page:
        log.warning("feed page %s failed: %s", url, exc)
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


def origin(url: str | None) -> str | None:
    """scheme://host:port of an http(s) URL (default ports spelled out), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    return f"{scheme}://{parts.hostname}:{port or (443 if scheme == 'https' else 80)}"


def allowed_origins_from_env(environ: Mapping[str, str] = os.environ) -> frozenset[str]:
    """FLASH_FEED_ALLOWED_ORIGINS: further sites older pages may be read from (space or
    comma separated, e.g. `https://archive.example.org`)."""
    allowed = set()
    for entry in re.split(r"[\s,]+", environ.get(ORIGINS_ENV, "").strip()):
        if entry and (site := origin(entry)) is None:
            log.warning("%s: %r is not an http(s) origin; ignored", ORIGINS_ENV, entry)
        elif entry:
            allowed.add(site)
    return frozenset(allowed)


def next_page_url(pages: tuple[Page, ...], max_pages: int = DEFAULT_MAX_PAGES,
                  allowed_origins: Collection[str] | None = None) -> str | None:
    """The URL of the next older page, or None at the end. Raises on a loop, on a page of
    another site than the first page's (and `allowed_origins`; None: FLASH_FEED_ALLOWED_ORIGINS)
    or on too many pages."""
    candidate = pages[-1].feed.next_url if pages else None
    if not candidate:
        return None
    shown = _shorten(candidate)
    seen = {page.url for page in pages} | {page.final_url for page in pages if page.final_url}
    first = pages[0].feed.feed_url
    if candidate in seen or candidate == first:
        raise FeedLoopError(f"{pages[-1].url}: next_url points back to {shown}, "
                            "a page already read; the archive ends here")
    extra = allowed_origins_from_env() if allowed_origins is None else allowed_origins
    own = {origin(pages[0].url), origin(pages[0].final_url)} - {None}
    site = origin(candidate)
    if site is None or site not in own | {origin(entry) for entry in extra}:
        raise FeedOriginError(
            f"{pages[-1].url}: next_url points to another site ({shown}); older pages are "
            f"only read from the first page's site unless {ORIGINS_ENV} lists it; "
            "the archive ends here")
    if len(pages) >= max_pages:
        raise PageLimitError(f"the archive has more than {max_pages} pages; "
                             "older pages are not loaded")
    return candidate


def _shorten(url: str) -> str:
    return url if len(url) <= MAX_URL_CHARS_IN_MESSAGES else (
        url[:MAX_URL_CHARS_IN_MESSAGES] + "…")


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
                notes.append(f"{page.url}: item {item.id[:60]!r} already on a newer page, "
                             "skipped")
                continue
            seen.add(item.id)
            items.append(item)
        if page is not pages[0]:
            notes.extend(f"{page.url}: {note}" for note in page.feed.notes)
    return msgspec.structs.replace(first, items=tuple(items), offices=tuple(offices.values()),
                                   next_url=pages[-1].feed.next_url,
                                   notes=bounded_notes(notes, MAX_MERGED_NOTES))

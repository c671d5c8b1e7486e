"""The last good copy of each feed page, on disk: the body as fetched and a small JSON of its
metadata (URL, ETag/Last-Modified, when the server last confirmed it, how many items).

A refresh sends the kept validators, so an unchanged page costs a 304 and no parsing; a server
that is down falls back to the kept copy. A kept file that is broken or makes no sense is
ignored (and logged), never an obstacle. Staff acceptances of a page that really lost most of
its items (`flash-reader accept`) are kept here too, as markers any worker process may use up.
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
from collections.abc import Iterable
from pathlib import Path

from flash_reader.feed.fetch import Validators, clean_validator
from flash_reader.feed.page import Page, now

log = logging.getLogger(__name__)
ACCEPT_SECONDS = 24 * 3600  # how long a staff acceptance waits for the smaller page
ORPHAN_SECONDS = 60  # a *.tmp older than this is left over from a crash, not being written
MAX_METADATA_BYTES = 64 * 1024  # a metadata file is a few hundred bytes
_CACHE_FILE = re.compile(r"[0-9a-f]{32}\.(json|body|accept)")


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

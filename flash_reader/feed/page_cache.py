"""The last good copy of each feed page, on disk: the body as fetched and a small JSON of its
metadata (URL, ETag/Last-Modified, when the server last confirmed it, how many items).

A refresh sends the kept validators, so an unchanged page costs a 304 and no parsing; a server
that is down falls back to the kept copy. A kept file that is broken or makes no sense is
ignored (and logged), never an obstacle. Staff acceptances of a page that really lost most of
its items (`flash-reader accept`) are kept here too, as markers any worker process may use up.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import re
import stat
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
MAX_BODY_BYTES = 64 * 1024 * 1024  # far over any feed page's fetch limit: not ours
CLOCK_SLACK = dt.timedelta(minutes=5)  # a fetched_at later than now + this is not a date
_CACHE_FILE = re.compile(r"[0-9a-f]{32}\.(json|body|accept)")


@dataclasses.dataclass(frozen=True, slots=True)
class CacheRecord:
    """The metadata kept beside a page's body, checked field by field when read."""

    url: str
    final_url: str | None
    validators: Validators
    fetched_at: dt.datetime | None  # None: not known (the metadata was unusable)
    items: int | None  # None in files written before the count was kept, or unusable


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
        """The kept copy's URL, validators and time — without reading its body. Metadata that
        cannot be read or makes no sense is ignored (and logged), but a kept body is still a
        copy: the record then says nothing but that (no validators, no time, no count), and
        the body is parsed — re-validated — before it is used."""
        paths = self._paths(url)
        if paths is None:
            return None
        try:
            text = _read_regular(paths[0], MAX_METADATA_BYTES)
            if text is None:
                raise ValueError("missing")
            return _record(json.loads(text.decode("utf-8")), url)
        except (OSError, ValueError, RecursionError) as exc:
            if not _is_regular(paths[1]):
                if paths[0].exists() or paths[0].is_symlink():
                    log.warning("ignoring unreadable cache file %s: %s", paths[0], exc)
                return None
            log.warning("cache file %s is unusable (%s): the kept copy %s is checked and "
                        "used without it", paths[0], exc, paths[1].name)
            return CacheRecord(url, None, Validators(), None, None)

    def read_body(self, url: str) -> bytes | None:
        paths = self._paths(url)
        if paths is None:
            return None
        try:
            return _read_regular(paths[1], MAX_BODY_BYTES)
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable cache file %s: %s", paths[1], exc)
            return None

    def write(self, url: str, body: bytes | None, page: Page) -> None:
        """Keep `body` (None: keep the body already kept) with the page's metadata."""
        paths = self._paths(url)
        if paths is None:
            return
        record = {"url": url, "final_url": page.final_url, "etag": page.validators.etag,
                  "last_modified": page.validators.last_modified,
                  "fetched_at": page.fetched_at.isoformat() if page.fetched_at else None,
                  "items": len(page.feed.items)}
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("cannot keep a last-good copy of %s: cannot create %s: %s", url,
                        paths[0].parent, exc)
            return
        # Metadata last: a crash never leaves metadata pointing at half a body.
        for path, data in ((paths[1], body),
                           (paths[0], json.dumps(record, ensure_ascii=False).encode("utf-8"))):
            if data is None:
                continue
            try:
                _atomic_write(path, data)
            except OSError as exc:
                log.warning("cannot keep a last-good copy of %s: writing %s failed: %s", url,
                            path, exc)
                return

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
    when = _fetched_at(value.get("fetched_at"))
    items = value.get("items")
    if items is not None and (type(items) is not int or items < 0):
        raise ValueError("'items' is not a count")
    return CacheRecord(url, final_url, Validators(etag, last_modified), when, items)


def _fetched_at(value: object) -> dt.datetime | None:
    """When the server last confirmed the copy; None when that is not known, or is a time
    that has not come yet (a clock that was wrong, a hand edit): never shown as a date."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("'fetched_at' is not a date")
    when = dt.datetime.fromisoformat(value)  # ValueError when not a date
    if when.tzinfo is None:
        raise ValueError("'fetched_at' has no time zone")
    if when > now() + CLOCK_SLACK:
        log.warning("a kept copy says it was fetched at %s, which has not come yet: the time "
                    "is not shown", when.isoformat())
        return None
    return when


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file (None: no file), at most `limit`. A FIFO, device, socket
    or folder in its place raises ValueError without being opened: opening a FIFO waits for a
    writer, and start-up must never wait."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("not a regular file")
    if info.st_size > limit:
        raise ValueError(f"over {limit:,} bytes")
    # O_NONBLOCK: should a FIFO take the file's place after the check, open() does not wait.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"over {limit:,} bytes")
    return data


def _atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flushed to disk, then rename it over `path`
    and flush the folder: after a crash or power loss, `path` is the old file or the new one.
    A failed write removes its temporary file (a full disk must not fill up further)."""
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as tmp:
        try:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        except BaseException:
            tmp.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp.name)
            raise
    try:
        os.replace(tmp.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp.name)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # some file systems cannot open a folder: the rename stands unflushed
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

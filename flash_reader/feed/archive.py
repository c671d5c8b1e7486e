"""The archive: a paginated feed (JSON Feed `next_url`) followed from page to page, and the
pages read so far merged into one feed.

`next_url` is followed only within the first page's site (or the sites
FLASH_FEED_ALLOWED_ORIGINS lists), never back to a page already read, and for at most a set
number of pages; each page comes from feed/page_loader.py.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Collection, Mapping

import msgspec

from flash_reader.feed.adapter import bounded_notes
from flash_reader.feed.errors import FeedLoopError, FeedOriginError, PageLimitError
from flash_reader.feed.fetch import origin
from flash_reader.feed.model import Feed
from flash_reader.feed.page import Page

log = logging.getLogger(__name__)
DEFAULT_MAX_PAGES = 400
MAX_MERGED_NOTES = 200
MAX_URL_CHARS_IN_MESSAGES = 200
ORIGINS_ENV = "FLASH_FEED_ALLOWED_ORIGINS"


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
    site = origin(candidate)
    if site is None or site not in archive_origins(pages, allowed_origins):
        raise FeedOriginError(
            f"{pages[-1].url}: next_url points to another site ({shown}); older pages are "
            f"only read from the first page's site unless {ORIGINS_ENV} lists it; "
            "the archive ends here")
    if len(pages) >= max_pages:
        raise PageLimitError(f"the archive has more than {max_pages} pages; "
                             "older pages are not loaded")
    return candidate


def archive_origins(pages: tuple[Page, ...],
                    allowed_origins: Collection[str] | None = None) -> frozenset[str]:
    """The sites older pages may come from — every hop of a redirect included: the first
    page's (as asked and as answered) and `allowed_origins` (None: FLASH_FEED_ALLOWED_ORIGINS)."""
    extra = allowed_origins_from_env() if allowed_origins is None else allowed_origins
    sites = {origin(pages[0].url), origin(pages[0].final_url)} if pages else set()
    return frozenset((sites | {origin(entry) for entry in extra}) - {None})


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

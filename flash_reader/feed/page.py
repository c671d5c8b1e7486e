"""One page of a paginated feed as loaded: its feed, the validators of a conditional GET, and
whether it is the server's answer or the last good copy kept on disk."""

from __future__ import annotations

import dataclasses
import datetime as dt

from flash_reader.feed.errors import Kind
from flash_reader.feed.fetch import Validators
from flash_reader.feed.model import Feed


@dataclasses.dataclass(frozen=True, slots=True)
class Page:
    url: str  # as requested
    feed: Feed
    validators: Validators
    # When the server last confirmed this content (200 or 304); None for a kept copy whose
    # time is not known.
    fetched_at: dt.datetime | None
    final_url: str | None = None
    from_cache: bool = False  # the server could not give it: this is the last good copy
    failure: str | None = None  # why the server could not give it (with from_cache)
    # "fetch": no answer; "status": an error answer (HTTP status, endless redirects);
    # "data": it answered with data that was refused (bad bytes, invalid, shrunk).
    failure_kind: Kind | None = None


def now() -> dt.datetime:
    """Now, with its time zone: a kept `fetched_at` without one is refused as not ours."""
    return dt.datetime.now(dt.UTC)

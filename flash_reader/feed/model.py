"""The reader's model of a feed: immutable, already trimmed, sanitised and resolved.

Nothing in here is raw input: text is plain text, URLs are absolute http(s)/mailto.
"""

from __future__ import annotations

import datetime as dt

import msgspec


class Office(msgspec.Struct, frozen=True, gc=False):
    """An overseas office. `code` is empty when the feed does not say which office."""

    code: str
    name: str

    @property
    def known(self) -> bool:
        return bool(self.code)


UNKNOWN_OFFICE = Office(code="", name="事務所不明")


class Span(msgspec.Struct, frozen=True, gc=False):
    """A run of plain text, optionally a link."""

    text: str
    href: str | None = None


Paragraph = tuple[Span, ...]


class Photo(msgspec.Struct, frozen=True, gc=False):
    """An item's photo. `url` is None when the photo itself is not available."""

    caption: str
    url: str | None = None
    file_name: str | None = None


class Item(msgspec.Struct, frozen=True, gc=False):
    id: str
    title: str
    office: Office
    issue_date: dt.date | None
    paragraphs: tuple[Paragraph, ...]
    photo: Photo | None = None
    url: str | None = None
    published: dt.datetime | None = None
    link_lost: bool = False
    more_photos: tuple[Photo, ...] = ()  # after the first, when the item has several


class Feed(msgspec.Struct, frozen=True, gc=False):
    title: str
    items: tuple[Item, ...]
    offices: tuple[Office, ...] = ()
    home_page_url: str | None = None
    feed_url: str | None = None
    next_url: str | None = None
    description: str | None = None
    language: str | None = None
    # What was dropped, each naming the item or field: items skipped (no id, a repeated id, a
    # wrong-typed field, a bad date), wrong-typed optional feed fields ignored. For the log and
    # `flash-reader validate`; at most adapter.MAX_NOTES (+1 summary line) per page.
    notes: tuple[str, ...] = ()

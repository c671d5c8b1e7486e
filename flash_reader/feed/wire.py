"""JSON Feed 1.0/1.1 as it arrives on the wire, plus the `_flash` extension.

Types are loose on purpose (strings may be missing or blank): the adapter decides what
is usable. Unknown fields are ignored, so newer feeds still load.
See docs/feed-format.md.
"""

from __future__ import annotations

import msgspec


class WireAuthor(msgspec.Struct):
    name: str | None = None
    url: str | None = None


class WireOffice(msgspec.Struct):
    code: str
    name: str


class WireFeedFlash(msgspec.Struct):
    about: str | None = None
    offices: list[WireOffice] = []


class WireItemFlash(msgspec.Struct):
    office: str | None = None
    office_name: str | None = None
    issue_date: str | None = None
    photo_caption: str | None = None
    photo_file: str | None = None
    link_lost: bool = False


class WireItem(msgspec.Struct):
    # JSON Feed 1.0 allowed numeric ids; the spec says to coerce them to strings.
    id: str | int | None = None
    url: str | None = None
    external_url: str | None = None
    title: str | None = None
    content_html: str | None = None
    content_text: str | None = None
    summary: str | None = None
    image: str | None = None
    banner_image: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    tags: list[str] | None = None
    language: str | None = None
    flash: WireItemFlash | None = msgspec.field(default=None, name="_flash")


class WireFeed(msgspec.Struct):
    version: str
    title: str
    # Items are decoded one by one so that an error can name the item it is in.
    items: list[msgspec.Raw]
    home_page_url: str | None = None
    feed_url: str | None = None
    description: str | None = None
    next_url: str | None = None
    language: str | None = None
    flash: WireFeedFlash | None = msgspec.field(default=None, name="_flash")

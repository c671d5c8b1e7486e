"""JSON Feed 1.0/1.1 as it arrives on the wire, plus the `_flash` extension.

Types are loose on purpose (strings may be missing or blank): the adapter decides what
is usable. Unknown fields are ignored, so newer feeds still load. Only the required fields
(`version`, `items`) can reject a feed — a missing or wrong-typed `title` falls back, with a
note, as a blank one does; a wrong-typed optional field is dropped with a note, and items are
decoded one by one by the adapter, so one bad item is skipped alone.
See docs/feed-format.md.
"""

from __future__ import annotations

import dataclasses

import msgspec

from flash_reader.feed.errors import FeedFormatError, FeedValidationError, describe_validation


class WireOffice(msgspec.Struct):
    code: str
    name: str


@dataclasses.dataclass(frozen=True, slots=True)
class WireFeedFlash:
    about: str | None = None
    offices: tuple[WireOffice, ...] = ()


class WireItemFlash(msgspec.Struct):
    office: str | None = None
    office_name: str | None = None
    issue_date: str | None = None
    photo_caption: str | None = None
    photo_file: str | None = None
    link_lost: bool = False
    # Every photo of an item that has several ({file, caption, url}); checked field by field
    # in the adapter, so one odd entry costs that photo, never the item or the feed.
    photos: object = None


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


@dataclasses.dataclass(frozen=True, slots=True)
class WireFeed:
    version: str
    title: str
    items: list[msgspec.Raw]
    home_page_url: str | None = None
    feed_url: str | None = None
    description: str | None = None
    next_url: str | None = None
    language: str | None = None
    flash: WireFeedFlash | None = None


_fields = msgspec.json.Decoder(dict[str, msgspec.Raw])
_object = msgspec.json.Decoder(dict[str, msgspec.Raw] | None)
_text = msgspec.json.Decoder(str | None)
_raw_list = msgspec.json.Decoder(list[msgspec.Raw])
_raw_list_or_null = msgspec.json.Decoder(list[msgspec.Raw] | None)
_office = msgspec.json.Decoder(WireOffice)
_REQUIRED = {"version": msgspec.json.Decoder(str), "items": _raw_list}
_OPTIONAL_TEXT = ("home_page_url", "feed_url", "description", "next_url", "language")


def decode_feed(data: bytes, notes: list[str]) -> WireFeed:
    """The feed's fields; wrong-typed optional ones are left out with a note in `notes`."""
    try:
        fields = _fields.decode(data)
    except msgspec.ValidationError as exc:
        raise FeedValidationError(describe_validation("feed", str(exc))) from None
    except msgspec.DecodeError as exc:
        raise FeedFormatError(f"not a JSON document: {exc}") from None
    required = {}
    for name, decoder in _REQUIRED.items():
        if name not in fields:
            raise FeedValidationError(f"feed: required field '{name}' is missing")
        try:
            required[name] = decoder.decode(fields[name])
        except msgspec.ValidationError as exc:
            raise FeedValidationError(describe_field("feed", name, exc)) from None
    # JSON Feed requires a title, but a feed without a usable one still has news: the adapter
    # gives it the bulletin's name, as it does a blank title.
    if "title" not in fields:
        notes.append("feed: required field 'title' is missing — the bulletin's name is shown")
        title = ""
    else:
        title = _optional(fields, "title", _text, notes) or ""
    optional = {name: _optional(fields, name, _text, notes) for name in _OPTIONAL_TEXT}
    return WireFeed(**required, title=title, **optional, flash=_feed_flash(fields, notes))


def describe_field(where: str, name: str, exc: msgspec.ValidationError) -> str:
    """msgspec's message for a value decoded on its own, named after the field it came from."""
    text, _, path = str(exc).partition(" - at `$")
    return describe_validation(where, f"{text} - at `$.{name}{path.rstrip('`')}`")


def _optional(fields: dict[str, msgspec.Raw], name: str, decoder: msgspec.json.Decoder,
              notes: list[str], prefix: str = ""):
    raw = fields.get(name)
    if raw is None:
        return None
    try:
        return decoder.decode(raw)
    except msgspec.ValidationError as exc:
        notes.append(f"{describe_field('feed', prefix + name, exc)} — this field was ignored")
        return None


def _feed_flash(fields: dict[str, msgspec.Raw], notes: list[str]) -> WireFeedFlash | None:
    flash = _optional(fields, "_flash", _object, notes)
    if flash is None:
        return None
    offices = []
    listed = _optional(flash, "offices", _raw_list_or_null, notes, "_flash.") or ()
    for index, raw in enumerate(listed):
        try:
            offices.append(_office.decode(raw))
        except msgspec.ValidationError as exc:
            notes.append(f"{describe_field('feed', f'_flash.offices[{index}]', exc)} "
                         "— this office was ignored")
    return WireFeedFlash(_optional(flash, "about", _text, notes, "_flash."), tuple(offices))

"""Wire structs → model: trim, fall back, resolve URLs, sanitise, name every problem.

One bad item never rejects the page: it is skipped with a note naming it and the field."""

from __future__ import annotations

import datetime as dt

import msgspec

from flash_reader.feed import sanitize
from flash_reader.feed.errors import FeedValidationError, describe_validation
from flash_reader.feed.model import UNKNOWN_OFFICE, Feed, Item, Office, Photo
from flash_reader.feed.wire import WireFeed, WireItem

JST = dt.timezone(dt.timedelta(hours=9), "JST")
FALLBACK_TITLE_CHARS = 40
MAX_ITEMS_PER_PAGE = 10_000  # larger archives must be paged with next_url
MAX_NOTES = 100
QUOTE_CHARS = 60
_item_decoder = msgspec.json.Decoder(WireItem)


def adapt_feed(wire: WireFeed, base_url: str | None, notes: list[str] | None = None) -> Feed:
    """The model of a decoded feed. `notes` (from decoding) grows by every item skipped."""
    notes = [] if notes is None else notes
    # Spaces around the URL (a hand-written or templated feed) change nothing it means.
    if not wire.version.strip().startswith("https://jsonfeed.org/version/1"):
        raise FeedValidationError(
            f"field 'version' is {_quote(wire.version)}: expected a JSON Feed version such as "
            "'https://jsonfeed.org/version/1.1'"
        )
    if len(wire.items) > MAX_ITEMS_PER_PAGE:
        raise FeedValidationError(
            f"the feed has {len(wire.items):,} items on one page; at most "
            f"{MAX_ITEMS_PER_PAGE:,} are accepted (split it into pages linked by next_url)")
    base = base_url or sanitize.safe_url(wire.feed_url, None, sanitize.SAFE_IMAGE_SCHEMES)
    offices = {}
    for office in wire.flash.offices if wire.flash else ():
        code = sanitize.clean_text(office.code).upper()
        if code:
            offices[code] = Office(code, sanitize.clean_text(office.name) or code)
    items: list[Item] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(wire.items, start=1):
        item = _item_or_note(raw, index, base, offices, notes)
        if item is None:
            continue
        if item.id in seen:
            notes.append(f"item {index} repeats the id {_quote(item.id)} of item "
                         f"{seen[item.id]} and was skipped")
            continue
        seen[item.id] = index
        items.append(item)
        if item.office.known and item.office.code not in offices:
            offices[item.office.code] = item.office
    return Feed(
        title=sanitize.clean_text(wire.title) or "海外事務所フラッシュ",
        items=tuple(items),
        offices=tuple(offices.values()),
        home_page_url=sanitize.safe_url(wire.home_page_url, base, sanitize.SAFE_IMAGE_SCHEMES),
        feed_url=sanitize.safe_url(wire.feed_url, base, sanitize.SAFE_IMAGE_SCHEMES),
        next_url=sanitize.safe_url(wire.next_url, base, sanitize.SAFE_IMAGE_SCHEMES),
        description=sanitize.clean_text(wire.description) or None,
        language=sanitize.clean_text(wire.language) or None,
        notes=bounded_notes(notes),
    )


def bounded_notes(notes: list[str], limit: int = MAX_NOTES) -> tuple[str, ...]:
    """At most `limit` notes: a feed of 10,000 bad items must not make 10,000 log lines."""
    if len(notes) <= limit:
        return tuple(notes)
    return (*notes[:limit], f"… and {len(notes) - limit:,} more problems like these")


def _item_or_note(raw: msgspec.Raw, index: int, base: str | None, offices: dict[str, Office],
                  notes: list[str]) -> Item | None:
    """The item, or None with a note naming it and the field that made it unusable."""
    try:
        wire = _item_decoder.decode(raw)
    except msgspec.ValidationError as exc:
        notes.append(f"{describe_validation(_where(index, _raw_id(raw)), str(exc))} "
                     "— this item was skipped")
        return None
    try:
        item = adapt_item(wire, index, base, offices)
    except FeedValidationError as exc:
        notes.append(f"{exc} — this item was skipped")
        return None
    if item is None:
        notes.append(f"item {index} has no 'id' and was skipped (the JSON Feed spec requires one)")
    return item


class _ItemId(msgspec.Struct):
    id: object = None


_id_decoder = msgspec.json.Decoder(_ItemId)


def _raw_id(raw: msgspec.Raw) -> str:
    """The id of an item that cannot be decoded, if it has a usable one (to name the item)."""
    try:
        value = _id_decoder.decode(raw).id
    except msgspec.ValidationError:
        return ""
    return sanitize.clean_text(str(value)) if isinstance(value, str | int) else ""


def _where(index: int, item_id: str) -> str:
    return f"item {index} (id {_quote(item_id)})" if item_id else f"item {index}"


def _quote(value: str) -> str:
    """A feed's text quoted in a message, cut short: messages are bounded like everything else."""
    return repr(value if len(value) <= QUOTE_CHARS else value[:QUOTE_CHARS] + "…")


def adapt_item(wire: WireItem, index: int, base: str | None,
               offices: dict[str, Office]) -> Item | None:
    item_id = sanitize.clean_text(str(wire.id)) if wire.id is not None else ""
    if not item_id:
        return None
    where = _where(index, item_id)
    flash = wire.flash
    paragraphs = (sanitize.html_to_paragraphs(wire.content_html, base)
                  or sanitize.text_to_paragraphs(wire.content_text)
                  or sanitize.text_to_paragraphs(wire.summary))
    published = _parse_datetime(wire.date_published, where, "date_published")
    issue_date = _parse_date(flash.issue_date, where) if flash and flash.issue_date else None
    if issue_date is None and published is not None:
        issue_date = published.astimezone(JST).date()
    photo = _photo(wire, base)
    more = _more_photos(wire, base, photo)
    return Item(
        id=item_id,
        title=sanitize.clean_text(wire.title) or _fallback_title(paragraphs),
        office=_office(flash, offices),
        issue_date=issue_date,
        paragraphs=_without_captions(paragraphs, (photo, *more)),
        photo=photo,
        more_photos=more,
        url=sanitize.safe_url(wire.url or wire.external_url, base, sanitize.SAFE_IMAGE_SCHEMES),
        published=published,
        link_lost=bool(flash and flash.link_lost),
    )


def _office(flash, offices: dict[str, Office]) -> Office:
    if flash is None:
        return UNKNOWN_OFFICE
    code = sanitize.clean_text(flash.office).upper()
    name = sanitize.clean_text(flash.office_name)
    if code in offices:
        return offices[code]
    if code:
        return Office(code, name or code)
    return UNKNOWN_OFFICE


def _photo(wire: WireItem, base: str | None) -> Photo | None:
    url = sanitize.safe_url(wire.image or wire.banner_image, base, sanitize.SAFE_IMAGE_SCHEMES)
    flash = wire.flash
    return _photo_of(url, flash.photo_caption if flash else None,
                     flash.photo_file if flash else None)


def _photo_of(url: str | None, caption: str | None, file_name: str | None) -> Photo | None:
    """A photo from its checked URL and raw caption and file name; None when all are empty."""
    caption = sanitize.clean_text(caption)
    file_name = sanitize.clean_text(file_name) or None
    if not (url or caption or file_name):
        return None
    return Photo(caption=caption, url=url, file_name=file_name)


MAX_PHOTOS = 10  # per item; a feed offering more is showing something else


def _more_photos(wire: WireItem, base: str | None, first: Photo | None) -> tuple[Photo, ...]:
    """The item's other photos (`_flash.photos` after the first), each with its caption."""
    listed = wire.flash.photos if wire.flash and isinstance(wire.flash.photos, list) else []
    photos = []
    for entry in listed[:MAX_PHOTOS]:
        if not isinstance(entry, dict):
            continue
        fields = {key: entry.get(key) if isinstance(entry.get(key), str) else None
                  for key in ("file", "caption", "url")}
        url = sanitize.safe_url(fields["url"], base, sanitize.SAFE_IMAGE_SCHEMES)
        if photo := _photo_of(url, fields["caption"], fields["file"]):
            photos.append(photo)
    # The first is the item's `image` and `photo_caption` already.
    if photos and first is not None and (photos[0].url, photos[0].caption) == (
            first.url, first.caption):
        photos = photos[1:]
    return tuple(photos)


def _without_captions(paragraphs, photos: tuple[Photo | None, ...]):
    """Feeds for people without figures (ours included) end the text with 「写真：caption」;
    the reader shows each caption with its photo, so those paragraphs are not shown twice."""
    captions = {f"{mark}{photo.caption}" for photo in photos if photo and photo.caption
                for mark in ("写真：", "写真:", "写真: ")}
    while paragraphs and "".join(span.text for span in paragraphs[-1]).strip() in captions:
        paragraphs = paragraphs[:-1]
    return paragraphs


def _fallback_title(paragraphs) -> str:
    text = "".join(span.text for span in paragraphs[0]) if paragraphs else ""
    if not text:
        return "（無題）"
    if len(text) <= FALLBACK_TITLE_CHARS:
        return text
    return text[:FALLBACK_TITLE_CHARS] + "…"


def _parse_datetime(value: str | None, where: str, field: str) -> dt.datetime | None:
    value = sanitize.clean_text(value)
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise FeedValidationError(
            f"{where}: field '{field}' is {_quote(value)}, not an RFC 3339 date "
            "such as '2020-10-28T09:00:00+09:00'"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=JST)


def _parse_date(value: str, where: str) -> dt.date:
    value = sanitize.clean_text(value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FeedValidationError(
            f"{where}: field '_flash.issue_date' is {_quote(value)}, "
            "not a date such as '2020-10-28'"
        ) from None

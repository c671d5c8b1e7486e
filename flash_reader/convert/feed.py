"""A converted issue → a JSON Feed 1.1 document with the `_flash` extension (docs/feed-format.md).

Item ids are the issue date and the item's place in the bulletin (`2020-10-28-03`), counting
items that were skipped: converting the same bulletin again, or after fixing one item, gives
every other item the same id, so permalinks never move.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flash_reader.convert.model import Issue, Item, Photo

FEED_VERSION = "https://jsonfeed.org/version/1.1"
FEED_TITLE = "海外事務所フラッシュ"
HOME_PAGE_URL = "https://www.clair.or.jp/"
JST = dt.timezone(dt.timedelta(hours=9))


def item_id(date: dt.date, position: int) -> str:
    return f"{date.isoformat()}-{position:02d}"


def feed_items(issue: Issue, photo_base_url: str | None = None) -> list[dict[str, Any]]:
    published = dt.datetime.combine(issue.date, dt.time(0, 0), JST).isoformat()
    return [_item(issue.date, item, published, photo_base_url) for item in issue.items]


def offices(issues: list[Issue]) -> list[dict[str, str]]:
    """Every office of the items, in order of first appearance."""
    found: dict[str, str] = {}
    for issue in issues:
        for item in issue.items:
            if item.office_code:
                found.setdefault(item.office_code, item.office_name or item.office_code)
    return [{"code": code, "name": name} for code, name in found.items()]


def to_feed(issue: Issue, *, photo_base_url: str | None = None,
            feed_url: str | None = None) -> dict[str, Any]:
    """One issue as a whole feed."""
    feed = feed_head(f"CLAIR（自治体国際化協会）海外事務所フラッシュ "
                     f"{issue.date:%Y年%-m月%-d日}配信", feed_url)
    feed["_flash"] = {"offices": offices([issue])}
    feed["items"] = feed_items(issue, photo_base_url)
    return feed


def feed_head(description: str, feed_url: str | None) -> dict[str, Any]:
    feed: dict[str, Any] = {
        "version": FEED_VERSION,
        "title": FEED_TITLE,
        "home_page_url": HOME_PAGE_URL,
        "description": description,
        "language": "ja",
    }
    if feed_url:
        feed["feed_url"] = feed_url
    return feed


def _item(date: dt.date, item: Item, published: str,
          photo_base_url: str | None) -> dict[str, Any]:
    first = item.photos[0] if item.photos else None
    flash: dict[str, Any] = {"office": item.office_code, "office_name": item.office_name,
                             "issue_date": date.isoformat()}
    if first and first.file:
        flash["photo_file"] = first.file
    if first and first.caption:
        flash["photo_caption"] = first.caption
    if item.link_lost:
        flash["link_lost"] = True
    if item.office_inferred_from:
        flash["office_inferred_from"] = str(item.office_inferred_from)
    if len(item.photos) > 1:
        # Every photo with its caption: the reader shows each as a figure, the first from `image`.
        flash["photos"] = [_photo(p, photo_base_url) for p in item.photos]
    feed_item: dict[str, Any] = {
        "id": item_id(date, item.position),
        "title": item.title,
        "content_text": "\n\n".join(item.paragraphs),
        "date_published": published,
        "language": "ja",
    }
    image = _photo(first, photo_base_url).get("url") if first else None
    if image:
        feed_item["image"] = image
    feed_item["_flash"] = flash
    return feed_item


def _photo(photo: Photo, photo_base_url: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    url = photo.url or (photo_base_url.rstrip("/") + "/" + photo.file
                        if photo_base_url and photo.file else None)
    for key, value in (("file", photo.file), ("caption", photo.caption), ("url", url)):
        if value:
            out[key] = value
    return out

"""Routes as constants, and helpers that build links to them."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

READER = "/"
ITEM = "/items/[item_id]"
ISSUE = "/issues/[issue_date]"
EMBED = "/embed"
EMBED_BUILDER = "/embed/builder"
FEED_JSON = "/feed.json"
FEED_ATOM = "/feed.atom"
OEMBED = "/oembed"
PLACEHOLDER_PHOTO = "/placeholder"


def item_url(item_id: str) -> str:
    return f"/items/{quote(item_id, safe='')}"


def issue_url(date: dt.date) -> str:
    return f"/issues/{date.isoformat()}"


def placeholder_photo(office_code: str) -> str:
    return f"{PLACEHOLDER_PHOTO}/{quote(office_code or 'unknown', safe='')}.svg"

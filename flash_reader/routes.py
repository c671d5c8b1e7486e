"""Routes as constants, and helpers that build links to them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import quote, urlencode

READER = "/"
ITEM_PREFIX = "/items/"  # + the item's id, percent-encoded
ISSUE_PREFIX = "/issues/"  # + the issue's date, YYYY-MM-DD
ISSUES = "/issues"  # every year and month of the archive
ACCESSIBILITY = "/accessibility"  # アクセシビリティ方針・試験結果 (from the recorded tests)
ABOUT = "/about"  # what the bulletin and this reader are; what the reader keeps
EMBED = "/embed"
EMBED_BUILDER = "/embed/builder"
# The embed conformance block as JSON (for a host's CMS): the widget's query, same parameters.
EMBED_CONFORMANCE = "/embed/conformance.json"
FEED_JSON = "/feed.json"
FEED_ATOM = "/feed.atom"
OEMBED = "/oembed"
PLACEHOLDER_PHOTO = "/placeholder"
# A reader page's view alone (the part that changes between pages), for client navigation.
VIEW_PREFIX = "/_view"


def item_url(item_id: str) -> str:
    return ITEM_PREFIX + quote(item_id, safe="")


def issue_url(date: dt.date) -> str:
    return ISSUE_PREFIX + date.isoformat()


def placeholder_photo(office_code: str, lang: str = "ja") -> str:
    url = f"{PLACEHOLDER_PHOTO}/{quote(office_code or 'unknown', safe='')}.svg"
    return url if lang == "ja" else f"{url}?lang={quote(lang, safe='')}"


def reader_url(offices: Sequence[str] = (), query: str = "") -> str:
    """The reader with a filter: `/?office=PAR,SIN&q=…` (empty parts left out)."""
    params = {}
    if offices:
        params["office"] = ",".join(offices)
    if query.strip():
        params["q"] = query.strip()
    return READER + ("?" + urlencode(params, safe=",") if params else "")

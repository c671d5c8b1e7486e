"""Routes as constants, and helpers that build links to them."""

from __future__ import annotations

from urllib.parse import quote

READER = "/"
PLACEHOLDER_PHOTO = "/placeholder"


def placeholder_photo(office_code: str) -> str:
    return f"{PLACEHOLDER_PHOTO}/{quote(office_code or 'unknown', safe='')}.svg"

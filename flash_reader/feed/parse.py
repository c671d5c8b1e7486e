"""Parse: bytes → Feed. Five lines on purpose: decoding, adapting, errors live elsewhere."""

from __future__ import annotations

import msgspec

from flash_reader.feed.adapter import adapt_feed
from flash_reader.feed.errors import FeedFormatError, FeedValidationError, describe_validation
from flash_reader.feed.model import Feed
from flash_reader.feed.wire import WireFeed

_decoder = msgspec.json.Decoder(WireFeed)


def parse(data: bytes, base_url: str | None = None) -> Feed:
    """Parse a JSON Feed document. Raises FeedFormatError or FeedValidationError."""
    return adapt_feed(_decode(data), base_url)


def _decode(data: bytes) -> WireFeed:
    try:
        return _decoder.decode(data)
    except msgspec.ValidationError as exc:
        raise FeedValidationError(describe_validation("feed", str(exc))) from None
    except msgspec.DecodeError as exc:
        raise FeedFormatError(f"not a JSON document: {exc}") from None

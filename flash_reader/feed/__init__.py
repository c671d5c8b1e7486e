"""The feed: JSON Feed 1.1 with the `_flash` extension, from wire format to model."""

from flash_reader.feed.errors import (
    FeedError,
    FeedFetchError,
    FeedFormatError,
    FeedStatusError,
    FeedTooLargeError,
    FeedValidationError,
)
from flash_reader.feed.model import Feed, Item, Office, Photo, Span
from flash_reader.feed.parse import parse

__all__ = [
    "Feed",
    "FeedError",
    "FeedFetchError",
    "FeedFormatError",
    "FeedStatusError",
    "FeedTooLargeError",
    "FeedValidationError",
    "Item",
    "Office",
    "Photo",
    "Span",
    "parse",
]

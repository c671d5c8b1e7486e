"""One exception family for everything that can go wrong with a feed.

Every message is written for a staff member, not a programmer: it says which feed,
which item and which field, and what was expected.

Three kinds matter to readers and staff (see `kind`): the server gave no answer ("fetch"), it
answered with an error ("status": an HTTP error, redirects that never end), or it answered with
data we cannot use ("data").
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["fetch", "status", "data"]


class FeedError(Exception):
    """Base of every feed problem. Catch this one to handle them all."""


class FeedFetchError(FeedError):
    """The server could not be reached or did not answer in time."""


class FeedStatusError(FeedFetchError):
    """The server answered, with an error: an HTTP error status or redirects without end."""


class FeedFormatError(FeedError):
    """The server answered, but not with a JSON document in UTF-8 (or with far too much)."""


class FeedTooLargeError(FeedFormatError):
    """The feed is larger than the configured limit."""


class FeedValidationError(FeedError):
    """The JSON is not a valid JSON Feed: the message names the item and field."""


class FeedShrinkError(FeedValidationError):
    """The page lost most of its items at once: refused until staff accept it."""


class FeedLoopError(FeedValidationError):
    """`next_url` points back to a page already read: the archive ends there."""


class FeedOriginError(FeedValidationError):
    """`next_url` points to another site than the first page's: the archive ends there."""


class PageLimitError(FeedError):
    """More pages than the configured maximum."""


def kind(error: FeedError) -> Kind:
    """'fetch': no answer; 'status': an error answer; 'data': an answer we cannot use."""
    if isinstance(error, FeedStatusError):
        return "status"
    return "fetch" if isinstance(error, FeedFetchError) else "data"


# What each kind means, for staff (the log and `flash-reader validate`); readers' words are in
# the catalogues (stale.*).
KIND_SUMMARY: dict[Kind, str] = {
    "fetch": "no answer from the server",
    "status": "the server answered with an error",
    "data": "the server answered with data that cannot be used",
}


def describe_validation(where: str, message: str) -> str:
    """Turn msgspec's "Expected `str`, got `int` - at `$.title`" into plain words."""
    text, _, path = message.partition(" - at `$")
    field = path.rstrip("`").lstrip(".")
    if text.startswith("Object missing required field"):
        missing = text.rsplit("`", 2)[-2]
        field = f"{field}.{missing}" if field else missing
        return f"{where}: required field '{field}' is missing"
    text = text.replace("`", "")
    return f"{where}: field '{field}': {text}" if field else f"{where}: {text}"

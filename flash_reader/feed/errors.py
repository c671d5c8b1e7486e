"""One exception family for everything that can go wrong with a feed.

Every message is written for a staff member, not a programmer: it says which feed,
which item and which field, and what was expected.
"""


class FeedError(Exception):
    """Base of every feed problem. Catch this one to handle them all."""


class FeedFetchError(FeedError):
    """The feed could not be fetched: network failure, timeout, HTTP error status."""


class FeedTooLargeError(FeedFetchError):
    """The feed is larger than the configured limit."""


class FeedFormatError(FeedError):
    """The bytes are not a JSON document (or not UTF-8)."""


class FeedValidationError(FeedError):
    """The JSON is not a valid JSON Feed: the message names the item and field."""


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

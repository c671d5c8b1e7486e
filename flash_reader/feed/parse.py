"""Parse: bytes → Feed. Decoding and adapting live elsewhere; here, what no decoder explains."""

from __future__ import annotations

import re

from flash_reader.feed.adapter import adapt_feed
from flash_reader.feed.errors import FeedFormatError
from flash_reader.feed.model import Feed
from flash_reader.feed.wire import decode_feed

_UTF8_BOM = b"\xef\xbb\xbf"
# An escaped lone surrogate: "\ud800" with no low half after it, or "\udc00" with no high half
# before it. msgspec's words for it vary ("unexpected end of hex escape", "truncated").
_LONE_SURROGATE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")
# Japanese feeds that are not UTF-8 are almost always one of these (tried in this order:
# Shift_JIS text is rarely valid EUC-JP, while EUC-JP text often is valid Shift_JIS).
_GUESSES = (("euc_jp", "EUC-JP"), ("cp932", "Shift_JIS"))


def parse(data: bytes, base_url: str | None = None) -> Feed:
    """Parse a JSON Feed document. Raises FeedFormatError or FeedValidationError (never
    another exception); problems with single items or optional fields become `Feed.notes`."""
    # RFC 8259 lets a parser ignore a byte order mark; editors on Windows add one.
    data = data.removeprefix(_UTF8_BOM)
    if _utf16(data):  # JSON decoders see only "invalid character" in these
        raise FeedFormatError(not_utf8(data))
    notes: list[str] = []
    try:
        return adapt_feed(decode_feed(data, notes), base_url, notes)
    except UnicodeDecodeError:
        raise FeedFormatError(not_utf8(data)) from None
    except FeedFormatError:
        # Shift_JIS puts 0x5C ("\\") inside characters such as ソ and 表: the JSON decoder
        # stops at a bad escape before it meets a byte that is not UTF-8.
        if not _is_utf8(data):
            raise FeedFormatError(not_utf8(data)) from None
        # "\ud800" alone: valid UTF-8 bytes escaping a character Unicode does not have.
        lone = _LONE_SURROGATE.search(data)
        if lone:
            raise FeedFormatError(f"{not_utf8(data)}, near byte {lone.start():,}") from None
        raise
    except RecursionError:
        raise FeedFormatError("the JSON is nested too deeply (arrays or objects inside each "
                              "other hundreds of times); a feed is never that deep") from None


def not_utf8(data: bytes) -> str:
    """Why `data` is not UTF-8, with a guess at what it is, for staff."""
    if _utf16(data):
        return "UTF-8 ではありません（UTF-16 のようです）: save or serve the feed as UTF-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at position {exc.start:,} is not UTF-8"
    else:  # valid bytes, but an escape such as "\ud800" names no character
        return ("the feed holds an escaped character that is not valid Unicode (a lone "
                "surrogate such as \\ud800)")
    guess = _guess_encoding(data)
    seems = f"（{guess} のようです）" if guess else ""
    return f"UTF-8 ではありません{seems}: {where}; save or serve the feed as UTF-8"


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf16(data: bytes) -> bool:
    # A byte order mark, or a NUL next to the first ASCII character ("{" or a space).
    return data.startswith((b"\xff\xfe", b"\xfe\xff")) or 0 in data[:2]


def _guess_encoding(data: bytes) -> str | None:
    for codec, name in _GUESSES:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return name
    return None

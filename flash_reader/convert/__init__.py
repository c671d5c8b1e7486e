"""Bulletins (海外事務所フラッシュ) → JSON Feed: one issue (`convert`) or the archive (`archive`).

    read(source) → Source            bytes of a file or URL, bounded (source.py)
    convert_source(Source) → Issue   items + problems; html.py / text.py → items.py → infer.py
    to_feed(Issue) → dict            JSON Feed 1.1 + `_flash` (feed.py)

Errors: everything raised is a ConversionError (SourceError, IssueError) whose message names
the place; what goes wrong in one item is a Problem and the other items still convert.
"""

from __future__ import annotations

from typing import Any

from flash_reader.convert import items, text
from flash_reader.convert.feed import to_feed
from flash_reader.convert.infer import OFFICES
from flash_reader.convert.model import (
    ConversionError,
    Issue,
    IssueError,
    ItemError,
    Kind,
    Problem,
    SourceError,
    Where,
)
from flash_reader.convert.source import Source, convert_source, read

__all__ = [
    "OFFICES",
    "ConversionError",
    "Issue",
    "IssueError",
    "ItemError",
    "Kind",
    "Problem",
    "Source",
    "SourceError",
    "Where",
    "convert",
    "convert_source",
    "read",
    "read_text",
    "to_feed",
]


def read_text(bulletin: str, *, strict: bool = False) -> Issue:
    """The bulletin as text → the issue with its problems (raises only for the whole issue)."""
    return items.assemble(text.lines(bulletin), strict=strict)


def convert(bulletin: str, *, photo_base_url: str | None = None, feed_url: str | None = None,
            strict: bool = False) -> dict[str, Any]:
    """The bulletin as text → a feed, all or nothing: the first error (a skipped item or
    text) is raised as an ItemError naming its line. Tolerant callers use read_text."""
    issue = read_text(bulletin, strict=strict)
    if issue.errors:
        first = issue.errors[0]
        raise ItemError(first.where, first.message)
    return to_feed(issue, photo_base_url=photo_base_url, feed_url=feed_url)

"""What a bulletin reader produces: the issue, its items and photos, and every problem found.

Readers (text.py, html.py) never raise for a single item: what they cannot read becomes a
`Problem` naming the place (`Where`) and what was expected, and the other items still convert.
Only what makes the whole issue unusable is raised, as a `ConversionError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum


@dataclasses.dataclass(frozen=True, slots=True)
class Where:
    """A place in the source: a line of the text, or an element of the page (and its line)."""

    line: int | None = None
    element: str | None = None  # e.g. "<td>", for pages

    def __str__(self) -> str:
        if self.element and self.line:
            return f"line {self.line} of the page, {self.element}"
        if self.element:
            return f"the page's {self.element}"
        return f"line {self.line}" if self.line else "the bulletin"


class ConversionError(ValueError):
    """A bulletin (or its source) cannot be converted. The message is for staff and names the
    place: `line 12: …`. Subclasses say what kind of problem it is."""

    def __init__(self, where: Where | None, message: str) -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.message = message

    @property
    def line_number(self) -> int | None:
        return self.where.line if self.where else None


class SourceError(ConversionError):
    """The file, page or URL cannot be read at all (missing, too large, not text, no answer)."""


class IssueError(ConversionError):
    """The source was read but is not a bulletin issue: no 「…配信」 date, or no item in it."""


class ItemError(ConversionError):
    """One item cannot be converted; readers turn it into a Problem and go on with the rest."""


class Kind(enum.StrEnum):
    """What a problem is, for the per-kind summary of `flash-reader import`."""

    # Errors: something from the bulletin is not in the feed (exit status non-zero).
    ITEM_SKIPPED = "item-skipped"
    TEXT_SKIPPED = "text-skipped"
    ISSUE_SKIPPED = "issue-skipped"
    # Warnings: the item is in the feed, but staff should look.
    OFFICE_FROM_BODY = "office-from-body"
    OFFICE_FROM_HEADING = "office-from-heading"
    OFFICE_FROM_PHOTO = "office-from-photo"
    OFFICE_FROM_CAPTION = "office-from-caption"
    HEADING_SPLIT = "heading-split"
    PHOTO_WITHOUT_CAPTION = "photo-without-caption"
    PHOTO_URL_REJECTED = "photo-url-rejected"
    PHOTO_ADDRESS_UNKNOWN = "photo-address-unknown"
    SCRIPT_REMOVED = "script-removed"

    @property
    def is_error(self) -> bool:
        return self in (Kind.ITEM_SKIPPED, Kind.TEXT_SKIPPED, Kind.ISSUE_SKIPPED)


OFFICE_INFERENCES = (Kind.OFFICE_FROM_BODY, Kind.OFFICE_FROM_HEADING, Kind.OFFICE_FROM_PHOTO,
                     Kind.OFFICE_FROM_CAPTION)


@dataclasses.dataclass(frozen=True, slots=True)
class Problem:
    kind: Kind
    where: Where
    message: str

    def __str__(self) -> str:
        return describe(self.kind, str(self.where), self.message)


def describe(kind: Kind, where: str, message: str) -> str:
    """A problem as one line for staff: `line 12: error [item-skipped]: …`."""
    return f"{where}: {'error' if kind.is_error else 'warning'} [{kind}]: {message}"


@dataclasses.dataclass(slots=True)
class Photo:
    file: str | None = None  # the file name as the bulletin shows it (PAR-128.jpg)
    caption: str | None = None  # without 「写真:」
    url: str | None = None  # absolute http(s), pages only
    alt: str | None = None  # the page's alt text, the caption when no 「写真:」 line says one


@dataclasses.dataclass(slots=True)
class Item:
    position: int  # 1-based, in the bulletin, counting skipped items (ids stay put)
    where: Where
    title: str
    paragraphs: list[str] = dataclasses.field(default_factory=list)
    photos: list[Photo] = dataclasses.field(default_factory=list)
    office_name: str | None = None  # as written, e.g. パリ事務所
    office_code: str | None = None
    office_inferred_from: Kind | None = None  # None: the bulletin names the office
    link_lost: bool = False
    closed: bool = False  # its office or photo was seen: the next text starts a new item


@dataclasses.dataclass(slots=True)
class Issue:
    date: dt.date
    items: list[Item]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.kind.is_error]

"""Plain functions over a Feed: issues, the latest issue, lookups. No Reflex here."""

from __future__ import annotations

import datetime as dt

from flash_reader.feed.model import Feed, Item


def issue_dates(feed: Feed) -> list[dt.date]:
    """Every issue (配信) date in the feed, newest first. Items without a date are not an issue."""
    return sorted({item.issue_date for item in feed.items if item.issue_date}, reverse=True)


def latest_issue(feed: Feed) -> dt.date | None:
    dates = issue_dates(feed)
    return dates[0] if dates else None


def items_of_issue(feed: Feed, date: dt.date | None) -> list[Item]:
    """The items of one issue, in feed order. With no date: the items that have none."""
    return [item for item in feed.items if item.issue_date == date]

"""Plain functions over a Feed: issues, the latest issue, lookups. No Reflex here."""

from __future__ import annotations

import datetime as dt

from flash_reader.feed.model import Feed, Item
from flash_reader.feed.search import SearchIndex


def issue_dates(feed: Feed) -> list[dt.date]:
    """Every issue (配信) date in the feed, newest first. Items without a date are not an issue."""
    return sorted({item.issue_date for item in feed.items if item.issue_date}, reverse=True)


def latest_issue(feed: Feed) -> dt.date | None:
    dates = issue_dates(feed)
    return dates[0] if dates else None


def office_counts(feed: Feed) -> dict[str, int]:
    """Items per office code ('' = office unknown), in the feed's office order."""
    counts = {office.code: 0 for office in feed.offices}
    for item in feed.items:
        counts[item.office.code] = counts.get(item.office.code, 0) + 1
    return counts


def parse_office_codes(value: str, known: set[str] | frozenset[str]) -> list[str]:
    """`PAR,SIN` from a URL → known codes, upper-case, de-duplicated, in the order given."""
    codes: dict[str, None] = {}
    for part in value.replace("、", ",").split(","):
        code = part.strip().upper()
        if code in known:
            codes.setdefault(code, None)
    return list(codes)


def select_items(feed: Feed, index: SearchIndex, offices: list[str] | tuple[str, ...],
                 terms: tuple[str, ...]) -> list[Item]:
    """Items of the chosen offices (all if none) containing every term, newest issue first."""
    wanted = set(offices)
    matches = index.matcher(terms) if terms else None
    chosen = [item for item in feed.items
              if (not wanted or item.office.code in wanted)
              and (matches is None or matches(item))]
    # Stable sort: feed order within an issue; items without a date last.
    return sorted(chosen, key=lambda item: item.issue_date or dt.date.min, reverse=True)


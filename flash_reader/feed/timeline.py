"""The back-number timeline: years → months → issues, as plain data. No Reflex here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from flash_reader.feed.model import Feed


@dataclasses.dataclass(frozen=True, slots=True)
class IssueEntry:
    date: dt.date
    item_count: int


@dataclasses.dataclass(frozen=True, slots=True)
class Month:
    year: int
    month: int
    issues: tuple[IssueEntry, ...]  # newest first


@dataclasses.dataclass(frozen=True, slots=True)
class Year:
    year: int
    months: tuple[Month, ...]  # newest first

    @property
    def issue_count(self) -> int:
        return sum(len(month.issues) for month in self.months)


def issues(feed: Feed) -> list[IssueEntry]:
    """Every issue (items sharing a 配信 date), newest first."""
    counts: dict[dt.date, int] = {}
    for item in feed.items:
        if item.issue_date:
            counts[item.issue_date] = counts.get(item.issue_date, 0) + 1
    return [IssueEntry(date, counts[date]) for date in sorted(counts, reverse=True)]


def timeline(feed: Feed) -> tuple[Year, ...]:
    years = []
    for year, in_year in itertools.groupby(issues(feed), key=lambda entry: entry.date.year):
        months = tuple(
            Month(year, month, tuple(entries))
            for month, entries in itertools.groupby(in_year, key=lambda e: e.date.month))
        years.append(Year(year, months))
    return tuple(years)

"""The back-number timeline: which issue is current, and loading older pages on request."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

import reflex as rx

from flash_reader import routes
from flash_reader.feed import query, timeline
from flash_reader.reading import cache as reading_cache
from flash_reader.store import store


@dataclasses.dataclass(frozen=True)
class IssueLinkView:
    label: str
    url: str
    current: bool


@dataclasses.dataclass(frozen=True)
class MonthView:
    label: str
    issues: list[IssueLinkView]


@dataclasses.dataclass(frozen=True)
class YearView:
    year: int
    label: str
    open: bool
    months: list[MonthView]


def timeline_view(years: tuple[timeline.Year, ...], current: dt.date | None) -> list[YearView]:
    open_year = current.year if current else (years[0].year if years else 0)
    return [
        YearView(year.year, f"{year.year}年（{year.issue_count}号）", year.year == open_year, [
            MonthView(f"{month.year}年{month.month}月", [
                IssueLinkView(f"{issue.date.month}月{issue.date.day}日配信（{issue.item_count}件）",
                              routes.issue_url(issue.date), issue.date == current)
                for issue in month.issues])
            for month in year.months])
        for year in years]


class TimelineState(rx.State):
    feed_version: int = 0
    current_date: str = ""  # the issue on screen (ISO date); "" = the latest
    loading: bool = False
    announcement: str = ""

    @rx.event
    def on_load(self) -> None:
        self.feed_version = store.current().version
        self.current_date = str(self.router.page.params.get("issue_date", ""))
        self.announcement = ""

    @rx.event(background=True)
    async def load_older(self):
        async with self:
            if self.loading:
                return
            self.loading = True
            self.announcement = "古い号を読み込んでいます…"
        snapshot, added = await asyncio.to_thread(store.load_older)
        # Furigana for the new items before they are shown (cached texts cost nothing).
        await asyncio.to_thread(reading_cache.warm, snapshot.items[len(snapshot.items) - added:])
        async with self:
            self.loading = False
            self.feed_version = snapshot.version
            if added:
                oldest = query.issue_dates(snapshot.feed)[-1] if snapshot.feed else None
                self.announcement = (f"{added}件の記事を読み込みました。"
                                     f"{oldest.year}年{oldest.month}月までの号を表示しています。"
                                     if oldest else f"{added}件の記事を読み込みました。")
            elif snapshot.error:
                self.announcement = ("古い号を読み込めませんでした。"
                                     "しばらくしてからもう一度お試しください。")
            else:
                self.announcement = "これより古い号はありません。"

    @rx.var
    def years(self) -> list[YearView]:
        _ = (self.feed_version, self.current_date)
        feed = store.current().feed
        if feed is None:
            return []
        try:
            current = dt.date.fromisoformat(self.current_date) if self.current_date else None
        except ValueError:
            current = None
        return timeline_view(timeline.timeline(feed), current or query.latest_issue(feed))

    @rx.var
    def has_older(self) -> bool:
        _ = self.feed_version
        return bool(store.current().next_url)

    @rx.var
    def loaded_summary(self) -> str:
        _ = self.feed_version
        snapshot = store.current()
        pages = len(snapshot.pages)
        more = "さらに古い号があります" if snapshot.next_url else "すべての号を読み込み済み"
        return f"{len(snapshot.items)}件の記事（{pages}ページ分）を読み込み済み。{more}。"

"""Permalink pages: one item (`/items/<id>`) or one issue (`/issues/<date>`)."""

from __future__ import annotations

import datetime as dt

import reflex as rx

from flash_reader import routes, views
from flash_reader.feed import query
from flash_reader.store import store

SITE = "海外事務所フラッシュ"


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


class PermalinkState(rx.State):
    feed_version: int = 0
    item_id: str = ""
    issue_date: str = ""

    @rx.event
    def load_item(self) -> None:
        self.feed_version = store.current().version
        self.item_id = str(self.router.page.params.get("item_id", ""))

    @rx.event
    def load_issue(self) -> None:
        self.feed_version = store.current().version
        self.issue_date = str(self.router.page.params.get("issue_date", ""))

    @rx.var
    def item(self) -> list[views.ItemView]:
        """The item as a list of zero or one, so the page can render 'not found'."""
        _ = self.feed_version
        found = store.current().items_by_id.get(self.item_id)
        return [views.item_view(found)] if found else []

    @rx.var
    def item_title(self) -> str:
        _ = self.feed_version
        found = store.current().items_by_id.get(self.item_id)
        return f"{found.title}｜{SITE}" if found else f"記事が見つかりません｜{SITE}"

    @rx.var
    def issue_items(self) -> list[views.ItemView]:
        _ = self.feed_version
        feed = store.current().feed
        date = _parse_date(self.issue_date)
        if feed is None or date is None:
            return []
        return [views.item_view(item) for item in query.items_of_issue(feed, date)]

    @rx.var
    def issue_label(self) -> str:
        date = _parse_date(self.issue_date)
        return views.issue_label(date) if date else ""

    @rx.var
    def issue_title(self) -> str:
        _ = self.feed_version
        if not self.issue_items:
            return f"配信号が見つかりません｜{SITE}"
        return f"{self.issue_label}｜{SITE}"

    @rx.var
    def older_issue(self) -> str:
        return self._neighbour(0)

    @rx.var
    def newer_issue(self) -> str:
        return self._neighbour(1)

    def _neighbour(self, which: int) -> str:
        _ = (self.feed_version, self.issue_date)
        feed = store.current().feed
        date = _parse_date(self.issue_date)
        if feed is None or date is None:
            return ""
        neighbour = query.issue_neighbours(feed, date)[which]
        return routes.issue_url(neighbour) if neighbour else ""

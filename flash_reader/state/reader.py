"""The reader's state: which issue is shown. The feed itself stays in the shared store."""

from __future__ import annotations

import reflex as rx

from flash_reader import views
from flash_reader.feed import query
from flash_reader.store import store


class ReaderState(rx.State):
    # Bumped from the store on load so the cached computed vars below recompute after a
    # refresh (computed vars only see state fields, not module globals).
    feed_version: int = 0

    @rx.event
    def on_load(self) -> None:
        self.feed_version = store.current().version

    @rx.var
    def issue_label(self) -> str:
        _ = self.feed_version
        snapshot = store.current()
        if snapshot.feed is None:
            return ""
        return views.issue_label(query.latest_issue(snapshot.feed))

    @rx.var
    def items(self) -> list[views.ItemView]:
        _ = self.feed_version
        feed = store.current().feed
        if feed is None:
            return []
        latest = query.items_of_issue(feed, query.latest_issue(feed))
        return [views.item_view(item) for item in latest]

    @rx.var
    def feed_error(self) -> str:
        _ = self.feed_version
        return store.current().error or ""

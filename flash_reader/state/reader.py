"""The reader's state: its choices (offices, search words) — never the feed itself.

The choices live in the URL (`/?office=PAR,SIN&q=…`): handlers navigate, and `on_load`
reads the URL back, so reload, back/forward and pasted links all restore the same view.
The visible slice is computed from the shared store.
"""

from __future__ import annotations

import dataclasses

import reflex as rx

from flash_reader import routes, views
from flash_reader.feed import query
from flash_reader.feed.search import MAX_QUERY_CHARS, terms_of
from flash_reader.store import store

RESULTS_PER_PAGE = 50


@dataclasses.dataclass(frozen=True)
class OfficeOption:
    code: str
    name: str
    count: int
    checked: bool


class ReaderState(rx.State):
    # Bumped from the store on load so the cached computed vars below recompute after a
    # refresh (computed vars only see state fields, not module globals).
    feed_version: int = 0
    offices: list[str] = []  # noqa: RUF012 (Reflex copies defaults per client)
    query: str = ""
    limit: int = RESULTS_PER_PAGE

    @rx.event
    def on_load(self) -> None:
        snapshot = store.current()
        self.feed_version = snapshot.version
        params = self.router.url.query_parameters
        known = {office.code for office in snapshot.feed.offices} if snapshot.feed else set()
        self.offices = query.parse_office_codes(params.get("office", ""), known)
        self.query = " ".join(params.get("q", "")[:MAX_QUERY_CHARS].split())
        self.limit = RESULTS_PER_PAGE

    @rx.event
    def toggle_office(self, code: str):
        chosen = [c for c in self.offices if c != code]
        if code not in self.offices:
            chosen.append(code)
        return rx.redirect(routes.reader_url(chosen, self.query))

    @rx.event
    def show_all_offices(self):
        return rx.redirect(routes.reader_url((), self.query))

    @rx.event
    def search(self, form_data: dict):
        words = str(form_data.get("q", ""))[:MAX_QUERY_CHARS]
        return rx.redirect(routes.reader_url(self.offices, words))

    @rx.event
    def clear_filters(self):
        return rx.redirect(routes.READER)

    @rx.event
    def show_more(self) -> None:
        self.limit += RESULTS_PER_PAGE

    @rx.var
    def filtering(self) -> bool:
        return bool(self.offices or terms_of(self.query))

    @rx.var
    def issue_label(self) -> str:
        _ = self.feed_version
        snapshot = store.current()
        if snapshot.feed is None:
            return ""
        return views.issue_label(query.latest_issue(snapshot.feed))

    @rx.var
    def matching_count(self) -> int:
        _ = (self.feed_version, self.offices, self.query)  # dependencies, for the cache
        return len(self._matching_ids())

    @rx.var
    def items(self) -> list[views.ItemView]:
        """The visible slice: the latest issue, or the first `limit` matches."""
        _ = (self.feed_version, self.offices, self.query, self.limit)
        snapshot = store.current()
        terms = terms_of(self.query)
        return [views.item_view(snapshot.items_by_id[item_id], terms)
                for item_id in self._matching_ids()[: self.limit]]

    @rx.var
    def office_options(self) -> list[OfficeOption]:
        _ = self.feed_version
        feed = store.current().feed
        if feed is None:
            return []
        names = {office.code: office.name for office in feed.offices}
        return [OfficeOption(code, names.get(code, "事務所不明"), count, code in self.offices)
                for code, count in query.office_counts(feed).items() if code]

    @rx.var
    def total_count(self) -> int:
        _ = self.feed_version
        return len(store.current().items)

    @rx.var
    def result_summary(self) -> str:
        """What the polite live region says after each change."""
        count = self.matching_count
        if not (self.offices or terms_of(self.query)):
            return f"最新号の記事 {count}件"
        parts = []
        if self.offices:
            names = {o.code: o.name for o in self.office_options}
            parts.append("・".join(names.get(code, code) for code in self.offices))
        if terms_of(self.query):
            parts.append(f"「{self.query}」を含む")
        return f"{'、'.join(parts)}記事 {count}件"

    @rx.var
    def feed_error(self) -> str:
        _ = self.feed_version
        return store.current().error or ""

    @rx.var
    def feed_notice(self) -> str:
        """How old the data is, when the feed server could not give fresh data."""
        _ = self.feed_version
        return views.staleness_notice(store.current())

    @rx.var
    def has_more(self) -> bool:
        return self.matching_count > self.limit

    def _matching_ids(self) -> list[str]:
        _ = self.feed_version
        snapshot = store.current()
        feed = snapshot.feed
        if feed is None:
            return []
        terms = terms_of(self.query)
        if not (self.offices or terms):
            return [item.id for item in query.items_of_issue(feed, query.latest_issue(feed))]
        return [item.id for item in
                query.select_items(feed, snapshot.search_index, self.offices, terms)]

"""The reader's state: the choices its URL names (offices, words, how many articles, which
item or issue) — never the feed, never rendered content.

`on_load` reads the URL (the only input; it takes no arguments from the client) through the
same validating parser as the HTTP routes, and assigns only what changed, so an event that
changes nothing sends nothing back. `view_src` names the shared rendered view the browser
shows (see assets/server_view.jsx).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

import reflex as rx

from flash_reader.render.request import PAGE_SIZE, Kind, ViewRequest, from_url, view_src
from flash_reader.store import store

MAX_QUERY_STRING = 4_000  # a URL's query as the client reports it, before parsing


class ViewState(rx.State):
    kind: str = ""
    offices: list[str] = []  # noqa: RUF012 (Reflex copies defaults per client)
    query: str = ""
    limit: int = PAGE_SIZE
    target: str = ""  # the item id or issue date of a permalink
    version: str = ""  # the content version the view was chosen under

    @rx.event
    def on_load(self) -> None:
        snapshot = store.current()
        url = self.router.url
        params = parse_qs(str(url.query)[:MAX_QUERY_STRING])
        known = frozenset(o.code for o in snapshot.feed.offices) if snapshot.feed else frozenset()
        request = from_url(str(url.path), params, known)
        target = request.item_id or (request.issue_date.isoformat() if request.issue_date else "")
        self._assign(kind=request.kind.value, offices=list(request.offices),
                     query=request.query, limit=request.limit, target=target,
                     version=snapshot.version)

    def _assign(self, **values) -> None:
        for name, value in values.items():
            if getattr(self, name) != value:
                setattr(self, name, value)

    @rx.var
    def view_src(self) -> str:
        if not self.kind or not self.version:
            return ""
        kind = Kind(self.kind)
        date = dt.date.fromisoformat(self.target) if kind is Kind.ISSUE else None
        request = ViewRequest(kind, tuple(self.offices), self.query, self.limit,
                              self.target if kind is Kind.ITEM else "", date)
        return view_src(request, self.version)

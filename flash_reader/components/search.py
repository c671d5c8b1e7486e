"""The サイト内検索 box in the header: a real GET form, so it also works without JavaScript."""

from __future__ import annotations

import reflex as rx

from flash_reader import routes
from flash_reader.feed.search import MAX_QUERY_CHARS
from flash_reader.state.reader import ReaderState

SEARCH_INPUT_ID = "search-q"


def search_form() -> rx.Component:
    return rx.el.form(
        rx.el.label("サイト内検索", html_for=SEARCH_INPUT_ID, class_name="search-label"),
        rx.el.div(
            rx.el.input(
                type="search",
                id=SEARCH_INPUT_ID,
                name="q",
                # Uncontrolled: typing costs no round trip. The key remounts the box when the
                # URL's words change (back/forward, a pasted link).
                default_value=ReaderState.query,
                key=ReaderState.query,
                max_length=MAX_QUERY_CHARS,
                placeholder="例：シンガポール",
                autocomplete="off",
                class_name="search-input",
            ),
            rx.el.button("検索", type="submit", class_name="button"),
            class_name="search-row",
        ),
        role="search",
        action=routes.READER,
        method="get",
        on_submit=ReaderState.search,
        class_name="search-form",
    )

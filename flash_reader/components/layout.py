"""The page shell of pages React renders (the embed builder): the same header and footer as
every server-rendered page, from the same templates (flash_reader/render/templates), in the
page's language."""

from __future__ import annotations

import reflex as rx

from flash_reader import i18n
from flash_reader.render.chrome import IDS
from flash_reader.render.client import PAGE_LANGUAGE_ID
from flash_reader.render.html import render_chrome

MAIN_ID = "main"


def _chrome(part: str, lang: rx.Var | None, path: str) -> rx.Component:
    if lang is None:
        return rx.html(render_chrome(part, i18n.DEFAULT, path))
    # Both languages are built into the page; the state's language picks one.
    return rx.cond(lang == "en", rx.html(render_chrome(part, "en", path)),
                   rx.html(render_chrome(part, i18n.DEFAULT, path)))


def page_shell(*children: rx.Component, lang: rx.Var | None = None, title: rx.Var | str = "",
               path: str = "/") -> rx.Component:
    # flash_reader/client/page-language.js puts this element's language and title on <html> and the
    # document (React does not own them).
    # The browser remembers a ?lang= choice in the cookie (page-language.js); the server reads
    # it from the websocket's Cookie header (state/embed_builder.py).
    marker = ([rx.el.div(id=PAGE_LANGUAGE_ID, hidden=True, data_lang=lang, data_title=title)]
              if lang is not None else [])
    return rx.fragment(
        *marker,
        _chrome("header", lang, path),
        rx.el.main(rx.el.p(id=IDS["speech_status"], role="status", aria_live="polite",
                           class_name="speech-status"),
                   *children, id=MAIN_ID, tab_index=-1, class_name="page-main"),
        _chrome("footer", lang, path),
    )

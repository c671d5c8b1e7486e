"""The page shell of pages React renders (the embed builder): the same header and footer as
every server-rendered page, from the same templates (flash_reader/render/templates)."""

from __future__ import annotations

import reflex as rx

from flash_reader.render.chrome import IDS
from flash_reader.render.html import render_chrome

MAIN_ID = "main"


def page_shell(*children: rx.Component) -> rx.Component:
    return rx.fragment(
        rx.html(render_chrome("header")),
        rx.el.main(rx.el.p(id=IDS["speech_status"], role="status", aria_live="polite",
                           class_name="speech-status"),
                   *children, id=MAIN_ID, tab_index=-1, class_name="page-main"),
        rx.html(render_chrome("footer")),
    )

"""What goes in the <head> of the pages React renders (the embed builder): the same inline
display script as the reader pages (it must run before the first paint: rx.el.script in head
is emitted inline) and the builder's modules (flash_reader/client, served by the app)."""

from __future__ import annotations

import reflex as rx

from flash_reader.render.client import BUILDER_ENTRY, CLIENT


def head_components() -> list[rx.Component]:
    return [
        rx.el.meta(name="color-scheme", content="light dark"),
        rx.el.script(str(CLIENT.prepaint)),
        rx.el.script(type="module", src=CLIENT.url(BUILDER_ENTRY)),
    ]

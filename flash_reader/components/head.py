"""What goes in <head>: the inline pre-paint script and page-wide meta."""

from __future__ import annotations

from pathlib import Path

import reflex as rx

_PREPAINT_JS = (Path(__file__).with_name("prepaint.js")).read_text(encoding="utf-8")


def head_components() -> list[rx.Component]:
    # rx.el.script in head is emitted inline and runs before first paint (rx.script would
    # run only after hydration).
    return [
        rx.el.meta(name="color-scheme", content="light dark"),
        rx.el.script(_PREPAINT_JS),
    ]

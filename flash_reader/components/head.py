"""What goes in <head>: inline scripts that must run before first paint, and page-wide meta."""

from __future__ import annotations

from pathlib import Path

import reflex as rx

# Each file is inlined, in this order. rx.el.script in head is emitted inline and runs
# before first paint (rx.script would run only after hydration).
_INLINE_SCRIPTS = ("display.js", "prepaint.js", "navigate.js", "shortcuts.js", "speech.js",
                   "copy.js")
_SCRIPTS_DIR = Path(__file__).with_name("scripts")


def inline_script_source() -> str:
    return "\n".join((_SCRIPTS_DIR / name).read_text(encoding="utf-8") for name in _INLINE_SCRIPTS)


def head_components() -> list[rx.Component]:
    return [
        rx.el.meta(name="color-scheme", content="light dark"),
        rx.el.script(inline_script_source()),
    ]

"""Keyboard shortcuts help (?): a native modal <dialog>; the keys live in scripts/shortcuts.js."""

from __future__ import annotations

import reflex as rx

DIALOG_ID = "shortcut-help"
TOGGLE_ID = "shortcuts-enabled"

KEYS = (
    ("j", "次の記事へ"),
    ("k", "前の記事へ"),
    ("/", "サイト内検索へ移動"),
    ("?", "この一覧を開く"),
    ("Esc", "この一覧を閉じる"),
)


def shortcut_help() -> rx.Component:
    return rx.el.dialog(
        rx.el.h2("キーボード操作", id=f"{DIALOG_ID}-title"),
        rx.el.dl(
            *(rx.fragment(rx.el.dt(rx.el.kbd(key)), rx.el.dd(action)) for key, action in KEYS),
            class_name="shortcut-list",
        ),
        rx.el.p("入力欄に文字を入力している間は、これらのキーは働きません。"),
        rx.el.label(
            rx.el.input(type="checkbox", id=TOGGLE_ID, data_shortcuts_toggle="",
                        default_checked=True, class_name="choice-input"),
            rx.el.span("1文字のショートカットキーを使う"),
            class_name="choice",
        ),
        rx.el.div(
            rx.el.button("閉じる", type="button", data_close_dialog="", class_name="button"),
            class_name="dialog-actions",
        ),
        id=DIALOG_ID,
        aria_labelledby=f"{DIALOG_ID}-title",
        class_name="dialog",
    )


def shortcut_help_button() -> rx.Component:
    return rx.el.button("キーボード操作（?）", type="button", data_open_shortcuts="",
                        aria_haspopup="dialog", class_name="button link-button")

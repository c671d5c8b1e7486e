"""The page shell: skip link, site header, main landmark, footer."""

from __future__ import annotations

import reflex as rx

from flash_reader.components.display_controls import display_settings
from flash_reader.components.search import search_form
from flash_reader.components.shortcuts import shortcut_help, shortcut_help_button
from flash_reader.components.speech import speech_status

MAIN_ID = "main"


def page_shell(*children: rx.Component,
               header_tools: tuple[rx.Component, ...] = ()) -> rx.Component:
    """Every reader page. `header_tools` (search, …) sit in the banner beside 表示設定."""
    return rx.fragment(
        rx.el.a("本文へスキップ", href=f"#{MAIN_ID}", class_name="skip-link"),
        site_header(*header_tools),
        rx.el.main(speech_status(), *children, id=MAIN_ID, tab_index=-1, class_name="page-main"),
        site_footer(),
        shortcut_help(),
    )


def site_header(*tools: rx.Component) -> rx.Component:
    return rx.el.header(
        rx.el.div(
            rx.el.p(
                rx.el.span("CLAIR（自治体国際化協会）", class_name="site-org"),
                rx.el.span("海外事務所フラッシュ", class_name="site-name"),
                class_name="site-brand",
            ),
            search_form(),
            *tools,
            display_settings(),
            class_name="site-header-inner",
        ),
        class_name="site-header",
    )


def site_footer() -> rx.Component:
    return rx.el.footer(
        rx.el.p(
            "このリーダーは CLAIR の配信をもとにした非公式の閲覧用ページです。"
            "元の配信の写真は含まれていないため、写真の代わりに事務所名を示す仮の画像を表示しています。"
        ),
        rx.el.p(shortcut_help_button()),
        class_name="site-footer",
    )

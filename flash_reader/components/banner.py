"""A calm status banner for feed problems: readers keep reading the last good copy."""

from __future__ import annotations

import reflex as rx


def feed_problem_banner(error: rx.Var[str]) -> rx.Component:
    return rx.cond(
        error != "",
        rx.el.div(
            rx.el.p("最新の配信を読み込めませんでした。前回読み込んだ内容を表示しています。"),
            rx.el.details(rx.el.summary("詳細（職員向け）"), rx.el.p(error)),
            role="status",
            class_name="banner banner-notice",
        ),
    )

"""A calm status banner for feed problems: readers keep reading the last good copy."""

from __future__ import annotations

import reflex as rx


def feed_problem_banner(notice: rx.Var[str], detail: rx.Var[str]) -> rx.Component:
    """`notice` for readers (how old the data is); `detail` for staff, folded away."""
    return rx.cond(
        notice != "",
        rx.el.div(
            rx.el.p(notice),
            rx.cond(detail != "",
                    rx.el.details(rx.el.summary("詳細（職員向け）"), rx.el.p(detail))),
            role="status",
            class_name="banner banner-notice",
        ),
    )

"""`/items/<id>` and `/issues/<date>`: one item, one issue, each with its own title."""

from __future__ import annotations

import reflex as rx

from flash_reader import routes
from flash_reader.components.article import item_article
from flash_reader.components.layout import page_shell
from flash_reader.components.timeline import back_numbers
from flash_reader.state.permalink import PermalinkState


def not_found(message: str) -> rx.Component:
    return rx.el.div(
        rx.el.p(message),
        rx.el.p(rx.el.a("最新号を読む", href=routes.READER)),
        role="status",
        class_name="banner banner-notice",
    )


def item_page() -> rx.Component:
    return page_shell(
        rx.el.p(rx.el.a("← 最新号へ", href=routes.READER), class_name="back-link"),
        rx.cond(
            PermalinkState.item.length() > 0,
            rx.el.div(
                rx.el.h1("海外事務所フラッシュ　記事", class_name="issue-heading"),
                rx.foreach(PermalinkState.item, item_article),
            ),
            rx.el.div(
                rx.el.h1("記事が見つかりません", class_name="issue-heading"),
                not_found("この記事は見つかりませんでした。URL をご確認ください。"),
            ),
        ),
    )


def issue_page() -> rx.Component:
    return page_shell(
        rx.el.p(rx.el.a("← 最新号へ", href=routes.READER), class_name="back-link"),
        rx.cond(
            PermalinkState.issue_items.length() > 0,
            rx.el.div(
                rx.el.h1(
                    rx.el.span("海外事務所フラッシュ", class_name="issue-series"),
                    rx.el.span(PermalinkState.issue_label, class_name="issue-date"),
                    class_name="issue-heading",
                ),
                issue_pager(),
                rx.foreach(PermalinkState.issue_items, item_article),
            ),
            rx.el.div(
                rx.el.h1("配信号が見つかりません", class_name="issue-heading"),
                not_found("この日付の配信はありません。"),
            ),
        ),
        back_numbers(),
    )


def issue_pager() -> rx.Component:
    return rx.el.nav(
        rx.el.ul(
            rx.cond(PermalinkState.newer_issue != "",
                    rx.el.li(rx.el.a("次の号（新しい）", href=PermalinkState.newer_issue,
                                     rel="next"))),
            rx.cond(PermalinkState.older_issue != "",
                    rx.el.li(rx.el.a("前の号（古い）", href=PermalinkState.older_issue,
                                     rel="prev"))),
            class_name="pager-list",
        ),
        aria_label="前後の配信号",
        class_name="pager",
    )

"""`/`: the latest issue, or the items matching the reader's office filter and search."""

from __future__ import annotations

import reflex as rx

from flash_reader.components.article import item_article
from flash_reader.components.banner import feed_problem_banner
from flash_reader.components.filters import empty_result, more_results, office_filter, result_status
from flash_reader.components.layout import page_shell
from flash_reader.components.speech import speech_controls
from flash_reader.components.timeline import back_numbers
from flash_reader.state.reader import ReaderState

TITLE = "海外事務所フラッシュ｜CLAIR 自治体国際化協会"
DESCRIPTION = ("CLAIR（自治体国際化協会）の海外事務所から届くニュース"
               "「海外事務所フラッシュ」を読みやすく表示します。")


def reader_page() -> rx.Component:
    return page_shell(
        rx.el.h1(
            rx.el.span("海外事務所フラッシュ", class_name="issue-series"),
            rx.el.span(
                rx.cond(ReaderState.filtering, "絞り込み・検索の結果", ReaderState.issue_label),
                class_name="issue-date",
            ),
            class_name="issue-heading",
        ),
        feed_problem_banner(ReaderState.feed_notice, ReaderState.feed_error),
        rx.el.section(office_filter(), result_status(), aria_label="絞り込み",
                      class_name="filters"),
        empty_result(),
        speech_controls("この号の読み上げ", "表示中の記事をすべて読み上げる"),
        rx.el.div(rx.foreach(ReaderState.items, item_article), class_name="items"),
        more_results(),
        back_numbers(),
    )

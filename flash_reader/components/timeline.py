"""バックナンバー: years → months → issues, the current one marked, older pages on request."""

from __future__ import annotations

import reflex as rx

from flash_reader.state.timeline import IssueLinkView, MonthView, TimelineState, YearView

HEADING_ID = "timeline-heading"


def back_numbers() -> rx.Component:
    return rx.el.nav(
        rx.el.h2("バックナンバー", id=HEADING_ID),
        rx.el.ul(rx.foreach(TimelineState.years, year_entry), class_name="timeline-years"),
        rx.el.p(TimelineState.loaded_summary, class_name="timeline-summary"),
        rx.cond(
            TimelineState.has_older,
            rx.el.button(
                rx.cond(TimelineState.loading, "読み込み中…", "さらに古い号を読み込む"),
                type="button",
                on_click=TimelineState.load_older,
                disabled=TimelineState.loading,
                aria_describedby="timeline-progress",
                class_name="button",
            ),
        ),
        rx.cond(TimelineState.loading,
                rx.el.progress(aria_label="古い号を読み込んでいます",
                               class_name="timeline-progress")),
        rx.el.p(TimelineState.announcement, id="timeline-progress", role="status",
                aria_live="polite", class_name="timeline-status"),
        aria_labelledby=HEADING_ID,
        aria_busy=TimelineState.loading,
        class_name="timeline",
    )


def year_entry(year: rx.Var[YearView]) -> rx.Component:
    return rx.el.li(
        rx.el.details(
            rx.el.summary(year.label),
            rx.el.ul(rx.foreach(year.months, month_entry), class_name="timeline-months"),
            open=year.open,
        ),
    )


def month_entry(month: rx.Var[MonthView]) -> rx.Component:
    return rx.el.li(
        rx.el.span(month.label, class_name="timeline-month"),
        rx.el.ul(rx.foreach(month.issues, issue_entry), class_name="timeline-issues"),
    )


def issue_entry(issue: rx.Var[IssueLinkView]) -> rx.Component:
    return rx.el.li(
        rx.el.a(issue.label, href=issue.url,
                aria_current=rx.cond(issue.current, "page", None)),
    )

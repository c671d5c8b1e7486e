"""事務所で絞り込む: office checkboxes with counts, the live result count, the empty state."""

from __future__ import annotations

import reflex as rx

from flash_reader.state.reader import OfficeOption, ReaderState

RESULT_STATUS_ID = "result-status"


def office_filter() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend("事務所で絞り込む"),
        rx.el.div(
            rx.el.label(
                rx.el.input(type="checkbox", checked=ReaderState.offices.length() == 0,
                            on_change=ReaderState.show_all_offices, class_name="choice-input"),
                rx.el.span("すべて", rx.el.span(f"（{ReaderState.total_count}件）")),
                class_name="choice",
            ),
            rx.foreach(ReaderState.office_options, office_choice),
            class_name="choices",
        ),
        class_name="office-filter",
    )


def office_choice(option: rx.Var[OfficeOption]) -> rx.Component:
    return rx.el.label(
        rx.el.input(type="checkbox", checked=option.checked, value=option.code,
                    on_change=ReaderState.toggle_office(option.code),
                    class_name="choice-input"),
        rx.el.span(option.name, rx.el.span("（", option.count, "件）")),
        class_name="choice",
        data_office=option.code,
    )


def result_status() -> rx.Component:
    """Announced politely whenever the filter or search changes the result."""
    return rx.el.p(ReaderState.result_summary, id=RESULT_STATUS_ID, role="status",
                   aria_live="polite", class_name="result-status")


def empty_result() -> rx.Component:
    return rx.cond(
        ReaderState.filtering & (ReaderState.matching_count == 0),
        rx.el.div(
            rx.el.p("条件に合う記事はありません。"),
            rx.el.button("絞り込みと検索をすべて解除", type="button",
                         on_click=ReaderState.clear_filters, class_name="button"),
            class_name="empty-result",
        ),
    )


def more_results() -> rx.Component:
    return rx.cond(
        ReaderState.has_more,
        rx.el.button("さらに表示", type="button", on_click=ReaderState.show_more,
                     class_name="button more-button"),
    )

"""The 表示設定 panel: text size, colour theme, spacing — handled entirely in the browser.

No Reflex event handlers on purpose: components/scripts/display.js listens for changes on
elements marked `data-display-control`, so a change never reaches the server and the choice
is applied before first paint on the next page load.
"""

from __future__ import annotations

import reflex as rx

from flash_reader.display.palette import CHOOSABLE
from flash_reader.display.stylesheet import SIZE_MAX, SIZE_MIN, SIZE_STEP, SIZE_STEPS

PANEL_ID = "display-settings"
STATUS_ID = "display-status"
FINE_SIZE_ID = "display-size-fine"


def display_settings() -> rx.Component:
    return rx.el.details(
        rx.el.summary("表示設定", rx.el.span("（文字サイズ・色・間隔）", class_name="summary-hint"),
                      class_name="display-summary"),
        rx.el.div(
            size_fieldset(),
            theme_fieldset(),
            spacing_fieldset(),
            *reading_fieldsets(),
            rx.el.div(
                rx.el.button("初期設定に戻す", type="button", data_display_reset="",
                             class_name="button"),
                rx.el.p(id=STATUS_ID, role="status", aria_live="polite",
                        class_name="display-status"),
                class_name="display-actions",
            ),
            class_name="display-panel",
        ),
        id=PANEL_ID,
        class_name="display-settings",
    )


def _choice(kind: str, name: str, value: str, *label: rx.Component | str,
            input_type: str = "radio") -> rx.Component:
    return rx.el.label(
        rx.el.input(type=input_type, name=name, value=value, data_display_control=kind,
                    class_name="choice-input"),
        rx.el.span(*label, class_name="choice-label"),
        class_name="choice",
    )


def size_fieldset() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend("文字サイズ"),
        rx.el.div(
            *(_choice("size", "fr-size", str(percent), f"{label}（{percent}%）")
              for label, percent in SIZE_STEPS.items()),
            class_name="choices",
        ),
        rx.el.div(
            rx.el.label("細かく調整", html_for=FINE_SIZE_ID),
            rx.el.input(type="range", id=FINE_SIZE_ID, min=SIZE_MIN, max=SIZE_MAX,
                        step=SIZE_STEP, default_value=str(SIZE_MIN), data_display_control="size",
                        aria_valuetext=f"{SIZE_MIN}%", class_name="size-range"),
            # Shown through CSS (attr(data-value)): changing text before React hydrates
            # would make React re-render the whole document.
            rx.el.span(data_display_output="size", data_value=str(SIZE_MIN), aria_hidden="true",
                       class_name="size-value"),
            class_name="size-fine",
        ),
    )


def theme_fieldset() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend("色"),
        rx.el.div(
            _choice("theme", "fr-theme", "", "端末の設定に合わせる"),
            *(_choice("theme", "fr-theme", theme.name,
                      rx.el.span("あA", class_name="theme-swatch", data_swatch=theme.name,
                                 aria_hidden="true"),
                      theme.label)
              for theme in CHOOSABLE),
            class_name="choices",
        ),
        rx.el.p("端末のハイコントラスト設定が有効なため、その色で表示しています。",
                class_name="forced-colors-note"),
    )


def spacing_fieldset() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend("間隔と行の長さ"),
        rx.el.div(
            _choice("spacing", "fr-spacing", "wide", "行間・文字間・段落の間を広げる",
                    input_type="checkbox"),
            _choice("measure", "fr-measure", "narrow", "1行を約40字までにする",
                    input_type="checkbox"),
            class_name="choices choices-stacked",
        ),
    )


# Radios, not selects: a select cannot wrap its text, and at 320 px with 300% text the longer
# choices were cut off. The words are the ones scripts/display.js announces (a test compares).
FURIGANA_LEGEND = "ふりがなを付ける漢字"
FURIGANA_OPTIONS = (("", "なし"), ("all", "すべての漢字"),
                    *((f"grade-{g}", f"小学{g}年より上の漢字") for g in range(1, 6)),
                    ("grade-6", "小学校で習わない漢字"))
RATE_LEGEND = "読み上げの速さ"
RATE_OPTIONS = (("0.7", "ゆっくり"), ("0.85", "少しゆっくり"), ("", "ふつう"), ("1.2", "少し速く"),
                ("1.5", "速く"))


def _radio_fieldset(kind: str, legend: str,
                    options: tuple[tuple[str, str], ...]) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(legend),
        rx.el.div(*(_choice(kind, f"fr-{kind}", value, text) for value, text in options),
                  class_name="choices"),
    )


def reading_fieldsets() -> tuple[rx.Component, ...]:
    return (_radio_fieldset("furigana", FURIGANA_LEGEND, FURIGANA_OPTIONS),
            _radio_fieldset("rate", RATE_LEGEND, RATE_OPTIONS))

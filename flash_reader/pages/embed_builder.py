"""`/embed/builder`: staff choose offices, count, theme and height; see a live preview; copy."""

from __future__ import annotations

import reflex as rx

from flash_reader.components.layout import page_shell
from flash_reader.embed.params import LIMIT_MAX, LIMIT_MIN
from flash_reader.state.embed_builder import (
    HEIGHTS,
    THEME_LABELS,
    EmbedBuilderState,
    OfficeChoice,
)

TITLE = "埋め込みコードの作成｜海外事務所フラッシュ"
SNIPPET_ID = "snippet"
COPY_STATUS_ID = "copy-status"


def office_choice(choice: rx.Var[OfficeChoice]) -> rx.Component:
    return rx.el.label(
        rx.el.input(type="checkbox", checked=choice.checked,
                    on_change=EmbedBuilderState.toggle_office(choice.code),
                    class_name="choice-input"),
        rx.el.span(choice.name),
        class_name="choice",
    )


def labelled_select(label: str, select_id: str, value: rx.Var, on_change,
                    options: list[tuple[str, str]]) -> rx.Component:
    return rx.el.div(
        rx.el.label(label, html_for=select_id),
        rx.el.select(*(rx.el.option(text, value=v) for v, text in options), id=select_id,
                     value=value.to(str), on_change=on_change, class_name="select"),
        class_name="field",
    )


def embed_builder_page() -> rx.Component:
    return page_shell(
        rx.el.h1("埋め込みコードの作成", class_name="issue-heading"),
        rx.el.p("自治体のウェブサイトに、海外事務所フラッシュの新着記事を表示できます。"
                "事務所・件数・色・高さを選ぶと、下のプレビューとコードが変わります。"),
        rx.el.section(
            rx.el.h2("設定", id="builder-settings"),
            rx.el.fieldset(
                rx.el.legend("表示する事務所（選ばなければ全事務所）"),
                rx.el.div(rx.foreach(EmbedBuilderState.office_choices, office_choice),
                          class_name="choices"),
                class_name="office-filter",
            ),
            labelled_select("件数", "builder-limit", EmbedBuilderState.limit,
                            EmbedBuilderState.set_limit,
                            [(str(n), f"{n}件") for n in range(LIMIT_MIN, LIMIT_MAX + 1)]),
            labelled_select("色", "builder-theme", EmbedBuilderState.theme,
                            EmbedBuilderState.set_theme, list(THEME_LABELS.items())),
            labelled_select("高さ", "builder-height", EmbedBuilderState.height,
                            EmbedBuilderState.set_height, [(str(h), f"{h}px") for h in HEIGHTS]),
            aria_labelledby="builder-settings",
            data_clears_status=COPY_STATUS_ID,
            class_name="builder-settings",
        ),
        rx.el.section(
            rx.el.h2("プレビュー", id="builder-preview"),
            rx.el.iframe(src=EmbedBuilderState.preview_src, title=EmbedBuilderState.preview_title,
                         custom_attrs={"height": EmbedBuilderState.height, "width": "360"},
                         loading="lazy", class_name="builder-frame"),
            aria_labelledby="builder-preview",
        ),
        rx.el.section(
            rx.el.h2("埋め込みコード", id="builder-code"),
            rx.el.label("このコードをウェブサイトの HTML に貼り付けてください",
                        html_for=SNIPPET_ID),
            rx.el.textarea(value=EmbedBuilderState.snippet, id=SNIPPET_ID, read_only=True,
                           rows=5, class_name="snippet"),
            rx.el.div(
                # Copied in the browser by components/scripts/copy.js, which also says what
                # happened in the status below (and what to do when the browser cannot copy).
                rx.el.button("コードをコピー", type="button", data_copy_target=SNIPPET_ID,
                             data_copy_status=COPY_STATUS_ID, class_name="button"),
                rx.el.p(id=COPY_STATUS_ID, role="status", aria_live="polite",
                        class_name="copy-status"),
                class_name="display-actions",
            ),
            aria_labelledby="builder-code",
        ),
    )

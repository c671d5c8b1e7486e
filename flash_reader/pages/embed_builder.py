"""`/embed/builder`: staff choose offices, count, language, colours and size; see a live
preview; check that their site may show it; copy the code."""

from __future__ import annotations

import reflex as rx

from flash_reader.components.layout import page_shell
from flash_reader.embed.builder_choices import ORIGIN_MAX_CHARS, SIZE_DIGITS
from flash_reader.embed.params import (
    HEIGHT_DEFAULT,
    HEIGHT_MAX,
    HEIGHT_MIN,
    LIMIT_MAX,
    LIMIT_MIN,
    WIDTH_DEFAULT,
    WIDTH_MAX,
    WIDTH_MIN,
)
from flash_reader.state.embed_builder import (
    LANG_LABELS,
    THEME_LABELS,
    EmbedBuilderState,
    OfficeChoice,
)

TITLE = "埋め込みコードの作成｜海外事務所フラッシュ"
SNIPPET_ID = "snippet"
COPY_STATUS_ID = "copy-status"
ORIGIN_INPUT_ID = "builder-origin"
ORIGIN_STATUS_ID = "origin-status"


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


def size_field(label: str, input_id: str, default: int, low: int, high: int, on_change,
               problem: rx.Var) -> rx.Component:
    """A number of pixels typed freely; the state keeps it only when it is in bounds (and
    says so beside the box, without moving the caret: the box is not controlled)."""
    hint_id = f"{input_id}-hint"
    return rx.el.div(
        rx.el.label(f"{label}（{low}〜{high} ピクセル）", html_for=input_id),
        # type="text": Reflex hands a number box's value over as a float ("1e3" → 1000.0);
        # the state takes the typed digits as they are.
        rx.el.input(type="text", id=input_id, default_value=str(default),
                    input_mode="numeric", max_length=SIZE_DIGITS, auto_complete="off",
                    on_change=on_change, aria_describedby=hint_id,
                    aria_invalid=rx.cond(problem != "", "true", "false"),
                    class_name="select"),
        rx.el.p(problem, id=hint_id, class_name="copy-status"),
        class_name="field",
    )


def allowed_sites() -> rx.Component:
    return rx.el.section(
        rx.el.h2("埋め込みを許可されているサイト", id="builder-sites"),
        rx.el.p("このコードが表示されるのは、次のサイトだけです。ほかのサイトに貼り付けると、"
                "ブラウザーが表示を止め、枠の中は空白になります。自分のサイトが一覧にないときは、"
                "この閲覧サイトの管理者に、サイトのアドレス（https://www.city.example.lg.jp の形）"
                "を伝えて追加を依頼してください。"),
        rx.cond(
            EmbedBuilderState.allowed_sites.length() > 0,
            rx.el.ul(rx.foreach(EmbedBuilderState.allowed_sites,
                                lambda site: rx.el.li(rx.el.code(site))),
                     class_name="allowed-sites"),
            rx.el.p("今は、許可されているサイトはありません。", class_name="allowed-sites-none"),
        ),
        rx.el.form(
            rx.el.div(
                rx.el.label("あなたのサイトのアドレス", html_for=ORIGIN_INPUT_ID),
                rx.el.input(id=ORIGIN_INPUT_ID, name="origin", type="text", input_mode="url",
                            auto_complete="url", spell_check=False, auto_capitalize="none",
                            max_length=ORIGIN_MAX_CHARS,
                            placeholder="https://www.city.example.lg.jp",
                            aria_describedby=ORIGIN_STATUS_ID, class_name="select"),
                rx.el.button("このサイトで試す", type="submit", class_name="button"),
                class_name="field",
            ),
            on_submit=EmbedBuilderState.check_origin,
            reset_on_submit=False,
        ),
        rx.el.p(EmbedBuilderState.origin_message, id=ORIGIN_STATUS_ID, role="status",
                aria_live="polite", class_name="copy-status"),
        aria_labelledby="builder-sites",
    )


def embed_builder_page() -> rx.Component:
    return page_shell(
        rx.el.h1("埋め込みコードの作成", class_name="issue-heading"),
        rx.el.p("自治体のウェブサイトに、海外事務所フラッシュの新着記事を表示できます。"
                "事務所・件数・言語・色・大きさを選ぶと、下のプレビューとコードが変わります。"),
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
            labelled_select("言語", "builder-lang", EmbedBuilderState.lang,
                            EmbedBuilderState.set_lang, list(LANG_LABELS.items())),
            labelled_select("色", "builder-theme", EmbedBuilderState.theme,
                            EmbedBuilderState.set_theme, list(THEME_LABELS.items())),
            size_field("高さ", "builder-height", HEIGHT_DEFAULT,
                       HEIGHT_MIN, HEIGHT_MAX, EmbedBuilderState.set_height,
                       EmbedBuilderState.height_problem),
            size_field("幅", "builder-width", WIDTH_DEFAULT,
                       WIDTH_MIN, WIDTH_MAX, EmbedBuilderState.set_width,
                       EmbedBuilderState.width_problem),
            aria_labelledby="builder-settings",
            data_clears_status=COPY_STATUS_ID,
            class_name="builder-settings",
        ),
        rx.el.section(
            rx.el.h2("プレビュー", id="builder-preview"),
            rx.el.iframe(src=EmbedBuilderState.preview_src, title=EmbedBuilderState.preview_title,
                         custom_attrs={"height": EmbedBuilderState.height,
                                       "width": EmbedBuilderState.width},
                         loading="lazy", class_name="builder-frame"),
            aria_labelledby="builder-preview",
        ),
        allowed_sites(),
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

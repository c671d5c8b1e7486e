"""`/embed/builder`: staff choose offices, count, language, colours and size; see a live
preview; check that their site may show it; copy the code."""

from __future__ import annotations

import reflex as rx

from flash_reader import i18n, routes
from flash_reader.components.layout import page_shell
from flash_reader.embed.builder_choices import ORIGIN_MAX_CHARS, SIZE_DIGITS
from flash_reader.embed.params import HEIGHT_DEFAULT, WIDTH_DEFAULT
from flash_reader.state.embed_builder import EmbedBuilderState, OfficeChoice

# The words are the state's `words` (flash_reader/i18n, in the page's language: ?lang= or the
# fr_lang cookie, read by on_load); the prerendered page is Japanese until then.
W = EmbedBuilderState.words
TITLE = i18n.text("ja", "builder.page_title")
SNIPPET_ID = "snippet"
COPY_STATUS_ID = "copy-status"
ORIGIN_INPUT_ID = "builder-origin"
ORIGIN_STATUS_ID = "origin-status"
CONFORMANCE_JA_ID = "conformance-ja"
CONFORMANCE_EN_ID = "conformance-en"


def office_choice(choice: rx.Var[OfficeChoice]) -> rx.Component:
    return rx.el.label(
        rx.el.input(type="checkbox", checked=choice.checked,
                    on_change=EmbedBuilderState.toggle_office(choice.code),
                    class_name="choice-input"),
        rx.el.span(choice.name),
        class_name="choice",
    )


def labelled_select(label: rx.Var, select_id: str, value: rx.Var, on_change,
                    options: rx.Var) -> rx.Component:
    return rx.el.div(
        rx.el.label(label, html_for=select_id),
        rx.el.select(rx.foreach(options, lambda o: rx.el.option(o[1], value=o[0])),
                     id=select_id, value=value.to(str), on_change=on_change,
                     class_name="select"),
        class_name="field",
    )


def size_field(label: rx.Var, input_id: str, default: int, on_change,
               problem: rx.Var) -> rx.Component:
    """A number of pixels typed freely; the state keeps it only when it is in bounds (and
    says so beside the box, without moving the caret: the box is not controlled)."""
    hint_id = f"{input_id}-hint"
    return rx.el.div(
        rx.el.label(label, html_for=input_id),
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
        rx.el.h2(W["sites"], id="builder-sites"),
        rx.el.p(W["sites.text"]),
        rx.cond(
            EmbedBuilderState.allowed_sites.length() > 0,
            rx.el.ul(rx.foreach(EmbedBuilderState.allowed_sites,
                                lambda site: rx.el.li(rx.el.code(site))),
                     class_name="allowed-sites"),
            rx.el.p(W["sites.none"], class_name="allowed-sites-none"),
        ),
        rx.el.form(
            rx.el.div(
                rx.el.label(W["origin"], html_for=ORIGIN_INPUT_ID),
                rx.el.input(id=ORIGIN_INPUT_ID, name="origin", type="text", input_mode="url",
                            auto_complete="url", spell_check=False, auto_capitalize="none",
                            max_length=ORIGIN_MAX_CHARS,
                            placeholder="https://www.city.example.lg.jp",
                            aria_describedby=ORIGIN_STATUS_ID, class_name="select"),
                rx.el.button(W["try"], type="submit", class_name="button"),
                class_name="field",
            ),
            on_submit=EmbedBuilderState.check_origin,
            reset_on_submit=False,
        ),
        rx.el.p(EmbedBuilderState.origin_message, id=ORIGIN_STATUS_ID, role="status",
                aria_live="polite", class_name="copy-status"),
        aria_labelledby="builder-sites",
    )


def copyable_text(field_id: str, label: rx.Var, text: rx.Var, lang: str,
                  copy: rx.Var) -> rx.Component:
    status_id = f"{field_id}-status"
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.textarea(value=text, id=field_id, read_only=True, rows=8, lang=lang,
                       class_name="snippet"),
        rx.el.div(
            rx.el.button(copy, type="button", data_copy_target=field_id,
                         data_copy_status=status_id, data_copied="js.copied_statement",
                         class_name="button"),
            rx.el.p(id=status_id, role="status", aria_live="polite", class_name="copy-status"),
            class_name="display-actions",
        ),
        class_name="field",
    )


def conformance_block() -> rx.Component:
    """What the host cites for the widget in its own accessibility results (issue 24)."""
    return rx.el.section(
        rx.el.h2(W["conformance"], id="builder-conformance"),
        rx.el.p(W["conformance.text"]),
        copyable_text(CONFORMANCE_JA_ID, W["conformance_ja"],
                      EmbedBuilderState.conformance_texts[0], "ja", W["copy_ja"]),
        copyable_text(CONFORMANCE_EN_ID, W["conformance_en"],
                      EmbedBuilderState.conformance_texts[1], "en", W["copy_en"]),
        rx.el.p(rx.el.a(W["conformance_json"], href=EmbedBuilderState.conformance_json_url,
                        id="builder-conformance-json")),
        aria_labelledby="builder-conformance",
    )


def embed_builder_page() -> rx.Component:
    return page_shell(
        rx.el.h1(W["heading"], class_name="issue-heading"),
        rx.el.p(W["intro"]),
        rx.el.section(
            rx.el.h2(W["settings"], id="builder-settings"),
            rx.el.fieldset(
                rx.el.legend(W["offices"]),
                rx.el.div(rx.foreach(EmbedBuilderState.office_choices, office_choice),
                          class_name="choices"),
                class_name="office-filter",
            ),
            labelled_select(W["limit"], "builder-limit", EmbedBuilderState.limit,
                            EmbedBuilderState.set_limit, EmbedBuilderState.limit_options),
            labelled_select(W["lang"], "builder-lang", EmbedBuilderState.lang,
                            EmbedBuilderState.set_lang, EmbedBuilderState.lang_options),
            labelled_select(W["theme"], "builder-theme", EmbedBuilderState.theme,
                            EmbedBuilderState.set_theme, EmbedBuilderState.theme_options),
            size_field(W["height_label"], "builder-height", HEIGHT_DEFAULT,
                       EmbedBuilderState.set_height, EmbedBuilderState.height_problem),
            size_field(W["width_label"], "builder-width", WIDTH_DEFAULT,
                       EmbedBuilderState.set_width, EmbedBuilderState.width_problem),
            aria_labelledby="builder-settings",
            data_clears_status=COPY_STATUS_ID,
            class_name="builder-settings",
        ),
        rx.el.section(
            rx.el.h2(W["preview"], id="builder-preview"),
            rx.el.iframe(src=EmbedBuilderState.preview_src, title=EmbedBuilderState.preview_title,
                         custom_attrs={"height": EmbedBuilderState.height,
                                       "width": EmbedBuilderState.width},
                         loading="lazy", class_name="builder-frame"),
            aria_labelledby="builder-preview",
        ),
        allowed_sites(),
        rx.el.section(
            rx.el.h2(W["code"], id="builder-code"),
            rx.cond(EmbedBuilderState.address_warning != "",
                    rx.el.p(EmbedBuilderState.address_warning, id="builder-address-warning",
                            class_name="banner banner-notice")),
            rx.el.label(W["code_label"], html_for=SNIPPET_ID),
            rx.el.textarea(value=EmbedBuilderState.snippet, id=SNIPPET_ID, read_only=True,
                           rows=5, class_name="snippet"),
            rx.el.div(
                # Copied in the browser by components/scripts/copy.js, which also says what
                # happened in the status below (and what to do when the browser cannot copy).
                rx.el.button(W["copy"], type="button", data_copy_target=SNIPPET_ID,
                             data_copy_status=COPY_STATUS_ID, class_name="button"),
                rx.el.p(id=COPY_STATUS_ID, role="status", aria_live="polite",
                        class_name="copy-status"),
                class_name="display-actions",
            ),
            aria_labelledby="builder-code",
        ),
        conformance_block(),
        lang=EmbedBuilderState.ui_lang, title=W["page_title"], path=routes.EMBED_BUILDER,
    )

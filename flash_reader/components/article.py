"""One bulletin item as an <article>: heading, office, photo with caption, body."""

from __future__ import annotations

import reflex as rx

from flash_reader.components.speech import speech_controls
from flash_reader.views import ItemView, SpanView


def item_article(item: rx.Var[ItemView]) -> rx.Component:
    return rx.el.article(
        # The label keeps the name one plain string (ruby would split it into words).
        # elementtiming: the browser reports when this text was first painted (benchmarks).
        rx.el.h2(rx.foreach(item.title_parts, text_part), id=item.heading_id,
                 aria_label=item.title, class_name="item-title",
                 custom_attrs={"elementtiming": "item-title"}),
        rx.el.p(
            rx.el.span(
                rx.el.span("発信：", class_name="visually-hidden"),
                rx.foreach(item.office_parts, text_part),
                class_name="item-office",
                data_office=item.office_code,
            ),
            rx.cond(item.issue_link != "",
                    rx.el.a(item.issue_label, href=item.issue_link, class_name="item-issue")),
            rx.el.a("この記事へのリンク", href=item.permalink, class_name="item-permalink",
                    aria_label=item.title.to(str) + " へのリンク"),
            class_name="item-meta",
        ),
        speech_controls("この記事の読み上げ", "この記事を読み上げる"),
        rx.cond(item.has_photo, photo_figure(item)),
        rx.foreach(item.paragraphs, paragraph),
        aria_labelledby=item.heading_id,
        class_name="item",
        data_item_id=item.id,
        tab_index=-1,  # j/k move focus here
    )


def photo_figure(item: rx.Var[ItemView]) -> rx.Component:
    return rx.el.figure(
        rx.el.img(
            src=item.photo_src,
            alt=item.photo_alt,
            # The head script swaps in this placeholder if the photo fails to load.
            data_fallback=item.photo_fallback,
            # As attributes (Reflex would turn width=/height= into CSS): they reserve the
            # 4:3 box before the image loads, while CSS keeps it within the column.
            custom_attrs={"width": "400", "height": "300"},
            loading="lazy",
            decoding="async",
            class_name="item-photo",
        ),
        rx.cond(item.caption != "",
                rx.el.figcaption(rx.foreach(item.caption_parts, text_part),
                                 class_name="item-caption")),
        # A plain-text name: computed from the ruby in the caption it would gain word gaps.
        aria_label=rx.cond(item.caption != "", "写真：" + item.caption.to(str), item.photo_alt),
        class_name="item-figure",
    )


def paragraph(spans: rx.Var[list[SpanView]]) -> rx.Component:
    return rx.el.p(rx.foreach(spans, span), class_name="item-paragraph")


def span(part: rx.Var[SpanView]) -> rx.Component:
    return rx.cond(part.href != "", rx.el.a(text_part(part), href=part.href), text_part(part))


def text_part(part: rx.Var[SpanView]) -> rx.Component:
    """Plain text or a word with furigana; a search match in <mark>."""
    return rx.cond(part.mark, rx.el.mark(word(part)), word(part))


def word(part: rx.Var[SpanView]) -> rx.Component:
    # The reading is aria-hidden: screen readers read the word once, from its kanji.
    return rx.cond(
        part.reading != "",
        rx.el.ruby(part.text, rx.el.rt(part.reading, aria_hidden="true"),
                   data_grade=part.grade),
        rx.fragment(part.text),
    )

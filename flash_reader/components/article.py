"""One bulletin item as an <article>: heading, office, photo with caption, body."""

from __future__ import annotations

import reflex as rx

from flash_reader.views import ItemView, SpanView


def item_article(item: rx.Var[ItemView]) -> rx.Component:
    return rx.el.article(
        rx.el.h2(item.title, id=item.heading_id, class_name="item-title"),
        rx.el.p(
            rx.el.span("発信：", class_name="visually-hidden"),
            item.office_name,
            class_name="item-office",
            data_office=item.office_code,
        ),
        rx.cond(item.has_photo, photo_figure(item)),
        rx.foreach(item.paragraphs, paragraph),
        aria_labelledby=item.heading_id,
        class_name="item",
        data_item_id=item.id,
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
        rx.cond(item.caption != "", rx.el.figcaption(item.caption, class_name="item-caption")),
        class_name="item-figure",
    )


def paragraph(spans: rx.Var[list[SpanView]]) -> rx.Component:
    return rx.el.p(rx.foreach(spans, span), class_name="item-paragraph")


def span(part: rx.Var[SpanView]) -> rx.Component:
    return rx.cond(part.href != "", rx.el.a(part.text, href=part.href), rx.fragment(part.text))

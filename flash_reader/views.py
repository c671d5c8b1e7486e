"""What a client is sent: small, flat view objects built from the shared store.

Built by plain functions (tested without Reflex) and exposed through computed vars.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib

from flash_reader import routes
from flash_reader.feed.model import Item
from flash_reader.feed.search import split_marked
from flash_reader.reading.cache import annotate
from flash_reader.reading.furigana import Segment

NO_CAPTION_ALT = "写真（説明はありません）"


@dataclasses.dataclass(frozen=True)
class SpanView:
    text: str
    href: str = ""
    mark: bool = False  # a search match, shown as <mark>
    reading: str = ""  # furigana over `text` (shown or hidden by the reader's setting)
    grade: int = 0  # school grade of its hardest kanji: the furigana setting filters on it


@dataclasses.dataclass(frozen=True)
class ItemView:
    id: str
    heading_id: str
    title: str
    title_parts: list[SpanView]
    office_code: str
    office_name: str
    office_parts: list[SpanView]
    issue_label: str
    paragraphs: list[list[SpanView]]
    photo_src: str
    photo_fallback: str
    photo_alt: str
    caption: str
    caption_parts: list[SpanView]
    has_photo: bool
    link_lost: bool
    permalink: str
    issue_link: str


def issue_label(date: dt.date | None) -> str:
    return f"{date.year}年{date.month}月{date.day}日配信" if date else "配信日不明"


def marked(text: str, terms: tuple[str, ...], href: str = "") -> list[SpanView]:
    """`text` as spans: search matches marked, words with kanji carrying their reading."""
    return [span for piece, mark in split_marked(text, terms)
            for span in _spans(piece, href, mark)]


@functools.lru_cache(maxsize=200_000)
def _spans(piece: str, href: str, mark: bool) -> tuple[SpanView, ...]:
    # Immutable views of immutable text: built once, shared by every client that shows them.
    return tuple(SpanView(segment.text, href, mark, segment.reading, segment.grade)
                 for segment in (annotate(piece) or (Segment(piece),)))


def item_view(item: Item, terms: tuple[str, ...] = ()) -> ItemView:
    """The view of one item; `terms` (folded search terms) are marked wherever they occur."""
    photo = item.photo
    caption = photo.caption if photo else ""
    fallback = routes.placeholder_photo(item.office.code)
    return ItemView(
        id=item.id,
        heading_id=f"item-{_dom_id(item.id)}",
        title=item.title,
        title_parts=marked(item.title, terms),
        office_code=item.office.code,
        office_name=item.office.name,
        office_parts=marked(item.office.name, terms),
        issue_label=issue_label(item.issue_date),
        paragraphs=[[part for s in p for part in marked(s.text, terms, s.href or "")]
                    for p in item.paragraphs],
        photo_src=(photo.url or fallback) if photo else "",
        photo_fallback=fallback,
        photo_alt=(photo.caption or NO_CAPTION_ALT) if photo else "",
        caption=caption,
        caption_parts=marked(caption, terms),
        has_photo=photo is not None,
        link_lost=item.link_lost,
        permalink=routes.item_url(item.id),
        issue_link=routes.issue_url(item.issue_date) if item.issue_date else "",
    )


def _dom_id(value: str) -> str:
    """An HTML id from a feed id; a hash keeps ids unique when characters had to go."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "_" for ch in value)
    if safe == value:
        return safe
    return f"{safe[:40]}-{hashlib.sha1(value.encode()).hexdigest()[:8]}"


JST = dt.timezone(dt.timedelta(hours=9), "JST")


def staleness_notice(snapshot) -> str:
    """What readers are told when the feed server failed (empty when all is well)."""
    if not snapshot.error:
        return ""
    if snapshot.feed is None:
        return "配信元からニュースを読み込めませんでした。しばらくしてから再読み込みしてください。"
    if snapshot.loaded_at is None:
        return "最新の配信を読み込めませんでした。前回読み込んだ内容を表示しています。"
    when = snapshot.loaded_at.astimezone(JST)
    return (f"配信元に接続できないため、{when.year}年{when.month}月{when.day}日 "
            f"{when:%H:%M} に取得した内容を表示しています（最新ではない可能性があります）。")

"""Item views: small, flat, immutable objects built from model items, rendered to HTML by
flash_reader/render. Plain functions, tested without Reflex or a browser.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib

from flash_reader import i18n, routes
from flash_reader.feed.model import Item, Photo
from flash_reader.feed.search import split_marked
from flash_reader.reading.cache import annotate
from flash_reader.reading.furigana import Segment


@dataclasses.dataclass(frozen=True)
class SpanView:
    text: str
    href: str = ""
    mark: bool = False  # a search match, shown as <mark>
    reading: str = ""  # furigana over `text` (shown or hidden by the reader's setting)
    grade: int = 0  # school grade of its hardest kanji: the furigana setting filters on it


@dataclasses.dataclass(frozen=True)
class FigureView:
    """A further photo of an item that has several: the same rules as the first."""

    src: str
    alt: str
    real: bool
    caption: str
    caption_parts: list[SpanView]


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
    photo_fallback_alt: str  # the image's name if the photo fails and the placeholder shows
    photo_real: bool  # False: the feed has no photo, only its caption (placeholder shown)
    caption: str
    caption_parts: list[SpanView]
    has_photo: bool
    link_lost: bool
    permalink: str
    issue_link: str
    source_url: str  # the item's page at the source, if the feed gives one
    more_figures: tuple[FigureView, ...] = ()
    # What the view is a function of, when a renderer may share its HTML between pages
    # (render/page_views.py sets it; empty: render it every time).
    render_key: tuple = ()

    @property
    def photos_missing(self) -> bool:
        """The feed names a photo of this item but has no image for it (only the caption)."""
        return ((self.has_photo and not self.photo_real)
                or any(not figure.real for figure in self.more_figures))


def issue_label(date: dt.date | None, lang: str = i18n.DEFAULT) -> str:
    if date is None:
        return i18n.text(lang, "issue.unknown")
    return i18n.text(lang, "issue.label", date=i18n.date_text(lang, date.year, date.month,
                                                              date.day))


def marked(text: str, terms: tuple[str, ...], href: str = "", *,
           readings: bool = True) -> list[SpanView]:
    """`text` as spans: search matches marked; with `readings`, words with kanji carry their
    reading (without, no time is spent on them)."""
    pieces = split_marked(text, terms)
    if not readings:
        return [SpanView(piece, href, mark) for piece, mark in pieces]
    segments = _segments(text)
    if len(pieces) == 1:
        return [SpanView(seg.text, href, pieces[0][1], seg.reading, seg.grade)
                for seg in segments]
    # Readings come from the whole text (a search must not change them: 「13日」 split at
    # 「13」 would read 日 as ひ); marks are laid over the words afterwards.
    bounds, start = [], 0
    for piece, mark in pieces:
        bounds.append((start, start + len(piece), mark))
        start += len(piece)
    spans, position = [], 0
    for seg in segments:
        end = position + len(seg.text)
        if seg.reading:
            # A word with a reading stays whole: marked if any of it matched.
            mark = any(mark and b_start < end and position < b_end
                       for b_start, b_end, mark in bounds)
            spans.append(SpanView(seg.text, href, mark, seg.reading, seg.grade))
        else:
            for b_start, b_end, mark in bounds:
                left, right = max(b_start, position), min(b_end, end)
                if left < right:
                    spans.append(SpanView(text[left:right], href, mark))
        position = end
    return spans


@functools.lru_cache(maxsize=200_000)
def _segments(text: str) -> tuple[Segment, ...]:
    # Immutable readings of immutable text: built once, shared by every view that shows them.
    segments = tuple(annotate(text) or (Segment(text),))
    return segments if "".join(s.text for s in segments) == text else (Segment(text),)


def placeholder_alt(office_name: str, lang: str = i18n.DEFAULT, code: str = "") -> str:
    """The name of the placeholder image: says that no photo is shown, and whose it was."""
    return i18n.text(lang, "photo.placeholder", office=i18n.office_name(lang, code, office_name))


def item_view(item: Item, terms: tuple[str, ...] = (), *, readings: bool = True,
              lang: str = i18n.DEFAULT) -> ItemView:
    """The view of one item; `terms` (folded search terms) are marked wherever they occur."""
    photo = item.photo
    caption = photo.caption if photo else ""
    fallback = routes.placeholder_photo(item.office.code, lang)
    real = bool(photo and photo.url)
    return ItemView(
        id=item.id,
        heading_id=f"item-{_dom_id(item.id)}",
        title=item.title,
        title_parts=marked(item.title, terms, readings=readings),
        office_code=item.office.code,
        office_name=item.office.name,
        office_parts=marked(item.office.name, terms, readings=readings),
        issue_label=issue_label(item.issue_date, lang),
        paragraphs=[[part for s in p
                     for part in marked(s.text, terms, s.href or "", readings=readings)]
                    for p in item.paragraphs],
        photo_src=(photo.url or fallback) if photo else "",
        photo_fallback=fallback,
        photo_alt=_photo_alt(photo, item, lang) if photo else "",
        photo_fallback_alt=placeholder_alt(item.office.name, lang, item.office.code),
        photo_real=real,
        caption=caption,
        caption_parts=marked(caption, terms, readings=readings),
        has_photo=photo is not None,
        link_lost=item.link_lost,
        permalink=routes.item_url(item.id),
        issue_link=routes.issue_url(item.issue_date) if item.issue_date else "",
        source_url=item.url or "",
        more_figures=tuple(_figure(p, item, terms, readings, lang, fallback)
                           for p in item.more_photos),
    )


def _photo_alt(photo: Photo, item: Item, lang: str) -> str:
    """A real photo is named by its caption; a placeholder says no photo is shown (the
    caption is then read once, from the figcaption)."""
    if photo.url:
        return photo.caption or i18n.text(lang, "photo.no_caption")
    return placeholder_alt(item.office.name, lang, item.office.code)


def _figure(photo: Photo, item: Item, terms: tuple[str, ...], readings: bool, lang: str,
            fallback: str) -> FigureView:
    return FigureView(
        src=photo.url or fallback, alt=_photo_alt(photo, item, lang), real=bool(photo.url),
        caption=photo.caption, caption_parts=marked(photo.caption, terms, readings=readings))


def _dom_id(value: str) -> str:
    """An HTML id from a feed id; a hash keeps ids unique when characters had to go."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "_" for ch in value)
    if safe == value:
        return safe
    return f"{safe[:40]}-{hashlib.sha1(value.encode()).hexdigest()[:8]}"


JST = dt.timezone(dt.timedelta(hours=9), "JST")


_STALE_REASON = {"fetch": "stale.down", "status": "stale.status", "data": "stale.data"}


def staleness_notice(snapshot, lang: str = i18n.DEFAULT) -> str:
    """What readers are told when the feed server failed (empty when all is well)."""
    if not snapshot.error:
        return ""
    if snapshot.feed is None:
        return i18n.text(lang, "stale.none")
    if snapshot.loaded_at is None:
        return i18n.text(lang, "stale.unknown_time")
    when = snapshot.loaded_at.astimezone(JST)
    # No answer, an error answer, or data we cannot use: say which, truthfully.
    reason = i18n.text(lang, _STALE_REASON.get(snapshot.error_kind, "stale.down"))
    return i18n.text(lang, "stale.since", reason=reason,
                     date=i18n.date_text(lang, when.year, when.month, when.day),
                     time=f"{when:%H:%M}")

"""oEmbed (https://oembed.com/): a `rich` answer whose html is an iframe of what the URL shows.

- an article (`/items/<id>`) → a card of that article (`/embed/items/<id>`);
- an issue (`/issues/<date>`) → a card of that issue's headlines (`/embed/issues/<date>`);
- the reader (`/`, `/?office=…`) or a widget URL (`/embed?…`) → the list widget.
Answers in JSON or XML (the spec's two formats); errors in Japanese, or English with lang=en.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from html import escape
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from flash_reader import i18n, routes
from flash_reader.embed.feeds_out import xml_text
from flash_reader.embed.params import LANGS, ParamError, WidgetParams, parse_widget_params
from flash_reader.embed.widget import EMBED_ISSUE_PREFIX, EMBED_ITEM_PREFIX, issue_label
from flash_reader.i18n import Message
from flash_reader.store import Snapshot

PROVIDER = "CLAIR 海外事務所フラッシュ（flash-reader）"
PUBLISHER = "CLAIR（自治体国際化協会）"
CACHE_AGE = 3600
CARD_HEIGHT = 480
URL_MAX_CHARS = 2_000


class OEmbedNotFound(LookupError):
    """The URL is not one of ours, or names nothing we have: why, said in the language the
    answer is asked for (`in_lang`); `str()` in Japanese."""

    def __init__(self, *why: Message) -> None:
        self.why = why
        super().__init__(self.in_lang(i18n.DEFAULT))

    def in_lang(self, lang: str) -> str:
        return "; ".join(message.say(lang) for message in self.why)


def _echo_url(url: str) -> str:
    # The url parameter is client text of any length: name it, do not repeat it whole.
    return repr(url[:100] + ("…" if len(url) > 100 else ""))


def iframe_html(src: str, title: str, width: int, height: int) -> str:
    return (f'<iframe src="{escape(src)}" title="{escape(title)}" width="{width}" '
            f'height="{height}" loading="lazy" style="border:0;max-width:100%" '
            f'referrerpolicy="strict-origin-when-cross-origin"></iframe>')


def iframe_snippet(base: str, params: WidgetParams, title: str) -> str:
    """The list widget's iframe (the builder's snippet)."""
    return iframe_html(f"{base}{routes.EMBED}?{params.query()}", title, params.width,
                       params.height)


def widget_title(snapshot: Snapshot, params: WidgetParams) -> str:
    names = {o.code: o.name for o in snapshot.feed.offices} if snapshot.feed else {}
    scope = "・".join(names.get(code, code) for code in params.offices)
    return i18n.text(params.lang, "oembed.widget_title", site=i18n.text(params.lang, "widget.site"),
                     scope=scope or i18n.text(params.lang, "oembed.all_offices"),
                     limit=params.limit)


def _lang_query(lang: str) -> str:
    return "" if lang == i18n.DEFAULT else f"?lang={lang}"


def oembed_response(snapshot: Snapshot, base: str, url: str, maxwidth: int | None,
                    maxheight: int | None, lang: str = "ja") -> dict[str, Any]:
    lang = lang if lang in LANGS else "ja"
    answer = _answer_for(snapshot, base, url, lang)
    width = min(answer.pop("_width"), maxwidth) if maxwidth else answer.pop("_width")
    height = min(answer.pop("_height"), maxheight) if maxheight else answer.pop("_height")
    src, frame_title = answer.pop("_src"), answer.pop("_frame_title")
    return {
        "type": "rich",
        "version": "1.0",
        **answer,
        "provider_name": PROVIDER,
        "provider_url": base + "/",
        "cache_age": CACHE_AGE,
        "html": iframe_html(src, frame_title, width, height),
        "width": width,
        "height": height,
    }


def _not_ours(url: str, base: str) -> OEmbedNotFound:
    return OEmbedNotFound(Message("oembed.not_ours", url=_echo_url(url), base=base))


def _answer_for(snapshot: Snapshot, base: str, url: str, lang: str) -> dict[str, Any]:
    if len(url) > URL_MAX_CHARS:
        raise _not_ours(url, base)
    try:
        parts = urlsplit(url)
        ours = urlsplit(base)
        same = (parts.scheme, parts.netloc.lower()) == (ours.scheme, ours.netloc.lower())
    except ValueError:
        same = False
    if not same:
        raise _not_ours(url, base)
    known = {o.code for o in snapshot.feed.offices} if snapshot.feed else set()
    path = parts.path or "/"
    if path.startswith("/items/"):
        return _item_answer(snapshot, base, unquote(path.removeprefix("/items/")), url, lang)
    if path.startswith("/issues/"):
        return _issue_answer(snapshot, base, path.removeprefix("/issues/"), url, lang)
    query = dict(parse_qsl(parts.query))
    if path == routes.READER:
        office = query.get("office", "")
        return _widget_answer(snapshot, base, {"office": office, "lang": lang} if office
                              else {"lang": lang}, known)
    if path == routes.EMBED:
        return _widget_answer(snapshot, base, query, known)
    raise OEmbedNotFound(Message("oembed.nothing", url=_echo_url(url)))


def _item_answer(snapshot: Snapshot, base: str, item_id: str, url: str,
                 lang: str) -> dict[str, Any]:
    item = snapshot.items_by_id.get(item_id)
    if item is None:
        raise OEmbedNotFound(Message("oembed.no_item", url=_echo_url(url)))
    answer: dict[str, Any] = {
        "title": item.title,
        "author_name": item.office.name or PUBLISHER,
        "_src": base + EMBED_ITEM_PREFIX + routes.item_url(item.id).removeprefix("/items/")
        + _lang_query(lang),
        "_frame_title": i18n.text(lang, "aside", text=item.title,
                                  aside=i18n.text(lang, "widget.site")),
        "_width": WidgetParams().width, "_height": CARD_HEIGHT,
    }
    if item.photo and item.photo.url:  # a real photo (never our placeholder)
        answer["thumbnail_url"] = item.photo.url
    return answer


def _issue_answer(snapshot: Snapshot, base: str, raw_date: str, url: str,
                  lang: str) -> dict[str, Any]:
    try:
        date = dt.date.fromisoformat(raw_date) if len(raw_date) == 10 else None
    except ValueError:
        date = None
    if date is None or date not in snapshot.issues:
        raise OEmbedNotFound(Message("oembed.no_issue", url=_echo_url(url)))
    title = i18n.text(lang, "aside", text=i18n.text(lang, "widget.site"),
                      aside=issue_label(date, lang))
    return {"title": title, "author_name": PUBLISHER,
            "_src": base + EMBED_ISSUE_PREFIX + date.isoformat() + _lang_query(lang),
            "_frame_title": title, "_width": WidgetParams().width, "_height": CARD_HEIGHT}


def _widget_answer(snapshot: Snapshot, base: str, query: dict[str, str],
                   known: set[str]) -> dict[str, Any]:
    try:
        params = parse_widget_params(query, known)
    except ParamError as exc:
        raise OEmbedNotFound(*exc.messages) from None
    names = {o.code: o.name for o in snapshot.feed.offices} if snapshot.feed else {}
    author = "・".join(names.get(code, code) for code in params.offices) or PUBLISHER
    title = widget_title(snapshot, params)
    return {"title": title, "author_name": author,
            "_src": f"{base}{routes.EMBED}?{params.query()}", "_frame_title": title,
            "_width": params.width, "_height": params.height}


def oembed_xml(answer: dict[str, Any]) -> bytes:
    """The spec's XML format: one element per field, the html as escaped text."""
    root = ET.Element("oembed")
    for name, value in answer.items():
        ET.SubElement(root, name).text = xml_text(str(value))
    return (b'<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n'
            + ET.tostring(root, encoding="utf-8", xml_declaration=False))

"""Feeds out: JSON Feed 1.1 (with our `_flash` extension, paginated) and Atom 1.0."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urlencode

from flash_reader import routes
from flash_reader.feed.model import Feed, Item

PAGE_SIZE = 50
ATOM_ENTRIES = 50
# A browser that opens /feed.atom shows it styled for people, with what a feed is and how to
# subscribe (assets/feed.css); feed readers ignore the instruction.
ATOM_STYLESHEET = b'<?xml-stylesheet type="text/css" href="/feed.css"?>\n'
XHTML_NS = "http://www.w3.org/1999/xhtml"
JST = dt.timezone(dt.timedelta(hours=9), "JST")
ATOM_NS = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 does not allow at all (not even escaped): C0 controls but tab, newline and
# carriage return, surrogates, U+FFFE and U+FFFF. ElementTree writes them as they are.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def caption_line(item: Item) -> str:
    """The photo's caption as the bulletin prints it (「写真：…」), or ""."""
    return f"写真：{item.photo.caption}" if item.photo and item.photo.caption else ""


def _text(item: Item) -> str:
    """The article as plain text, the photo caption last: a feed reader shows no figure."""
    paragraphs = ["".join(span.text for span in paragraph) for paragraph in item.paragraphs]
    caption = caption_line(item)
    return "\n\n".join([*paragraphs, caption] if caption else paragraphs)


def _html(item: Item) -> str:
    """The article as HTML (links kept), the photo caption in a <figure> of its own."""
    parts = []
    for paragraph in item.paragraphs:
        spans = "".join(
            f'<a href="{escape(span.href, quote=True)}">{escape(span.text)}</a>' if span.href
            else escape(span.text) for span in paragraph)
        parts.append(f"<p>{spans}</p>")
    caption = caption_line(item)
    if caption:
        parts.append(f"<figure><figcaption>{escape(caption)}</figcaption></figure>")
    return "\n".join(parts)


def _published(item: Item) -> dt.datetime | None:
    if item.published:
        return item.published
    if item.issue_date:
        return dt.datetime.combine(item.issue_date, dt.time(0), JST)
    return None


def _feed_query(offices: tuple[str, ...], page: int) -> str:
    params = {}
    if offices:
        params["office"] = ",".join(offices)
    if page > 1:
        params["page"] = str(page)
    return "?" + urlencode(params, safe=",") if params else ""


@dataclass(frozen=True, slots=True)
class Enclosure:
    """An article's audio for podcast apps (issue 22): JSON Feed attachment, Atom enclosure."""

    path: str  # on this site, from /
    mime: str
    size: int
    seconds: float


Audio = Callable[[Item], "Enclosure | None"]


def _no_audio(item: Item) -> Enclosure | None:
    return None


def json_feed(feed: Feed, items: list[Item], base: str, offices: tuple[str, ...],
              page: int, audio: Audio = _no_audio) -> dict[str, Any]:
    """One page of our feed: `items` are all selected items, newest first."""
    start = (page - 1) * PAGE_SIZE
    chosen = items[start:start + PAGE_SIZE]
    document: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": base + routes.reader_url(offices),
        "feed_url": base + routes.FEED_JSON + _feed_query(offices, 1),
        "description": feed.description or "CLAIR（自治体国際化協会）海外事務所フラッシュ",
        "language": "ja",
        "_flash": {"offices": [{"code": o.code, "name": o.name} for o in feed.offices]},
        "items": [_json_item(item, base, audio(item)) for item in chosen],
    }
    if start + PAGE_SIZE < len(items):
        document["next_url"] = base + routes.FEED_JSON + _feed_query(offices, page + 1)
    return document


def _json_item(item: Item, base: str, enclosure: Enclosure | None = None) -> dict[str, Any]:
    flash: dict[str, Any] = {"office": item.office.code, "office_name": item.office.name}
    if item.issue_date:
        flash["issue_date"] = item.issue_date.isoformat()
    if item.photo:
        if item.photo.caption:
            flash["photo_caption"] = item.photo.caption
        if item.photo.file_name:
            flash["photo_file"] = item.photo.file_name
    if item.link_lost:
        flash["link_lost"] = True
    entry: dict[str, Any] = {"id": item.id, "url": base + routes.item_url(item.id),
                             "title": item.title, "content_text": _text(item),
                             "content_html": _html(item), "language": "ja"}
    if item.url:
        entry["external_url"] = item.url
    if item.photo and item.photo.url:
        entry["image"] = item.photo.url
    published = _published(item)
    if published:
        entry["date_published"] = published.isoformat()
    if enclosure is not None:
        entry["attachments"] = [{"url": base + enclosure.path, "mime_type": enclosure.mime,
                                 "size_in_bytes": enclosure.size,
                                 "duration_in_seconds": round(enclosure.seconds, 1)}]
    entry["_flash"] = flash
    return entry


def dump_json_feed(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def atom_feed(feed: Feed, items: list[Item], base: str, offices: tuple[str, ...],
              audio: Audio = _no_audio) -> bytes:
    ET.register_namespace("", ATOM_NS)
    ET.register_namespace("xhtml", XHTML_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}",
                                {name: xml_text(value) for name, value in attrs.items()})
        if text is not None:
            element.text = xml_text(text)
        return element

    chosen = items[:ATOM_ENTRIES]
    root = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": "ja"})
    self_url = base + routes.FEED_ATOM + _feed_query(offices, 1)
    home = base + routes.reader_url(offices)
    sub(root, "id", self_url)
    sub(root, "title", feed.title)
    sub(root, "subtitle", feed.description or "CLAIR（自治体国際化協会）海外事務所フラッシュ")
    dates = [d for d in (_published(item) for item in chosen) if d]
    updated = max(dates) if dates else dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    sub(root, "updated", updated.isoformat())
    sub(root, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(root, "link", rel="alternate", type="text/html", href=home)
    author = sub(root, "author")
    sub(author, "name", "CLAIR（自治体国際化協会）")
    root.append(_about_feed(self_url, home))
    for item in chosen:
        entry = sub(root, "entry")
        link = base + routes.item_url(item.id)
        sub(entry, "id", link)
        sub(entry, "title", item.title)
        published = _published(item) or updated
        sub(entry, "published", published.isoformat())
        sub(entry, "updated", published.isoformat())
        sub(entry, "link", rel="alternate", type="text/html", href=link)
        if (enclosure := audio(item)) is not None:
            sub(entry, "link", rel="enclosure", type=enclosure.mime,
                href=base + enclosure.path, length=str(enclosure.size))
        if item.office.code:
            sub(entry, "category", term=item.office.code, label=item.office.name)
        content = sub(entry, "content", type="xhtml")
        content.append(_xhtml_content(item, link))
    return (b'<?xml version="1.0" encoding="utf-8"?>\n' + ATOM_STYLESHEET
            + ET.tostring(root, encoding="utf-8"))


def _x(parent: ET.Element | None, tag: str, text: str = "", **attrs: str) -> ET.Element:
    attributes = {name.rstrip("_"): xml_text(value) for name, value in attrs.items()}
    element = (ET.Element(f"{{{XHTML_NS}}}{tag}", attributes) if parent is None
               else ET.SubElement(parent, f"{{{XHTML_NS}}}{tag}", attributes))
    if text:
        element.text = xml_text(text)
    return element


def _xhtml_content(item: Item, link: str) -> ET.Element:
    """Atom `xhtml` content: the paragraphs (links kept), the caption, a link to the article
    (a browser showing the feed makes no link of an entry's title)."""
    div = _x(None, "div")
    for paragraph in item.paragraphs:
        p = _x(div, "p")
        last: ET.Element | None = None
        for span in paragraph:
            if span.href:
                last = _x(p, "a", span.text, href=span.href)
            elif last is None:
                p.text = (p.text or "") + xml_text(span.text)
            else:
                last.tail = (last.tail or "") + xml_text(span.text)
    caption = caption_line(item)
    if caption:
        _x(_x(div, "figure"), "figcaption", caption)
    _x(_x(div, "p", class_="entry-link"), "a", "記事ページで読む", href=link)
    return div


def _about_feed(self_url: str, home: str) -> ET.Element:
    """What a person opening the feed in a browser reads first (styled by assets/feed.css);
    feed readers skip elements of another namespace."""
    about = _x(None, "div", id="about-feed", lang="ja")
    _x(about, "h1", "海外事務所フラッシュの Atom フィード")
    _x(about, "p", "これは「フィード」です。ウェブページではなく、フィードリーダー（RSS リーダー）"
                   "というアプリが読むためのものです。フィードリーダーにこのページのアドレスを"
                   "登録すると、新しい記事が出るたびに届きます。")
    steps = _x(about, "ol")
    _x(steps, "li", "フィードリーダー（Thunderbird、Feedly、Inoreader など）を開きます。")
    step = _x(steps, "li",
              "「フィードを追加」「購読」などのボタンを押し、次のアドレスを貼り付けます: ")
    _x(step, "code", self_url)
    _x(steps, "li", "新しい記事がフィードリーダーに届くようになります。")
    back = _x(about, "p")
    _x(back, "a", "ウェブサイトで記事を読む", href=home)
    _x(about, "h2", "最新の記事")
    return about

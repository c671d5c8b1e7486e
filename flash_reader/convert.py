"""The bulletin's text format (as copied from its web page) → a JSON Feed 1.1 document.

The input is one issue of 海外事務所フラッシュ: page chrome, a 「YYYY年M月D日配信」
line, then items that start with 「◇」, each ending with the office in parentheses,
a photo file name and a 「写真:」 caption.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from typing import Any

FEED_VERSION = "https://jsonfeed.org/version/1.1"
FEED_TITLE = "海外事務所フラッシュ"
HOME_PAGE_URL = "https://www.clair.or.jp/"

# CLAIR's overseas offices as the bulletin names them.
OFFICES: dict[str, str] = {
    "ニューヨーク事務所": "NYC",
    "ロンドン事務所": "LON",
    "パリ事務所": "PAR",
    "シンガポール事務所": "SIN",
    "ソウル事務所": "SEL",
    "北京事務所": "BEJ",
    "シドニー事務所": "SYD",
}

_ISSUE_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日配信$")
_ITEM_START = "◇"
_PHOTO_FILE = re.compile(r"^(?P<file>(?P<prefix>[A-Za-z]{2,5})[-_][\w-]*\.(?:jpe?g|png|gif|webp))"
                         r"(?P<rest>.*)$", re.IGNORECASE)
_CAPTION = re.compile(r"^写真[:：]\s*(?P<caption>.*)$")
_OFFICE_AT_END = re.compile(r"[（(](?P<office>[^（）()]+事務所)[)）]$")
_LOST_LINK = re.compile(r"詳しくはこちら[。．.]?")
# Page chrome after the last item: the back-number link and the contact block.
_END_MARKERS = ("バックナンバーはこちら", "このページに関するお問い合せ先",
                "このページに関するお問い合わせ先", "ページの先頭へ")


class ConversionError(ValueError):
    """The bulletin text cannot be converted; the message names the line."""

    def __init__(self, line_number: int, message: str) -> None:
        super().__init__(f"line {line_number}: {message}")
        self.line_number = line_number


@dataclasses.dataclass
class _Item:
    line_number: int
    title: str
    paragraphs: list[str] = dataclasses.field(default_factory=list)
    photo_file: str | None = None
    photo_prefix: str | None = None
    caption: str | None = None
    office_name: str | None = None
    link_lost: bool = False


def convert(text: str, *, photo_base_url: str | None = None,
            feed_url: str | None = None) -> dict[str, Any]:
    """Convert one bulletin issue. Raises ConversionError naming the offending line."""
    lines = [_clean_line(line) for line in text.splitlines()]
    issue_date, first_line = _find_issue_date(lines)
    items = _parse_items(lines, first_line)
    if not items:
        raise ConversionError(first_line, "no item found: items start with 「◇」")
    return _to_feed(issue_date, items, photo_base_url, feed_url)


def _clean_line(line: str) -> str:
    # NFC keeps full-width text as written; only the indent and trailing blanks go.
    return unicodedata.normalize("NFC", line).replace("\ufeff", "").strip(" \t\u3000\u00a0")


def _find_issue_date(lines: list[str]) -> tuple[dt.date, int]:
    for number, line in enumerate(lines, start=1):
        match = _ISSUE_DATE.match(line)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day), number + 1
            except ValueError:
                raise ConversionError(number, f"「{line}」 is not a real date") from None
    raise ConversionError(1, "no issue date line such as 「2020年10月28日配信」 was found")


def _parse_items(lines: list[str], start: int) -> list[_Item]:
    items: list[_Item] = []
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        if not line:
            continue
        if line.startswith(_END_MARKERS):
            break
        if line.startswith(_ITEM_START):
            if items:
                _finish(items[-1])
            items.append(_Item(number, _title(line, number)))
            continue
        if not items:
            continue  # the issue's lead (the 【クレア海外事務所フラッシュ】 headline) is no item
        _add_line(items[-1], line, number)
    if items:
        _finish(items[-1])
    return items


def _title(line: str, number: int) -> str:
    title = line[len(_ITEM_START):].strip(" \u3000")
    if not title:
        raise ConversionError(number, "an item starts with 「◇」 but has no title")
    return title


def _add_line(item: _Item, line: str, number: int) -> None:
    photo = _PHOTO_FILE.match(line)
    if photo:
        if item.photo_file:
            raise ConversionError(number,
                                  f"a second photo file for the item 「{item.title}」")
        item.photo_file = photo["file"]
        item.photo_prefix = photo["prefix"].upper()
        rest = photo["rest"].strip(" \u3000")
        if rest:  # a caption glued to the file name, e.g. 「LON-128.png写真:…」
            _set_caption(item, rest, number)
        return
    caption = _CAPTION.match(line)
    if caption:
        _set_caption(item, line, number)
        return
    if item.photo_file or item.caption is not None:
        raise ConversionError(
            number, f"text after the photo of the item 「{item.title}」: 「{line[:30]}」 "
            "(body text goes before the photo file name)")
    item.paragraphs.append(line)


def _set_caption(item: _Item, text: str, number: int) -> None:
    match = _CAPTION.match(text)
    if not match:
        raise ConversionError(
            number, f"expected a caption starting with 「写真:」, got 「{text[:30]}」")
    if item.caption is not None:
        raise ConversionError(number, f"a second caption for the item 「{item.title}」")
    caption = match["caption"].strip()
    if not caption:
        raise ConversionError(number, f"the caption of the item 「{item.title}」 is empty")
    item.caption = caption


def _finish(item: _Item) -> None:
    if not item.paragraphs:
        raise ConversionError(item.line_number, f"the item 「{item.title}」 has no body text")
    last = item.paragraphs[-1]
    match = _OFFICE_AT_END.search(last)
    if not match:
        raise ConversionError(
            item.line_number,
            f"the item 「{item.title}」 does not end with its office in parentheses, "
            "such as 「(パリ事務所)」")
    item.office_name = match["office"].strip()
    item.paragraphs[-1] = last[: match.start()].rstrip()
    for index, paragraph in enumerate(item.paragraphs):
        cleaned, count = _LOST_LINK.subn("", paragraph)
        if count:
            # The link's target is not in the text copy: drop the dangling phrase, keep a flag.
            item.link_lost = True
            item.paragraphs[index] = cleaned.rstrip()
    item.paragraphs = [p for p in item.paragraphs if p]
    if not item.paragraphs:
        raise ConversionError(item.line_number, f"the item 「{item.title}」 has no body text")


def _office_code(item: _Item) -> str:
    code = OFFICES.get(item.office_name or "") or item.photo_prefix
    if not code:
        raise ConversionError(
            item.line_number,
            f"unknown office 「{item.office_name}」 for the item 「{item.title}」 "
            "and no photo file name to take its code from; known offices: "
            + "、".join(OFFICES))
    return code


def _to_feed(issue_date: dt.date, items: list[_Item], photo_base_url: str | None,
             feed_url: str | None) -> dict[str, Any]:
    offices: dict[str, str] = {}
    feed_items = []
    published = dt.datetime.combine(issue_date, dt.time(0, 0),
                                    dt.timezone(dt.timedelta(hours=9))).isoformat()
    for position, item in enumerate(items, start=1):
        code = _office_code(item)
        offices.setdefault(code, item.office_name or code)
        flash: dict[str, Any] = {"office": code, "office_name": item.office_name,
                                 "issue_date": issue_date.isoformat()}
        if item.photo_file:
            flash["photo_file"] = item.photo_file
        if item.caption:
            flash["photo_caption"] = item.caption
        if item.link_lost:
            flash["link_lost"] = True
        feed_item: dict[str, Any] = {
            "id": f"{issue_date.isoformat()}-{position:02d}",
            "title": item.title,
            "content_text": "\n\n".join(item.paragraphs),
            "date_published": published,
            "language": "ja",
        }
        if item.photo_file and photo_base_url:
            feed_item["image"] = photo_base_url.rstrip("/") + "/" + item.photo_file
        feed_item["_flash"] = flash
        feed_items.append(feed_item)
    feed: dict[str, Any] = {
        "version": FEED_VERSION,
        "title": FEED_TITLE,
        "home_page_url": HOME_PAGE_URL,
        "description": "CLAIR（自治体国際化協会）海外事務所フラッシュ "
                       f"{issue_date:%Y年%-m月%-d日}配信",
        "language": "ja",
    }
    if feed_url:
        feed["feed_url"] = feed_url
    feed["_flash"] = {"offices": [{"code": c, "name": n} for c, n in offices.items()]}
    feed["items"] = feed_items
    return feed

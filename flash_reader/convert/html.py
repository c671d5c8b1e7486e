"""The bulletin's web page (saved from the browser, or fetched) → lines and images.

Parsed with lxml's HTML parser (libxml2), walked without recursion, so a table nested
hundreds deep costs no Python stack (libxml2 itself stops nesting at 255 levels). Everything
in a page is untrusted: script, style and template contents are dropped (never text), photo
addresses are resolved against the page's address and only http(s) ones are kept.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree
import lxml.html

from flash_reader.convert.items import Image, Line, Token, clean
from flash_reader.convert.model import Kind, Problem, SourceError, Where

# Elements whose start and end break the text into lines.
_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul"))
# Elements whose content is never text a reader sees (nor may it become text in the feed).
_DROPPED = frozenset(("script", "style", "noscript", "template", "head", "iframe", "object",
                      "svg", "math", "select", "textarea"))
# Inline emphasis that starts a line is a heading of its own: <b>◇見出し</b>本文…
_HEADINGS = frozenset(("b", "strong"))
_MIN_PHOTO_PIXELS = 40  # icons and spacers are smaller
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_JOINED_BREAK = re.compile(r"(?<=[^\x00-\x7f])[ \t\r]*\n[ \t\r\n]*(?=[^\x00-\x7f])")
_SAVED_FROM = re.compile(rb"<!-- saved from url=\(\d+\)(\S+?) -->")


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<!--", b"<head", b"<meta", b"<body"))


def tokens(data: bytes, page_url: str | None, problems: list[Problem]) -> list[Token]:
    """The page's lines and images in reading order. `page_url` (else the page's own <base>,
    canonical link or 「saved from」 note) resolves relative photo addresses."""
    try:
        root = lxml.html.document_fromstring(data, parser=_parser(data))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise SourceError(None, f"the page cannot be read as HTML ({exc})") from None
    base = page_url or _page_address(root, data)
    walker = _Walker(base, problems)
    walker.walk(root)
    return walker.tokens


def _parser(data: bytes) -> lxml.html.HTMLParser:
    # libxml2 falls back to Latin-1 without a <meta charset>; bulletins are UTF-8, older
    # saves Shift_JIS.
    declared = _CHARSET.search(data[:4096])
    if declared:
        encoding = declared[1].decode("ascii").lower()
    else:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp932"
    try:
        return lxml.html.HTMLParser(encoding=encoding, remove_comments=True, no_network=True)
    except LookupError:
        return lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)


def _page_address(root: lxml.html.HtmlElement, data: bytes) -> str | None:
    for xpath in ("//base/@href", "//link[@rel='canonical']/@href",
                  "//meta[@property='og:url']/@content"):
        found = [v for v in root.xpath(xpath) if _is_web(str(v))]
        if found:
            return str(found[0]).strip()
    saved = _SAVED_FROM.search(data[:4096])
    if saved:
        address = saved[1].decode("ascii", "replace")
        return address if _is_web(address) else None
    return None


def _is_web(url: str) -> bool:
    return urlsplit(url.strip()).scheme.lower() in ("http", "https")


def _where(element: lxml.html.HtmlElement) -> Where:
    return Where(element.sourceline, f"<{element.tag}>")


class _Walker:
    def __init__(self, base: str | None, problems: list[Problem]) -> None:
        self.base = base
        self.problems = problems
        self.tokens: list[Token] = []
        self._parts: list[str] = []
        self._where: Where | None = None
        self._dropped = 0  # how deep inside a dropped element
        # Table pages put an item's photos in the row's first cell, before its heading: the
        # photos of a row are read after the row's text, so they join that row's item.
        self._rows: list[list[Image]] = []

    def walk(self, root: lxml.html.HtmlElement) -> None:
        for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
            tag = element.tag if isinstance(element.tag, str) else ""
            if event == "start":
                self._start(element, tag)
            else:
                self._end(element, tag)
        self._flush()

    def _start(self, element: lxml.html.HtmlElement, tag: str) -> None:
        if self._dropped or tag in _DROPPED:
            self._dropped += 1
            # A script inside a line of text (say, a caption) is worth a word to staff.
            if tag == "script" and self._dropped == 1 and self._text_so_far():
                self.problems.append(Problem(Kind.SCRIPT_REMOVED, _where(element),
                                             "a <script> in the page was dropped (never text)"))
            return
        if tag in _BLOCKS or tag == "br" or (tag in _HEADINGS and not self._text_so_far()):
            self._flush()
        if tag == "tr":
            self._rows.append([])
        if tag == "img":
            self._flush()
            self._image(element)
        if element.text:
            self._add(element.text, element)

    def _end(self, element: lxml.html.HtmlElement, tag: str) -> None:
        if self._dropped:
            self._dropped -= 1
        elif tag in _BLOCKS or tag in _HEADINGS:
            self._flush()
            if tag == "tr" and self._rows:
                self.tokens.extend(self._rows.pop())
        if element.tail and not self._dropped:
            self._add(element.tail, element.getparent() if element.getparent() is not None
                      else element)

    def _text_so_far(self) -> bool:
        return any(part.strip() for part in self._parts)

    def _add(self, text: str, element: lxml.html.HtmlElement) -> None:
        if self._where is None and text.strip():
            self._where = _where(element)
        self._parts.append(text)

    def _flush(self) -> None:
        if self._parts:
            # A source line break between Japanese characters is nothing (it is only where
            # the editor wrapped); other runs of whitespace are one space, as a browser shows.
            text = _JOINED_BREAK.sub("", "".join(self._parts))
            text = clean(re.sub(r"[ \t\r\n]+", " ", text))
            if text and self._where:
                self.tokens.append(Line(text, self._where))
        self._parts = []
        self._where = None

    def _image(self, element: lxml.html.HtmlElement) -> None:
        if any(_pixels(element.get(side)) < _MIN_PHOTO_PIXELS for side in ("width", "height")):
            return
        src = (element.get("src") or "").strip()
        alt = clean(re.sub(r"\s+", " ", element.get("alt") or ""))
        where = _where(element)
        if not src:
            return
        file = unquote(urlsplit(src).path.rsplit("/", 1)[-1]) or None
        url: str | None = urljoin(self.base, src) if self.base else src
        problem = None
        scheme = urlsplit(url).scheme.lower()
        if scheme and scheme not in ("http", "https"):
            problem = Problem(Kind.PHOTO_URL_REJECTED, where, f"photo address 「{src[:40]}」 "
                              "rejected: only http(s) addresses are kept")
            url, file = None, file if scheme == "file" else None
        elif not scheme:
            problem = Problem(Kind.PHOTO_ADDRESS_UNKNOWN, where,
                              f"photo 「{src[:60]}」 is relative and the page's address is "
                              "unknown: give --page-url (the address the page was saved from)")
            url = None
        elif "_files/" in src and not _is_web(src) and not src.startswith("/"):
            # 「Save page, complete」 rewrites photos to a local folder: the web address is lost.
            problem = Problem(Kind.PHOTO_ADDRESS_UNKNOWN, where,
                              f"photo 「{src[:60]}」 is the browser's local copy: save the page "
                              "as 「HTML only」 or give its URL to keep the photo's address")
            url = None
        image = Image(file, url, alt, where, problem)
        (self._rows[-1] if self._rows else self.tokens).append(image)


def _pixels(value: str | None) -> int:
    match = re.match(r"\s*(\d+)", value or "")
    return int(match[1]) if match else _MIN_PHOTO_PIXELS

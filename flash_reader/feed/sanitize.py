"""Untrusted feed content → plain text and safe URLs.

`content_html` goes through an allow-list sanitiser (nh3) and is then flattened into
paragraphs of text spans, so the reader never renders feed HTML at all.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import nh3

from flash_reader.feed.model import Paragraph, Span

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
SAFE_IMAGE_SCHEMES = frozenset({"http", "https"})

_ALLOWED_TAGS = {"p", "br", "a", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote",
                 "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "figure", "figcaption"}
_BLOCK_TAGS = {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "div",
               "figure", "figcaption"}
# C0 controls (but tab/newline) and zero-width/bidi-override characters that can disguise text.
_CONTROL_CHARS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def clean_text(value: str | None) -> str:
    """Plain text on one line: control and bidi-override characters removed, spaces folded."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value)
    value = _CONTROL_CHARS.sub("", value)
    return _SPACES.sub(" ", value.replace("\r", " ").replace("\n", " ")).strip()


def safe_url(value: str | None, base: str | None, schemes: frozenset[str]) -> str | None:
    """An absolute URL with an allowed scheme, or None. Relative URLs resolve against base."""
    value = clean_text(value)
    if not value:
        return None
    if base:
        value = urljoin(base, value)
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in schemes:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return value


def text_to_paragraphs(text: str | None) -> tuple[Paragraph, ...]:
    """Plain text → paragraphs: every non-blank line is one paragraph."""
    if not text:
        return ()
    lines = (clean_text(line) for line in text.splitlines())
    return tuple((Span(line),) for line in lines if line)


def html_to_paragraphs(html: str | None, base: str | None) -> tuple[Paragraph, ...]:
    """Sanitised HTML → paragraphs of spans. Links keep only safe absolute hrefs."""
    if not html:
        return ()
    cleaned = nh3.clean(html, tags=_ALLOWED_TAGS, attributes={"a": {"href"}},
                        url_schemes=set(SAFE_LINK_SCHEMES), link_rel=None)
    flattener = _Flattener(base)
    flattener.feed(cleaned)
    flattener.close()
    return flattener.paragraphs()


class _Flattener(HTMLParser):
    def __init__(self, base: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self._base = base
        self._href_stack: list[str | None] = []
        self._done: list[Paragraph] = []
        self._current: list[Span] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS or tag == "br":
            self._break()
        if tag == "li":
            self._current.append(Span("・"))
        if tag == "a":
            href = dict(attrs).get("href")
            self._href_stack.append(safe_url(href, self._base, SAFE_LINK_SCHEMES))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._break()
        if tag == "a" and self._href_stack:
            self._href_stack.pop()

    def handle_data(self, data: str) -> None:
        text = _SPACES.sub(" ", _CONTROL_CHARS.sub("", data.replace("\n", " ")))
        if not text.strip():
            if self._current and text:
                self._current.append(Span(" "))
            return
        href = self._href_stack[-1] if self._href_stack else None
        self._current.append(Span(text, href))

    def _break(self) -> None:
        spans = _merge(self._current)
        if spans:
            self._done.append(spans)
        self._current = []

    def paragraphs(self) -> tuple[Paragraph, ...]:
        self._break()
        return tuple(self._done)


def _merge(spans: list[Span]) -> Paragraph:
    """Join neighbouring spans with the same link and trim the paragraph's ends."""
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].href == span.href:
            merged[-1] = Span(merged[-1].text + span.text, span.href)
        else:
            merged.append(span)
    if merged:
        merged[0] = Span(merged[0].text.lstrip(), merged[0].href)
        merged[-1] = Span(merged[-1].text.rstrip(), merged[-1].href)
    return tuple(s for s in merged if s.text)

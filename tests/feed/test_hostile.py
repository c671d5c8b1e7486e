"""Hostile feed content: nothing executable survives into the model."""

from __future__ import annotations

import pytest

from flash_reader.feed import sanitize
from flash_reader.feed.parse import parse
from tests.feed.feeds import encode, feed, item

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle/></svg>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\" jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<form action=\"https://evil.example\"><input name=a></form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<a href=\"https://ok.example/\" onclick=\"alert(1)\" target=\"_self\">ok</a>",
    "<base href=\"https://evil.example/\"><meta http-equiv=refresh content=0;url=x>",
]


@pytest.mark.parametrize("html", PAYLOADS)
def test_hostile_html_keeps_only_text_and_safe_links(html: str) -> None:
    for paragraph in sanitize.html_to_paragraphs(html, "https://example.org/feed.json"):
        for span in paragraph:
            assert span.href is None or span.href.startswith(("https://", "http://", "mailto:"))
            assert span.href is None or "javascript" not in span.href.lower()


def test_hostile_item_fields_are_text_or_dropped() -> None:
    parsed = parse(encode(feed(item(
        "x", title="<img src=x onerror=alert(1)>", content_html=PAYLOADS[0] + "<p>本文</p>",
        url="javascript:alert(1)", image="javascript:alert(1)",
        _flash={"office": "PAR", "office_name": "<b onmouseover=alert(1)>パリ</b>",
                "photo_caption": "<script>alert(1)</script>"}))))
    only = parsed.items[0]
    assert only.title == "<img src=x onerror=alert(1)>"  # shown as text, never as HTML
    assert only.url is None and only.photo is not None and only.photo.url is None
    assert ["".join(s.text for s in p) for p in only.paragraphs] == ["本文"]


def test_relative_links_resolve_against_the_feed_url() -> None:
    (paragraph,) = sanitize.html_to_paragraphs('<p><a href="../news/1">記事</a></p>',
                                               "https://example.org/flash/feed.json")
    assert paragraph[0].href == "https://example.org/news/1"


def test_images_only_over_http() -> None:
    for url in ("ftp://example.org/a.jpg", "file:///etc/passwd", "data:image/png;base64,AA",
                "mailto:a@example.org"):
        parsed = parse(encode(feed(item("x", image=url))))
        assert parsed.items[0].photo is None

"""Untrusted text, HTML and URLs from a feed."""

from __future__ import annotations

import pytest

from flash_reader.feed import sanitize
from flash_reader.feed.model import Span


def flat(paragraphs) -> list[str]:
    return ["".join(span.text for span in paragraph) for paragraph in paragraphs]


def test_clean_text_folds_spaces_and_strips_controls() -> None:
    assert sanitize.clean_text("\u3000 見出し\u200b\n二行目\x00 ") == "見出し 二行目"


def test_clean_text_removes_bidi_overrides() -> None:
    assert sanitize.clean_text("abc\u202edef") == "abcdef"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)",
                                 " javascript:alert(1)", "data:text/html,x", "vbscript:x",
                                 "file:///etc/passwd", "ftp://example.org/"])
def test_safe_url_refuses_other_schemes(url: str) -> None:
    assert sanitize.safe_url(url, None, sanitize.SAFE_LINK_SCHEMES) is None


def test_safe_url_resolves_relative_against_base() -> None:
    assert sanitize.safe_url("../a.html", "https://example.org/x/y/feed.json",
                             sanitize.SAFE_LINK_SCHEMES) == "https://example.org/x/a.html"


def test_safe_url_relative_without_base_is_dropped() -> None:
    assert sanitize.safe_url("/a.html", None, sanitize.SAFE_LINK_SCHEMES) is None


def test_mailto_allowed_for_links_not_images() -> None:
    assert sanitize.safe_url("mailto:a@example.org", None, sanitize.SAFE_LINK_SCHEMES)
    assert sanitize.safe_url("mailto:a@example.org", None, sanitize.SAFE_IMAGE_SCHEMES) is None


def test_html_script_style_and_handlers_removed() -> None:
    html = ('<p onclick="x()">本文<script>alert(1)</script><style>p{}</style>'
            '<img src=x onerror=alert(1)></p><iframe src="https://evil"></iframe>')
    paragraphs = sanitize.html_to_paragraphs(html, None)
    assert flat(paragraphs) == ["本文"]
    assert all(span.href is None for paragraph in paragraphs for span in paragraph)


def test_html_links_kept_as_spans_with_safe_hrefs() -> None:
    html = '<p>前<a href="/more">詳しく</a>後<a href="javascript:x">悪</a></p>'
    (paragraph,) = sanitize.html_to_paragraphs(html, "https://example.org/feed.json")
    assert Span("詳しく", "https://example.org/more") in paragraph
    assert "".join(span.text for span in paragraph) == "前詳しく後悪"
    # The unsafe link keeps its text but loses its href (and merges with the text before it).
    assert paragraph[-1] == Span("後悪", None)


def test_html_block_elements_become_paragraphs() -> None:
    assert flat(sanitize.html_to_paragraphs("<h3>見出し</h3><ul><li>一</li><li>二</li></ul>",
                                            None)) == ["見出し", "・一", "・二"]


def test_html_entities_decoded_once() -> None:
    assert flat(sanitize.html_to_paragraphs("<p>&lt;b&gt; &amp;amp;</p>", None)) == ["<b> &amp;"]


def test_text_paragraphs_one_per_line_blank_lines_dropped() -> None:
    assert flat(sanitize.text_to_paragraphs("一\n\n\n二\n　続き ")) == ["一", "二", "続き"]

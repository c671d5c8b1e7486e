"""Printing a page (issue 17.8): controls hidden, the chosen text size kept, link targets printed,
no page break inside a figure — checked in print media and in the PDF chromium makes."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from tests.browser.conftest import open_reader

HIDDEN_IN_PRINT = (".display-settings", ".search-form", ".speech-controls", ".filters",
                   ".timeline", ".site-footer", ".item-permalink")


def test_print_shows_the_articles_without_the_controls(page: Page, app_url: str) -> None:
    open_reader(page, app_url + "/issues/2020-10-28")
    page.evaluate("window.flashDisplay.set('size', '200')")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        shown = page.locator(selector).evaluate_all(
            "els => els.filter(e => getComputedStyle(e).display !== 'none').length")
        assert shown == 0, selector
    assert page.locator("article").first.is_visible()
    # The chosen size stays: the root font is 200 % of the default.
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    link = page.locator("article .item-issue").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "/issues/2020-10-28" in after
    figure = page.locator("article figure").first
    assert figure.evaluate("f => getComputedStyle(f).breakInside") == "avoid"
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pdf.startswith(b"%PDF") and 1 < pages < 60, pages

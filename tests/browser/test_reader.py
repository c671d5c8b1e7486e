"""The reader page on the bundled seed feed, in Debian chromium."""

from __future__ import annotations

import html as html_lib
import json
import re

import httpx
from playwright.sync_api import Browser, Page, expect

from flash_reader.config import BUNDLED_FEED
from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import open_reader

SEED = json.loads(BUNDLED_FEED.read_text(encoding="utf-8"))


def test_reader_shows_every_seed_item_with_its_office(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    articles = page.get_by_role("article")
    expect(articles).to_have_count(len(SEED["items"]))
    for article, item in zip(articles.all(), SEED["items"], strict=True):
        # Rendered text: furigana (off by default) are not shown.
        expect(article.get_by_role("heading", level=2)).to_have_text(item["title"],
                                                                     use_inner_text=True)
        expect(article.get_by_role("heading", level=2)).to_have_accessible_name(item["title"])
        expect(article.locator(".item-office")).to_contain_text(item["_flash"]["office_name"],
                                                                use_inner_text=True)
        first_paragraph = item["content_text"].split("\n\n")[0]
        expect(article.locator(".item-paragraph").first).to_have_text(first_paragraph,
                                                                      use_inner_text=True)


def test_reader_without_photos_says_so_once_and_shows_each_caption(page: Page,
                                                                   app_url: str) -> None:
    open_reader(page, app_url)
    figures = page.locator("article figure")
    expect(figures).to_have_count(len(SEED["items"]))
    # The bulletin has no photos: said once above the list, no placeholder image in each
    # article; each caption is read once, from its figcaption (no aria-label repeating it).
    expect(page.locator(".photo-note")).to_have_count(1)
    expect(page.locator("article img")).to_have_count(0)
    for figure, item in zip(figures.all(), SEED["items"], strict=True):
        caption = item["_flash"]["photo_caption"]
        expect(figure.locator("figcaption")).to_have_text(caption, use_inner_text=True)
        expect(figure).not_to_have_attribute("aria-label", re.compile("."))


def test_reader_images_never_show_a_broken_icon(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    for image in page.locator("article img").all():  # lazy images load once scrolled to
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete", arg=image.element_handle())
    broken = page.evaluate(
        "[...document.querySelectorAll('article img')].filter(i => i.naturalWidth === 0)"
        ".map(i => i.getAttribute('src'))")
    assert broken == []


def test_reader_page_is_japanese_with_one_h1_title_and_landmarks(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    assert page.evaluate("document.documentElement.lang") == "ja"
    expect(page).to_have_title("海外事務所フラッシュ｜CLAIR 自治体国際化協会")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_contain_text("2020年10月28日配信")
    for role in ("banner", "main", "contentinfo"):
        expect(page.get_by_role(role)).to_have_count(1)


def test_reader_skip_link_is_first_and_moves_focus_to_main(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="本文へスキップ")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_reader_has_no_axe_violations(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    violations = axe_violations(page)
    assert violations == [], format_violations(violations)


def test_latest_issue_is_in_the_served_html(app_url: str) -> None:
    html = httpx.get(app_url + "/").text
    # The text as a reader without JavaScript gets it: readings (<rt>) and tags removed.
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<rt[^>]*>.*?</rt>", "", html)))
    for item in SEED["items"]:
        assert item["title"] in text
        assert item["content_text"].split("\n\n")[0] in text


def test_readers_without_javascript_see_the_latest_issue(browser: Browser, app_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(app_url)
    expect(page.locator("article")).to_have_count(len(SEED["items"]))
    expect(page.locator("article h2").first).to_have_text(SEED["items"][0]["title"],
                                                          use_inner_text=True)
    context.close()

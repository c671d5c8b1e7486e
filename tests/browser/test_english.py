"""English chrome in chromium (issue 17.5): the header's language link by keyboard, remembered
across pages and reloads; the scripts' status messages in English; the builder in English."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from flash_reader import i18n, routes
from tests.browser.conftest import open_reader, tab_to

ITEM = "2020-10-28-01"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh context per test: no fr_lang cookie from another test."""
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def html_lang(page: Page) -> str:
    return page.evaluate("document.documentElement.lang")


@pytest.mark.wcag("2.1.1", "3.1.2", "3.2.3",
                  method="ブラウザでの操作：見出し部の言語切替リンク（English／日本語）をキーボードで"
                         "操作し、再読み込み後も選んだ言語で表示されること")
def test_language_link_by_keyboard_is_remembered_across_pages_and_reloads(
        page: Page, app_url: str) -> None:
    open_reader(page, app_url + "/?office=PAR")
    english = page.locator("a[data-lang-switch=en]")
    expect(english).to_have_text("English")
    assert english.get_attribute("lang") == "en" and english.get_attribute("hreflang") == "en"
    if not tab_to(page, english, 6):
        pytest.fail("the language link is not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/\?office=PAR&lang=en$"))
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached", timeout=30_000)
    assert html_lang(page) == "en"
    expect(page.locator("#result-status")).to_have_text("1 article from the Paris office")
    # Remembered: another page without the parameter, then a reload, stay English.
    open_reader(page, app_url + "/issues/2020-10-28")
    assert html_lang(page) == "en"
    expect(page.locator("h1")).to_contain_text("Issue of 28 October 2020")
    page.reload()
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached", timeout=30_000)
    assert html_lang(page) == "en" and page.title().startswith("Issue of 28 October 2020")
    # Articles keep their language inside the English page.
    expect(page.locator("article.item").first).to_have_attribute("lang", "ja")
    # And back, by keyboard, remembered too.
    japanese = page.locator("a[data-lang-switch=ja]")
    expect(japanese).to_have_text("日本語")
    assert japanese.get_attribute("lang") == "ja"
    japanese.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"lang=ja$"))
    open_reader(page, app_url + "/")
    assert html_lang(page) == "ja"
    expect(page.locator(".display-summary")).to_contain_text("表示設定")


def test_client_side_navigation_stays_english(page: Page, app_url: str) -> None:
    open_reader(page, app_url + "/?lang=en")
    page.locator(".office-filter-summary").click()  # the office list folds until opened
    page.locator("#office-SIN").check()
    expect(page.locator("#result-status")).to_have_text("1 article from the Singapore office")
    expect(page.locator("#view-status")).to_have_text("1 article from the Singapore office")
    assert html_lang(page) == "en"


@pytest.mark.wcag("4.1.3", method="ブラウザでの操作：英語表示で、表示設定の状態メッセージが英語で"
                                   "知らされること")
def test_display_settings_status_messages_are_english(page: Page, app_url: str) -> None:
    open_reader(page, app_url + "/?lang=en")
    page.locator(".display-summary").click()
    status = page.locator("#display-status")
    page.get_by_role("group", name="Text size").get_by_role("radio", name="Large (150%)").check()
    expect(status).to_have_text("Text size: 150%")
    page.get_by_role("group", name="Colours").get_by_role("radio", name="Black on white").check()
    expect(status).to_have_text("Colours: Black on white")
    page.get_by_role("checkbox", name="Wider line, letter and paragraph spacing").check()
    expect(status).to_have_text("Wider spacing on")
    group = page.get_by_role("group", name="Furigana (readings) over kanji")
    radios = group.get_by_role("radio")
    for index in (2, 0):  # the choice's own words, from the same catalogue entry
        radios.nth(index).check()
        name = radios.nth(index).evaluate("el => el.labels[0].textContent")
        expect(status).to_have_text(f"Furigana: {name}")
    page.get_by_role("button", name="Reset to defaults").click()
    expect(status).to_have_text(i18n.text("en", "js.reset"))
    # The island's error message is English too (it reads it from the page).
    expect(page.locator("#view-status")).to_have_attribute(
        "data-error", i18n.text("en", "view.error"))


def test_builder_in_english(page: Page, app_url: str) -> None:
    page.goto(app_url + routes.EMBED_BUILDER + "?lang=en")
    expect(page.locator("h1")).to_have_text("Make the embed code")
    expect(page.locator("#snippet")).to_have_value(re.compile(r'^<iframe src="http://'))
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.title() == "Make the embed code | CLAIR Overseas Office Flash"
    expect(page.locator("a[data-lang-switch=ja]")).to_have_text("日本語")
    page.get_by_label("Height (200–2000 pixels)").fill("abc")
    expect(page.locator("#builder-height-hint")).to_contain_text("whole number of pixels")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy the code").click()
    expect(page.locator("#copy-status")).to_have_text("Embed code copied.")
    # Remembered: the reader opened next is English, and so is the builder without ?lang=.
    open_reader(page, app_url + "/")
    assert html_lang(page) == "en"
    page.goto(app_url + routes.EMBED_BUILDER)
    expect(page.locator("h1")).to_have_text("Make the embed code")


@pytest.mark.parametrize(("width", "size"), [(1280, "100"), (1024, "200"), (320, "100"),
                                             (320, "200"), (320, "300")])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_language_link_overlaps_no_header_text(page: Page, app_url: str, lang: str, width: int,
                                               size: str) -> None:
    # It is positioned at the header's top right; at 1280 px the English site name ran under it.
    page.set_viewport_size({"width": width, "height": 800})
    page.add_init_script("localStorage.setItem('flash-reader:display', "
                         f"JSON.stringify({{size: '{size}'}}))")
    open_reader(page, f"{app_url}/?lang={lang}")
    overlaps = page.evaluate("""() => {
      // The text boxes of the link against those of the header's words (2 px grace: the
      // boxes of neighbouring lines include the fonts' leading and may touch).
      const words = document.createRange();
      words.selectNodeContents(document.querySelector('.lang-switch a'));
      const box = words.getBoundingClientRect();
      const hit = (r) => r.left + 2 < box.right && box.left + 2 < r.right
                         && r.top + 2 < box.bottom && box.top + 2 < r.bottom;
      const texts = [];
      for (const el of document.querySelectorAll('.site-org, .site-name')) {
        const range = document.createRange();
        range.selectNodeContents(el);
        for (const r of range.getClientRects()) if (hit(r)) texts.push(el.className);
      }
      return texts;
    }""")
    assert overlaps == []

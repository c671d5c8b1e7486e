"""見出しだけ表示 (issue 17, item 2): a compact list of titles, offices and dates.

Each article's 「本文」 button (a disclosure) opens it in place. Every number is read from what
chromium laid out.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from flash_reader import routes
from flash_reader.display.palette import CHOOSABLE
from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import Sockets, open_reader, tab_to
from tests.browser.rendered import WCAG_TEXT_SPACING_CSS, clipped_elements, horizontal_overflow
from tests.browser.report import record

KEY = "flash-reader:display"
CHOICE = "見出しだけ表示（タイトル・事務所・日付）"
# 「本文」 and, for screen readers, the title: "本文 ：仏コミューン選挙後初…".
TOGGLE = re.compile(r"^本文\s*：")
SCREEN = {"width": 320, "height": 640}
SEED_ITEMS = 7
SEED_ITEM = "/items/2020-10-28-01"
THEMES = ("", *(theme.name for theme in CHOOSABLE))  # "" = follow the OS

# Where the headlines are, in px from the top of the document: the first article's top and
# the bottom of each headline (its title, office and 「本文」 button: the whole closed article).
HEADLINES_JS = """() => {
    const articles = [...document.querySelectorAll('article.item')];
    const y = edge => Math.round(edge + window.scrollY);
    return {top: y(articles[0].getBoundingClientRect().top),
            bottoms: articles.map(a => y(a.getBoundingClientRect().bottom))};
}"""
# Measured with this test's code before the compact chrome (issue 17.2): the seventh
# headline's bottom at 320 px, from the top of the page.
BEFORE_BOTTOM = {"100": 907, "200": 1823, "300": 3945}


def stored(page: Page, **prefs: str) -> Page:
    """The page as a returning reader's browser has it: `prefs` stored before it loads."""
    page.add_init_script(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(prefs))});")
    return page


def set_pref(page: Page, name: str, value: str) -> None:
    page.evaluate("([n, v]) => window.flashDisplay.set(n, v)", [name, value])


def open_settings(page: Page) -> None:
    if page.locator("#display-settings").get_attribute("open") is None:
        page.locator(".display-summary").click()
    expect(page.get_by_role("group", name="記事の表示")).to_be_visible()


def toggle(page: Page, index: int = 0):
    return page.locator("article.item").nth(index).get_by_role("button", name=TOGGLE)


def test_headlines_seed_issue_within_two_screens_at_320px_and_200_percent(
        page: Page, app_url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    page.set_viewport_size(SCREEN)
    open_reader(page, app_url)
    assert page.locator("article.item").count() == SEED_ITEMS
    measured = {}
    for layout in ("", "headlines"):
        set_pref(page, "layout", layout)
        for size in ("100", "200", "300"):
            set_pref(page, "size", size)
            where = page.evaluate(HEADLINES_JS)
            measured[(layout, size)] = where["bottoms"][-1]
            before = f" (before {BEFORE_BOTTOM[size]})" if layout else ""
            record(tmp_path_factory, "320 px: bottom of the 7th headline (px from the top)",
                   f"{layout or 'articles'} {size}%",
                   {"summary": f"{where['bottoms'][-1]:5d}{before}  (list from "
                               f"{where['top']}: {where['bottoms'][-1] - where['top']} px)"})
            print(f"{layout or 'articles'} {size}%: 7th headline ends {where['bottoms'][-1]} px "
                  f"from the top (list from {where['top']} px)")
    # Two screens from the top of the page, header, search and filter included.
    assert measured[("headlines", "200")] <= 2 * SCREEN["height"], measured
    assert page.evaluate("document.documentElement.scrollWidth") <= SCREEN["width"]  # at 300 %


# The controls of a compact headline page: every one at least 24 × 24 CSS px (WCAG 2.5.8).
TARGETS_JS = """() => [...document.querySelectorAll(
        '.site-header :is(a, button, summary, input:not([type=hidden])), .office-filter-summary,'
        + ' #view > .speech-controls .button, article.item :is(.item-toggle, .item-meta a)')]
    .filter(el => el.checkVisibility() && !el.closest('.visually-hidden, .skip-link'))
    .map(el => {const r = el.getBoundingClientRect();
                return {name: el.textContent.trim().slice(0, 20) || el.outerHTML.slice(0, 40),
                        w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10};})"""
# Per headline: the office badge's and the 「本文」 button's vertical centres.
META_LINE_JS = """() => [...document.querySelectorAll('article.item')].map(a => {
    const c = el => { const r = el.getBoundingClientRect(); return (r.top + r.bottom) / 2; };
    return Math.abs(c(a.querySelector('.item-office')) - c(a.querySelector('.item-toggle')));
})"""
LINE_HEIGHTS_JS = """() => [...document.querySelectorAll(
        'article.item :is(.item-title, .item-office, .item-toggle), .search-label,'
        + ' .display-summary, .office-filter-summary, .result-status')]
    .map(el => { const s = getComputedStyle(el);
                 return parseFloat(s.lineHeight) / parseFloat(s.fontSize); })"""


@pytest.mark.parametrize("size", ("200", "300"))
def test_headlines_compact_at_320px_keeps_targets_reflow_and_spacing(
        page: Page, app_url: str, size: str) -> None:
    page.set_viewport_size(SCREEN)
    stored(page, layout="headlines", size=size)
    open_reader(page, app_url)
    small = [t for t in page.evaluate(TARGETS_JS) if t["w"] < 24 or t["h"] < 24]
    assert not small, small
    assert horizontal_overflow(page) <= 0
    if size == "200":  # the office and 「本文」 share one line
        assert max(page.evaluate(META_LINE_JS)) < 2
    # The reader's wider spacing is honoured by the compact list and chrome.
    set_pref(page, "spacing", "wide")
    assert min(page.evaluate(LINE_HEIGHTS_JS)) >= 1.5
    assert horizontal_overflow(page) <= 0
    # WCAG 1.4.12's own spacing (a reader's style sheet) clips nothing.
    set_pref(page, "spacing", "")
    page.add_style_tag(content=WCAG_TEXT_SPACING_CSS)
    assert clipped_elements(page) == []
    assert horizontal_overflow(page) <= 0


def test_headlines_hide_bodies_and_show_title_office_date(page: Page, app_url: str) -> None:
    stored(page, layout="headlines")
    open_reader(page, app_url)
    first = page.locator("article.item").first
    expect(first.locator("h2")).to_be_visible()
    expect(first.locator(".item-office")).to_be_visible()
    # The issue's date is its heading; each article's date would say it seven times.
    expect(page.locator("h1 .issue-date")).to_have_text("2020年10月28日配信")
    expect(page.locator(".item-issue:visible")).to_have_count(0)
    expect(page.locator(".item-paragraph:visible")).to_have_count(0)
    expect(page.locator("article.item .speech-controls:visible")).to_have_count(0)
    expect(page.locator("article.item figure:visible")).to_have_count(0)
    expect(page.locator(".item-permalink:visible")).to_have_count(0)
    expect(toggle(page)).to_have_attribute("aria-expanded", "false")
    # Search results have no one issue: each shows its date.
    open_reader(page, app_url + "/?q=自治体")
    expect(page.locator("article.item").first.locator(".item-issue")).to_be_visible()
    expect(page.locator(".item-paragraph:visible")).to_have_count(0)


def test_headlines_off_shows_every_body_and_no_button(page: Page, app_url: str) -> None:
    page.add_init_script(f"localStorage.removeItem('{KEY}')")
    open_reader(page, app_url)
    expect(page.locator("article.item .item-paragraph").first).to_be_visible()
    expect(page.locator(".item-toggle:visible")).to_have_count(0)
    expect(page.get_by_role("button", name=TOGGLE)).to_have_count(0)


def test_headlines_open_and_close_an_article_by_keyboard(page: Page, app_url: str) -> None:
    stored(page, layout="headlines")
    open_reader(page, app_url)
    first = page.locator("article.item").first
    page.keyboard.press("j")  # the shortcut to the first article
    expect(first).to_be_focused()
    button = toggle(page)
    # The office has no link: the date, then the button.
    if not tab_to(page, button, 6):
        pytest.fail("the first article's 「本文」 button is not reached with Tab")
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(button).to_be_focused()
    expect(first.locator(".item-paragraph").first).to_be_visible()
    expect(first.locator(".item-permalink")).to_be_visible()
    # The next Tab goes into what was opened.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.item-body, .item-meta') !== null")
    page.keyboard.press("Shift+Tab")
    expect(button).to_be_focused()
    page.keyboard.press(" ")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(first.locator(".item-paragraph").first).to_be_hidden()
    # j/k still move between the articles.
    page.keyboard.press("j")
    expect(page.locator("article.item").nth(1)).to_be_focused()
    page.keyboard.press("k")
    expect(first).to_be_focused()


def test_headlines_item_page_shows_the_body(page: Page, app_url: str) -> None:
    stored(page, layout="headlines")
    open_reader(page, app_url + SEED_ITEM)
    expect(page.locator(".item-paragraph").first).to_be_visible()
    expect(page.locator(".item-toggle:visible")).to_have_count(0)


def test_headlines_choice_persists_across_reload_before_first_paint(
        page: Page, app_url: str) -> None:
    page.add_init_script(f"""
        if (!sessionStorage.getItem('cleared')) {{
            localStorage.removeItem('{KEY}'); sessionStorage.setItem('cleared', '1');
        }}
        requestAnimationFrame(() => {{
            const paragraphs = [...document.querySelectorAll('.item-paragraph')];
            window.__firstFrame = {{
                layout: document.documentElement.getAttribute('data-layout'),
                paragraphs: paragraphs.length,
                shown: paragraphs.filter(p => p.checkVisibility()).length}};
        }});""")
    open_reader(page, app_url)
    first = page.evaluate("window.__firstFrame")
    assert first["layout"] is None and first["shown"] == first["paragraphs"], first
    open_settings(page)
    choice = page.get_by_role("checkbox", name=CHOICE)
    choice.check()
    expect(page.locator("#display-status")).to_contain_text("見出しだけ表示")
    assert page.evaluate("document.documentElement.dataset.layout") == "headlines"
    page.reload()
    page.locator("article").first.wait_for()
    first = page.evaluate("window.__firstFrame")
    assert first["layout"] == "headlines" and first["shown"] == 0, first
    open_settings(page)
    expect(page.get_by_role("checkbox", name=CHOICE)).to_be_checked()
    page.get_by_role("checkbox", name=CHOICE).uncheck()
    assert page.evaluate("document.documentElement.dataset.layout") is None
    expect(page.locator(".item-paragraph").first).to_be_visible()


def test_headlines_choice_and_button_open_no_websocket(page: Page, app_url: str) -> None:
    sockets = Sockets(page)
    open_reader(page, app_url)
    open_settings(page)
    page.get_by_role("checkbox", name=CHOICE).check()
    toggle(page).click()
    expect(toggle(page)).to_have_attribute("aria-expanded", "true")
    # Two page loads (no websocket either), then back.
    page.locator(f"footer a[href='{routes.ABOUT}']").click()
    expect(page).to_have_url(re.compile(routes.ABOUT + "$"))
    page.locator(f"footer a[href='{routes.ACCESSIBILITY}']").click()
    expect(page).to_have_url(re.compile(routes.ACCESSIBILITY + "$"))
    page.go_back()
    expect(page).to_have_url(re.compile(routes.ABOUT + "$"))
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
    assert sockets.opened == []


def test_headlines_client_navigation_keeps_the_layout(page: Page, app_url: str) -> None:
    stored(page, layout="headlines")
    open_reader(page, app_url)
    toggle(page).click()
    page.locator(".office-filter-summary").click()  # the office list folds until opened
    page.locator("#office-PAR").check()
    expect(page.locator("article.item")).to_have_count(1)
    expect(toggle(page)).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".item-paragraph:visible")).to_have_count(0)


@pytest.mark.parametrize("width", (320, 1280))
def test_headlines_axe_every_theme(page: Page, app_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    stored(page, layout="headlines")
    failures: list[str] = []
    for path in ("/", "/?q=自治体", SEED_ITEM):
        open_reader(page, app_url + path)
        page.wait_for_load_state("networkidle")
        if path != SEED_ITEM:
            toggle(page).click()  # one open, the others closed
        for theme in THEMES:
            for size in ("100", "200"):
                set_pref(page, "theme", theme)
                set_pref(page, "size", size)
                page.wait_for_function(
                    "document.getAnimations().every(a => a.playState !== 'running')")
                violations = axe_violations(page)
                if violations:
                    failures.append(f"{path} {theme or 'system'} {size}%:\n"
                                    f"{format_violations(violations)}")
    assert not failures, "\n".join(failures)

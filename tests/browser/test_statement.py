"""/accessibility and /about in Debian chromium: axe in every theme, reflow, reached from the
footer by client-side navigation, and the reader keeps only what /about lists."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from flash_reader.display.palette import CHOOSABLE
from tests.browser.axe import AXE_VERSION, axe_violations, format_violations
from tests.browser.conftest import open_reader
from tests.browser.rendered import horizontal_overflow
from tests.wcag import AXE_CRITERIA

PAGES = ("/accessibility", "/about")
THEMES = ("", *(theme.name for theme in CHOOSABLE))  # "" = follow the OS


def settle(page: Page) -> None:
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)


@pytest.mark.wcag(*AXE_CRITERIA, pages=PAGES,
                  method="axe-core による自動検査（方針・試験結果と、このサイトについて×全テーマ"
                         "×文字サイズ100・200%）")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_statement_and_about_pass_axe_in_every_theme(browser: Browser, app_url: str,
                                                      scheme: str, record_property) -> None:
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    failures = []
    try:
        for path in PAGES:
            open_reader(page, app_url + path)
            page.evaluate("document.querySelector('#display-settings').open = true")
            for theme in THEMES:
                for size in ("100", "200"):
                    page.evaluate("([t, s]) => { flashDisplay.set('theme', t);"
                                  " flashDisplay.set('size', s); }", [theme, size])
                    settle(page)
                    violations = axe_violations(page)
                    if violations:
                        failures.append(f"{path} {theme or 'system'} {size}%:\n"
                                        + format_violations(violations))
    finally:
        context.close()
    record_property("wcag-tool:Chromium", browser.version)
    record_property("wcag-tool:axe-core", AXE_VERSION)
    assert failures == [], "\n".join(failures)


@pytest.mark.wcag("1.4.10", method="ブラウザ試験：方針・試験結果と、このサイトについてが幅320px・"
                  "文字300%で横にスクロールしないこと（表は枠の中でスクロール）")
@pytest.mark.parametrize("path", PAGES)
def test_statement_and_about_reflow_at_320px_with_300_percent_text(page: Page, app_url: str,
                                                                    path: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    open_reader(page, app_url + path)
    page.evaluate("flashDisplay.set('size', '300')")
    settle(page)
    assert horizontal_overflow(page) <= 0


@pytest.mark.wcag("2.4.3", "3.2.3", method="ブラウザ試験：フッターのリンクで新しいページが開き、"
                  "フォーカスがページの先頭から始まり、戻るとフォーカスが使ったリンクに戻ること")
def test_footer_links_open_statement_and_about_and_back_returns_to_the_link(
        page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    footer = page.locator("footer.site-footer")
    footer.get_by_role("link", name="アクセシビリティ方針・試験結果").click()
    expect(page).to_have_url(re.compile(r"/accessibility$"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("アクセシビリティ方針・試験結果")
    expect(page).to_have_title("アクセシビリティ方針・試験結果｜海外事務所フラッシュ")
    table = page.get_by_role("table", name="WCAG 2.2 レベル A・AA の達成基準ごとの結果")
    expect(table.locator("tbody tr")).to_have_count(55)
    # A page load: focus starts at the top of the new page (the skip link is the first stop).
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="本文へスキップ")).to_be_focused()

    about = footer.get_by_role("link", name="このサイトについて")
    about.focus()
    about.press("Enter")
    expect(page).to_have_url(re.compile(r"/about$"))
    expect(heading).to_have_text("このサイトについて")
    page.go_back()
    expect(heading).to_have_text("アクセシビリティ方針・試験結果")
    expect(footer.get_by_role("link", name="このサイトについて")).to_be_focused()


def test_reader_keeps_only_what_the_about_page_lists(browser: Browser, app_url: str) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        open_reader(page, app_url + "/about")
        listed = set(page.locator(".about-data code").all_inner_texts())
        # Use every setting there is: display, furigana, shortcuts off; then navigate.
        page.evaluate("""() => { flashDisplay.set('theme', 'dark'); flashDisplay.set('size', '150');
                                 flashDisplay.set('spacing', 'wide');
                                 flashDisplay.set('furigana', 'all'); }""")
        page.locator("#view[data-furigana='1']").wait_for(state="attached")
        page.locator("[data-open-shortcuts]").click()
        page.locator("[data-shortcuts-toggle]").uncheck()
        page.locator("[data-close-dialog]").click()
        page.get_by_role("link", name="← 最新号へ").click()
        expect(page.get_by_role("article").first).to_be_visible()
        # Furigana is asked for in the address (a shared cache keys on it), not in a cookie.
        page.wait_for_url("**furigana=1**")
        stored = set(page.evaluate("Object.keys(localStorage)"))
        cookies = {cookie["name"] for cookie in context.cookies()}
        assert {"flash-reader:display", "flash-reader:shortcuts"} <= stored <= listed
        assert cookies <= listed
    finally:
        context.close()


# --- criteria no other test covers --------------------------------------------------------


@pytest.mark.wcag("2.5.7", method="ブラウザ試験：文字サイズのスライダーは、ドラッグせずに"
                  "クリック1回でも変えられること")
def test_text_size_slider_changes_with_one_click_without_dragging(page: Page,
                                                                   app_url: str) -> None:
    open_reader(page, app_url)
    page.locator(".display-summary").click()
    slider = page.locator("input[type=range][data-display-control=size]")
    box = slider.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] * 0.95, box["y"] + box["height"] / 2)
    size = page.evaluate("Number(document.documentElement.dataset.size || 100)")
    assert size >= 250  # one click near the end of the track, no drag


@pytest.mark.wcag("3.2.1", method="ブラウザ試験：Tab キーでページ内のすべての部品へ移動しても、"
                  "ページの移動やダイアログの表示が起きないこと")
def test_focus_alone_never_changes_the_page(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    url = page.url
    focusable = page.evaluate("document.querySelectorAll('a[href], button, input, summary,"
                              " [tabindex]:not([tabindex=\"-1\"])').length")
    for _ in range(focusable + 5):
        page.keyboard.press("Tab")
        assert page.url == url
    assert page.evaluate("document.querySelector('dialog[open]') === null")
    assert page.evaluate("document.getElementById('display-settings').open") is False


@pytest.mark.wcag("1.3.4", method="ブラウザ試験：縦向き・横向きのどちらの画面でも、"
                  "記事が横にはみ出さず表示されること")
@pytest.mark.parametrize("viewport", [(390, 844), (844, 390)], ids=["portrait", "landscape"])
def test_reader_works_in_portrait_and_landscape(page: Page, app_url: str,
                                                viewport: tuple[int, int]) -> None:
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    open_reader(page, app_url)
    expect(page.get_by_role("article").first).to_be_visible()
    assert horizontal_overflow(page) <= 0

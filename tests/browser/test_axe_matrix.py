"""axe-core over every page × every theme × 100/200 % text × 320/1280 px × OS light/dark.

Issue 15's acceptance. One browser context per (OS scheme, width); on each page the theme and
the text size are switched through `window.flashDisplay` (what 表示設定 does) between axe runs
instead of reloading. The widget has no scripts: its theme is its `theme=` parameter and its
text size the root font size, as a reader's browser setting would give.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from flash_reader.display.palette import CHOOSABLE
from tests.browser.axe import axe_violations, format_violations
from tests.browser.report import record
from tests.wcag import AXE_CRITERIA

SCHEMES = ("light", "dark")
WIDTHS = (320, 1280)
SIZES = ("100", "200")
THEMES = ("", *(theme.name for theme in CHOOSABLE))  # "" = follow the OS
# Reader pages (server-rendered, with 表示設定): path → what to open before checking.
READER_PAGES = ("/", "/?office=PAR,SIN", "/?q=自治体", "/?q=zzzz", "/items/2020-10-28-01",
                "/issues/2020-10-28", "/no-such-page", "/items/no-such-item")
BUILDER = "/embed/builder"
WIDGETS = ("/embed", "/embed?office=PAR,SIN&limit=2", "/embed?lang=en", "/embed?limit=abc")
# English chrome (issue 17.5): these pages in English, every theme, at one width and size;
# and `/` at 320 px and 200 %.
ENGLISH_PAGES = ("/?lang=en", "/?office=PAR,SIN&lang=en", "/items/2020-10-28-01?lang=en",
                 "/issues/2020-10-28?lang=en", "/issues?lang=en", "/about?lang=en",
                 "/accessibility?lang=en", "/no-such-page?lang=en", BUILDER + "?lang=en")
ENGLISH_NARROW = ("/?lang=en",)


def settle(page: Page) -> None:
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)


def open_everything(page: Page) -> None:
    """Open 表示設定 and the office filter, so their controls are checked too."""
    page.evaluate("""() => {
        for (const d of document.querySelectorAll('#display-settings, .office-filter-details'))
            d.open = true;
    }""")


def check(page: Page, where: str, failures: list[str]) -> None:
    settle(page)
    violations = axe_violations(page)
    if violations:
        failures.append(f"{where}:\n{format_violations(violations)}")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_every_page_theme_and_size(browser: Browser, app_url: str,
                                       tmp_path_factory: pytest.TempPathFactory,
                                       scheme: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme,
                                  bypass_csp=True)
    page = context.new_page()
    failures: list[str] = []
    checked = 0
    try:
        for path in (*READER_PAGES, BUILDER):
            page.goto(app_url + path)
            ready = "flash-page[data-enhanced=ready]" if path != BUILDER else ".display-summary"
            page.locator(ready).wait_for(state="attached", timeout=30_000)
            page.wait_for_load_state("networkidle")
            open_everything(page)
            for theme in THEMES:
                for size in SIZES:
                    shown = page.evaluate(
                        "([t, s]) => { flashDisplay.set('theme', t); flashDisplay.set('size', s);"
                        " const d = document.documentElement.dataset;"
                        " return [d.theme || '', d.size || '100']; }", [theme, size])
                    assert shown == [theme, size], (path, shown)
                    check(page, f"{path} theme={theme or 'system'} {size}%", failures)
                    checked += 1
        for path in WIDGETS:
            for theme in THEMES:
                joiner = "&" if "?" in path else "?"
                page.goto(app_url + path + (f"{joiner}theme={theme}" if theme else ""))
                shown = page.evaluate("document.documentElement.dataset.theme || ''")
                assert shown == theme or "limit=abc" in path, (path, shown)
                for size in SIZES:
                    page.evaluate("s => document.documentElement.style.fontSize = s + '%'", size)
                    check(page, f"{path} theme={theme or 'auto'} {size}%", failures)
                    checked += 1
    finally:
        context.close()
    record(tmp_path_factory, "axe-core: combinations checked (page × theme × size)",
           f"OS {scheme}, {width} px", {"summary": f"{checked:5d}  ({len(failures)} failing)"})
    assert not failures, f"{len(failures)} of {checked} failed:\n" + "\n".join(failures[:8])


@pytest.mark.wcag(*AXE_CRITERIA, pages=ENGLISH_PAGES,
                  method="axe-core による自動検査（英語表示の各ページ×全テーマ、"
                         "1280px・100%と320px・200%）")
@pytest.mark.parametrize(("width", "size", "paths"), [(1280, "100", ENGLISH_PAGES),
                                                     (320, "200", ENGLISH_NARROW)])
def test_axe_english_pages_every_theme(browser: Browser, app_url: str,
                                       tmp_path_factory: pytest.TempPathFactory, width: int,
                                       size: str, paths: tuple[str, ...]) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    failures: list[str] = []
    checked = 0
    try:
        for path in paths:
            page.goto(app_url + path)
            if path.startswith(BUILDER):
                page.wait_for_function("document.documentElement.lang === 'en'",
                                       timeout=30_000)
            else:
                page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached",
                                                                       timeout=30_000)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("document.documentElement.lang") == "en", path
            open_everything(page)
            for theme in THEMES:
                page.evaluate("([t, s]) => { flashDisplay.set('theme', t); "
                              "flashDisplay.set('size', s); }", [theme, size])
                check(page, f"{path} theme={theme or 'system'} {size}% {width}px", failures)
                checked += 1
    finally:
        context.close()
    record(tmp_path_factory, "axe-core: English pages checked (page × theme)",
           f"{width} px {size}%", {"summary": f"{checked:5d}  ({len(failures)} failing)"})
    assert not failures, f"{len(failures)} of {checked} failed:\n" + "\n".join(failures[:8])

"""表示設定 「読みやすいフォント（BIZ UDPゴシック）」 (issue 17.1): self-hosted, loaded only when
chosen, only the unicode-range slices the page's text needs, remembered, before first paint.

The font files come from npm (tools/package.json) and `make setup` copies them to
assets/fonts/ (gitignored), which Reflex serves at the site root.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import open_reader
from tests.browser.rendered import WCAG_TEXT_SPACING_CSS, clipped_elements, horizontal_overflow
from tests.browser.report import record
from tests.browser.test_display import THEMES, choose, open_settings, settle

KEY = "flash-reader:display"
FAMILY = "BIZ UDPGothic"
LABEL = "読みやすいフォント（BIZ UDPゴシック）"
FONT_CSS = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "biz-udpgothic" / (
    "biz-udpgothic.css")
FACE = re.compile(r"@font-face\s*{[^}]*?font-weight:\s*(\d+);[^}]*?url\(\./([^)]+)\)"
                  r"[^}]*?unicode-range:\s*([^;]+);", re.S)

# Every font file of a page and what it weighed on the wire: resource timing (the browser's own
# network log) also sees what the page fetched before a Playwright listener could.
FONT_ENTRIES = """() => performance.getEntriesByType('resource')
    .filter(e => e.initiatorType === 'css' && /\\.(woff2?|ttf|otf)(\\?|$)/.test(e.name)
                 || e.name.includes('/fonts/'))
    .map(e => ({url: e.name, bytes: e.encodedBodySize}))"""
FACE_LOADED = f"""() => [...document.fonts].some(
    f => f.family.replace(/["']/g, '') === '{FAMILY}' && f.status === 'loaded')"""


@pytest.fixture(autouse=True)
def _fonts_installed() -> None:
    assert FONT_CSS.exists(), f"{FONT_CSS} is missing: run `make setup` (it copies the font)"


@pytest.fixture
def fresh(page: Page) -> Page:
    page.add_init_script(f"try {{ localStorage.removeItem('{KEY}') }} catch (e) {{}}")
    return page


def slices() -> list[tuple[str, list[tuple[int, int]]]]:
    """(file, code point ranges) of every @font-face in the served CSS."""
    faces = []
    for _weight, file, ranges in FACE.findall(FONT_CSS.read_text(encoding="utf-8")):
        spans = []
        for part in ranges.split(","):
            low, _, high = part.strip().removeprefix("U+").partition("-")
            spans.append((int(low, 16), int(high or low, 16)))
        faces.append((file.rsplit("/", 1)[-1], spans))
    return faces


def page_characters(page: Page) -> set[int]:
    """Every character the page could draw: text, form values and placeholders, generated
    content of ::before/::after."""
    text = page.evaluate("""() => {
        let out = document.documentElement.textContent;
        for (const el of document.querySelectorAll('input, textarea'))
            out += (el.value || '') + (el.placeholder || '');
        for (const el of document.querySelectorAll('*'))
            for (const pseudo of ['::before', '::after', '::marker'])
                out += getComputedStyle(el, pseudo).content || '';
        return out;
    }""")
    return {ord(c) for c in text}


def wait_for_font(page: Page) -> None:
    page.wait_for_function(FACE_LOADED, timeout=30_000)
    page.evaluate("document.fonts.ready.then(() => true)")


def test_font_off_downloads_no_font_at_all(fresh: Page, app_url: str) -> None:
    requests: list[Request] = []
    fresh.on("request", lambda request: requests.append(request))
    open_reader(fresh, app_url)
    open_settings(fresh)
    expect(fresh.get_by_label(LABEL)).not_to_be_checked()
    fresh.evaluate("document.fonts.ready.then(() => true)")
    assert fresh.evaluate(FONT_ENTRIES) == []
    fetched = [r.url for r in requests if r.resource_type == "font" or "/fonts/" in r.url]
    assert fetched == []
    assert fresh.evaluate("document.documentElement.getAttribute('data-font')") is None
    assert fresh.locator("#fr-font-faces").count() == 0


def test_font_on_uses_ud_font_from_our_origin_and_only_needed_slices(
        fresh: Page, app_url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    requests: list[Request] = []
    fresh.on("request", lambda request: requests.append(request))
    open_reader(fresh, app_url)
    open_settings(fresh)
    fresh.get_by_label(LABEL).check()
    expect(fresh.locator("html")).to_have_attribute("data-font", "ud")
    expect(fresh.locator("#display-status")).to_have_text(
        "読みやすいフォント（BIZ UDPゴシック）にしました")
    wait_for_font(fresh)

    family = fresh.evaluate(
        "getComputedStyle(document.querySelector('.item-paragraph')).fontFamily")
    assert family.startswith(f'"{FAMILY}"'), family
    assert fresh.evaluate(f"document.fonts.check('1rem \"{FAMILY}\"', '自治体')")

    fonts = [r for r in requests if r.resource_type == "font"]
    assert fonts
    origin = urlsplit(app_url).netloc
    assert {urlsplit(r.url).netloc for r in requests if r.url.startswith("http")} == {origin}
    assert all(urlsplit(r.url).path.startswith("/fonts/biz-udpgothic/files/") for r in fonts)

    # Only slices holding characters of this page, far from all of them.
    wanted = page_characters(fresh)
    needed = {file for file, spans in slices()
              if any(low <= c <= high for c in wanted for low, high in spans)}
    fetched = {urlsplit(r.url).path.rsplit("/", 1)[-1] for r in fonts}
    assert fetched <= needed, fetched - needed
    assert len(fetched) < len(slices()) / 2

    entries = fresh.evaluate(FONT_ENTRIES)
    css = sum(e["bytes"] for e in entries if e["url"].endswith(".css"))
    by_weight = {w: [e["bytes"] for e in entries if e["url"].endswith(f"-{w}-normal.woff2")]
                 for w in ("400", "700")}
    total = sum(sum(sizes) for sizes in by_weight.values())
    record(tmp_path_factory, "UD font (BIZ UDPゴシック) downloaded for the seed issue", "/",
           {"summary": f"{total:,} bytes of woff2 in {len(fetched)} of {len(slices())} slices ("
                       + ", ".join(f"{w}: {sum(b):,} bytes in {len(b)}"
                                   for w, b in by_weight.items())
                       + f") + {css:,} bytes of @font-face CSS (as sent, compressed)"})


def test_font_choice_is_applied_before_first_paint_and_remembered(page: Page,
                                                                   app_url: str) -> None:
    page.add_init_script(
        f"localStorage.setItem('{KEY}', JSON.stringify({{font: 'ud'}}));"
        """requestAnimationFrame(() => {
            const html = document.documentElement;
            window.__firstFrame = {font: html.getAttribute('data-font'),
                family: getComputedStyle(html).fontFamily.split(',')[0],
                faces: !!document.getElementById('fr-font-faces')};
        });""")
    page.goto(app_url)
    page.locator("article").first.wait_for()
    assert page.evaluate("window.__firstFrame") == {"font": "ud", "family": f'"{FAMILY}"',
                                                    "faces": True}
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
    open_settings(page)
    expect(page.get_by_label(LABEL)).to_be_checked()
    wait_for_font(page)
    # Hydration keeps the added stylesheet; unchecking goes back to the usual fonts.
    page.get_by_label(LABEL).uncheck()
    expect(page.locator("html")).not_to_have_attribute("data-font", "ud")
    family = page.evaluate("getComputedStyle(document.documentElement).fontFamily")
    assert not family.startswith(f'"{FAMILY}"')
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None


def test_font_loads_under_the_page_content_security_policy(browser: Browser,
                                                           app_url: str) -> None:
    # The suite's contexts bypass CSP; this one enforces it, as a reader's browser does.
    context = browser.new_context(bypass_csp=False)
    try:
        page = context.new_page()
        blocked: list[str] = []
        page.on("console", lambda m: blocked.append(m.text)
                if "Content Security Policy" in m.text else None)
        page.add_init_script(f"localStorage.setItem('{KEY}', JSON.stringify({{font: 'ud'}}));")
        response = page.goto(app_url)
        assert response is not None and "default-src 'self'" in (
            response.headers.get("content-security-policy") or "")
        wait_for_font(page)
        assert blocked == []
    finally:
        context.close()


@pytest.mark.parametrize(("label", "theme", "scheme"), THEMES, ids=[t[0] for t in THEMES])
def test_font_on_passes_axe_in_every_theme_at_200_percent(
        fresh: Page, app_url: str, label: str, theme: str | None, scheme: str) -> None:
    fresh.emulate_media(color_scheme=scheme)
    open_reader(fresh, app_url)
    choose(fresh, theme=theme or "", size="200", font="ud")
    open_settings(fresh)
    settle(fresh)
    wait_for_font(fresh)
    violations = axe_violations(fresh)
    assert not violations, format_violations(violations)


@pytest.mark.parametrize("size", ["200", "300"])
def test_font_on_reflows_at_320px_with_wide_spacing(fresh: Page, app_url: str,
                                                   size: str) -> None:
    # The UD font's glyphs are wider than Noto's: nothing may overflow or be cut off.
    fresh.set_viewport_size({"width": 320, "height": 640})
    open_reader(fresh, app_url)
    choose(fresh, size=size, spacing="wide", font="ud")
    open_settings(fresh)
    wait_for_font(fresh)
    fresh.add_style_tag(content=WCAG_TEXT_SPACING_CSS)
    assert horizontal_overflow(fresh) <= 0
    assert clipped_elements(fresh) == []

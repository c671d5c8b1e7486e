"""表示設定: themes × text sizes, spacing, persistence without a flash, system preferences.

Every check reads what chromium rendered, not what the CSS says.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from flash_reader.display.palette import (
    CHOOSABLE,
    DARK,
    DARK_HIGH,
    DEFAULT,
    LIGHT_HIGH,
    contrast_ratio,
    parse_colour,
)
from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import Sockets, open_reader, tab_to
from tests.browser.rendered import (
    WCAG_TEXT_SPACING_CSS,
    clipped_elements,
    horizontal_overflow,
    text_contrasts,
)
from tests.browser.report import record
from tests.browser.test_filters import open_filter

KEY = "flash-reader:display"
# (label, data-theme or None for "follow the system", emulated color scheme)
THEMES = [("system-light", None, "light"), ("system-dark", None, "dark"),
          ("default", "default", "light"), ("light-high", "light-high", "light"),
          ("dark-high", "dark-high", "dark"), ("blue-yellow", "blue-yellow", "light")]
SIZES = [100, 200]


def rgb(hex_colour: str) -> str:
    r, g, b, _ = parse_colour(hex_colour)
    return f"rgb({int(r)}, {int(g)}, {int(b)})"


def html_background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.documentElement).backgroundColor")


def open_settings(page: Page) -> None:
    summary = page.locator(".display-summary")
    if page.locator("#display-settings").get_attribute("open") is None:
        summary.click()
    expect(page.get_by_role("group", name="色")).to_be_visible()


def choose(page: Page, **prefs: str) -> None:
    for name, value in prefs.items():
        page.evaluate("([n, v]) => window.flashDisplay.set(n, v)", [name, value])
    settle(page)


def settle(page: Page) -> None:
    """Wait until colour transitions have finished, so colours are read at rest."""
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)


@pytest.fixture
def fresh(page: Page) -> Page:
    """A page whose stored preferences are cleared before the test."""
    page.add_init_script(f"try {{ localStorage.removeItem('{KEY}') }} catch (e) {{}}")
    return page


# --- themes × sizes --------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("label", "theme", "scheme"), THEMES, ids=[t[0] for t in THEMES])
def test_display_theme_and_size_pass_axe_and_aaa_contrast(
        page: Page, app_url: str, tmp_path_factory: pytest.TempPathFactory,
        label: str, theme: str | None, scheme: str, size: int) -> None:
    page.emulate_media(color_scheme=scheme)
    open_reader(page, app_url)
    choose(page, theme=theme or "", size=str(size))
    open_settings(page)
    settle(page)

    contrasts = text_contrasts(page)
    assert len(contrasts) > 50
    failing = [c for c in contrasts if not c.passes]
    assert not failing, "\n".join(
        f"{c.ratio:.2f}:1 < {c.required} {c.where} {c.text!r} ({c.fg} on {c.bg})"
        for c in failing[:10])
    lowest = min(contrasts, key=lambda c: c.ratio)
    record(tmp_path_factory, "lowest rendered text contrast per theme × size",
           f"{label} {size}%", {"summary": f"{lowest.ratio:6.2f}:1  ({len(contrasts)} texts; "
                                           f"lowest at {lowest.where})"})

    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_display_focus_ring_contrast_in_every_theme(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    for theme in ("default", "light-high", "dark-high", "blue-yellow"):
        choose(page, theme=theme)
        page.keyboard.press("Tab")  # the skip link
        settle(page)
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
        # The ring is drawn outside the element, on the page background.
        background = html_background(page)
        assert contrast_ratio(outline, background) >= 3, (theme, outline, background)
        page.evaluate("document.activeElement.blur()")


# --- reflow and spacing ----------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["default", "dark-high"])
def test_display_reflows_at_320px_with_200_percent_text(page: Page, app_url: str,
                                                          theme: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    open_reader(page, app_url)
    choose(page, theme=theme, size="200")
    open_settings(page)
    assert horizontal_overflow(page) <= 0
    assert clipped_elements(page) == []


def test_display_300_percent_text_still_reflows_at_320px(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    open_reader(page, app_url)
    choose(page, size="300")
    open_settings(page)
    assert horizontal_overflow(page) <= 0


@pytest.mark.parametrize("size", ["100", "200"])
def test_display_wcag_text_spacing_clips_nothing(page: Page, app_url: str, size: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    open_reader(page, app_url)
    choose(page, size=size)
    open_settings(page)
    page.add_style_tag(content=WCAG_TEXT_SPACING_CSS)
    assert clipped_elements(page) == []
    assert horizontal_overflow(page) <= 0


def test_display_spacing_preset_applies_wcag_values(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    open_settings(page)
    page.get_by_label("行間・文字間・段落の間を広げる").check()
    style = page.evaluate("""() => {
        const p = document.querySelector('.item-paragraph'), s = getComputedStyle(p);
        const px = parseFloat(s.fontSize);
        return {line: parseFloat(s.lineHeight) / px, letter: parseFloat(s.letterSpacing) / px,
                word: parseFloat(s.wordSpacing) / px, margin: parseFloat(s.marginBottom) / px};
    }""")
    assert style["line"] >= 1.5
    assert style["letter"] == pytest.approx(0.12, abs=0.01)
    assert style["word"] == pytest.approx(0.16, abs=0.01)
    assert style["margin"] >= 2


def test_display_line_length_cap_is_about_40_characters(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    open_reader(page, app_url)
    open_settings(page)
    page.get_by_label("1行を約40字までにする").check()
    chars_per_line = page.evaluate("""() => {
        const p = document.querySelector('.item-paragraph');
        const probe = document.createElement('span');
        probe.textContent = '水'; p.appendChild(probe);
        const w = probe.getBoundingClientRect().width; probe.remove();
        return p.getBoundingClientRect().width / w;
    }""")
    assert 36 <= chars_per_line <= 41


# --- persistence, no flash, no server --------------------------------------------------------


def test_display_choice_is_applied_before_first_paint(page: Page, app_url: str) -> None:
    # Stored before the page exists, as a returning reader's browser would have it.
    page.add_init_script(
        f"localStorage.setItem('{KEY}', JSON.stringify({{theme: 'blue-yellow', size: '150'}}));"
        """requestAnimationFrame(() => {
            const html = document.documentElement;
            window.__firstFrame = {theme: html.getAttribute('data-theme'),
                bg: getComputedStyle(html).backgroundColor,
                fontSize: getComputedStyle(html).fontSize};
        });""")
    page.goto(app_url)
    page.locator("article").first.wait_for()
    first = page.evaluate("window.__firstFrame")
    assert first == {"theme": "blue-yellow", "bg": rgb("#002060"), "fontSize": "24px"}


def test_display_reload_keeps_the_choice(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    open_settings(page)
    page.get_by_role("radio", name="青地に黄").check()
    page.get_by_role("radio", name="大（150%）").check()
    page.reload()
    page.locator("article").first.wait_for()
    assert page.evaluate("document.documentElement.dataset.theme") == "blue-yellow"
    assert html_background(page) == rgb("#002060")
    open_settings(page)
    expect(page.get_by_role("radio", name="青地に黄")).to_be_checked()
    expect(page.get_by_role("radio", name="大（150%）")).to_be_checked()
    expect(page.get_by_label("細かく調整")).to_have_value("150")


def test_display_changes_and_navigation_open_no_websocket(fresh: Page, app_url: str) -> None:
    page = fresh
    sockets = Sockets(page)
    open_reader(page, app_url)
    # A navigation inside the page is an HTTP fetch of its view; display changes stay in the
    # browser.
    open_filter(page)
    page.get_by_role("checkbox", name=re.compile("パリ")).check()
    expect(page.locator("article.item")).to_have_count(1)
    page.get_by_role("checkbox", name=re.compile("ソウル")).check()
    expect(page.locator("article.item")).to_have_count(2)
    open_settings(page)
    page.get_by_role("radio", name="白地に黒").check()
    page.get_by_role("radio", name="特大（200%）").check()
    page.get_by_label("細かく調整").fill("250")
    page.get_by_label("行間・文字間・段落の間を広げる").check()
    page.get_by_label("1行を約40字までにする").check()
    page.get_by_role("button", name="初期設定に戻す").click()
    page.go_back()
    expect(page.locator("article.item")).to_have_count(1)
    assert sockets.opened == []


def test_display_reset_returns_to_following_the_system(fresh: Page, app_url: str) -> None:
    page = fresh
    page.emulate_media(color_scheme="dark")
    open_reader(page, app_url)
    open_settings(page)
    page.get_by_role("radio", name="白地に黒").check()
    assert html_background(page) == rgb(LIGHT_HIGH.palette.bg)
    page.get_by_role("button", name="初期設定に戻す").click()
    assert html_background(page) == rgb(DARK.palette.bg)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    expect(page.get_by_role("radio", name="端末の設定に合わせる")).to_be_checked()
    expect(page.locator("#display-status")).to_contain_text("初期設定")


# --- following the system --------------------------------------------------------------------


def test_display_follows_prefers_color_scheme_dark(fresh: Page, app_url: str) -> None:
    fresh.emulate_media(color_scheme="dark")
    open_reader(fresh, app_url)
    assert html_background(fresh) == rgb(DARK.palette.bg)


def test_display_follows_prefers_contrast_more(fresh: Page, app_url: str) -> None:
    page = fresh
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setEmulatedMedia",
             {"features": [{"name": "prefers-contrast", "value": "more"}]})
    open_reader(page, app_url)
    assert page.evaluate("getComputedStyle(document.body).color") == rgb(LIGHT_HIGH.palette.fg)
    cdp.send("Emulation.setEmulatedMedia",
             {"features": [{"name": "prefers-contrast", "value": "more"},
                           {"name": "prefers-color-scheme", "value": "dark"}]})
    assert html_background(page) == rgb(DARK_HIGH.palette.bg)


def test_display_choice_wins_over_the_system(fresh: Page, app_url: str) -> None:
    fresh.emulate_media(color_scheme="dark")
    open_reader(fresh, app_url)
    choose(fresh, theme="default")
    assert html_background(fresh) == rgb(DEFAULT.palette.bg)


def test_display_forced_colors_step_aside(fresh: Page, app_url: str) -> None:
    page = fresh
    page.emulate_media(forced_colors="active")
    open_reader(page, app_url)
    open_settings(page)
    expect(page.locator(".forced-colors-note")).to_be_visible()
    choose(page, theme="blue-yellow")
    settle(page)
    # The system palette wins: our navy background is not painted.
    assert html_background(page) != rgb("#002060")
    # axe-core reads author colours, not forced ones, so contrast is measured from what
    # chromium rendered instead; every other rule still runs.
    failing = [c for c in text_contrasts(page) if not c.passes]
    assert not failing, failing[:5]
    violations = axe_violations(page, disable=("color-contrast",))
    assert not violations, format_violations(violations)


def test_display_follows_reduced_motion(fresh: Page, app_url: str) -> None:
    page = fresh
    open_reader(page, app_url)
    duration = "getComputedStyle(document.querySelector('.display-summary')).transitionDuration"
    assert page.evaluate(duration) != "0s"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(duration) == "0s"


# --- the controls ----------------------------------------------------------------------------


def test_display_controls_by_keyboard_alone(fresh: Page, app_url: str) -> None:
    page = fresh
    open_reader(page, app_url)
    summary = page.locator(".display-summary")
    if not tab_to(page, summary, 10):
        pytest.fail("表示設定 is not reachable with Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("group", name="文字サイズ")).to_be_visible()
    page.keyboard.press("Tab")  # the first size radio (標準)
    page.keyboard.press("ArrowRight")  # → 大
    assert page.evaluate("document.documentElement.dataset.size") == "150"
    expect(page.locator("#display-status")).to_have_text("文字サイズ：150%")
    page.keyboard.press("Tab")  # the range
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.documentElement.dataset.size") == "160"
    page.keyboard.press("Tab")  # the theme group: first radio
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # → 白地に黒
    assert page.evaluate("document.documentElement.dataset.theme") == "light-high"
    expect(page.locator("#display-status")).to_have_text("色：白地に黒")


def test_display_controls_semantics(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    open_settings(page)
    for group, names in {"文字サイズ": ["標準（100%）", "大（150%）", "特大（200%）"],
                         "色": ["端末の設定に合わせる", "標準", "白地に黒", "黒地に白", "青地に黄"]
                         }.items():
        fieldset = page.get_by_role("group", name=group)
        for name in names:
            expect(fieldset.get_by_role("radio", name=name, exact=True)).to_have_count(1)
    expect(page.get_by_role("slider", name="細かく調整")).to_have_attribute("max", "300")
    expect(page.get_by_role("checkbox", name="行間・文字間・段落の間を広げる")).to_be_visible()


def test_display_targets_are_at_least_24px(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    open_settings(page)
    for target in page.locator(
            ".display-summary, .display-panel :is(.choice, .choice-input, .size-range, button)"
            ).all():
        box = target.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, target.evaluate(
            "el => el.outerHTML.slice(0, 80)")


def test_display_focused_control_is_never_hidden(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 480, "height": 400})
    open_reader(page, app_url)
    choose(page, size="200")
    open_settings(page)
    page.locator(".display-summary").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        hidden = page.evaluate("""() => {
            const el = document.activeElement, r = el.getBoundingClientRect();
            if (el === document.body) return null;  // focus left the page's last control
            if (r.bottom < 0 || r.top > innerHeight) return 'outside the viewport';
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return hit && (hit === el || el.contains(hit) || hit.contains(el) ||
                           hit.control === el || (el.labels && [...el.labels].includes(hit)))
                ? null : 'covered by ' + (hit ? hit.outerHTML.slice(0, 60) : 'nothing');
        }""")
        assert hidden is None, hidden


# --- the chosen theme decides native controls (color-scheme) ---------------------------------

# What each choice must give native controls (radios, checkboxes, scrollbars), whatever the OS.
SCHEME_CASES = [(theme.name, os_scheme, theme.scheme)
                for theme in CHOOSABLE for os_scheme in ("light", "dark")]
SCHEME_CASES += [("", "light", DEFAULT.scheme), ("", "dark", DARK.scheme)]


@pytest.mark.parametrize(("theme", "os_scheme", "expected"), SCHEME_CASES,
                         ids=[f"{t or 'system'}-os-{o}" for t, o, _ in SCHEME_CASES])
def test_display_theme_decides_color_scheme_of_native_controls_on_os_scheme(
        fresh: Page, app_url: str, theme: str, os_scheme: str, expected: str) -> None:
    page = fresh
    page.emulate_media(color_scheme=os_scheme)
    if theme:
        page.add_init_script(f"localStorage.setItem('{KEY}', JSON.stringify({{theme: '{theme}'}}))")
    open_reader(page, app_url)
    open_settings(page)
    checkbox = page.get_by_role("checkbox", name="行間・文字間・段落の間を広げる")
    expect(checkbox).to_be_visible()
    html_scheme = page.evaluate("getComputedStyle(document.documentElement).colorScheme")
    assert (html_scheme, checkbox.evaluate("el => getComputedStyle(el).colorScheme")) == (
        expected, expected)
    # Switching the choice while the page is open follows at once, too.
    other = DARK_HIGH if expected == "light" else LIGHT_HIGH
    choose(page, theme=other.name)
    assert checkbox.evaluate("el => getComputedStyle(el).colorScheme") == other.scheme


# --- keys ------------------------------------------------------------------------------------


def test_display_question_mark_with_single_key_shortcuts_off_opens_nothing(
        page: Page, app_url: str) -> None:
    page.add_init_script("localStorage.setItem('flash-reader:shortcuts', 'off')")
    open_reader(page, app_url)
    # Key handlers run while the key is dispatched, before press() returns.
    page.keyboard.press("?")
    assert page.evaluate("document.getElementById('shortcut-help').open") is False
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement === document.body")
    # The help stays reachable by its button, where the keys can be turned back on.
    page.get_by_role("button", name="キーボード操作").click()
    expect(page.get_by_role("dialog", name="キーボード操作")).to_be_visible()
    expect(page.get_by_role("checkbox", name="1文字のショートカットキーを使う")).not_to_be_checked()


def test_display_question_mark_with_shortcuts_on_opens_help_centred(
        page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    open_reader(page, app_url)
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="キーボード操作")
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    assert box
    left, right = box["x"], 1280 - box["x"] - box["width"]
    top, bottom = box["y"], 800 - box["y"] - box["height"]
    assert abs(left - right) <= 2 and abs(top - bottom) <= 2, box


def test_display_escape_in_open_settings_closes_them_and_focuses_summary(
        page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    open_settings(page)
    page.get_by_role("radio", name="黒地に白").focus()
    page.keyboard.press("Escape")
    expect(page.locator("#display-settings")).not_to_have_attribute("open", "")
    expect(page.locator(".display-summary")).to_be_focused()
    # Escape elsewhere on the page does not open or move anything.
    page.locator("article").first.focus()
    page.keyboard.press("Escape")
    expect(page.locator("#display-settings")).not_to_have_attribute("open", "")
    expect(page.locator("article").first).to_be_focused()


@pytest.mark.parametrize(("width", "size"), [(1280, "100"), (320, "200")])
def test_display_summary_stays_in_place_when_opened_at_width(
        page: Page, app_url: str, width: int, size: str) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    open_reader(page, app_url)
    choose(page, size=size)
    summary = page.locator(".display-summary")
    before = summary.bounding_box()
    open_settings(page)
    settle(page)
    assert summary.bounding_box() == before
    panel = page.locator(".display-panel")
    box = panel.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert horizontal_overflow(page) <= 0


# --- reading aids in the panel ---------------------------------------------------------------


def test_display_furigana_choice_and_status_use_the_same_words(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    open_settings(page)
    group = page.get_by_role("group", name="ふりがなを付ける漢字")
    radios = group.get_by_role("radio")
    expect(radios).to_have_count(8)
    for index in [*range(1, 8), 0]:
        radio = radios.nth(index)
        radio.check()
        name = radio.evaluate("el => el.labels[0].textContent")
        expect(page.locator("#display-status")).to_have_text(f"ふりがなを付ける漢字：{name}")


@pytest.mark.parametrize("group_name", ["ふりがなを付ける漢字", "読み上げの速さ"])
def test_display_reading_choices_fit_320px_at_300_percent(page: Page, app_url: str,
                                                          group_name: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    open_reader(page, app_url)
    choose(page, size="300")
    open_settings(page)
    choices = page.get_by_role("group", name=group_name).locator(".choice")
    expect(choices.first).to_be_visible()
    for choice in choices.all():
        fits = choice.evaluate("""el => {
            const r = el.getBoundingClientRect();
            return r.left >= 0 && r.right <= innerWidth && el.scrollWidth <= el.clientWidth;
        }""")
        assert fits, choice.text_content()
    assert clipped_elements(page) == []


# --- a feed without photos: said once, in the theme's colours -----------------------------

NOTE_JS = """note => {
    const style = getComputedStyle(note);
    let back = note, bg = 'rgba(0, 0, 0, 0)';
    while (back && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) {
        bg = getComputedStyle(back).backgroundColor; back = back.parentElement;
    }
    return {fg: style.color, bg, count: document.querySelectorAll('.photo-note').length,
            images: document.querySelectorAll('article img').length,
            boxes: [...document.querySelectorAll('article figure')]
                .filter(f => getComputedStyle(f, '::before').content !== 'none').length};
}"""


@pytest.mark.parametrize(("label", "theme", "scheme"), THEMES, ids=[t[0] for t in THEMES])
def test_display_no_photos_said_once_in_theme_colours_aaa(
        page: Page, app_url: str, tmp_path_factory: pytest.TempPathFactory,
        label: str, theme: str | None, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    open_reader(page, app_url)
    choose(page, theme=theme or "")
    note = page.locator(".photo-note")
    expect(note).to_have_text("写真は掲載されていません。写真の説明は「写真：」のあとに示します。")
    seen = note.evaluate(NOTE_JS)
    # Once for the list, not a box and a placeholder image in each of the seven articles.
    assert (seen["count"], seen["images"], seen["boxes"]) == (1, 0, 0), seen
    ratio = contrast_ratio(seen["fg"], seen["bg"])
    assert ratio >= 7, seen
    record(tmp_path_factory, "no-photo note: text contrast per theme", label,
           {"summary": f"{ratio:6.2f}:1"})
    # Each caption stays, as text, heard once.
    figure = page.locator("article figure").first
    expect(figure.locator("figcaption")).to_have_text(re.compile("^クレア"))
    assert figure.aria_snapshot().count("クレアのブース") == 1

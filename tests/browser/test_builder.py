"""The embed builder's copy button in chromium, with and without the Clipboard API."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from flash_reader import routes
from tests.browser.conftest import RECORD_POLICY_VIOLATIONS

# Plain http on an intranet address is not a secure context: navigator.clipboard is undefined.
NO_CLIPBOARD = "delete Navigator.prototype.clipboard; delete navigator.clipboard;"


def open_builder(page: Page, app_url: str) -> None:
    page.goto(app_url + routes.EMBED_BUILDER)
    # The page's own origin in the code: the app has hydrated and loaded the builder's state
    # (a later state update would replace the text and its selection).
    expect(page.locator("#snippet")).to_have_value(re.compile(r'^<iframe src="http://'))


def test_builder_copy_without_clipboard_api_selects_code_and_says_press_ctrl_c(
        page: Page, app_url: str) -> None:
    page.add_init_script(NO_CLIPBOARD)
    open_builder(page, app_url)
    page.get_by_role("button", name="コードをコピー").click()
    expect(page.locator("#copy-status")).to_have_text("Ctrl+C（⌘+C）でコピーしてください。")
    snippet = page.locator("#snippet")
    expect(snippet).to_be_focused()
    selected = snippet.evaluate("el => [el.selectionStart, el.selectionEnd, el.value.length]")
    assert selected[0] == 0 and selected[1] == selected[2] > 0


def test_builder_copy_message_clears_when_a_choice_changes(page: Page, app_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_builder(page, app_url)
    page.get_by_role("button", name="コードをコピー").click()
    expect(page.locator("#copy-status")).to_have_text("埋め込みコードをコピーしました。")
    page.get_by_label("件数").select_option("3")
    expect(page.locator("#copy-status")).to_have_text("")


def test_builder_height_typed_from_200_to_2000_and_a_wrong_one_explained(
        page: Page, app_url: str) -> None:
    open_builder(page, app_url)
    height = page.get_by_label("高さ（200〜2000 ピクセル）")
    height.fill("777")
    snippet = page.locator("#snippet")
    expect(snippet).to_have_value(re.compile('height="777"'))
    expect(page.frame_locator("iframe.builder-frame").locator("body")).to_be_visible()
    expect(page.locator("iframe.builder-frame")).to_have_attribute("height", "777")
    height.fill("19")
    hint = page.locator("#builder-height-hint")
    expect(hint).to_contain_text("200〜2000 の整数")
    expect(height).to_have_attribute("aria-invalid", "true")
    expect(snippet).to_have_value(re.compile('height="777"'))  # the last good value stays
    page.get_by_label("幅（240〜2000 ピクセル）").fill("300")
    expect(snippet).to_have_value(re.compile('width="300" height="777"'))


def test_builder_english_widget_snippet_and_preview(page: Page, app_url: str) -> None:
    open_builder(page, app_url)
    page.get_by_label("言語").select_option("en")
    snippet = page.locator("#snippet")
    expect(snippet).to_have_value(re.compile(r'/embed\?limit=5&amp;lang=en" '
                                             r'title="CLAIR Overseas Office Flash \(all offices'))
    preview = page.frame_locator("iframe.builder-frame")
    expect(preview.locator("html")).to_have_attribute("lang", "en")
    expect(preview.get_by_text("Headlines open the article")).to_be_visible()


def test_builder_hydrates_and_works_under_its_script_policy(browser: Browser,
                                                            app_url: str) -> None:
    # A context without the suite's bypass: the policy the server sends is enforced, so a
    # hash that does not match a built inline script stops the builder from hydrating.
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(RECORD_POLICY_VIOLATIONS)
        response = page.goto(app_url + routes.EMBED_BUILDER)
        assert response is not None
        policy = response.headers["content-security-policy"]
        scripts = policy.split("script-src", 1)[1].split(";", 1)[0]
        assert "'sha256-" in scripts and "'unsafe-inline'" not in scripts
        assert "object-src 'none'" in policy and "base-uri 'none'" in policy
        open_builder(page, app_url)
        page.get_by_label("件数").select_option("3")  # an event over the websocket and back
        expect(page.locator("#snippet")).to_have_value(re.compile("limit=3"))
        expect(page.frame_locator("iframe.builder-frame").locator("body")).to_be_visible()
        assert page.evaluate("window.__violations") == []
    finally:
        context.close()


def test_builder_gives_the_conformance_block_for_the_chosen_setting(
        page: Page, app_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_builder(page, app_url)
    ja, en = page.get_by_label("日本語の文"), page.get_by_label("英語の文")
    expect(ja).to_have_attribute("lang", "ja")
    expect(en).to_have_attribute("lang", "en")
    expect(ja).to_have_value(re.compile("第三者コンテンツ"))
    expect(en).to_have_value(re.compile("third-party content"))
    page.get_by_label("色").select_option("dark-high")
    expect(ja).to_have_value(re.compile("配色：黒地に白"))
    expect(page.locator("#builder-conformance-json")).to_have_attribute(
        "href", re.compile(r"^/embed/conformance\.json\?limit=5&theme=dark-high&height="))
    page.get_by_role("button", name="日本語の文をコピー").click()
    expect(page.locator("#conformance-ja-status")).to_have_text("表明用の文をコピーしました。")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == ja.input_value()

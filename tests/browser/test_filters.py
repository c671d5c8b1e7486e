"""Office filter, search, shareable URLs, permalinks and keyboard shortcuts in chromium."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import open_reader


def office(page: Page, name: str):
    """An office's checkbox, with the office filter opened (it folds while none is chosen)."""
    open_filter(page)
    return page.get_by_role("group", name="事務所で絞り込む").get_by_role(
        "checkbox", name=re.compile(f"^{name}"))


def open_filter(page: Page) -> None:
    details = page.locator("details.office-filter-details")
    if details.get_attribute("open") is None:
        page.locator(".office-filter-summary").click()
        expect(details).to_have_attribute("open", "")


def result_status(page: Page):
    return page.locator("#result-status")


def announced(page: Page):
    """The live region outside the swapped view: what a screen reader hears."""
    return page.locator("#view-status")


def search(page: Page, words: str) -> None:
    box = page.get_by_role("searchbox", name="サイト内検索")
    box.fill(words)
    box.press("Enter")


def test_filter_lists_every_office_with_its_count(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    open_filter(page)
    group = page.get_by_role("group", name="事務所で絞り込む")
    expect(group.get_by_role("checkbox")).to_have_count(8)  # すべて + 7 offices
    expect(office(page, "すべて")).to_be_checked()
    expect(office(page, "パリ事務所")).to_have_accessible_name("パリ事務所（1件）")
    expect(result_status(page)).to_have_text("最新号の記事 7件")
    expect(announced(page)).to_have_attribute("role", "status")


def test_filter_by_two_offices_then_back_to_all(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    office(page, "パリ事務所").click()
    expect(page).to_have_url(re.compile(r"\?office=PAR$"))
    expect(page.get_by_role("article")).to_have_count(1)
    office(page, "シンガポール事務所").click()
    expect(page).to_have_url(re.compile(r"\?office=PAR,SIN$"))
    expect(page.get_by_role("article")).to_have_count(2)
    expect(result_status(page)).to_have_text("パリ事務所・シンガポール事務所の記事 2件")
    expect(announced(page)).to_have_text("パリ事務所・シンガポール事務所の記事 2件")
    # Focus stays on the checkbox that was used; the page does not jump.
    expect(office(page, "シンガポール事務所")).to_be_focused()
    expect(office(page, "すべて")).not_to_be_checked()
    office(page, "すべて").click()
    expect(page.get_by_role("article")).to_have_count(7)
    expect(page).to_have_url(app_url + "/")


def test_search_japanese_aware_with_marks(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    search(page, "しんがぽーる")
    expect(page).to_have_url(re.compile(r"\?q=%E3%81%97"))
    expect(page.get_by_role("article")).to_have_count(1)
    # The box is not re-created: focus stays in it, so a second query can be typed at once.
    expect(page.get_by_role("searchbox", name="サイト内検索")).to_be_focused()
    expect(page.locator("article .item-office mark")).to_have_text("シンガポール")
    search(page, "うぇびなー")  # hiragana finds katakana in title and body
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.locator("article h2 mark")).to_have_text("ウェビナー")
    expect(page.locator("article .item-paragraph mark")).to_have_text("ウェビナー")
    search(page, "cuf")
    expect(page.locator("article mark").first).to_have_text(re.compile("cuf", re.IGNORECASE))
    expect(result_status(page)).to_contain_text("「cuf」を含む")


def test_search_marks_caption(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    search(page, "クレアのブース")
    figure = page.locator("article figure").first
    expect(figure.locator("figcaption mark")).to_have_text("クレアのブース")
    # The bulletin has no photo: no image whose name could be marked, the caption alone.
    expect(figure.locator("img")).to_have_count(0)


def test_search_without_result_says_so_and_offers_to_clear(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    office(page, "パリ事務所").click()
    search(page, "存在しない言葉")
    expect(page.get_by_text("条件に合う記事はありません。")).to_be_visible()
    expect(result_status(page)).to_contain_text("0件")
    page.get_by_role("link", name="絞り込みと検索をすべて解除").click()
    expect(page.get_by_role("article")).to_have_count(7)
    expect(page.get_by_role("searchbox", name="サイト内検索")).to_have_value("")


def test_url_restores_view_on_reload_and_pasted_link(page: Page, app_url: str) -> None:
    page.goto(app_url + "/?office=LON,NYC&q=%E3%83%97%E3%83%AD%E3%82%B0%E3%83%A9%E3%83%A0")
    expect(page.get_by_role("article")).to_have_count(1)  # プログラム only in London's item
    expect(office(page, "ロンドン事務所")).to_be_checked()
    expect(office(page, "ニューヨーク事務所")).to_be_checked()
    expect(page.get_by_role("searchbox", name="サイト内検索")).to_have_value("プログラム")
    page.reload()
    expect(page.get_by_role("article")).to_have_count(1)
    expect(office(page, "ロンドン事務所")).to_be_checked()


def test_unknown_office_codes_in_url_are_ignored_and_the_reader_is_told(
        page: Page, app_url: str) -> None:
    page.goto(app_url + "/?office=XXX,par")
    expect(page.get_by_role("article")).to_have_count(1)
    expect(office(page, "パリ事務所")).to_be_checked()
    # Issue 25.9: it was silently ignored. Now said, with the offices that exist, shown.
    expect(page.get_by_role("status").filter(has_text="指定された事務所はありません")).to_contain_text(
        "パリ事務所、シンガポール事務所")
    expect(page.locator("details.office-filter-details")).to_have_attribute("open", "")
    page.goto(app_url + "/?office=XXX")
    expect(page.get_by_role("article")).to_have_count(7)
    expect(page.get_by_text("指定された事務所はありません")).to_be_visible()
    for box in page.get_by_role("group", name="事務所で絞り込む").get_by_role("checkbox").all():
        expect(box).to_be_visible()
    page.goto(app_url + "/")
    expect(page.get_by_text("指定された事務所はありません")).to_have_count(0)


def test_back_and_forward_restore_the_view(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    office(page, "北京事務所").click()
    expect(page.get_by_role("article")).to_have_count(1)
    search(page, "ウェビナー")
    expect(page.get_by_text("条件に合う記事はありません。")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("searchbox", name="サイト内検索")).to_have_value("")
    page.go_back()
    expect(page.get_by_role("article")).to_have_count(7)
    page.go_forward()
    expect(page.get_by_role("article")).to_have_count(1)
    expect(office(page, "北京事務所")).to_be_checked()


def test_item_permalink_has_its_own_title(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    first = page.get_by_role("article").first
    title = first.get_by_role("heading", level=2).inner_text()
    # The visible words first (WCAG 2.5.3), then which article, for a list of links.
    name = re.compile(f"^この記事へのリンク ?：{re.escape(title)}$")
    first.get_by_role("link", name=name).click()
    expect(page).to_have_url(re.compile(r"/items/2020-10-28-01$"))
    expect(page).to_have_title(f"{title}｜海外事務所フラッシュ")
    expect(page.get_by_role("article")).to_have_count(1)
    # A new page (a page load: the browser announces its title): focus starts at the top, so
    # the first Tab reaches the skip link.
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="本文へスキップ")).to_be_focused()
    page.goto(app_url + "/items/2020-10-28-03")
    expect(page).to_have_title(re.compile("^「Japan Matsuri Presents」へ参加"))


def test_issue_permalink_and_unknown_pages(page: Page, app_url: str) -> None:
    page.goto(app_url + "/issues/2020-10-28")
    expect(page.get_by_role("article")).to_have_count(7)
    expect(page).to_have_title("2020年10月28日配信｜海外事務所フラッシュ")
    page.goto(app_url + "/issues/1999-01-01")
    expect(page.get_by_role("heading", level=1)).to_have_text("配信号が見つかりません")
    page.goto(app_url + "/items/no-such-item")
    expect(page.get_by_role("heading", level=1)).to_have_text("記事が見つかりません")
    expect(page).to_have_title("記事が見つかりません｜海外事務所フラッシュ")


def test_shortcuts_j_k_slash_and_help(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    page.locator("body").click(position={"x": 1, "y": 1})
    page.keyboard.press("j")
    articles = page.locator("article.item")
    expect(articles.nth(0)).to_be_focused()
    page.keyboard.press("j")
    expect(articles.nth(1)).to_be_focused()
    page.keyboard.press("k")
    expect(articles.nth(0)).to_be_focused()
    page.keyboard.press("/")
    box = page.get_by_role("searchbox", name="サイト内検索")
    expect(box).to_be_focused()
    page.keyboard.type("j?k")  # typed into the field, not taken as shortcuts
    expect(box).to_have_value("j?k")
    expect(page.get_by_role("dialog")).to_be_hidden()
    box.blur()
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="キーボード操作")
    expect(dialog).to_be_visible()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


def test_shortcuts_can_be_turned_off(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    page.get_by_role("button", name="キーボード操作（?）").click()
    dialog = page.get_by_role("dialog", name="キーボード操作")
    dialog.get_by_role("checkbox", name="1文字のショートカットキーを使う").uncheck()
    dialog.get_by_role("button", name="閉じる").click()
    expect(page.get_by_role("button", name="キーボード操作（?）")).to_be_focused()
    page.reload()
    page.locator("article").first.wait_for()
    page.locator("body").click(position={"x": 1, "y": 1})
    page.keyboard.press("j")
    expect(page.locator("article.item").first).not_to_be_focused()
    page.keyboard.press("/")
    expect(page.get_by_role("searchbox", name="サイト内検索")).not_to_be_focused()
    page.keyboard.press("?")  # a single-character key too (WCAG 2.1.4)
    expect(page.get_by_role("dialog", name="キーボード操作")).to_be_hidden()
    page.get_by_role("button", name="キーボード操作（?）").click()  # to turn them back on
    expect(page.get_by_role("dialog", name="キーボード操作")).to_be_visible()
    expect(page.get_by_role("checkbox", name="1文字のショートカットキーを使う")).not_to_be_checked()


def test_filtered_and_permalink_pages_have_no_axe_violations(page: Page, app_url: str) -> None:
    for path in ("/?office=PAR,SIN&q=%E8%87%AA%E6%B2%BB%E4%BD%93", "/items/2020-10-28-01",
                 "/issues/2020-10-28", "/?q=zzzz"):
        page.goto(app_url + path)
        page.locator("main h1").wait_for()
        page.wait_for_load_state("networkidle")
        violations = axe_violations(page)
        assert not violations, f"{path}:\n{format_violations(violations)}"

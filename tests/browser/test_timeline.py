"""バックナンバー in chromium: the app reads a paginated demo archive from a real local server."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from flash_reader.demo import ArchiveShape, write_archive
from tests.browser.app_server import running_app, wait_for
from tests.browser.axe import axe_violations, format_violations
from tests.feed.httpserver import FeedServer, feed_server

SHAPE = ArchiveShape(years=3, issues_per_year=6, items_per_issue=5, page_size=10)
REFRESH_SECONDS = 2
# Its own build folder: the session's default-feed app keeps serving from .web meanwhile.
# The build holds the app's port (.web*/env.json), so the app restarted while the module's app
# runs builds in a second folder: rebuilding the first would point the module's pages at the
# restarted app's port, dead once that test ends (the next test's island never got ready).
WEB_DIR = ".web-archive"
RESTARTED_WEB_DIR = ".web-archive-restarted"


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("archive")
    write_archive(directory, SHAPE)
    return directory


@pytest.fixture(scope="module")
def demo_server(archive_dir: Path) -> Iterator[FeedServer]:
    with feed_server() as server:
        server.serve_directory(archive_dir)
        yield server


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


def archive_app(log: Path, server: FeedServer, cache: Path, web_dir: str = WEB_DIR):
    return running_app(log, FLASH_FEED_URL=server.url("/feed.json"), FLASH_CACHE_DIR=str(cache),
                       FLASH_REFRESH_SECONDS=str(REFRESH_SECONDS), REFLEX_WEB_WORKDIR=web_dir)


@pytest.fixture(scope="module")
def archive_url(demo_server: FeedServer, cache_dir: Path,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("archive-app") / "reflex.log"
    with archive_app(log, demo_server, cache_dir) as url:
        yield url


def timeline(page: Page):
    return page.get_by_role("navigation", name="バックナンバー")


def whole_archive_loaded(url: str) -> None:
    """Wait (on the served HTML) until the background walk has followed every page."""
    wait_for(lambda: "90件の記事、18号（すべてのバックナンバー）" in httpx.get(url + "/").text,
             timeout=60, what="the whole archive in the served HTML")


def test_whole_archive_is_listed_soon_after_start(page: Page, archive_url: str) -> None:
    whole_archive_loaded(archive_url)
    page.goto(archive_url)
    nav = timeline(page)
    years = nav.locator("summary")
    expect(years).to_have_text(["2025年（6号）", "2024年（6号）", "2023年（6号）"])
    # Older years collapsed, one click away; and the index of every year and month.
    expect(nav.locator(".timeline-issues a")).to_have_count(18)
    index = nav.get_by_role("link", name="すべての号を年・月ごとに見る（バックナンバー一覧）")
    expect(index).to_have_attribute("href", "/issues")
    current = nav.locator("a[aria-current=page]")
    expect(current).to_have_count(1)
    expect(current).to_have_text("11月1日配信（5件）")
    expect(current).to_have_attribute("href", "/issues/2025-11-01")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2025年11月1日配信")
    # No button to press 50 times: older years are one click away (collapsed).
    expect(nav.get_by_role("button")).to_have_count(0)
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_archive_index_reaches_any_year_at_once(page: Page, archive_url: str) -> None:
    whole_archive_loaded(archive_url)
    page.goto(archive_url)
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
    page.get_by_role("link", name="すべての号を年・月ごとに見る（バックナンバー一覧）").click()
    expect(page).to_have_url(re.compile("/issues$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("heading", level=2)).to_have_text(
        ["年へ移動", "2025年（6号・30件）", "2024年（6号・30件）", "2023年（6号・30件）"])
    jump = page.get_by_role("navigation", name="年へ移動")
    jump.get_by_role("link", name="2023年").click()
    oldest = page.get_by_role("region", name=re.compile("^2023年"))
    expect(oldest.get_by_role("link")).to_have_count(7)  # 6 issues and the way back
    oldest.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile("/issues/2023-"))
    expect(page.get_by_role("article")).to_have_count(5)
    page.goto(archive_url + "/issues")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_oldest_issue_opens_without_javascript(browser: Browser, archive_url: str) -> None:
    whole_archive_loaded(archive_url)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        response = page.goto(archive_url + "/issues/2023-01-01")
        assert response is not None and response.status == 200
        expect(page.get_by_role("article")).to_have_count(5)
        expect(page).to_have_title("2023年1月1日配信｜海外事務所フラッシュ")
        expect(page.get_by_role("link", name="前の号（古い）")).to_have_count(0)
        expect(page.get_by_role("link", name="次の号（新しい）")).to_have_attribute(
            "href", "/issues/2023-03-02")
    finally:
        context.close()


def test_issue_page_marks_its_issue_and_links_neighbours(page: Page, archive_url: str) -> None:
    page.goto(archive_url + "/issues/2025-09-01")
    expect(page).to_have_title("2025年9月1日配信｜海外事務所フラッシュ")
    expect(page.get_by_role("article")).to_have_count(5)
    nav = timeline(page)
    expect(nav.locator("a[aria-current=page]")).to_have_attribute("href", "/issues/2025-09-01")
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached")
    pager = page.get_by_role("navigation", name="前後の配信号")
    pager.get_by_role("link", name="前の号（古い）").click()
    expect(page).to_have_url(re.compile("/issues/2025-07-02$"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("2025年7月2日配信")
    expect(page).to_have_title("2025年7月2日配信｜海外事務所フラッシュ")


def test_server_down_at_start_shows_the_whole_archive_from_disk_then_recovers(
        page: Page, archive_url: str, demo_server: FeedServer, cache_dir: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    whole_archive_loaded(archive_url)  # the running app kept a copy of every page
    demo_server.down = True
    try:
        log = tmp_path_factory.mktemp("restarted") / "reflex.log"
        with archive_app(log, demo_server, cache_dir, RESTARTED_WEB_DIR) as url:
            whole_archive_loaded(url)
            # An issue on the last page, right after the restart, from the disk copies.
            page.goto(url + "/issues/2023-01-01")
            banner = page.get_by_role("status").filter(has_text="配信元のサーバーがエラーを返した")
            expect(banner).to_be_visible()
            expect(page.get_by_role("article")).to_have_count(5)
            demo_server.down = False
            # The background refresh (every REFRESH_SECONDS), no restart: the notice goes.
            wait_for(lambda: "配信元のサーバーがエラーを返した" not in httpx.get(url + "/").text,
                     timeout=30, what="the notice gone after the feed server is back")
            page.reload()
            expect(banner).to_have_count(0)
            expect(page.get_by_role("article")).to_have_count(5)
    finally:
        demo_server.down = False


def test_new_issue_on_the_feed_server_is_served_without_restart(
        archive_url: str, archive_dir: Path) -> None:
    whole_archive_loaded(archive_url)
    first_page = archive_dir / "feed.json"
    original = first_page.read_text(encoding="utf-8")
    document = json.loads(original)
    newer = dict(document["items"][0], id="new-issue-item", title="新しい号の記事です")
    newer["_flash"] = dict(newer["_flash"], issue_date="2025-12-24")
    document["items"].insert(0, newer)
    try:
        first_page.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        wait_for(lambda: "新しい号の記事です" in httpx.get(archive_url + "/").text,
                 timeout=10 * REFRESH_SECONDS, what="the new issue in the served HTML of /")
        assert "2025年12月24日配信" in httpx.get(archive_url + "/").text
    finally:
        first_page.write_text(original, encoding="utf-8")
        wait_for(lambda: "新しい号の記事です" not in httpx.get(archive_url + "/").text,
                 timeout=10 * REFRESH_SECONDS, what="the archive as it was")

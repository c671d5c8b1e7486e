"""バックナンバー in chromium: the app reads a paginated demo archive from a real local server."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from flash_reader.demo import ArchiveShape, write_archive
from tests.browser.app_server import running_app
from tests.browser.axe import axe_violations, format_violations
from tests.feed.httpserver import FeedServer, feed_server

SHAPE = ArchiveShape(years=3, issues_per_year=6, items_per_issue=5, page_size=10)
REFRESH_SECONDS = 2
# Its own build folder: the session's default-feed app keeps serving from .web meanwhile.
WEB_DIR = ".web-archive"


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FeedServer]:
    directory = tmp_path_factory.mktemp("archive")
    write_archive(directory, SHAPE)
    with feed_server() as server:
        server.serve_directory(directory)
        yield server


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


def archive_app(log: Path, server: FeedServer, cache: Path):
    return running_app(log, FLASH_FEED_URL=server.url("/feed.json"), FLASH_CACHE_DIR=str(cache),
                       FLASH_REFRESH_SECONDS=str(REFRESH_SECONDS), REFLEX_WEB_WORKDIR=WEB_DIR)


@pytest.fixture(scope="module")
def archive_url(demo_server: FeedServer, cache_dir: Path,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("archive-app") / "reflex.log"
    with archive_app(log, demo_server, cache_dir) as url:
        yield url


def timeline(page: Page):
    return page.get_by_role("navigation", name="バックナンバー")


def test_timeline_lists_first_page_issues_with_current_marked(page: Page,
                                                              archive_url: str) -> None:
    page.goto(archive_url)
    nav = timeline(page)
    expect(nav.get_by_role("link").first).to_be_visible()
    # First page: 10 items = 2 issues of 5.
    expect(nav.get_by_role("link")).to_have_count(2)
    current = nav.locator("a[aria-current=page]")
    expect(current).to_have_count(1)
    expect(current).to_have_text("11月1日配信（5件）")
    expect(current).to_have_attribute("href", "/issues/2025-11-01")
    expect(nav.get_by_text("10件の記事（1ページ分）を読み込み済み。さらに古い号があります。")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2025年11月1日配信")


def test_load_older_pages_on_request_with_announcement(page: Page, archive_url: str,
                                                       demo_server: FeedServer) -> None:
    page.goto(archive_url)
    nav = timeline(page)
    button = nav.get_by_role("button", name="さらに古い号を読み込む")
    hits_before = demo_server.hits.get("/feed-2.json", 0)
    button.click()
    expect(nav.get_by_role("status")).to_contain_text("10件の記事を読み込みました。")
    expect(nav.get_by_role("link")).to_have_count(4)
    assert demo_server.hits.get("/feed-2.json", 0) == hits_before + 1
    summary = nav.locator(".timeline-summary")
    for _ in range(7):  # to the end of the archive: 9 pages
        if not button.is_visible():
            break
        before = summary.inner_text()
        button.click()
        expect(summary).not_to_have_text(before)
    expect(button).to_be_hidden()
    expect(nav.get_by_text(re.compile("90件の記事（9ページ分）.*すべての号を読み込み済み"))).to_be_visible()
    years = nav.locator("summary")
    expect(years).to_have_text(["2025年（6号）", "2024年（6号）", "2023年（6号）"])
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_issue_page_marks_its_issue_and_links_neighbours(page: Page, archive_url: str) -> None:
    page.goto(archive_url + "/issues/2025-09-01")
    expect(page).to_have_title("2025年9月1日配信｜海外事務所フラッシュ")
    expect(page.get_by_role("article")).to_have_count(5)
    nav = timeline(page)
    expect(nav.locator("a[aria-current=page]")).to_have_attribute("href", "/issues/2025-09-01")
    pager = page.get_by_role("navigation", name="前後の配信号")
    pager.get_by_role("link", name="前の号（古い）").click()
    expect(page).to_have_url(re.compile("/issues/2025-07-02$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("2025年7月2日配信")


def test_server_down_at_start_shows_last_good_with_stale_banner_then_recovers(
        page: Page, archive_url: str, demo_server: FeedServer, cache_dir: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    assert list(cache_dir.glob("*.json")), "the running app kept a last good copy"
    demo_server.down = True
    try:
        log = tmp_path_factory.mktemp("restarted") / "reflex.log"
        with archive_app(log, demo_server, cache_dir) as url:
            page.goto(url)
            banner = page.get_by_role("status").filter(has_text="配信元に接続できない")
            expect(banner).to_be_visible()
            expect(page.get_by_role("article")).to_have_count(5)
            demo_server.down = False
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:  # the background refresh, no restart
                time.sleep(REFRESH_SECONDS)
                page.reload()
                page.locator("article").first.wait_for()
                if banner.count() == 0:
                    break
            expect(banner).to_have_count(0)
            expect(page.get_by_role("article")).to_have_count(5)
    finally:
        demo_server.down = False

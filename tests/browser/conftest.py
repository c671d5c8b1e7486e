"""Browser fixtures: the real app (prod build) and Debian's chromium through Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.app_server import running_app

CHROMIUM = "/usr/bin/chromium"
# Without these the closed network stalls chromium's background services.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS,
            "headless": True}


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The reader on the bundled default feed, started once per test session."""
    log = Path(tmp_path_factory.mktemp("app")) / "reflex.log"
    with running_app(log) as url:
        yield url


def open_reader(page: Page, url: str) -> Page:
    """Open a reader page and wait until the client has hydrated and shows items."""
    page.goto(url)
    page.locator("article").first.wait_for(state="visible", timeout=30_000)
    return page


CONTRAST_REPORT = "contrast-report.json"


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Print the lowest contrast measured per theme and size (see test_display.py)."""
    import json

    path = Path(config._tmp_path_factory.getbasetemp()) / CONTRAST_REPORT
    if not path.exists():
        return
    rows = json.loads(path.read_text(encoding="utf-8"))
    terminalreporter.section("lowest rendered text contrast per theme × size")
    for row in sorted(rows, key=lambda r: (r["theme"], r["size"])):
        terminalreporter.write_line(
            f"{row['theme']:<22} {row['size']:>4}%  {row['lowest']:>6.2f}:1  "
            f"({row['texts']} texts; lowest at {row['where']})")

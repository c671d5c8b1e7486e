"""Browser fixtures: the real app (prod build) and Debian's chromium through Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page

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


# An init script: each violation of the page's Content-Security-Policy, kept in
# window.__violations (directive and blocked URI) for the test to read.
RECORD_POLICY_VIOLATIONS = ("window.__violations = [];"
                            "document.addEventListener('securitypolicyviolation',"
                            " e => window.__violations.push(e.violatedDirective + ' ' +"
                            " e.blockedURI));")

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS,
            "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    # Tests inject axe-core and evaluate expressions, which the pages' script-src policy
    # forbids; tests/browser/test_policy.py checks the policy itself without this.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The reader on the bundled default feed, started once per test session."""
    log = Path(tmp_path_factory.mktemp("app")) / "reflex.log"
    with running_app(log) as url:
        yield url


def tab_to(page: Page, target: Locator, most: int) -> bool:
    """Press Tab (at most `most` times) until `target` has focus; whether it got there."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return True
    return False


class Sockets:
    """The websockets a page opens. Reader pages open none; the builder opens Reflex's."""

    def __init__(self, page: Page) -> None:
        self.opened: list[str] = []
        page.on("websocket", lambda ws: self.opened.append(ws.url))


def open_reader(page: Page, url: str) -> Page:
    """Open a reader page and wait until its modules are in charge (filters and search then
    swap the view in place)."""
    page.goto(url)
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached", timeout=30_000)
    return page



def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Print what browser tests measured: contrast per theme × size, state sizes."""
    from tests.browser.report import load

    report = load(Path(config._tmp_path_factory.getbasetemp()))
    for section, rows in report.items():
        terminalreporter.section(section)
        for key in sorted(rows):
            terminalreporter.write_line(f"{key:<34} {rows[key]['summary']}")

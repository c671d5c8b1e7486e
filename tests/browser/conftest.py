"""Browser fixtures: the real app (prod build) and Debian's chromium through Playwright."""

from __future__ import annotations

import time
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


class Frames:
    """The websocket frames a page sends and receives (engine.io's pings "2"/"3" left out)."""

    HYDRATED = '"is_hydrated_rx_state_":true'

    def __init__(self, page: Page) -> None:
        self.page = page
        self.sent: list[str] = []
        self.received: list[str] = []
        self.sockets: list = []
        page.on("websocket", self._watch)

    def _watch(self, ws) -> None:
        self.sockets.append(ws)
        ws.on("framesent", lambda p: str(p) not in ("2", "3") and self.sent.append(str(p)))
        ws.on("framereceived", lambda p: self.received.append(
            p if isinstance(p, str) else p.decode("utf-8", "replace")))

    def wait_hydrated(self, timeout: float = 30) -> None:
        """Until Reflex has answered the load's events (hydrate, on_load_internal). Frames
        reach Python only while Playwright runs, so this waits in the page."""
        deadline = time.monotonic() + timeout
        while not any(self.HYDRATED in frame for frame in self.received):
            if time.monotonic() > deadline:
                raise AssertionError(f"not hydrated within {timeout:g} s: {self.received!r:.300}")
            self.page.wait_for_timeout(50)

    def go_back_to_a_marker(self) -> list[str]:
        """Go back and wait for the one event that sends: React Router sees back/forward (not
        the island's own navigations, so the page must have made two of those first) and
        Reflex sends on_load_internal. Frames arrive in order, so whatever the page sent
        before is in `sent` by then. Returns what was sent before the marker."""
        marked = len(self.sent)
        with self.sockets[0].expect_event("framesent",
                                          predicate=lambda payload: "on_load" in str(payload)):
            self.page.go_back()
        assert len(self.sent) == marked + 1 and "on_load" in self.sent[-1], self.sent[marked:]
        return self.sent[:marked]


def open_reader(page: Page, url: str) -> Page:
    """Open a reader page and wait until the island has taken over the server's page (links
    and filters then navigate on the client)."""
    page.goto(url)
    page.locator("flash-page[data-island=ready]").wait_for(state="attached", timeout=30_000)
    return page



def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Print what browser tests measured: contrast per theme × size, state sizes."""
    from tests.browser.report import load

    report = load(Path(config._tmp_path_factory.getbasetemp()))
    for section, rows in report.items():
        terminalreporter.section(section)
        for key in sorted(rows):
            terminalreporter.write_line(f"{key:<34} {rows[key]['summary']}")

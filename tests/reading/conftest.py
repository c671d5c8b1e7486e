"""The ruby layout tests drive Debian chromium through pytest-playwright, like tests/browser."""

from tests.browser.conftest import browser_type_launch_args  # noqa: F401

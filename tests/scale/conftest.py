"""Scale-out tests drive Debian chromium too (to capture the real handshake)."""

from tests.browser.conftest import browser_type_launch_args  # noqa: F401

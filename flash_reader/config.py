"""Settings read from the environment (documented in README.md)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_FEED = PROJECT_ROOT / "assets" / "feeds" / "default.json"


def feed_source() -> str:
    """FLASH_FEED_URL: an http(s) URL or a local path. Default: the bundled seed feed."""
    return os.environ.get("FLASH_FEED_URL", "").strip() or str(BUNDLED_FEED)

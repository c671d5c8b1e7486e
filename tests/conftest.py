"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEED = PROJECT_ROOT / "assets" / "seeds" / "clair-flash-2020-10-28.txt"
DEFAULT_FEED = PROJECT_ROOT / "assets" / "feeds" / "default.json"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")

"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# No background synthesis of the latest issue in the suite (2 shared cores): tests that want
# it (tests/speech) ask for it themselves.
os.environ.setdefault("FLASH_AUDIO_PRERENDER", "off")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEED = PROJECT_ROOT / "assets" / "seeds" / "clair-flash-2020-10-28.txt"
DEFAULT_FEED = PROJECT_ROOT / "assets" / "feeds" / "default.json"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# The accessibility statement is rendered from this suite's own results (tests/wcag.py).
def pytest_addoption(parser: pytest.Parser) -> None:
    from tests import wcag

    wcag.addoption(parser)


def pytest_configure(config: pytest.Config) -> None:
    from tests import wcag

    wcag.configure(config)

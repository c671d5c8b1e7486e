"""Fixtures for the converter's tests: the bulletins we wrote, and the reader's own store."""

from __future__ import annotations

from pathlib import Path

from flash_reader.convert import Issue, convert_source, read
from tests.render.conftest import client, feed_store  # noqa: F401  (the reader's real pages)

FIXTURES = Path(__file__).parent / "fixtures"


def issue_of(name: str, **options: object) -> Issue:
    return convert_source(read(str(FIXTURES / name)), **options)  # type: ignore[arg-type]

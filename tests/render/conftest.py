"""A store of our own for the reader pages (the app's module-level store stays untouched)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from flash_reader.api import create_api
from flash_reader.render import endpoints
from flash_reader.render.endpoints import NotFoundPages
from flash_reader.store import FeedStore
from tests.conftest import DEFAULT_FEED

PUBLIC = "https://flash.example.lg.jp"


@pytest.fixture
def feed_store(monkeypatch: pytest.MonkeyPatch) -> FeedStore:
    store = FeedStore()
    monkeypatch.setattr(endpoints, "store", store)
    monkeypatch.setenv("FLASH_PUBLIC_URL", PUBLIC)
    return store


@pytest.fixture
def seeded(feed_store: FeedStore) -> FeedStore:
    feed_store.load(str(DEFAULT_FEED))
    return feed_store


@pytest.fixture
def client(feed_store: FeedStore) -> Iterator[TestClient]:
    with TestClient(NotFoundPages(create_api())) as test_client:
        yield test_client

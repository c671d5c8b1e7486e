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


@pytest.fixture(autouse=True)
def no_site_audit(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The statement reads this deployment's audit folder: tests start with none (a record a
    developer made in var/audit never reaches them) and with no contact configured."""
    folder = tmp_path_factory.mktemp("audit")
    monkeypatch.setenv("FLASH_AUDIT_DIR", str(folder))
    monkeypatch.setenv("FLASH_AUDIT_HUMAN", str(folder / "human.toml"))
    for name in ("FLASH_CONTACT_EMAIL", "FLASH_CONTACT_URL"):
        monkeypatch.delenv(name, raising=False)


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

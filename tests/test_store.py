"""The shared store: one immutable snapshot per process; a failed load keeps the last good."""

from __future__ import annotations

import dataclasses

import pytest

from flash_reader.store import FeedStore
from tests.conftest import DEFAULT_FEED


def test_store_starts_empty() -> None:
    snapshot = FeedStore().current()
    assert snapshot.feed is None and snapshot.items == () and snapshot.version == 0


def test_store_load_indexes_items_by_id() -> None:
    snapshot = FeedStore().load(str(DEFAULT_FEED))
    assert snapshot.error is None and snapshot.version == 1
    assert set(snapshot.items_by_id) == {f"2020-10-28-{n:02d}" for n in range(1, 8)}


def test_store_failed_load_keeps_last_good(tmp_path) -> None:
    store = FeedStore()
    good = store.load(str(DEFAULT_FEED))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    after = store.load(str(broken))
    assert after.feed is good.feed
    assert after.version == good.version + 1
    assert after.error is not None and str(broken) in after.error


def test_store_failed_first_load_has_no_feed_and_an_error(tmp_path) -> None:
    snapshot = FeedStore().load(str(tmp_path / "missing.json"))
    assert snapshot.feed is None and "no such file" in (snapshot.error or "")


def test_snapshot_is_immutable() -> None:
    snapshot = FeedStore().load(str(DEFAULT_FEED))
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.version = 99  # type: ignore[misc]

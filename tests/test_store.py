"""The shared store: one immutable snapshot per process; a failed load keeps the last good."""

from __future__ import annotations

import dataclasses
import json

import pytest

from flash_reader.store import FeedStore
from tests.conftest import DEFAULT_FEED


def test_store_starts_empty() -> None:
    snapshot = FeedStore().current()
    assert snapshot.feed is None and snapshot.items == () and snapshot.version == ""


def test_store_load_indexes_items_by_id() -> None:
    snapshot = FeedStore().load(str(DEFAULT_FEED))
    assert snapshot.error is None and len(snapshot.version) == 16
    assert set(snapshot.items_by_id) == {f"2020-10-28-{n:02d}" for n in range(1, 8)}


def test_store_failed_load_keeps_last_good(tmp_path) -> None:
    store = FeedStore()
    good = store.load(str(DEFAULT_FEED))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    after = store.load(str(broken))
    assert after.feed is good.feed
    # The content is the same, but readers are now told it may be old: a new version.
    assert after.version != good.version
    assert after.error is not None and str(broken) in after.error


def test_store_failed_first_load_has_no_feed_and_an_error(tmp_path) -> None:
    snapshot = FeedStore().load(str(tmp_path / "missing.json"))
    assert snapshot.feed is None and "no such file" in (snapshot.error or "")


def test_snapshot_is_immutable() -> None:
    snapshot = FeedStore().load(str(DEFAULT_FEED))
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.version = "x"  # type: ignore[misc]


def test_equal_content_gives_equal_versions_in_separate_stores() -> None:
    # Two worker processes reading the same feed must agree on what is current.
    first, second = FeedStore().load(str(DEFAULT_FEED)), FeedStore().load(str(DEFAULT_FEED))
    assert first.feed is not second.feed and first.version == second.version


def test_changed_content_changes_the_version(tmp_path) -> None:
    path = tmp_path / "feed.json"
    document = json.loads(DEFAULT_FEED.read_text(encoding="utf-8"))
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    store = FeedStore()
    before = store.load(str(path))
    document["items"][0]["title"] = "新しい見出し"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert store.load(str(path)).version != before.version


def test_a_bad_answer_is_told_apart_from_no_answer(tmp_path) -> None:
    from flash_reader.feed.page_cache import PageCache
    from flash_reader.feed.page_loader import PageLoader
    from flash_reader.item_views import staleness_notice

    path = tmp_path / "feed.json"
    path.write_bytes(DEFAULT_FEED.read_bytes())
    store = FeedStore(loader=PageLoader(PageCache(tmp_path / "cache")))
    store.load(str(path))
    path.write_bytes(DEFAULT_FEED.read_text(encoding="utf-8").encode("shift_jis",
                                                                      errors="replace"))
    bad_data = store.load(str(path))
    assert bad_data.error_kind == "data" and len(bad_data.items) == 7
    assert staleness_notice(bad_data).startswith("配信元のデータに問題があるため")
    path.unlink()
    gone = store.load(str(path))
    assert gone.error_kind == "fetch"
    assert staleness_notice(gone).startswith("配信元から応答がないため")


def test_first_page_linking_a_new_chain_drops_the_old_one(tmp_path) -> None:
    from flash_reader.demo import ArchiveShape, write_archive
    from tests.feed.httpserver import feed_server

    pages = write_archive(tmp_path / "a", ArchiveShape(1, 3, 4, 4))  # 3 pages of 4
    second = json.loads(pages[1].read_text(encoding="utf-8"))
    replacement = dict(second, next_url=None, items=[
        dict(item, id=f"new-{item['id']}") for item in second["items"]])
    (tmp_path / "a" / "renumbered-2.json").write_text(json.dumps(replacement), encoding="utf-8")
    with feed_server() as server:
        server.serve_directory(tmp_path / "a")
        store = FeedStore()
        store.load(server.url("/feed.json"))
        old = store.load_archive()
        assert len(old.pages) == 3 and len(old.items) == 12
        first = json.loads(pages[0].read_text(encoding="utf-8"))
        first["next_url"] = "renumbered-2.json"
        pages[0].write_text(json.dumps(first), encoding="utf-8")
        refreshed = store.load(server.url("/feed.json"))
        # The old older pages are not shown as if still linked; the new chain is followed.
        assert len(refreshed.pages) == 1 and refreshed.next_url.endswith("renumbered-2.json")
        new = store.load_archive()
        assert [p.url.rsplit("/", 1)[1] for p in new.pages] == ["feed.json", "renumbered-2.json"]
        assert len(new.items) == 8 and all(i.id.startswith("new-") for i in new.items[4:])


def test_an_error_answer_is_told_apart_from_no_answer(tmp_path) -> None:
    from flash_reader.feed.page_cache import PageCache
    from flash_reader.feed.page_loader import PageLoader
    from flash_reader.item_views import staleness_notice
    from tests.feed.httpserver import feed_server

    with feed_server() as server:
        url = server.serve("/feed.json", DEFAULT_FEED.read_bytes())
        store = FeedStore(loader=PageLoader(PageCache(tmp_path / "cache")))
        store.load(url)
        for status in (500, 404):
            server.serve("/feed.json", b"oops", status=status, content_type="text/plain")
            answered = store.load(url)
            assert answered.error_kind == "status" and len(answered.items) == 7
            assert staleness_notice(answered).startswith("配信元のサーバーがエラーを返したため")
            assert staleness_notice(answered, "en").startswith(
                "The source's server answered with an error")

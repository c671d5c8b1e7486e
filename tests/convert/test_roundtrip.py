"""A feed made by the converter loads through the reader's own parser and pages: every title,
office and caption (as the photo's alt text) is on the page readers get."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from flash_reader.cli import dump_feed
from flash_reader.convert import to_feed
from flash_reader.feed import parse
from flash_reader.store import FeedStore
from tests.convert.conftest import issue_of

FIXTURES = ["office-own-line.txt", "office-not-written.txt", "headings-unmarked.txt",
            "table-copied.txt", "page-list.html", "page-table.html", "page-hostile.html"]


def written(tmp_path: Path, name: str) -> tuple[Path, dict]:
    feed = to_feed(issue_of(name), photo_base_url="https://flash.example.lg.jp/photos/")
    path = tmp_path / "feed.json"
    path.write_text(dump_feed(feed), encoding="utf-8")
    return path, feed


@pytest.mark.parametrize("name", FIXTURES)
def test_converted_feed_parses_with_no_item_dropped(tmp_path: Path, name: str) -> None:
    path, feed = written(tmp_path, name)
    parsed = parse(path.read_bytes())
    assert parsed.notes == ()
    assert [i.title for i in parsed.items] == [i["title"] for i in feed["items"]]
    assert [i.office.code for i in parsed.items] == [i["_flash"]["office"] for i in feed["items"]]


@pytest.mark.parametrize("name", FIXTURES)
def test_reader_pages_show_titles_offices_and_captions(
        tmp_path: Path, name: str, feed_store: FeedStore, client: TestClient) -> None:
    path, feed = written(tmp_path, name)
    feed_store.load(str(path))
    assert feed_store.current().error is None
    issue_page = client.get(f"/issues/{feed['items'][0]['_flash']['issue_date']}",
                            headers={"Accept": "text/html"}).text
    for item in feed["items"]:
        assert escape(item["title"]) in issue_page
        assert escape(item["_flash"]["office_name"]) in issue_page
        caption = item["_flash"].get("photo_caption")
        if caption and "image" in item:
            page = client.get(f"/items/{item['id']}", headers={"Accept": "text/html"}).text
            assert f'alt="{escape(caption)}"' in page


def test_hostile_page_is_inert_in_the_reader(tmp_path: Path, feed_store: FeedStore,
                                             client: TestClient) -> None:
    path, feed = written(tmp_path, "page-hostile.html")
    feed_store.load(str(path))
    page = client.get("/issues/2023-01-18", headers={"Accept": "text/html"}).text
    assert '<script>alert("title")' not in page
    assert "&lt;script&gt;alert(" in page
    assert "javascript:" not in page and "alert('photo')" not in page
    assert json.dumps(feed).count("javascript:") == 0


def test_item_with_two_photos_shows_both_with_their_captions_as_alt(
        tmp_path: Path, feed_store: FeedStore, client: TestClient) -> None:
    path, feed = written(tmp_path, "two-photos.txt")
    [item] = feed["items"]
    assert [p["caption"] for p in item["_flash"]["photos"]] == ["発表する生徒", "表彰式の様子"]
    feed_store.load(str(path))
    page = client.get(f"/items/{item['id']}", headers={"Accept": "text/html"}).text
    assert page.count('<figure class="item-figure') == 2
    for photo in item["_flash"]["photos"]:
        assert f'src="{escape(photo["url"])}" alt="{escape(photo["caption"])}"' in page
    # The captions are shown with the photos, not once more as text.
    assert "写真:表彰式の様子" not in page and "写真：表彰式の様子" not in page

"""View objects sent to the browser, built from model items."""

from __future__ import annotations

import datetime as dt

from flash_reader import item_views
from flash_reader.feed.parse import parse
from tests.feed.feeds import encode, feed, item


def only_view(**fields) -> item_views.ItemView:
    return item_views.item_view(parse(encode(feed(item("x", **fields)))).items[0])


def test_item_without_extension_shows_office_unknown() -> None:
    view = only_view()
    assert view.office_name == "事務所不明" and view.office_code == ""
    assert view.issue_label == "配信日不明"
    assert not view.has_photo and view.photo_alt == ""


def test_item_photo_alt_is_the_caption() -> None:
    view = only_view(image="https://example.org/p.jpg",
                     _flash={"office": "PAR", "photo_caption": "説明"})
    assert view.photo_alt == view.caption == "説明" and view.photo_real


def test_item_without_a_photo_names_the_placeholder_and_keeps_the_caption() -> None:
    view = only_view(_flash={"office": "PAR", "photo_caption": "説明", "photo_file": "P.jpg"})
    # No image URL in the feed: the honest placeholder, named after the office; the caption
    # is read once, from the figcaption, not as the image's name too.
    assert view.photo_src == view.photo_fallback == "/placeholder/PAR.svg"
    assert view.photo_alt == f"{view.office_name}の写真（掲載なし）" and view.caption == "説明"
    assert not view.photo_real


def test_item_image_without_caption_gets_a_described_alt() -> None:
    view = only_view(image="https://example.org/p.jpg")
    assert view.photo_src == "https://example.org/p.jpg"
    assert view.photo_alt == "写真（説明はありません）" and view.caption == ""


def test_issue_label_in_japanese() -> None:
    assert item_views.issue_label(dt.date(2020, 10, 28)) == "2020年10月28日配信"


def test_dom_ids_are_safe_and_unique() -> None:
    first = item_views.item_view(parse(encode(feed(item("a/b")))).items[0]).heading_id
    second = item_views.item_view(parse(encode(feed(item("a?b")))).items[0]).heading_id
    assert first != second
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in first)


def test_search_marks_do_not_change_readings() -> None:
    # 「13日」 searched for 「13」: 日 keeps the reading of the date, not ひ.
    plain = item_views.marked("10月13日に開催", ())
    searched = item_views.marked("10月13日に開催", ("13",))
    readings = [(s.text, s.reading) for s in plain if s.reading]
    assert [(s.text, s.reading) for s in searched if s.reading] == readings
    assert "".join(s.text for s in searched if s.mark) == "13"
    assert "".join(s.text for s in searched) == "10月13日に開催"


def test_a_match_inside_a_word_marks_the_word_and_keeps_its_reading() -> None:
    spans = item_views.marked("自治体の交流", ("交",))
    word = next(s for s in spans if "交" in s.text)
    assert word.mark and word.reading and word.text == "交流"

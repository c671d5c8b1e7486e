"""parse(): JSON Feed bytes → Feed. Tests are named after the input they feed."""

from __future__ import annotations

import datetime as dt

import pytest

from flash_reader.feed.errors import FeedFormatError, FeedValidationError
from flash_reader.feed.model import UNKNOWN_OFFICE
from flash_reader.feed.parse import parse
from tests.feed.feeds import encode, feed, item


def test_parse_flash_feed() -> None:
    document = feed(
        item("a", _flash={"office": "par", "issue_date": "2020-10-28",
                          "photo_caption": " 写真の説明 ", "photo_file": "PAR-1.jpg"}),
        _flash={"offices": [{"code": "PAR", "name": "パリ事務所"}]})
    parsed = parse(encode(document))
    only = parsed.items[0]
    assert only.office.code == "PAR" and only.office.name == "パリ事務所"
    assert only.issue_date == dt.date(2020, 10, 28)
    assert only.photo is not None and only.photo.caption == "写真の説明"
    assert only.photo.url is None and only.photo.file_name == "PAR-1.jpg"


def test_parse_plain_json_feed_1_0_without_extension() -> None:
    document = feed(item(7, date_published="2020-10-27T20:00:00Z"),
                    version="https://jsonfeed.org/version/1")
    only = parse(encode(document)).items[0]
    assert only.id == "7"  # 1.0 allowed numeric ids
    assert only.office == UNKNOWN_OFFICE and only.office.name == "事務所不明"
    # No _flash.issue_date: the issue is the JST date of publication.
    assert only.issue_date == dt.date(2020, 10, 28)


def test_parse_feed_with_office_missing_from_office_list() -> None:
    parsed = parse(encode(feed(item(_flash={"office": "SYD", "office_name": "シドニー事務所"}))))
    assert [(o.code, o.name) for o in parsed.offices] == [("SYD", "シドニー事務所")]


def test_parse_feed_without_title_field_falls_back_with_a_note() -> None:
    document = feed(item())
    del document["title"]
    parsed = parse(encode(document))
    assert parsed.title == "海外事務所フラッシュ" and len(parsed.items) == 1
    assert any("required field 'title' is missing" in note for note in parsed.notes)


@pytest.mark.parametrize("title", [["海外事務所フラッシュ"], 7, {"ja": "x"}, None])
def test_parse_feed_with_title_of_the_wrong_type_falls_back_with_a_note(title: object) -> None:
    parsed = parse(encode(feed(item(), title=title)))
    assert parsed.title == "海外事務所フラッシュ" and len(parsed.items) == 1
    assert title is None or any("'title'" in note for note in parsed.notes)


@pytest.mark.parametrize("version", ["  https://jsonfeed.org/version/1.1  ",
                                     "\nhttps://jsonfeed.org/version/1\t"])
def test_parse_feed_with_version_padded_with_spaces(version: str) -> None:
    assert len(parse(encode(feed(item(), version=version))).items) == 1


@pytest.mark.parametrize("escape", ["\\ud800", "\\udc00x", "\\ud83d\\u0041"])
def test_parse_feed_with_a_lone_surrogate_escape_says_so(escape: str) -> None:
    data = ('{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": '
            '[{"id": "1", "title": "a' + escape + '"}]}').encode()
    with pytest.raises(FeedFormatError, match="not valid Unicode") as error:
        parse(data)
    assert "hex escape" not in str(error.value) and "near byte" in str(error.value)


def test_parse_feed_with_a_broken_hex_escape_is_not_called_a_surrogate() -> None:
    data = b'{"version": "https://jsonfeed.org/version/1.1", "title": "a\\u12", "items": []}'
    with pytest.raises(FeedFormatError) as error:
        parse(data)
    assert "surrogate" not in str(error.value)


def test_parse_feed_with_blank_title_falls_back() -> None:
    assert parse(encode(feed(item(), title="  \u3000 "))).title == "海外事務所フラッシュ"


def test_parse_item_without_title_uses_body() -> None:
    only = parse(encode(feed({"id": "x", "content_text": "短い本文"}))).items[0]
    assert only.title == "短い本文"


def test_parse_item_without_title_or_body() -> None:
    assert parse(encode(feed({"id": "x"}))).items[0].title == "（無題）"


def test_parse_item_without_id_is_dropped_with_a_note() -> None:
    parsed = parse(encode(feed(item("1"), {"title": "id なし"}, item("  "))))
    assert [i.id for i in parsed.items] == ["1"]
    assert len(parsed.notes) == 2
    assert "item 2 has no 'id'" in parsed.notes[0]


def test_parse_items_with_duplicate_id() -> None:
    parsed = parse(encode(feed(item("1"), item("1", title="二度目"))))
    assert [i.title for i in parsed.items] == ["記事 1"]
    assert "repeats the id '1'" in parsed.notes[0]


def test_parse_feed_with_items_not_a_list() -> None:
    with pytest.raises(FeedValidationError, match="feed: field 'items'"):
        parse(encode({**feed(), "items": {"id": "1"}}))


def test_parse_feed_with_unknown_version() -> None:
    with pytest.raises(FeedValidationError, match="version"):
        parse(encode(feed(item(), version="https://example.org/rss")))


def test_parse_not_json() -> None:
    with pytest.raises(FeedFormatError, match="not a JSON document"):
        parse(b"<rss><channel/></rss>")


def test_parse_empty_body() -> None:
    with pytest.raises(FeedFormatError):
        parse(b"")


def test_parse_relative_urls_resolved_against_feed_url() -> None:
    document = feed(item(url="/items/1", image="photos/1.jpg"),
                    feed_url="https://example.org/flash/feed.json")
    only = parse(encode(document)).items[0]
    assert only.url == "https://example.org/items/1"
    assert only.photo is not None and only.photo.url == "https://example.org/flash/photos/1.jpg"


def test_parse_unsafe_urls_dropped() -> None:
    only = parse(encode(feed(item(url="javascript:alert(1)", image="data:image/png;base64,AA"))))
    assert only.items[0].url is None
    assert only.items[0].photo is None


def test_parse_content_html_preferred_and_sanitised() -> None:
    only = parse(encode(feed(item(content_html="<p>一</p><script>alert(1)</script><p>二</p>"))))
    texts = ["".join(span.text for span in paragraph) for paragraph in only.items[0].paragraphs]
    assert texts == ["一", "二"]


def test_parse_unknown_fields_ignored() -> None:
    parsed = parse(encode(feed(item(_other={"x": 1}, authors=[{"name": "n"}]), icon="x.png")))
    assert len(parsed.items) == 1


def test_caption_repeated_as_the_last_paragraph_is_not_shown_twice() -> None:
    parsed = parse(encode(feed(item("a", content_text="本文。\n\n写真：港の様子",
                                    _flash={"photo_caption": "港の様子"}))))
    assert [[s.text for s in p] for p in parsed.items[0].paragraphs] == [["本文。"]]
    assert parsed.items[0].photo.caption == "港の様子"


def test_parse_item_with_two_photos_keeps_both_captions() -> None:
    first = {"file": "PAR-1.jpg", "caption": "一枚目", "url": "https://example.org/p/PAR-1.jpg"}
    second = {"file": "PAR-2.jpg", "caption": "二枚目", "url": "https://example.org/p/PAR-2.jpg"}
    text = "本文\n\n写真：一枚目\n\n写真：二枚目"
    document = feed(item("a", image=first["url"], content_text=text,
                         _flash={"office": "PAR", "photo_caption": "一枚目",
                                 "photo_file": "PAR-1.jpg", "photos": [first, second]}))
    only = parse(encode(document)).items[0]
    assert only.photo is not None and only.photo.caption == "一枚目"
    assert [(p.caption, p.url, p.file_name) for p in only.more_photos] == [
        ("二枚目", "https://example.org/p/PAR-2.jpg", "PAR-2.jpg")]
    # Both 「写真：」 paragraphs are shown with their photos, not again in the text.
    assert ["".join(s.text for s in p) for p in only.paragraphs] == ["本文"]


@pytest.mark.parametrize("photos", [
    "PAR-2.jpg", 7, {"file": "x"}, [None, 3, "s", ["nested"]],
    [{"caption": 5, "url": ["x"], "file": {"a": 1}}],
])
def test_parse_item_with_photos_of_the_wrong_shape_keeps_the_item(photos: object) -> None:
    document = feed(item("a", _flash={"office": "PAR", "photo_caption": "一枚目",
                                      "photos": photos}))
    parsed = parse(encode(document))
    assert [i.id for i in parsed.items] == ["a"]
    assert parsed.items[0].more_photos == ()


def test_parse_item_with_hostile_photo_urls_drops_the_urls() -> None:
    photos = [{"caption": "一", "url": "https://example.org/1.jpg"},
              {"caption": "<b>二</b>", "url": "javascript:alert(1)"},
              {"caption": "三", "url": "data:text/html,<script>alert(1)</script>"}]
    only = parse(encode(feed(item("a", image=photos[0]["url"],
                                  _flash={"photo_caption": "一", "photos": photos})))).items[0]
    assert [p.url for p in only.more_photos] == [None, None]
    assert only.more_photos[0].caption == "<b>二</b>"  # text, escaped where it is shown


def test_parse_item_with_hundreds_of_photos_keeps_a_bounded_number() -> None:
    photos = [{"caption": f"写真{n}", "url": f"https://example.org/{n}.jpg"} for n in range(500)]
    only = parse(encode(feed(item("a", _flash={"photos": photos})))).items[0]
    assert len(only.more_photos) <= 10

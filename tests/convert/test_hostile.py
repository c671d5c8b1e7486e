"""Pages and texts made to hurt: huge, deeply nested, scripted, with unsafe photo addresses."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from flash_reader.convert import Kind, SourceError, convert_source, read, read_text, to_feed
from flash_reader.convert.source import MAX_BYTES
from tests.convert.conftest import issue_of

PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        "<p>2023年2月1日配信</p>{}</body></html>")
ITEM = "<h3>◇見出し{n}</h3><p>本文{n}です。(パリ事務所)</p>"


def test_page_of_50_megabytes_is_refused_before_it_is_read(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    with page.open("wb") as file:  # sparse: 50 MB on paper, nothing on the disk
        file.truncate(50 * 1024 * 1024)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(SourceError, match=r"52\.4 MB.*right file"):
        read(str(page))
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 20 * 1024  # KiB


def test_endless_device_is_read_no_further_than_the_limit() -> None:
    with pytest.raises(SourceError, match="over 8 MB"):
        read("/dev/zero")


def test_page_just_under_the_limit_converts(tmp_path: Path) -> None:
    filler = "<p>　</p>" * ((MAX_BYTES - 2000) // len("<p>　</p>".encode()))
    page = tmp_path / "big.html"
    page.write_text(PAGE.format(ITEM.format(n=1) + filler), encoding="utf-8")
    assert [i.title for i in convert_source(read(str(page))).items] == ["見出し1"]


def test_table_nested_500_deep_is_no_recursion_error(tmp_path: Path) -> None:
    nested = "<table><tr><td>" * 500 + ITEM.format(n=2) + "</td></tr></table>" * 500
    page = tmp_path / "deep.html"
    page.write_text(PAGE.format(ITEM.format(n=1) + nested), encoding="utf-8")
    issue = convert_source(read(str(page)))
    assert [i.title for i in issue.items][:1] == ["見出し1"]


def test_script_in_a_caption_is_dropped_never_text() -> None:
    issue = issue_of("page-hostile.html")
    caption = issue.items[0].photos[0].caption
    assert caption == "踊りの様子です"
    assert Kind.SCRIPT_REMOVED in {p.kind for p in issue.problems}


def test_escaped_markup_stays_plain_text() -> None:
    issue = issue_of("page-hostile.html")
    assert issue.items[0].title == '<script>alert("title")</script>を含む見出し'
    assert issue.items[1].photos[0].caption == "<img src=x onerror=alert(1)>という説明"


def test_iframe_and_event_attributes_leave_nothing() -> None:
    feed = to_feed(issue_of("page-hostile.html"))
    text = str(feed)
    assert "evil.example" not in text and "onerror=\"alert(2)" not in text
    assert "alert('page')" not in text


@pytest.mark.parametrize("position", [1, 2])  # javascript:, data:
def test_photo_with_javascript_or_data_address_is_rejected(position: int) -> None:
    issue = issue_of("page-hostile.html")
    item = issue.items[position - 1]
    assert item.photos[0].url is None
    rejected = [p for p in issue.problems if p.kind is Kind.PHOTO_URL_REJECTED]
    assert len(rejected) == 2
    assert "image" not in to_feed(issue)["items"][position - 1]


def test_relative_photo_resolved_against_the_base() -> None:
    item = to_feed(issue_of("page-hostile.html"))["items"][2]
    assert item["image"] == "https://flash.example.lg.jp/flash/2023/photos/SEL180.jpg"


def test_relative_photo_without_any_page_address_is_warned(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(PAGE.format(ITEM.format(n=1) + "<img src='a/PAR-1.jpg'><p>写真:説明</p>"),
                    encoding="utf-8")
    issue = convert_source(read(str(page)))
    assert issue.items[0].photos[0].url is None
    assert [p.kind for p in issue.problems] == [Kind.PHOTO_ADDRESS_UNKNOWN]


def test_page_saved_complete_has_local_photos_warned(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(PAGE.format(ITEM.format(n=1) + "<img src='./p_files/PAR-1.jpg'>"),
                    encoding="utf-8")
    issue = convert_source(read(str(page)), page_url="https://flash.example.lg.jp/x.html")
    assert issue.items[0].photos[0].url is None
    assert Kind.PHOTO_ADDRESS_UNKNOWN in {p.kind for p in issue.problems}


def test_shift_jis_page_without_charset_is_read(tmp_path: Path) -> None:
    page = tmp_path / "sjis.html"
    page.write_bytes(PAGE.replace("<meta charset='utf-8'>", "").format(
        ITEM.format(n=1)).encode("cp932"))
    assert [i.title for i in convert_source(read(str(page))).items] == ["見出し1"]


def test_text_with_script_tags_stays_text() -> None:
    text = ("2023年2月1日配信\n◇<script>alert(1)</script>\n本文。(パリ事務所)\n"
            "写真:<b onmouseover=alert(2)>様子</b>\n")
    item = read_text(text).items[0]
    assert item.title == "<script>alert(1)</script>"
    assert item.photos[0].caption == "<b onmouseover=alert(2)>様子</b>"

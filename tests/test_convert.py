"""The bulletin converter, fed the real seed issue and every kind of broken bulletin."""

from __future__ import annotations

import pytest

from flash_reader.convert import ConversionError, Kind, convert, read_text

HEADER = "CLAIR(クレア)一般財団法人自治体国際化協会\n\n海外事務所フラッシュ\n\n"
DATE = "2020年10月28日配信\n\n【クレア海外事務所フラッシュ】10月28日号\n\n"


def bulletin(*items: str, date: str = DATE, footer: str = "バックナンバーはこちら\n") -> str:
    return HEADER + date + "\n".join(items) + "\n" + footer


PARIS = ("◇見出し=パリ\n\n　本文の一段落目。\n　本文の二段落目。(パリ事務所)\n\n"
         "PAR-128.jpg\n写真:ブースの様子\n")


# --- the real seed -------------------------------------------------------------------------


def test_seed_gives_seven_items_in_order(seed_text: str) -> None:
    feed = convert(seed_text)
    assert [item["_flash"]["office"] for item in feed["items"]] == [
        "PAR", "SIN", "LON", "BEJ", "NYC", "SYD", "SEL"]
    assert [item["id"] for item in feed["items"]] == [f"2020-10-28-{n:02d}" for n in range(1, 8)]


def test_seed_issue_date_from_the_haishin_line(seed_text: str) -> None:
    feed = convert(seed_text)
    assert {item["_flash"]["issue_date"] for item in feed["items"]} == {"2020-10-28"}
    assert feed["items"][0]["date_published"] == "2020-10-28T00:00:00+09:00"


def test_seed_office_list_and_names(seed_text: str) -> None:
    offices = convert(seed_text)["_flash"]["offices"]
    assert {"code": "PAR", "name": "パリ事務所"} in offices
    assert {"code": "BEJ", "name": "北京事務所"} in offices
    assert len(offices) == 7


def test_seed_caption_glued_to_file_name(seed_text: str) -> None:
    london = convert(seed_text)["items"][2]
    assert london["_flash"]["photo_file"] == "LON-128.png"
    assert london["_flash"]["photo_caption"] == "JETプログラムPRビデオの紹介ページ"


def test_seed_caption_after_blank_line(seed_text: str) -> None:
    seoul = convert(seed_text)["items"][6]
    assert seoul["_flash"]["photo_file"] == "SEL-128.PNG"
    assert seoul["_flash"]["photo_caption"] == "「日韓交流おまつり2020 in Seoul」公式HP"


def test_seed_lost_links_removed_and_flagged(seed_text: str) -> None:
    items = convert(seed_text)["items"]
    assert all("詳しくはこちら" not in item["content_text"] for item in items)
    assert [item["_flash"].get("link_lost", False) for item in items] == [
        True, False, False, False, True, False, True]


def test_seed_office_parentheses_removed_from_body(seed_text: str) -> None:
    for item in convert(seed_text)["items"]:
        assert "事務所)" not in item["content_text"]
        assert not item["content_text"].endswith(("(", "（"))


def test_seed_full_width_indents_trimmed(seed_text: str) -> None:
    for item in convert(seed_text)["items"]:
        for paragraph in item["content_text"].split("\n\n"):
            assert paragraph == paragraph.strip(" \u3000")


def test_seed_page_chrome_is_not_content(seed_text: str) -> None:
    text = "".join(item["content_text"] + item["title"] for item in convert(seed_text)["items"])
    for chrome in ("文字サイズ", "サイト内検索", "バックナンバー", "kikaku@clair.or.jp",
                   "ページの先頭へ", "【クレア海外事務所フラッシュ】"):
        assert chrome not in text


def test_photo_base_url_and_feed_url_options(seed_text: str) -> None:
    feed = convert(seed_text, photo_base_url="https://example.org/photos/",
                   feed_url="https://example.org/feed.json")
    assert feed["feed_url"] == "https://example.org/feed.json"
    assert feed["items"][0]["image"] == "https://example.org/photos/PAR-128.jpg"


def test_without_photo_base_url_no_image_is_claimed(seed_text: str) -> None:
    assert all("image" not in item for item in convert(seed_text)["items"])


# --- small bulletins ------------------------------------------------------------------------


def test_minimal_bulletin() -> None:
    item = convert(bulletin(PARIS))["items"][0]
    assert item["title"] == "見出し=パリ"
    assert item["content_text"] == "本文の一段落目。\n\n本文の二段落目。"
    assert item["_flash"]["photo_caption"] == "ブースの様子"


def test_full_width_colon_in_caption() -> None:
    item = convert(bulletin(PARIS.replace("写真:", "写真：")))["items"][0]
    assert item["_flash"]["photo_caption"] == "ブースの様子"


def test_unknown_office_takes_code_from_photo_file() -> None:
    text = PARIS.replace("(パリ事務所)", "(ジャカルタ事務所)").replace("PAR-128", "JKT-128")
    item = convert(bulletin(text))["items"][0]
    assert item["_flash"]["office"] == "JKT"
    assert item["_flash"]["office_name"] == "ジャカルタ事務所"


def test_item_without_photo_is_allowed() -> None:
    item = convert(bulletin("◇写真のない記事\n本文。(ソウル事務所)\n"))["items"][0]
    assert "photo_file" not in item["_flash"]
    assert item["_flash"]["office"] == "SEL"


# --- broken bulletins: a clear error naming the line -----------------------------------------


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_bulletin_without_issue_date() -> None:
    with pytest.raises(ConversionError, match="2020年10月28日配信"):
        convert(bulletin(PARIS, date="【号外】\n"))


def test_bulletin_with_impossible_date() -> None:
    text = bulletin(PARIS, date="2020年2月30日配信\n")
    with pytest.raises(ConversionError) as error:
        convert(text)
    assert error.value.line_number == line_of(text, "2月30日")
    assert f"line {error.value.line_number}" in str(error.value)


def test_bulletin_without_items() -> None:
    with pytest.raises(ConversionError, match="◇"):
        convert(bulletin("ただの文章です。"))


def test_item_without_title() -> None:
    text = bulletin("◇\n本文。(パリ事務所)\n")
    with pytest.raises(ConversionError, match="no title") as error:
        convert(text)
    assert error.value.line_number == line_of(text, "◇")


def test_item_without_office() -> None:
    text = bulletin("◇事務所のない記事\n本文だけ。\n")
    with pytest.raises(ConversionError, match="パリ事務所") as error:
        convert(text)
    assert error.value.line_number == line_of(text, "事務所のない記事")


def test_item_with_unknown_office_and_no_photo() -> None:
    with pytest.raises(ConversionError, match="unknown office 「月面事務所」"):
        convert(bulletin("◇月の話\n本文。(月面事務所)\n"))


def test_item_without_body() -> None:
    with pytest.raises(ConversionError, match="no body text"):
        convert(bulletin("◇見出しだけ\n(パリ事務所)\n"))


def test_text_after_photo() -> None:
    text = bulletin(PARIS + "写真のあとの迷子の文。\n")
    with pytest.raises(ConversionError, match="text after the photo") as error:
        convert(text)
    assert error.value.line_number == line_of(text, "迷子")


def test_second_caption_is_a_second_photo() -> None:
    # Issue 26: real items have two photos with two 「写真:」 captions; a caption without a
    # file name of its own is a photo the text copy does not show.
    item = convert(bulletin(PARIS + "写真:二枚目の説明\n"))["items"][0]
    assert item["_flash"]["photo_caption"] == "ブースの様子"
    assert [p.get("caption") for p in item["_flash"]["photos"]] == ["ブースの様子", "二枚目の説明"]


def test_second_photo_file_without_caption_is_kept_and_warned() -> None:
    issue = read_text(bulletin(PARIS.replace("写真:ブースの様子\n", "PAR-129.jpg\n")))
    assert [p.file for p in issue.items[0].photos] == ["PAR-128.jpg", "PAR-129.jpg"]
    assert [p.kind for p in issue.problems] == [Kind.PHOTO_WITHOUT_CAPTION] * 2


def test_empty_caption() -> None:
    with pytest.raises(ConversionError, match=r"caption .* is empty"):
        convert(bulletin(PARIS.replace("写真:ブースの様子", "写真:")))


def test_garbage_glued_to_file_name() -> None:
    text = bulletin(PARIS.replace("PAR-128.jpg\n写真:", "PAR-128.jpgキャプション"))
    with pytest.raises(ConversionError, match="写真:") as error:
        convert(text)
    assert error.value.line_number == line_of(text, "PAR-128.jpg")

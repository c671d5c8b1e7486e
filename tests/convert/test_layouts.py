"""Every layout issue 26 lists, each fed as a bulletin we wrote in that layout (text and page)."""

from __future__ import annotations

import pytest

from flash_reader.convert import Kind, read_text, to_feed
from tests.convert.conftest import issue_of


def summary(name: str, **options: object) -> list[tuple[str, str | None, list[str | None]]]:
    issue = issue_of(name, **options)
    return [(i.title, i.office_code, [p.caption for p in i.photos]) for i in issue.items]


def test_office_on_its_own_line_after_the_link() -> None:
    issue = issue_of("office-own-line.txt")
    first = issue.items[0]
    assert first.office_code == "PAR"
    assert first.office_inferred_from is None
    assert first.link_lost
    assert first.paragraphs[-1] == "参加した子どもたちは、折り紙にも挑戦した。"
    assert not issue.problems


def test_parentheses_inside_the_body_are_not_the_office() -> None:
    issue = issue_of("office-own-line.txt")
    assert "(東京都)" in issue.items[0].paragraphs[1]
    assert "(ちらんてぃーちゅう)" in issue.items[1].paragraphs[0]
    assert issue.items[1].office_code == "SIN"


def test_photo_file_named_with_a_number_first() -> None:
    assert issue_of("office-own-line.txt").items[0].photos[0].file == "01PAR148.jpg"


@pytest.mark.parametrize(("position", "office", "kind"), [
    (1, "LON", Kind.OFFICE_FROM_BODY),      # 「クレアロンドン事務所は…」
    (2, "PAR", Kind.OFFICE_FROM_HEADING),   # 「=仏」
    (3, "NYC", Kind.OFFICE_FROM_HEADING),   # 「=米」
    (4, "BEJ", Kind.OFFICE_FROM_HEADING),   # 「=中国・浙江省紹興市」
    (5, "LON", Kind.OFFICE_FROM_HEADING),   # 「=英・ロンドン」
    (6, "PAR", Kind.OFFICE_FROM_PHOTO),     # par.jpg
    (7, "SYD", Kind.OFFICE_FROM_CAPTION),   # 「…クレアシドニー事務所職員」
])
def test_office_not_written_is_inferred_and_said(position: int, office: str, kind: Kind) -> None:
    issue = issue_of("office-not-written.txt")
    item = next(i for i in issue.items if i.position == position)
    assert (item.office_code, item.office_inferred_from) == (office, kind)
    assert any(p.kind is kind and p.where == item.where for p in issue.problems)


def test_office_nowhere_skips_that_item_alone() -> None:
    issue = issue_of("office-not-written.txt")
    assert len(issue.items) == 7
    (error,) = issue.errors
    assert error.kind is Kind.ITEM_SKIPPED
    assert error.where.line == 38
    assert "names no office" in error.message and "(パリ事務所)" in error.message


def test_office_not_written_with_strict_is_an_error_per_item() -> None:
    issue = issue_of("office-not-written.txt", strict=True)
    assert issue.items == []
    assert len(issue.errors) == 8
    assert all("--strict" in e.message for e in issue.errors[:7])


def test_inferred_office_is_marked_in_the_feed() -> None:
    feed = to_feed(issue_of("office-not-written.txt"))
    assert feed["items"][0]["_flash"]["office_inferred_from"] == "office-from-body"
    assert feed["items"][0]["_flash"]["office_name"] == "ロンドン事務所"


def test_every_heading_without_the_mark() -> None:
    assert summary("headings-unmarked.txt") == [
        ("市場で地域の果物を販売=韓国・釜山", "SEL", ["果物を選ぶ家族連れ", "売り場に並んだ果物"]),
        ("公園の清掃ボランティアに参加", "BEJ", []),
        ("科学館で日本の技術展を開催", "NYC", ["展示を見学する生徒"]),
    ]


def test_two_photos_two_captions_in_the_feed() -> None:
    item = to_feed(issue_of("headings-unmarked.txt"))["items"][0]
    assert item["_flash"]["photo_file"] == "SEL153.jpg"
    assert item["_flash"]["photo_caption"] == "果物を選ぶ家族連れ"
    assert item["_flash"]["photos"] == [
        {"file": "SEL153.jpg", "caption": "果物を選ぶ家族連れ"},
        {"file": "SEL154.jpg", "caption": "売り場に並んだ果物"}]


def test_first_heading_without_the_mark_and_run_together_with_its_body() -> None:
    # The table pages copied as text: the top line (a space after 】) repeats the first title.
    assert summary("table-copied.txt") == [
        ("港町の朝市で地域の食を紹介=仏・マルセイユ", "PAR", ["試食を楽しむ来場者"]),
        ("図書館の読み聞かせ会に参加", "SEL", ["読み聞かせの様子"]),
        ("「Japan Week」で観光をPR=英・ロンドン", "LON", []),
    ]


def test_table_copied_cells_lose_their_separators() -> None:
    issue = issue_of("table-copied.txt")
    text = "".join(p for i in issue.items for p in i.paragraphs)
    assert "|" not in text and "\t" not in text
    assert issue.items[0].paragraphs == [
        "5月28日、旧港の朝市に日本の地域の食材を紹介するブースが並んだ。来場者は試食を楽しんだ。"]


def test_heading_split_from_its_body_is_warned() -> None:
    issue = issue_of("table-copied.txt")
    assert [p.kind for p in issue.problems] == [Kind.HEADING_SPLIT, Kind.HEADING_SPLIT]
    assert not issue.errors


def test_page_list_layout_with_saved_from_address() -> None:
    issue = issue_of("page-list.html")
    assert str(issue.date) == "2019-06-12"
    assert [(i.title, i.office_code) for i in issue.items] == [
        ("川辺の音楽祭で和太鼓を披露=仏・リヨン", "PAR"), ("市役所の職員が日本の防災を学ぶ", "NYC"),
        ("写真のない記事", "SYD")]
    first, second, _ = issue.items
    assert first.photos[0].url == "https://flash.example.lg.jp/flash/2019/images/PAR-140.jpg"
    assert first.photos[0].caption == "和太鼓を演奏する地元の学生たち"
    assert second.photos[0].caption == "勉強会の様子"  # no 「写真:」 line: the alt text
    # The editor's line break inside a Japanese sentence is no space.
    assert first.paragraphs[0] == ("6月1日、リヨンの川辺で音楽祭が開かれ、"
                                   "地元の学生が和太鼓を披露した。")


def test_page_list_layout_chrome_images_are_no_photos() -> None:
    urls = [p.url for i in issue_of("page-list.html").items for p in i.photos]
    assert not any("logo" in (u or "") or "pagetop" in (u or "") for u in urls)


def test_page_table_layout_photos_before_the_heading() -> None:
    issue = issue_of("page-table.html")
    first = issue.items[0]
    assert [(p.file, p.caption) for p in first.photos] == [
        ("01PAR148.jpg", "炊き上がったお米を配る様子"),
        ("01PAR149.jpg", "おにぎり作りを体験する親子")]
    assert first.photos[0].url == "https://flash.example.lg.jp/flash/2022/img/01PAR148.jpg"
    assert issue.items[1].photos[0].url == "https://flash.example.lg.jp/flash/img/SEL170.jpg"
    assert [i.office_code for i in issue.items] == ["PAR", "SEL", "BEJ"]


def test_page_url_option_wins_over_the_page() -> None:
    issue = issue_of("page-table.html", page_url="https://mirror.example.org/a/b.html")
    assert issue.items[0].photos[0].url == "https://mirror.example.org/a/img/01PAR148.jpg"


def test_seed_ids_are_unchanged(seed_text: str) -> None:
    ids = [i["id"] for i in to_feed(read_text(seed_text))["items"]]
    assert ids == [f"2020-10-28-{n:02d}" for n in range(1, 8)]


def test_skipped_item_keeps_the_others_ids() -> None:
    # Ids count the skipped item: fixing it later moves no permalink.
    feed = to_feed(issue_of("office-not-written.txt"))
    assert [i["id"] for i in feed["items"]][-1] == "2021-07-07-07"
    broken = issue_of("office-not-written.txt", strict=True)
    assert broken.items == []

"""Japanese-aware folding, matching and highlighting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flash_reader.feed.parse import parse
from flash_reader.feed.search import SearchIndex, match_ranges, split_marked, terms_of
from flash_reader.reading.fold import fold, fold_with_origins
from flash_reader.reading.furigana import has_kanji
from tests.feed.feeds import encode, feed, item


@pytest.mark.parametrize(("text", "query"), [
    ("シンガポール事務所", "しんがぽーる"),   # katakana found by hiragana
    ("しんがぽーる", "シンガポール"),         # and the other way round
    ("フランス都市連合(ＣＵＦ)", "cuf"),      # full-width Latin, any case
    ("(CUF)", "ｃｕｆ"),
    ("ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック"),           # half-width katakana with voiced marks
    ("ガイドブック", "ｶﾞｲﾄﾞ"),
    ("２０２０年", "2020"),                   # full-width digits
    ("Japan Matsuri", "MATSURI"),
    ("ウェビナー", "うぇびなー"),             # small kana and the long-vowel mark
    ("日韓交流おまつり2020　in Seoul", "in seoul"),  # full-width space
])
def test_fold_makes_these_match(text: str, query: str) -> None:
    assert all(term in fold(text) for term in terms_of(query))


def test_fold_keeps_kanji_and_distinct_kana() -> None:
    assert fold("自治体") == "自治体"
    assert fold("カ") != fold("ガ")


def test_terms_split_on_any_space_and_deduplicate() -> None:
    assert terms_of("パリ　ぱり  CUF ") == ("ぱり", "cuf")
    assert terms_of("   ") == ()


def test_terms_of_very_long_query_is_capped() -> None:
    assert len("".join(terms_of("あ" * 10_000))) == 100


def test_fold_with_origins_maps_back_through_half_width_voiced_marks() -> None:
    folded, origins = fold_with_origins("aｶﾞb")
    assert folded == "aがb"
    assert origins == [0, 1, 3, 4]


def test_match_ranges_in_original_text() -> None:
    text = "フランス都市連合(ＣＵＦ)の"
    (start, end), = match_ranges(text, terms_of("cuf"))
    assert text[start:end] == "ＣＵＦ"


def test_match_ranges_merge_overlaps() -> None:
    assert match_ranges("シンガポール", terms_of("しんが がぽ")) == [(0, 4)]


def test_split_marked_half_width_kana() -> None:
    assert split_marked("ｶﾞｲﾄﾞブック", terms_of("がいど")) == [("ｶﾞｲﾄﾞ", True), ("ブック", False)]


def test_split_marked_every_occurrence() -> None:
    assert split_marked("クレアのブース、クレア", terms_of("くれあ")) == [
        ("クレア", True), ("のブース、", False), ("クレア", True)]


def test_split_marked_without_terms_is_the_text() -> None:
    assert split_marked("本文", ()) == [("本文", False)]
    assert split_marked("", ()) == [("", False)]


def test_index_requires_every_term_and_covers_title_body_caption_office() -> None:
    parsed = parse(encode(feed(
        item("a", title="見出し", content_text="本文のことば",
             _flash={"office": "PAR", "office_name": "パリ事務所", "photo_caption": "写真の説明"}),
        item("b", title="別の記事"))))
    index = SearchIndex.build(parsed.items)
    first, second = parsed.items
    for words in ("見出し", "ことば", "説明", "ぱり", "見出し ことば"):
        assert index.matches(first, terms_of(words)), words
    assert not index.matches(first, terms_of("見出し 別の"))
    assert index.matches(second, terms_of("さかな")) is False  # in no text, nor any reading


def test_terms_do_not_match_across_fields() -> None:
    parsed = parse(encode(feed(item("a", title="ABC", content_text="DEF"))))
    assert not SearchIndex.build(parsed.items).matches(parsed.items[0], terms_of("cd"))


@given(st.text(alphabet=st.sampled_from(
    "あいうアイウｱｲｳｶﾞﾊﾟガパ自治体ＡＢａｂAB１2 　ーｰ\u3099ßẞİ"), max_size=30),
       st.text(alphabet=st.sampled_from("あいうアイウガパ自治体abAB12ーß"), min_size=1, max_size=3))
def test_split_marked_pieces_rebuild_the_text_and_marks_match(text: str, query: str) -> None:
    terms = terms_of(query)
    pieces = split_marked(text, terms)
    assert "".join(piece for piece, _ in pieces) == text
    for piece, is_match in pieces:
        if is_match:
            # As written, or (a kana term) in the reading of a word with kanji, marked whole.
            assert any(term in fold(piece) for term in terms) or has_kanji(piece)


def test_kana_finds_kanji_by_reading() -> None:
    # Learners and children type kana: 「じちたい」 finds 自治体, marked on the kanji.
    parsed = parse(encode(feed(item("a", title="自治体の国際交流"), item("b", title="別の話"))))
    index = SearchIndex.build(parsed.items)
    found = [i.id for i in parsed.items if index.matches(i, terms_of("じちたい"))]
    assert found == ["a"]
    assert split_marked("日本の自治体の活動", terms_of("じちたい")) == [
        ("日本の", False), ("自治体", True), ("の活動", False)]


def test_part_of_a_reading_marks_the_whole_word() -> None:
    assert split_marked("北京事務所", terms_of("ぺき")) == [("北京", True), ("事務所", False)]


def test_kana_as_written_still_matches_character_by_character() -> None:
    assert split_marked("コロナ禍でも", terms_of("ころな")) == [("コロナ", True), ("禍でも", False)]


def test_a_reading_that_is_nowhere_matches_nothing() -> None:
    parsed = parse(encode(feed(item("a", title="自治体の国際交流"))))
    index = SearchIndex.build(parsed.items)
    assert not index.matches(parsed.items[0], terms_of("しんかんせん"))
    text = "自治体の国際交流"
    assert split_marked(text, terms_of("しんかんせん")) == [(text, False)]

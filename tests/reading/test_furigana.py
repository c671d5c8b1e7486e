"""Readings for words of the seed issue, the user dictionary, okurigana and grades."""

from __future__ import annotations

from pathlib import Path

import pytest

from flash_reader.reading.furigana import OTHER, SECONDARY, annotate, kanji_grade


def readings(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.reading) for s in annotate(text) if s.reading]


@pytest.mark.parametrize(("text", "expected"), [
    ("自治体", [("自治体", "じちたい")]),
    ("大連", [("大連", "だいれん")]),
    ("遼寧省大連市", [("遼寧省", "りょうねいしょう"), ("大連", "だいれん"), ("市", "し")]),
    ("北京事務所", [("北京", "ぺきん"), ("事務所", "じむしょ")]),
    ("海外事務所フラッシュ", [("海外事務所", "かいがいじむしょ")]),
    ("三原市", [("三原市", "みはらし")]),
    ("仏コミューン選挙", [("仏", "ふつ"), ("選挙", "せんきょ")]),
    ("日韓交流", [("日韓", "にっかん"), ("交流", "こうりゅう")]),
    ("草の根交流", [("草", "くさ"), ("根", "ね"), ("交流", "こうりゅう")]),
    ("姉妹都市提携", [("姉妹都市", "しまいとし"), ("提携", "ていけい")]),
    ("博覧会", [("博覧会", "はくらんかい")]),
    ("配信", [("配信", "はいしん")]),
    ("写真", [("写真", "しゃしん")]),
    ("講師", [("講師", "こうし")]),
])
def test_readings_of_seed_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert readings(text) == expected


def test_okurigana_stay_outside_the_ruby() -> None:
    assert [(s.text, s.reading) for s in annotate("関わる")] == [("関", "かか"), ("わる", "")]
    assert readings("取り組み") == [("取", "と"), ("組", "く")]


def test_text_is_preserved_exactly() -> None:
    text = "CLAIR（自治体国際化協会）は、9月21、22日にパリで開催された。"
    assert "".join(s.text for s in annotate(text)) == text


def test_text_without_kanji_is_one_plain_segment() -> None:
    assert [(s.text, s.reading) for s in annotate("パーマストンノース")] == [
        ("パーマストンノース", "")]
    assert annotate("") == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("仏像", [("仏像", "ぶつぞう")]),
    ("仏教", [("仏教", "ぶっきょう")]),
    ("大仏", [("大仏", "だいぶつ")]),
])
def test_user_dictionary_仏_only_before_katakana(text: str, expected: list) -> None:
    # The entry 仏 → ふつ (France) must not split a Buddhist word the analyser reads whole.
    assert readings("仏コミューン")[0] == ("仏", "ふつ")
    assert readings(text) == expected


def test_grades() -> None:
    assert kanji_grade("一") == 1
    assert kanji_grade("協") == 4
    assert kanji_grade("締") == SECONDARY  # jōyō, taught after primary school
    assert kanji_grade("遼") == OTHER  # outside the jōyō list
    grades = {s.text: s.grade for s in annotate("提携締結1周年") if s.reading}
    assert grades == {"提携": SECONDARY, "締結": SECONDARY, "周年": 4}


def test_word_grade_is_its_hardest_kanji() -> None:
    (segment,) = [s for s in annotate("選挙") if s.reading]
    assert segment.grade == max(kanji_grade("選"), kanji_grade("挙")) == 4


SEED = Path(__file__).resolve().parents[2] / "assets" / "seeds" / "clair-flash-2020-10-28.txt"


def test_nihon_in_the_seed_issue_reads_nihon_never_nippon() -> None:
    """Issue 25.7: the analyser read 日本 にっぽん (nine times in the seed issue)."""
    found = [reading for text, reading in readings(SEED.read_text(encoding="utf-8"))
             if text == "日本"]
    assert found and set(found) == {"にほん"}, found


@pytest.mark.parametrize(("text", "expected"), [
    ("日本の自治体", [("日本", "にほん"), ("自治体", "じちたい")]),
    ("日本文化", [("日本", "にほん"), ("文化", "ぶんか")]),
    ("日本語", [("日本語", "にほんご")]),
    ("日本銀行", [("日本銀行", "にっぽんぎんこう")]),  # a name keeps its own reading
    ("今日本当に", [("今日", "きょう"), ("本当", "ほんとう")]),  # never across words
])
def test_nihon_as_a_whole_word_only(text: str, expected: list[tuple[str, str]]) -> None:
    assert readings(text) == expected

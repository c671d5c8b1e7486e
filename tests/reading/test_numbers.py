"""Numerals and counters: every number in the seed issue, and a table of counters.

Before `numbers` the analyser read 13日 as 「か」, 11月10日 as 「にち」 and gave
10万3000 the reading いちれいまんさんれいれいれい.
"""

from __future__ import annotations

import collections
import itertools
import re

import pytest

from flash_reader.config import BUNDLED_FEED
from flash_reader.feed.parse import parse
from flash_reader.reading.cache import item_texts
from flash_reader.reading.furigana import annotate
from flash_reader.reading.numbers import read_number

_DIGITS = re.compile(r"[0-9０-９]")
_TRAILING_NUMBER = re.compile(r"[0-9０-９][0-9０-９,，.．]*$")


def seed_texts() -> list[str]:
    feed = parse(BUNDLED_FEED.read_bytes())
    return [text for item in feed.items for text in item_texts(item)]


def after_numbers(text: str) -> list[tuple[str, str]]:
    """(digits + the word after them, that word's reading) for each number followed by ruby."""
    segments = annotate(text)
    return [(number.group() + word.text, word.reading)
            for before, word in itertools.pairwise(segments)
            if word.reading and (number := _TRAILING_NUMBER.search(before.text))]


def rubies(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.reading) for s in annotate(text) if s.reading]


# Every number with a word after it in the seed issue (titles, bodies, captions, offices),
# with how often it occurs. 2020in and 「21、」 have no word after them: no ruby at all.
SEED_NUMBERS = {
    ("9月", "がつ"): 4, ("6月", "がつ"): 1, ("10月", "がつ"): 1, ("11月", "がつ"): 1,
    ("2月", "がつ"): 1, ("3月", "がつ"): 1,
    ("22日", "にち"): 1, ("13日", "にち"): 2, ("23日", "にち"): 1, ("25日", "にち"): 1,
    ("26日", "にち"): 2, ("27日", "にち"): 2, ("10日", "とおか"): 1,
    ("2日間", "ふつかかん"): 1,
    ("2020年", "ねん"): 2, ("2020中日", "ちゅうにち"): 1,
    ("223人", "にん"): 1, ("10万", "まん"): 1, ("3000人", "にん"): 1,
    ("40以上", "いじょう"): 1, ("220以上", "いじょう"): 1,
    ("1周年", "しゅうねん"): 2,
}


def test_every_number_in_the_seed_issue_reads_right() -> None:
    found = collections.Counter(pair for text in seed_texts() for pair in after_numbers(text))
    assert dict(found) == SEED_NUMBERS


def test_digits_in_the_seed_issue_never_get_ruby() -> None:
    with_digits = [(s.text, s.reading) for text in seed_texts() for s in annotate(text)
                   if s.reading and _DIGITS.search(s.text)]
    assert with_digits == []


@pytest.mark.parametrize(("text", "expected"), [
    ("11月10日、日韓の", [("月", "がつ"), ("日", "とおか"), ("日韓", "にっかん")]),
    ("10月13日、", [("月", "がつ"), ("日", "にち")]),
    ("9月26日、27日の2日間、", [("月", "がつ"), ("日", "にち"), ("日", "にち"),
                            ("日間", "ふつかかん")]),
    ("延べ10万3000人が", [("延", "の"), ("万", "まん"), ("人", "にん")]),
    ("「2020年中日(大連)博覧会", [("年", "ねん"), ("中日", "ちゅうにち"), ("大連", "だいれん"),
                              ("博覧会", "はくらんかい")]),
])
def test_seed_sentences_with_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert rubies(text) == expected
    assert "".join(s.text for s in annotate(text)) == text


@pytest.mark.parametrize(("text", "reading"), [
    # 日: native readings for 2–10 and 20, 1 by context, …4 as よっか, the rest にち.
    ("4月1日", "ついたち"), ("毎月1日", "ついたち"), ("1日に", "にち"),
    ("2日", "ふつか"), ("3日", "みっか"), ("4日", "よっか"), ("5日", "いつか"), ("6日", "むいか"),
    ("7日", "なのか"), ("8日", "ようか"), ("9日", "ここのか"), ("10日", "とおか"),
    ("11日", "にち"), ("13日", "にち"), ("14日", "じゅうよっか"), ("17日", "にち"),
    ("19日", "にち"), ("20日", "はつか"), ("21日", "にち"), ("24日", "にじゅうよっか"),
    ("30日", "にち"), ("31日", "にち"), ("104日", "ひゃくよっか"), ("２０日", "はつか"),
    ("１４日", "じゅうよっか"), ("3日間", "みっかかん"), ("1日間", "にちかん"),
    # 人 and 歳: the words ひとり, ふたり, はたち.
    ("1人", "ひとり"), ("2人", "ふたり"), ("3人", "にん"), ("4人", "にん"), ("11人", "にん"),
    ("1,000人", "にん"), ("20歳", "はたち"), ("21歳", "さい"),
    # Counters whose own sound changes after the number.
    ("1分", "ぷん"), ("2分", "ふん"), ("3分", "ぷん"), ("5分", "ふん"), ("6分", "ぷん"),
    ("8分", "ぷん"), ("10分", "ぷん"), ("30分", "ぷん"), ("1本", "ぽん"), ("2本", "ほん"),
    ("3本", "ぼん"), ("3階", "がい"), ("1階", "かい"), ("3千", "ぜん"), ("8百", "ぴゃく"),
    # Counters that keep their sound.
    ("2020年", "ねん"), ("2020年度", "ねんど"), ("12月", "がつ"), ("3ヶ月", "かげつ"),
    ("10時", "じ"), ("2時間", "じかん"), ("5秒", "びょう"), ("3件", "けん"), ("第3回", "かい"),
    ("3.5倍", "ばい"), ("12億", "おく"), ("1兆", "ちょう"), ("100円", "えん"), ("5棟", "とう"),
    ("1周年", "しゅうねん"), ("5カ国", "こく"),
])
def test_counter_after_digits(text: str, reading: str) -> None:
    assert rubies(text)[-1][1] == reading
    assert not [s for s in annotate(text) if s.reading and _DIGITS.search(s.text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("5分野で", [("分野", "ぶんや")]),  # not the counter 分: the analyser's word stands
    ("3羽", []),  # a counter not in the table: no reading rather than the analyser's わ
    ("G7サミット", []),
    ("COVID-19の", []),
    ("3か月", [("月", "げつ")]),  # か stays outside the ruby, as okurigana do
    ("12億円", [("億", "おく"), ("円", "えん")]),
])
def test_words_near_digits(text: str, expected: list[tuple[str, str]]) -> None:
    assert rubies(text) == expected


@pytest.mark.parametrize(("value", "reading"), [
    (0, ""), (1, "いち"), (10, "じゅう"), (14, "じゅうよん"), (100, "ひゃく"),
    (300, "さんびゃく"), (600, "ろっぴゃく"), (800, "はっぴゃく"), (1000, "せん"),
    (3000, "さんぜん"), (8000, "はっせん"), (10_000, "いちまん"), (103_000, "じゅうまんさんぜん"),
    (10**7, "いっせんまん"), (15 * 10**6, "せんごひゃくまん"), (10**12, "いっちょう"),
    (8 * 10**12, "はっちょう"), (10**13, "じゅっちょう"),
])
def test_read_number(value: int, reading: str) -> None:
    assert read_number(value) == reading

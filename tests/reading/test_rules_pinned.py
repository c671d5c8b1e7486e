"""Rules of the furigana code that no other test held down: each survived a one-line mutation
in tests/scale/mutation_check.py (see docs/testing.md). Named after the input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from flash_reader.reading import furigana
from flash_reader.reading.furigana import _align, _user_pattern, annotate, kanji_grade


@pytest.fixture
def fresh_user_pattern() -> Iterator[None]:
    """The user words' pattern is built once per process: rebuild it around the test."""
    _user_pattern.cache_clear()
    yield
    _user_pattern.cache_clear()


def test_user_word_that_starts_a_longer_user_word_loses_to_it(
        monkeypatch: pytest.MonkeyPatch, fresh_user_pattern: None) -> None:
    monkeypatch.setitem(furigana.USER_READINGS, "海外", "うみそと")
    assert [(s.text, s.reading) for s in annotate("海外事務所") if s.reading] == [
        ("海外事務所", "かいがいじむしょ")]


def test_word_whose_kana_do_not_fit_its_reading_gets_its_hardest_kanji_grade() -> None:
    # 学 is taught in grade 1, 議 in grade 4: the whole word is as hard as 議.
    assert kanji_grade("学") < kanji_grade("議")
    assert [(s.text, s.reading, s.grade) for s in _align("学び議", "がくぎ")] == [
        ("学び議", "がくぎ", kanji_grade("議"))]

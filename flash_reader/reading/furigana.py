"""Furigana: text → segments with hiragana readings over kanji, and the school grade of each.

Readings come from Sudachi (sudachipy + sudachidict-core, from PyPI); a small user dictionary
fixes names, and `numbers` reads numerals with their counters (digits never get a reading).
Okurigana stay outside the ruby: 関わる → 関(かか)わる.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading

from kanji_lists import JOYO, KYOIKU

from flash_reader.reading.numbers import Word, has_digit, reread
from flash_reader.reading.user_dict import USER_READINGS, WORD_READINGS

_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ]")
_KANJI_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヵヶ]+)")
_KATAKANA_START, _KATAKANA_END, _SHIFT = 0x30A1, 0x30F6, 0x60
SECONDARY = 7  # jōyō kanji taught after primary school
OTHER = 8  # kanji outside the jōyō list

GRADES: dict[str, int] = {}
for _grade in range(6, 0, -1):
    for _kanji in getattr(KYOIKU, f"GRADE{_grade}"):
        GRADES[_kanji] = _grade


@dataclasses.dataclass(frozen=True, slots=True)
class Segment:
    text: str
    reading: str = ""  # hiragana over `text`; "" for kana, Latin, punctuation
    grade: int = 0  # the highest school grade among its kanji (7 secondary, 8 non-jōyō)


def kanji_grade(char: str) -> int:
    if char in GRADES:
        return GRADES[char]
    return SECONDARY if char in JOYO else OTHER


def hiragana(text: str) -> str:
    return "".join(chr(ord(c) - _SHIFT) if _KATAKANA_START <= ord(c) <= _KATAKANA_END else c
                   for c in text)


def has_kanji(text: str) -> bool:
    return bool(_KANJI.search(text))


@functools.cache
def _tokenizer():
    from sudachipy import dictionary

    return dictionary.Dictionary().tokenizer()


_lock = threading.Lock()  # a Sudachi tokenizer is not to be shared between threads


def annotate(text: str) -> tuple[Segment, ...]:
    """`text` as segments; joining their `text` gives `text` back."""
    if not has_kanji(text):
        return (Segment(text),) if text else ()
    segments: list[Segment] = []
    for surface, reading in _words(text):
        segments.extend(_align(surface, reading))
    return tuple(_merge_plain(segments))


def word_readings(text: str) -> list[tuple[str, str]]:
    """(surface, hiragana reading) per word, as `annotate` reads them before the ruby split;
    the reading is "" for words the ruby leaves bare. Read aloud by flash_reader.speech."""
    return _words(text) if has_kanji(text) else [(text, "")] if text else []


def _words(text: str) -> list[tuple[str, str]]:
    """(surface, hiragana reading) per word, the user dictionary taking precedence."""
    words: list[tuple[str, str]] = []
    pattern = _user_pattern()
    position = 0
    for match in pattern.finditer(text) if pattern else ():
        words.extend(_analyse(text[position:match.start()]))
        words.append((match.group(), USER_READINGS[match.group()]))
        position = match.end()
    words.extend(_analyse(text[position:]))
    return words


@functools.cache
def _user_pattern() -> re.Pattern[str] | None:
    if not USER_READINGS:
        return None
    # Longest first; 仏 only before katakana (仏コミューン), so 仏教 etc. keep their reading.
    words = sorted(USER_READINGS, key=len, reverse=True)
    return re.compile("|".join(
        re.escape(w) + ("(?=[\u30a0-\u30ff])" if w == "仏" else "") for w in words))


def _analyse(text: str) -> list[tuple[str, str]]:
    if not text:
        return []
    if not has_kanji(text):
        return [(text, "")]
    from sudachipy import tokenizer

    with _lock:
        morphemes = _tokenizer().tokenize(text, tokenizer.Tokenizer.SplitMode.C)
        if not has_digit(text):  # most texts: no number to reread
            return [(m.surface(), _reading(m)) for m in morphemes]
        words: list[Word] = []
        after_number = False
        for m in morphemes:
            surface = m.surface()
            # 助数詞 and 助数詞可能: the analyser's own tag for counters (日, 羽). Looked up only
            # after a number, as it costs as much as the rest of the analysis.
            counter = after_number and any(p.startswith("助数詞") for p in m.part_of_speech()[:3])
            words.append(Word(surface, _reading(m), counter))
            after_number = has_digit(surface)
    return reread(words)


def _reading(morpheme) -> str:
    surface = morpheme.surface()
    return WORD_READINGS.get(surface) or hiragana(morpheme.reading_form())


def _align(surface: str, reading: str) -> list[Segment]:
    """Split a word into kanji runs (with their part of the reading) and kana (without)."""
    if not has_kanji(surface) or not reading:
        return [Segment(surface)]
    parts = _KANJI_RUN.split(surface)  # kana, kanji, kana, kanji, … (kana may be "")
    pattern = "".join("(.+?)" if i % 2 else re.escape(hiragana(part))
                      for i, part in enumerate(parts))
    match = re.fullmatch(pattern, reading)
    if match is None:  # cannot align (e.g. irregular reading): the whole word gets it
        return [Segment(surface, reading, max(map(kanji_grade, _KANJI.findall(surface))))]
    segments, group = [], 1
    for i, part in enumerate(parts):
        if not part:
            continue
        if i % 2:
            grade = max(kanji_grade(c) for c in part if _KANJI.match(c))
            segments.append(Segment(part, match.group(group), grade))
            group += 1
        else:
            segments.append(Segment(part))
    return segments


def _merge_plain(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if not segment.reading and merged and not merged[-1].reading:
            merged[-1] = Segment(merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged

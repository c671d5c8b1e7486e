"""Folding: text in the form search compares, so that width, case and kana type do not matter.

`fold` is NFKC + casefold + katakana→hiragana; `fold_with_origins` also remembers where each
folded character came from, so a match found in folded text can be marked in the original.
Its own module because the search (feed/search.py) and the readings it searches
(reading/kana.py) both fold, and the search needs the readings: so imports go one way,
search → readings → folding.
"""

from __future__ import annotations

import functools
import unicodedata

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6  # ァ … ヶ
_KANA_SHIFT = 0x60  # ァ (U+30A1) - ぁ (U+3041)
# Voiced/semi-voiced marks that belong to the character before them (ｶﾞ → ガ).
_COMBINING_MARKS = {"\uff9e", "\uff9f", "\u3099", "\u309a", "\u309b", "\u309c"}

_KATAKANA_TO_HIRAGANA = {code: code - _KANA_SHIFT
                         for code in range(_KATAKANA_START, _KATAKANA_END + 1)}
_HIRAGANA_TO_KATAKANA = {code - _KANA_SHIFT: code
                         for code in range(_KATAKANA_START, _KATAKANA_END + 1)}


def _fold_chunk(chunk: str) -> str:
    return unicodedata.normalize("NFKC", chunk).casefold().translate(_KATAKANA_TO_HIRAGANA)


def fold(text: str) -> str:
    """The searchable form of `text`."""
    return _fold_chunk(text)


def fold_with_origins(text: str) -> tuple[str, list[int]]:
    """`text` folded, and for each folded character the index in `text` it came from.

    The list has one extra entry, len(text), so a match's end maps back too.
    """
    if unicodedata.is_normalized("NFKC", text) and len(text.casefold()) == len(text):
        # Already NFKC and case-folding keeps the length: folding maps 1:1 (the usual case
        # for Japanese text, and much faster than the walk below).
        return _fold_chunk(text), [*range(len(text) + 1)]
    folded: list[str] = []
    origins: list[int] = []
    start = 0
    while start < len(text):
        end = start + 1
        while end < len(text) and (text[end] in _COMBINING_MARKS
                                   or unicodedata.combining(text[end])):
            end += 1
        piece = _fold_chunk(text[start:end])
        folded.append(piece)
        origins.extend([start] * len(piece))
        start = end
    origins.append(len(text))
    return "".join(folded), origins


def fold_width_and_case(text: str) -> str:
    """NFKC + casefold only: the cheap part of `fold`, for the index."""
    return unicodedata.normalize("NFKC", text).casefold()


@functools.lru_cache(maxsize=1024)
def katakana(term: str) -> str:
    """A folded (hiragana) term in katakana: the index keeps kana as written."""
    return term.translate(_HIRAGANA_TO_KATAKANA)

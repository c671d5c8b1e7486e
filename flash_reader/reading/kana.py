"""Search by reading: text as kana (kanji words by their furigana readings), so 「じちたい」
finds 自治体 — for learners and children who type kana — and matches map back to the words.

Readings come from the per-process furigana cache (warmed in the background after each load),
so a reading search costs no analysis once the feed is warm.
"""

from __future__ import annotations

import functools
import re

from flash_reader.reading.cache import annotate
from flash_reader.reading.fold import fold

# A term searched by reading: hiragana (the search folds katakana to it) and the long-vowel mark.
_KANA_TERM = re.compile(r"^[\u3041-\u3096\u30fc]+$")


def is_kana(term: str) -> bool:
    return bool(_KANA_TERM.match(term))


@functools.lru_cache(maxsize=200_000)
def kana_form(text: str) -> tuple[str, tuple[tuple[int, int, int, int], ...]]:
    """`text` as kana, and for each of its words (start, end) in `text` and in the kana."""
    kana, words, start, kana_start = [], [], 0, 0
    for segment in annotate(text) or ():
        written = segment.reading or fold(segment.text)
        end, kana_end = start + len(segment.text), kana_start + len(written)
        words.append((start, end, kana_start, kana_end))
        kana.append(written)
        start, kana_start = end, kana_end
    if start != len(text):  # the analyser did not cover the text: no reading search here
        return "", ()
    return "".join(kana), tuple(words)


def reading_ranges(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where kana `terms` occur in the reading of `text`, as (start, end) ranges of `text`.
    A word matched in part is marked whole (its reading belongs to all of its kanji); kana
    and Latin words map character by character where folding kept their length."""
    kana, words = kana_form(text)
    ranges: list[tuple[int, int]] = []
    for term in terms:
        if not is_kana(term):
            continue
        at = kana.find(term)
        while at != -1:
            stop = at + len(term)
            first = last = None
            through_reading = False
            for start, end, kana_start, kana_end in words:
                if kana_end <= at or kana_start >= stop:
                    continue
                reading = _is_reading(text[start:end])
                through_reading |= reading
                one_to_one = not reading and end - start == kana_end - kana_start
                left = start + max(0, at - kana_start) if one_to_one else start
                right = end - max(0, kana_end - stop) if one_to_one else end
                first = left if first is None else first
                last = right
            # Matches in kana as written are the plain search's (exact to the character).
            if first is not None and through_reading:
                ranges.append((first, last))
            at = kana.find(term, stop)
    return ranges


def _is_reading(written: str) -> bool:
    # A word with kanji: its kana is a reading, not the same characters folded.
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch in "々〆ヵヶ"
               for ch in written)


def item_kana(texts) -> str:
    """The kana form of an item's searchable texts, one per line (no match across fields)."""
    return "\n".join(kana_form(text)[0] for text in texts)

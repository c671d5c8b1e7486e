"""Japanese-aware search: terms, matches to highlight, and the index of the loaded items.

Text is compared folded (reading/fold.py), so width, case and kana type do not matter; a
kana term is also looked for in the readings of kanji words (reading/kana.py). No word
boundaries are assumed (Japanese has none): a term matches anywhere.
"""

from __future__ import annotations

import dataclasses

from flash_reader.feed.model import Item
from flash_reader.reading.fold import fold, fold_width_and_case, fold_with_origins, katakana
from flash_reader.reading.furigana import has_kanji
from flash_reader.reading.kana import is_kana, item_kana, reading_ranges

MAX_QUERY_CHARS = 100


class Term(str):
    """A folded search term that remembers how it was typed (width and case folded only)."""

    typed: str

    def __new__(cls, folded: str, typed: str) -> Term:
        term = super().__new__(cls, folded)
        term.typed = typed
        return term


def terms_of(query: str) -> tuple[Term, ...]:
    """The folded, de-duplicated terms of a query; whitespace (any width) separates them."""
    seen: dict[str, Term] = {}
    for typed in fold_width_and_case(query[:MAX_QUERY_CHARS]).split():
        folded = fold(typed)
        seen.setdefault(folded, Term(folded, typed))
    return tuple(seen.values())


def match_ranges(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where any term occurs in `text` — as written, or (kana terms) in its reading — as
    merged (start, end) ranges of the original text."""
    if not terms or not text:
        return []
    ranges = []
    if any(term in fold(text) for term in terms):  # else the common case: nothing written
        folded, origins = fold_with_origins(text)
        for term in terms:
            at = folded.find(term)
            while at != -1:
                ranges.append((origins[at], _end_origin(origins, at + len(term))))
                at = folded.find(term, at + len(term))
    reading_terms = tuple(term for term in terms if by_reading(term))
    if reading_terms and has_kanji(text):
        ranges.extend(reading_ranges(text, reading_terms))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _end_origin(origins: list[int], folded_end: int) -> int:
    # The end is where the next original character starts (a chunk may fold to several).
    start_of_last = origins[folded_end - 1]
    for origin in origins[folded_end:]:
        if origin > start_of_last:
            return origin
    return origins[-1]


def split_marked(text: str, terms: tuple[str, ...]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_match) pieces, in order."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in match_ranges(text, terms):
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text) or not pieces:
        pieces.append((text[position:], False))
    return pieces


def by_reading(term: str) -> bool:
    """Whether `term` is also looked for in readings: typed in hiragana (a word typed in
    katakana, ウェビナー, means the katakana word; its reading search would only cost time)."""
    return is_kana(term) and is_kana(getattr(term, "typed", term))


@dataclasses.dataclass(frozen=True, slots=True)
class SearchIndex:
    """Each item's title, body, caption and office name, folded once when the feed loads.

    The index keeps kana as written (folding every character of every item was the slowest
    part of loading); instead each term is tried in hiragana and in katakana.
    """

    haystacks: dict[str, str]
    # Each item's texts as kana (for search by reading), filled the first time a kana term
    # does not match as written. A plain dict: items are immutable, so entries never change.
    kana: dict[str, str] = dataclasses.field(default_factory=dict)

    @classmethod
    def build(cls, items: tuple[Item, ...] | list[Item]) -> SearchIndex:
        return cls({item.id: fold_width_and_case(searchable_text(item)) for item in items})

    def matches(self, item: Item, terms: tuple[str, ...]) -> bool:
        return self.matcher(terms)(item)

    def matcher(self, terms: tuple[str, ...]):
        """A test for one query, its term variants worked out once (it runs per item)."""
        # The index keeps kana as written: try the term all in hiragana, all in katakana, and
        # as typed (so クレアのブース finds クレアのブース). Only a mixed-kana term typed in
        # the other kana (くれあのぶーす for クレアのブース) is missed — unless its reading
        # matches: a kana term is also looked for in the items' readings (じちたい → 自治体).
        variants = [(tuple({term, katakana(term), getattr(term, "typed", term)}), by_reading(term),
                     term) for term in terms]

        def test(item: Item) -> bool:
            haystack = self.haystacks.get(item.id)
            if haystack is None:
                haystack = fold_width_and_case(searchable_text(item))
            for written, kana, term in variants:
                if not any(v in haystack for v in written) and not (
                        kana and term in self._kana(item)):
                    return False
            return True
        return test

    def _kana(self, item: Item) -> str:
        found = self.kana.get(item.id)
        if found is None:
            found = self.kana[item.id] = item_kana(item_texts(item))
        return found


def item_texts(item: Item) -> tuple[str, ...]:
    """An item's searchable texts as the furigana cache keeps them (one per span)."""
    caption = item.photo.caption if item.photo else ""
    spans = tuple(span.text for paragraph in item.paragraphs for span in paragraph)
    return (item.title, *spans, caption, item.office.name)


def searchable_text(item: Item) -> str:
    body = "\n".join("".join(span.text for span in paragraph) for paragraph in item.paragraphs)
    caption = item.photo.caption if item.photo else ""
    # A newline between fields so a term never matches across two of them.
    return "\n".join((item.title, body, caption, item.office.name))

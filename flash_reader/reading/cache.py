"""Furigana computed once per text and kept for the life of the process.

The store's items are immutable, so a text's annotation never changes; `warm` fills the cache
in the background right after a feed page loads, so no reader ever waits for the analyser.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Iterable

from flash_reader.feed.model import Item
from flash_reader.reading import furigana

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=500_000)
def annotate(text: str) -> tuple[furigana.Segment, ...]:
    return furigana.annotate(text)


def item_texts(item: Item) -> Iterable[str]:
    yield item.title
    yield item.office.name
    if item.photo and item.photo.caption:
        yield item.photo.caption
    for paragraph in item.paragraphs:
        for span in paragraph:
            yield span.text


def warm(items: Iterable[Item]) -> int:
    """Annotate every text of `items` (already cached ones cost nothing). Returns the count."""
    started = time.perf_counter()
    count = 0
    for item in items:
        for text in item_texts(item):
            annotate(text)
        count += 1
    log.info("furigana for %d items in %.2f s", count, time.perf_counter() - started)
    return count

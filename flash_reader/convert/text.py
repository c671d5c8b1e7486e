"""The bulletin as text (the page copied from the browser, or typed by staff) → lines."""

from __future__ import annotations

from collections.abc import Iterator

from flash_reader.convert.items import Line, clean
from flash_reader.convert.model import Where


def lines(text: str) -> Iterator[Line]:
    """One Line per line of `text`, numbered from 1. A table copied as text puts its cells on
    one line separated by tabs: each cell becomes a line of its own (same number)."""
    for number, raw in enumerate(text.splitlines(), start=1):
        where = Where(number)
        cells = raw.split("\t")
        for cell in cells:
            cleaned = clean(cell)
            if cleaned or len(cells) == 1:
                yield Line(cleaned, where)

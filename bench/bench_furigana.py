"""Furigana for a 10,000-item archive: time and memory. Prints numbers; not a test.

    .venv/bin/python -m bench.bench_furigana [--items 10000]

The synthetic archive repeats the seed's sentences, so two numbers are given: the analyser
on every item's text with no cache (the cost of 10,000 distinct items), and `warm` as the app
runs it (the process-wide cache makes repeated texts free).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

from bench.synthetic import synthetic_feed
from flash_reader.feed.parse import parse
from flash_reader.reading import cache, furigana


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    feed = parse(synthetic_feed(args.items))
    texts = [text for item in feed.items for text in cache.item_texts(item)]
    characters = sum(map(len, texts))
    furigana.annotate("準備")  # load the dictionary outside the timings
    started = time.perf_counter()
    segments = sum(len(furigana.annotate(text)) for text in texts)
    uncached = time.perf_counter() - started
    tracemalloc.start()
    started = time.perf_counter()
    cache.warm(feed.items)
    warm = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{len(feed.items):,} items, {len(texts):,} texts, {characters:,} characters, "
          f"{segments:,} segments")
    print(f"{'analyser, no cache (10,000 distinct items)':<46}{uncached:>8.2f} s "
          f"({1000 * uncached / len(feed.items):.2f} ms/item, "
          f"{characters / uncached:,.0f} chars/s)")
    print(f"{'warm() as the app runs it (cached texts)':<46}{warm:>8.2f} s")
    print(f"{'memory held by the cache (tracemalloc peak)':<46}{peak / 2**20:>8.1f} MB "
          f"({cache.annotate.cache_info().currsize:,} distinct texts)")


if __name__ == "__main__":
    main()

"""Load and index the whole demo archive from a real local HTTP server. Prints numbers.

    .venv/bin/python -m bench.bench_archive [--years 15 --issues-per-year 24 --page-size 50]

Reports: first page (fetch + parse + index: what start-up waits for), every page, memory
(tracemalloc peak of the load, and the process's RSS growth).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from flash_reader.demo import ArchiveShape, write_archive
from flash_reader.store import FeedStore
from tests.feed.httpserver import feed_server


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument("--issues-per-year", type=int, default=24)
    parser.add_argument("--items", type=int, default=7)
    parser.add_argument("--page-size", type=int, default=50)
    args = parser.parse_args()
    shape = ArchiveShape(args.years, args.issues_per_year, args.items, args.page_size)

    with tempfile.TemporaryDirectory() as tmp, feed_server() as server:
        pages = write_archive(Path(tmp) / "archive", shape)
        server.serve_directory(Path(tmp) / "archive")
        store = FeedStore(Path(tmp) / "cache")
        rss_before = rss_mb()
        tracemalloc.start()
        t0 = time.perf_counter()
        store.load(server.url("/feed.json"))
        first = time.perf_counter() - t0
        snapshot = store.load_archive()
        total = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after = rss_mb()
        t1 = time.perf_counter()
        store.load(server.url("/feed.json"))  # a refresh: conditional GET, 304
        refresh = time.perf_counter() - t1

    print(f"archive: {len(pages)} pages, {len(snapshot.items):,} items, "
          f"{len(snapshot.feed.offices)} offices (sample data)")
    print(f"{'first page (fetch+parse+index)':<36}{1000 * first:>9.1f} ms")
    print(f"{'whole archive (all pages)':<36}{1000 * total:>9.1f} ms  "
          f"({len(snapshot.items) / total:,.0f} items/s)")
    print(f"{'refresh of page 1 (304)':<36}{1000 * refresh:>9.1f} ms")
    print(f"{'tracemalloc peak during load':<36}{peak / 2**20:>9.1f} MB")
    print(f"{'process RSS growth':<36}{rss_after - rss_before:>9.1f} MB")


if __name__ == "__main__":
    main()

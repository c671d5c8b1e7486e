"""`flash-reader`: the staff command line.

    flash-reader convert BULLETIN.txt > feed.json
    flash-reader validate [--all] PATH_OR_URL
    flash-reader accept [--cache-dir DIR] URL
    flash-reader demo-archive OUTDIR
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from flash_reader.convert import ConversionError, convert
from flash_reader.feed.archive import DEFAULT_MAX_PAGES, merge, next_page_url
from flash_reader.feed.errors import FeedError
from flash_reader.feed.page import Page
from flash_reader.feed.page_cache import ACCEPT_SECONDS, PageCache
from flash_reader.feed.page_loader import PageLoader
from flash_reader.feed.query import issue_dates


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # The loader logs each skipped item for the app's log; here they are printed as notes.
    logging.basicConfig(level=logging.ERROR, format="flash-reader: %(message)s")
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flash-reader", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    conv = commands.add_parser("convert", help="turn a bulletin's text into a JSON Feed (stdout)")
    conv.add_argument("bulletin", type=Path, help="the bulletin as text (UTF-8)")
    conv.add_argument("--photo-base-url", help="URL the photo file names are relative to")
    conv.add_argument("--feed-url", help="where the feed will be published (its feed_url)")
    conv.set_defaults(run=_convert)

    val = commands.add_parser("validate", help="load a feed as the app does and summarise it")
    val.add_argument("source", help="a local path or an http(s) URL")
    val.add_argument("--all", action="store_true",
                     help="follow next_url through the whole archive (progress on stderr)")
    val.add_argument("--max-pages", type=_at_least_one, default=DEFAULT_MAX_PAGES,
                     help=f"the most pages followed with --all (default {DEFAULT_MAX_PAGES})")
    val.set_defaults(run=_validate)

    acc = commands.add_parser(
        "accept", help="let the app take a page that lost most of its items (once)")
    acc.add_argument("url", help="the page's URL, exactly as the app loads it (FLASH_FEED_URL)")
    acc.add_argument("--cache-dir", type=Path,
                     help="the app's cache (default: FLASH_CACHE_DIR, else var/cache)")
    acc.set_defaults(run=_accept)

    demo = commands.add_parser("demo-archive",
                               help="write a paginated sample archive (clearly marked as such)")
    demo.add_argument("outdir", type=Path)
    demo.add_argument("--years", type=int, default=15)
    demo.add_argument("--issues-per-year", type=int, default=24)
    demo.add_argument("--items", type=int, default=7, help="items per issue")
    demo.add_argument("--page-size", type=int, default=50)
    demo.set_defaults(run=_demo_archive)
    return parser


def _convert(args: argparse.Namespace) -> int:
    try:
        text = args.bulletin.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"flash-reader: cannot read {args.bulletin}: {exc}", file=sys.stderr)
        return 1
    try:
        feed = convert(text, photo_base_url=args.photo_base_url, feed_url=args.feed_url)
    except ConversionError as exc:
        print(f"flash-reader: {args.bulletin}: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(dump_feed(feed))
    return 0


def _demo_archive(args: argparse.Namespace) -> int:
    from flash_reader.demo import ArchiveShape, write_archive

    if min(args.years, args.issues_per_year, args.items, args.page_size) < 1:
        print("flash-reader: every count must be at least 1", file=sys.stderr)
        return 1
    shape = ArchiveShape(args.years, args.issues_per_year, args.items, args.page_size)
    try:
        paths = write_archive(args.outdir, shape)
    except OSError as exc:
        print(f"flash-reader: cannot write to {args.outdir}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(paths)} pages, {shape.total_items} items (sample data) to {args.outdir}; "
          f"serve the folder and point FLASH_FEED_URL at {paths[0].name}")
    return 0


def dump_feed(feed: dict) -> str:
    """The canonical text of a generated feed (what `assets/feeds/default.json` holds)."""
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def _validate(args: argparse.Namespace) -> int:
    loader = PageLoader(PageCache(None))  # exactly the app's loading, without its cache
    pages: list[Page] = []
    url: str | None = args.source
    try:
        while url:
            page = loader.load(url)
            pages.append(page)
            if not args.all:
                break
            print(f"page {len(pages)}: {_count(len(page.feed.items), 'item')}", file=sys.stderr,
                  flush=True)
            url = next_page_url(tuple(pages), args.max_pages)
    except FeedError as exc:
        where = f"page {len(pages) + 1}: " if args.all and pages else ""
        print(f"invalid: {where}{exc}", file=sys.stderr)
        return 1
    feed = merge(tuple(pages))
    for note in feed.notes:
        print(f"note: {note}", file=sys.stderr)
    if not args.all and feed.next_url:
        print(f"note: older pages follow ({feed.next_url}); add --all to check them too",
              file=sys.stderr)
    offices = ", ".join(office.code for office in feed.offices) or "none"
    counted = f", {_count(len(pages), 'page')}" if args.all else ""
    print(f"ok: {args.source}: {_count(len(feed.items), 'item')}, "
          f"{_count(len(issue_dates(feed)), 'issue')}, "
          f"{_count(len(feed.offices), 'office')} ({offices}){counted}")
    return 0


def _at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _accept(args: argparse.Namespace) -> int:
    from flash_reader import config

    directory = args.cache_dir or config.cache_dir()
    if directory is None:
        print("flash-reader: the cache is off (FLASH_CACHE_DIR=off): nothing is kept, so a "
              "restart of the app takes the new page", file=sys.stderr)
        return 1
    cache = PageCache(directory)
    record = cache.read_metadata(args.url)
    if record is None:
        print(f"flash-reader: {directory} holds no copy of {args.url}; give the URL exactly as "
              "the app loads it, and the app's --cache-dir", file=sys.stderr)
        return 1
    try:
        cache.accept(args.url)
    except OSError as exc:
        print(f"flash-reader: cannot write to {directory}: {exc}", file=sys.stderr)
        return 1
    kept = "" if record.items is None else f" ({_count(record.items, 'item')})"
    print(f"accepted: the next load of {args.url} replaces the kept copy{kept} even if it has "
          f"far fewer items — once, within {ACCEPT_SECONDS // 3600} hours")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

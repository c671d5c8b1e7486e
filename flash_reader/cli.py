"""`flash-reader`: the staff command line.

    flash-reader convert BULLETIN.txt > feed.json
    flash-reader validate PATH_OR_URL
    flash-reader demo-archive OUTDIR
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from flash_reader.convert import ConversionError, convert
from flash_reader.feed.errors import FeedError
from flash_reader.feed.load import load_feed
from flash_reader.feed.query import issue_dates


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
    val.set_defaults(run=_validate)

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
    try:
        feed = load_feed(args.source)
    except FeedError as exc:
        print(f"invalid: {exc}", file=sys.stderr)
        return 1
    for note in feed.notes:
        print(f"note: {note}", file=sys.stderr)
    offices = ", ".join(office.code for office in feed.offices) or "none"
    print(f"ok: {args.source}: {len(feed.items)} items, {len(issue_dates(feed))} issues, "
          f"{len(feed.offices)} offices ({offices})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

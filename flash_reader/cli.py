"""`flash-reader`: the staff command line.

    flash-reader convert BULLETIN.html|BULLETIN.txt|URL [--preview] [--strict] > feed.json
    flash-reader import FOLDER_OR_URL... --out DIR
    flash-reader validate [--all] PATH_OR_URL
    flash-reader accept [--cache-dir DIR] URL
    flash-reader demo-archive OUTDIR
    flash-reader audit URL [--seed N] [--random N] [--out DIR] [--human FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from flash_reader.feed.archive import DEFAULT_MAX_PAGES, archive_origins, merge, next_page_url
from flash_reader.feed.errors import KIND_SUMMARY, FeedError, kind
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

    conv = commands.add_parser("convert", help="turn one bulletin issue into a JSON Feed (stdout)")
    conv.add_argument("bulletin", help="the page (.html, saved from the browser), its text "
                      "(UTF-8), or the page's http(s) URL")
    conv.add_argument("--page-url", help="the address a saved page came from (resolves its "
                      "photos; default: what the page itself says)")
    conv.add_argument("--photo-base-url", help="URL the text's photo file names are relative to")
    conv.add_argument("--feed-url", help="where the feed will be published (its feed_url)")
    conv.add_argument("-o", "--output", type=Path,
                      help="write the feed to this file (whole or not at all) instead of stdout")
    conv.add_argument("--strict", action="store_true",
                      help="an item whose office is not written is an error, not a guess")
    conv.add_argument("--preview", action="store_true",
                      help="print a table of the items and write nothing")
    conv.set_defaults(run=_convert)

    imp = commands.add_parser("import", help="convert many issues into a paginated feed")
    imp.add_argument("sources", nargs="+", help="folders (their .html/.htm/.txt files), files "
                     "or http(s) URLs of bulletin pages")
    imp.add_argument("--out", type=Path, required=True,
                     help="the folder for feed.json, feed-2.json, … (and the resumable state)")
    imp.add_argument("--page-size", type=_at_least_one, default=50,
                     help="items per page (default 50; an issue is never split)")
    imp.add_argument("--feed-url", help="where feed.json will be published (its feed_url)")
    imp.add_argument("--strict", action="store_true",
                     help="an item whose office is not written is an error, not a guess")
    imp.set_defaults(run=_import)

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

    aud = commands.add_parser("audio", help="make the audio of the archive's articles")
    aud.add_argument("source", nargs="?", help="the feed (default: FLASH_FEED_URL)")
    aud.add_argument("--all", action="store_true", help="follow next_url through the archive")
    aud.add_argument("--since", type=dt.date.fromisoformat, help="first issue date, YYYY-MM-DD")
    aud.add_argument("--until", type=dt.date.fromisoformat, help="last issue date, YYYY-MM-DD")
    aud.add_argument("--audio-dir", type=Path, help="default: FLASH_AUDIO_DIR, else var/audio")
    aud.set_defaults(run=_audio)

    demo = commands.add_parser("demo-archive",
                               help="write a paginated sample archive (clearly marked as such)")
    demo.add_argument("outdir", type=Path)
    demo.add_argument("--years", type=int, default=15)
    demo.add_argument("--issues-per-year", type=int, default=24)
    demo.add_argument("--items", type=int, default=7, help="items per issue")
    demo.add_argument("--page-size", type=int, default=50)
    demo.set_defaults(run=_demo_archive)

    aud = commands.add_parser("audit", help="test the deployment's pages the WAIC way "
                              "(needs pip install 'flash-reader[audit]' and Chromium)")
    aud.add_argument("url", help="the deployment's origin, e.g. https://flash.example.lg.jp")
    aud.add_argument("--seed", type=int, default=None,
                     help="the random sample's seed (default: today's date as YYYYMMDD)")
    aud.add_argument("--random", type=int, default=25, dest="random_pages",
                     help="pages drawn at random from the archive (default 25, as WAIC)")
    aud.add_argument("--page-seconds", type=float, default=30.0,
                     help="the most time one page may take (default 30)")
    aud.add_argument("--total-seconds", type=float, default=1800.0,
                     help="the most time the whole audit may take (default 1800)")
    aud.add_argument("--out", type=Path, help="where the record and report go "
                     "(default: FLASH_AUDIT_DIR, else var/audit)")
    aud.add_argument("--human", type=Path, help="the staff's human-check record (default: "
                     "FLASH_AUDIT_HUMAN, else human.toml in the audit folder)")
    aud.set_defaults(run=_audit)
    return parser


def _convert(args: argparse.Namespace) -> int:
    """Exit 0: every item converted; 2: the feed was written but something was skipped;
    1: nothing could be converted."""
    from flash_reader.convert import (
        ConversionError,
        SourceError,
        convert_source,
        read,
        to_feed,
    )
    from flash_reader.convert.archive import atomic_text
    from flash_reader.convert.preview import table

    try:
        issue = convert_source(read(args.bulletin), page_url=args.page_url, strict=args.strict)
    except SourceError as exc:
        print(f"flash-reader: cannot read {args.bulletin}: {exc}", file=sys.stderr)
        return 1
    except ConversionError as exc:
        print(f"flash-reader: {args.bulletin}: {exc}", file=sys.stderr)
        return 1
    for problem in issue.problems:
        print(f"flash-reader: {args.bulletin}: {problem}", file=sys.stderr)
    if args.preview:
        sys.stdout.write(table(issue))
        return 2 if issue.errors else 0
    if not issue.items:
        print(f"flash-reader: {args.bulletin}: no item could be converted; nothing written",
              file=sys.stderr)
        return 1
    text = dump_feed(to_feed(issue, photo_base_url=args.photo_base_url, feed_url=args.feed_url))
    if args.output:
        try:
            atomic_text(args.output, text)
        except OSError as exc:
            print(f"flash-reader: cannot write {args.output}: {exc}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    if issue.errors:
        print(f"flash-reader: {args.bulletin}: {_count(len(issue.items), 'item')} converted, "
              f"{_count(len(issue.errors), 'problem')} above skipped", file=sys.stderr)
        return 2
    return 0


def _import(args: argparse.Namespace) -> int:
    """Exit 0: everything imported; 2: pages written, something skipped; 1: nothing written."""
    from flash_reader.convert import ConversionError
    from flash_reader.convert.archive import REPORT, ProgressBar, import_archive, sources_of

    def report(line: str) -> None:
        print(f"\nflash-reader: {line}" if sys.stderr.isatty() else f"flash-reader: {line}",
              file=sys.stderr)

    try:
        sources = sources_of(args.sources)
        summary = import_archive(sources, args.out, page_size=args.page_size,
                                 strict=args.strict, feed_url=args.feed_url,
                                 progress=ProgressBar(sys.stderr), report=report)
    except ConversionError as exc:
        print(f"flash-reader: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"flash-reader: cannot write to {args.out}: {exc}", file=sys.stderr)
        return 1
    kinds = ", ".join(f"{kind} {n:,}" for kind, n in sorted(summary.by_kind.items())) or "none"
    reused = f" ({summary.reused:,} from the last run)" if summary.reused else ""
    print(f"imported {_count(summary.issues, 'issue')}{reused}, "
          f"{_count(summary.items, 'item')} into {_count(summary.pages, 'page')} in {args.out}; "
          f"problems: {kinds} (each one in {args.out / REPORT})")
    if not summary.issues:
        return 1
    return 2 if summary.skipped_anything else 0


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
            page = loader.load(url, origins=archive_origins(tuple(pages)) if pages else None)
            pages.append(page)
            if not args.all:
                break
            print(f"page {len(pages)}: {_count(len(page.feed.items), 'item')}", file=sys.stderr,
                  flush=True)
            url = next_page_url(tuple(pages), args.max_pages)
    except FeedError as exc:
        where = f"page {len(pages) + 1}: " if args.all and pages else ""
        print(f"invalid: {where}{KIND_SUMMARY[kind(exc)]}: {exc}", file=sys.stderr)
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


def _audio(args: argparse.Namespace) -> int:
    from flash_reader import config
    from flash_reader.speech.article import article_sentences
    from flash_reader.speech.store import AudioStore, key

    loader = PageLoader(PageCache(None))
    pages: list[Page] = []
    url: str | None = args.source or config.feed_source()
    try:
        while url:
            pages.append(loader.load(url, origins=archive_origins(tuple(pages)) if pages else None))
            url = next_page_url(tuple(pages), DEFAULT_MAX_PAGES) if args.all else None
    except FeedError as exc:
        print(f"invalid: {KIND_SUMMARY[kind(exc)]}: {exc}", file=sys.stderr)
        return 1
    items = [item for item in merge(tuple(pages)).items
             if (args.since is None or (item.issue_date and item.issue_date >= args.since))
             and (args.until is None or (item.issue_date and item.issue_date <= args.until))]
    store = AudioStore(args.audio_dir or config.audio_dir(), config.audio_max_bytes())
    counts = {"made": 0, "kept": 0, "silent": 0, "failed": 0}
    seconds = 0.0
    for done, item in enumerate(items, 1):
        sentences = article_sentences(item)
        if not sentences:
            counts["silent"] += 1
        elif store.record(key(sentences)) is not None:
            counts["kept"] += 1
        else:
            try:
                seconds += store.make(sentences).seconds
                counts["made"] += 1
            except Exception as exc:  # one bad article never stops the run
                counts["failed"] += 1
                print(f"\nfailed: {item.id}: {exc!r}", file=sys.stderr)
        bar = "#" * (30 * done // len(items))
        print(f"\r[{bar:<30}] {done}/{len(items)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print(f"audio: {_count(len(items), 'article')}: {counts['made']} made "
          f"({seconds / 60:.1f} min of speech), {counts['kept']} already made, "
          f"{counts['silent']} with nothing to say, {counts['failed']} failed")
    return 1 if counts["failed"] else 0


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



def _audit(args: argparse.Namespace) -> int:
    """Exit 0: every page tested; 2: written, but a page errored or timed out (the previous
    good record stays the statement's); 1: nothing tested."""
    import datetime as dt

    import httpx

    from flash_reader import config
    from flash_reader.audit import checklist
    from flash_reader.audit.run import AuditError, Settings, check_pages, plan, record_of, write

    seed = args.seed if args.seed is not None else int(dt.date.today().strftime("%Y%m%d"))
    settings = Settings(args.url.rstrip("/"), seed, args.random_pages, args.page_seconds,
                        args.total_seconds)
    human_path = args.human or config.human_record()
    checks, problems = checklist.read_human(human_path)
    for problem in problems:
        print(f"flash-reader: {human_path}: {problem}", file=sys.stderr)
    try:
        pages = plan(settings)
        results, tools = check_pages(settings, pages)
    except AuditError as exc:
        print(f"flash-reader: audit: {exc}", file=sys.stderr)
        return 1
    except httpx.HTTPError as exc:
        print(f"flash-reader: audit: cannot read {settings.base}: {exc}", file=sys.stderr)
        return 1
    record = record_of(settings, results, tools)
    json_path, html_path = write(record, args.out or config.audit_dir(),
                                 checklist.report(record, checks))
    print(f"record: {json_path}\nreport: {html_path}")
    sys.stdout.write(checklist.text(record, checks))
    failed = [p for p in results if p["status"] != "ok"]
    for page in failed:
        print(f"flash-reader: audit: {page['path']}: {page['status']}: {page.get('error')}; "
              "the previous good record stays the statement's", file=sys.stderr)
    return 2 if failed or problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

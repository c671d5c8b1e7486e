"""`flash-reader import`: many issues → one paginated feed (`feed.json`, `feed-2.json`, …).

- Newest issue first; a page holds whole issues only (up to `page_size` items, more only when
  one issue alone is larger), linked by relative `next_url`.
- Resumable: each converted issue is kept in `OUT/.import/` under a key of its source (path,
  size and modification time, or URL) and the converter's rules; a rerun after an interruption
  converts only what is missing. Ids come from the issue date and the item's place in it, so
  a redone import gives every item the same id.
- Nothing is written half: every file is written to a temporary name and renamed; the first
  page is written last, so a reader never follows a `next_url` to a page not yet there.
- Memory is bounded by one issue and one page: converted issues wait on disk, not in memory.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import httpx

from flash_reader.convert.feed import feed_head, feed_items, offices
from flash_reader.convert.model import ConversionError, Kind, Where, describe
from flash_reader.convert.source import convert_source, read
from flash_reader.feed.fetch import is_remote

STATE_DIR = ".import"
REPORT = "import-report.txt"
# Bump when the converter's output changes, so a rerun converts every issue again.
RULES_VERSION = "26.1"
SUFFIXES = (".html", ".htm", ".txt")


@dataclasses.dataclass(slots=True)
class Entry:
    """One converted issue, as kept in memory: what is needed to order and page it."""

    source: str
    date: str
    items: int
    path: Path


@dataclasses.dataclass(slots=True)
class Summary:
    issues: int = 0
    items: int = 0
    pages: int = 0
    reused: int = 0  # issues taken from an earlier run's state
    by_kind: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    failed_sources: int = 0

    @property
    def skipped_anything(self) -> bool:
        return any(Kind(kind).is_error for kind in self.by_kind)


def sources_of(arguments: Iterable[str]) -> list[str]:
    """Each URL and file as given; each folder's bulletins (.html, .htm, .txt, recursively,
    in name order). Raises ConversionError for a path that does not exist."""
    found: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if is_remote(argument) or path.is_file():
            found.append(argument)
        elif path.is_dir():
            found.extend(str(p) for p in sorted(path.rglob("*"))
                         if p.suffix.lower() in SUFFIXES and p.is_file()
                         and STATE_DIR not in p.parts)
        else:
            raise ConversionError(None, f"{argument}: no such file or folder")
    return found


def import_archive(sources: list[str], out: Path, *, page_size: int = 50,
                   strict: bool = False, feed_url: str | None = None,
                   progress: Callable[[int, int, str], None] | None = None,
                   transport: httpx.BaseTransport | None = None,
                   report: Callable[[str], None] | None = None) -> Summary:
    """Convert every source and write the pages to `out`. Problems go to `report` (one line
    each) and OUT/import-report.txt; the summary counts them by kind."""
    state = out / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    summary = Summary()
    entries: list[Entry] = []
    problems_file = out / REPORT
    with _atomic(problems_file) as log:
        def tell(source: str, kind: Kind, where: str, message: str) -> None:
            line = f"{source}: {describe(kind, where, message)}"
            log.write(line + "\n")
            if report and kind.is_error:
                report(line)

        for done, source in enumerate(sources, start=1):
            if progress:
                progress(done - 1, len(sources), source)
            entry = _one(source, state, strict, transport, summary, tell)
            if entry:
                entries.append(entry)
        if progress:
            progress(len(sources), len(sources), "")
        entries = _unique_dates(entries, summary, tell)
    summary.issues = len(entries)
    summary.items = sum(entry.items for entry in entries)
    summary.pages = _write_pages(entries, out, page_size, feed_url)
    return summary


def _one(source: str, state: Path, strict: bool, transport: httpx.BaseTransport | None,
         summary: Summary, tell: Callable[[str, Kind, str, str], None]) -> Entry | None:
    key = _key(source, strict)
    kept = state / f"{key}.json"
    record = _load(kept)
    if record is not None:
        summary.reused += 1
    else:
        try:
            issue = convert_source(read(source, transport=transport), strict=strict)
        except ConversionError as error:
            summary.failed_sources += 1
            summary.by_kind[Kind.ISSUE_SKIPPED] += 1
            tell(source, Kind.ISSUE_SKIPPED, str(error.where or Where()), error.message)
            return None
        record = {"source": source, "date": issue.date.isoformat(),
                  "offices": offices([issue]), "items": feed_items(issue),
                  "problems": [[str(p.kind), str(p.where), p.message] for p in issue.problems]}
        with _atomic(kept) as file:
            json.dump(record, file, ensure_ascii=False)
    for kind, where, message in record["problems"]:
        summary.by_kind[kind] += 1
        tell(source, Kind(kind), where, message)
    if not record["items"]:
        return None
    return Entry(source, record["date"], len(record["items"]), kept)


def _unique_dates(entries: list[Entry], summary: Summary,
                  tell: Callable[[str, Kind, str, str], None]) -> list[Entry]:
    # Ids are date-based: two sources for one date would collide; the first one given wins.
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.date in seen:
            summary.by_kind[Kind.ISSUE_SKIPPED] += 1
            tell(entry.source, Kind.ISSUE_SKIPPED, str(Where()), f"the issue of {entry.date} "
                 f"is already imported from {seen[entry.date].source}")
            continue
        seen[entry.date] = entry
    return sorted(seen.values(), key=lambda e: e.date, reverse=True)


def pages_of(entries: list[Entry], page_size: int) -> list[list[Entry]]:
    """Whole issues per page, up to `page_size` items (one larger issue gets a page alone)."""
    pages: list[list[Entry]] = []
    count = 0
    for entry in entries:
        if pages and count + entry.items <= page_size:
            pages[-1].append(entry)
            count += entry.items
        else:
            pages.append([entry])
            count = entry.items
    return pages


def page_name(number: int) -> str:
    return "feed.json" if number == 1 else f"feed-{number}.json"


def _write_pages(entries: list[Entry], out: Path, page_size: int,
                 feed_url: str | None) -> int:
    pages = pages_of(entries, page_size)
    all_offices: dict[str, dict[str, str]] = {}
    for entry in entries:  # small: a few offices per issue, read again page by page below
        for office in _load(entry.path)["offices"]:  # type: ignore[index]
            all_offices.setdefault(office["code"], office)
    newest, oldest = (entries[0].date, entries[-1].date) if entries else ("", "")
    description = (f"CLAIR（自治体国際化協会）海外事務所フラッシュ {oldest}〜{newest} "
                   f"（{len(entries)}号）")
    # Oldest first, the first page last: every next_url points at a page already written.
    for number in range(len(pages), 0, -1):
        page = feed_head(description, feed_url if number == 1 else None)
        page["_flash"] = {"offices": list(all_offices.values())}
        if number < len(pages):
            page["next_url"] = page_name(number + 1)
        page["items"] = [item for entry in pages[number - 1]
                         for item in _load(entry.path)["items"]]  # type: ignore[index]
        with _atomic(out / page_name(number)) as file:
            file.write(json.dumps(page, ensure_ascii=False, indent=1) + "\n")
    for stale in _stale_pages(out, len(pages)):
        stale.unlink()  # a smaller archive than last time: its old tail is no longer linked
    return len(pages)


def _stale_pages(out: Path, count: int) -> Iterator[Path]:
    for path in out.glob("feed-*.json"):
        number = path.stem.removeprefix("feed-")
        if number.isdigit() and int(number) > count:
            yield path


def _key(source: str, strict: bool) -> str:
    identity = source
    if not is_remote(source):
        info = Path(source).stat()
        identity = f"{Path(source).resolve()}\0{info.st_size}\0{info.st_mtime_ns}"
    text = f"{RULES_VERSION}\0{strict}\0{identity}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _load(path: Path) -> dict[str, Any] | None:
    try:
        with path.open(encoding="utf-8") as file:
            record = json.load(file)
    except (OSError, ValueError):
        return None  # missing or damaged (a crash cannot leave half a file, a hand can)
    return record if isinstance(record, dict) and "items" in record else None


def atomic_text(path: Path, text: str) -> None:
    with _atomic(path) as file:
        file.write(text)


class _atomic:  # lower case: used like open()
    """Write a text file under a temporary name in its folder, renamed into place on success."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> TextIO:
        handle, self._temp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.",
                                              suffix=".tmp")
        self._file = os.fdopen(handle, "w", encoding="utf-8")
        return self._file

    def __exit__(self, kind: object, *_: object) -> None:
        self._file.close()
        if kind is None:
            os.replace(self._temp, self.path)
        else:
            os.unlink(self._temp)


class ProgressBar:
    """`[#####-----]  120/400 issues` on stderr: redrawn in place on a terminal, a line per
    tenth otherwise (a log file gets no carriage returns)."""

    WIDTH = 30

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._tenth = -1

    def __call__(self, done: int, total: int, _source: str) -> None:
        filled = self.WIDTH * done // total if total else self.WIDTH
        line = f"[{'#' * filled}{'-' * (self.WIDTH - filled)}] {done:>5,}/{total:,} issues"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if done == total else ""))
        elif (tenth := 10 * done // total if total else 10) != self._tenth:
            self._tenth = tenth
            self.stream.write(line + "\n")
        self.stream.flush()

"""A paginated demo archive for tests and benchmarks — plainly labelled as sample data.

    flash-reader demo-archive OUTDIR --years 15 --issues-per-year 24 --items 7 --page-size 50

Writes `feed.json` (newest) and `feed-2.json`, `feed-3.json`, … linked by relative `next_url`,
so the folder can be served from anywhere. Sentences come from the bundled seed issue.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from flash_reader.config import BUNDLED_FEED

SAMPLE_TITLE = "海外事務所フラッシュ（サンプルデータ）"
SAMPLE_NOTICE = "これは表示確認用のサンプルデータです。実際の配信ではありません。"


@dataclasses.dataclass(frozen=True)
class ArchiveShape:
    years: int = 15
    issues_per_year: int = 24
    items_per_issue: int = 7
    page_size: int = 50
    latest: dt.date = dt.date(2025, 12, 31)  # whole years: every year has all its issues

    @property
    def total_items(self) -> int:
        return self.years * self.issues_per_year * self.items_per_issue


def issue_dates(shape: ArchiveShape) -> list[dt.date]:
    """Newest first: `issues_per_year` evenly spaced dates in each of the last `years` years."""
    dates = []
    for year_offset in range(shape.years):
        year = shape.latest.year - year_offset
        for n in range(shape.issues_per_year):
            day_of_year = 1 + (n * 365) // shape.issues_per_year
            date = dt.date(year, 1, 1) + dt.timedelta(days=day_of_year - 1)
            if date <= shape.latest:
                dates.append(date)
    return sorted(dates, reverse=True)


def archive_items(shape: ArchiveShape) -> list[dict[str, Any]]:
    seed = json.loads(BUNDLED_FEED.read_text(encoding="utf-8"))
    items = []
    for date in issue_dates(shape):
        for position in range(shape.items_per_issue):
            source = seed["items"][(date.toordinal() + position) % len(seed["items"])]
            flash = {**source["_flash"], "issue_date": date.isoformat()}
            flash.pop("link_lost", None)
            items.append({
                "id": f"sample-{date.isoformat()}-{position + 1:02d}",
                "title": f"【サンプル】{source['title']}",
                "content_text": SAMPLE_NOTICE + "\n\n" + source["content_text"],
                "date_published": f"{date.isoformat()}T00:00:00+09:00",
                "language": "ja",
                "_flash": flash,
            })
    return items


def write_archive(directory: Path, shape: ArchiveShape = ArchiveShape()) -> list[Path]:
    """Write the pages; returns their paths, newest first."""
    seed = json.loads(BUNDLED_FEED.read_text(encoding="utf-8"))
    items = archive_items(shape)
    chunks = [items[i:i + shape.page_size] for i in range(0, len(items), shape.page_size)]
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, chunk in enumerate(chunks, start=1):
        page: dict[str, Any] = {
            "version": seed["version"],
            "title": SAMPLE_TITLE,
            "home_page_url": seed["home_page_url"],
            "feed_url": "feed.json",
            "description": f"{SAMPLE_NOTICE} {shape.years}年分、{len(items)}件。",
            "language": "ja",
            "_flash": seed["_flash"],
            "items": chunk,
        }
        if number < len(chunks):
            page["next_url"] = page_name(number + 1)
        path = directory / page_name(number)
        path.write_text(json.dumps(page, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def page_name(number: int) -> str:
    return "feed.json" if number == 1 else f"feed-{number}.json"

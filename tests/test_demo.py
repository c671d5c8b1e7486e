"""The demo archive says plainly that it is sample data, and has the shape asked for."""

from __future__ import annotations

import json
from pathlib import Path

from flash_reader.cli import main
from flash_reader.demo import SAMPLE_NOTICE, ArchiveShape, issue_dates, write_archive


def test_demo_archive_shape_and_labels(tmp_path: Path) -> None:
    shape = ArchiveShape(years=3, issues_per_year=4, items_per_issue=2, page_size=5)
    paths = write_archive(tmp_path, shape)
    assert len(paths) == 5  # 24 items / 5 per page
    pages = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    items = [item for page in pages for item in page["items"]]
    assert len(items) == 24 == shape.total_items
    assert all("サンプル" in page["title"] for page in pages)
    assert all(item["title"].startswith("【サンプル】") for item in items)
    assert all(item["content_text"].startswith(SAMPLE_NOTICE) for item in items)
    assert [page.get("next_url") for page in pages] == [
        "feed-2.json", "feed-3.json", "feed-4.json", "feed-5.json", None]
    assert len({item["id"] for item in items}) == 24


def test_issue_dates_newest_first_and_per_year() -> None:
    dates = issue_dates(ArchiveShape(years=15, issues_per_year=24))
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == len(set(dates))
    assert {d.year for d in dates} == set(range(2011, 2026))


def test_cli_demo_archive(tmp_path: Path, capsys) -> None:
    assert main(["demo-archive", str(tmp_path), "--years", "1", "--issues-per-year", "2",
                 "--items", "3", "--page-size", "4"]) == 0
    assert "2 pages, 6 items (sample data)" in capsys.readouterr().out
    assert main(["demo-archive", str(tmp_path), "--page-size", "0"]) == 1

"""`flash-reader import`: many issues → pages newest first, whole issues, resumable, stable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flash_reader.cli import main
from flash_reader.convert.archive import import_archive, sources_of
from flash_reader.feed import parse
from tests.convert.conftest import FIXTURES

ISSUE = ("{y}年{m}月{d}日配信\n\n【クレア海外事務所フラッシュ】◎記事一\n\n"
         + "".join(f"◇記事{n}\n本文{n}です。(パリ事務所)\nPAR-{n}.jpg\n写真:説明{n}\n\n"
                   for n in "一二三")
         + "バックナンバーはこちら\n")


def archive(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"issue-{n:03d}.txt").write_text(
            ISSUE.format(y=2020 + n // 12, m=n % 12 + 1, d=10), encoding="utf-8")
    return folder


def pages(out: Path) -> list[dict]:
    found, name = [], "feed.json"
    while name:
        page = json.loads((out / name).read_text(encoding="utf-8"))
        found.append(page)
        name = page.get("next_url")
    return found


def test_archive_pages_newest_first_issues_never_split(tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = import_archive(sources_of([str(archive(tmp_path / "in", 10))]), out, page_size=7)
    assert (summary.issues, summary.items, summary.pages) == (10, 30, 5)
    dates = [item["_flash"]["issue_date"] for page in pages(out) for item in page["items"]]
    assert dates == sorted(dates, reverse=True)
    for page in pages(out):
        assert len(page["items"]) == 6  # two whole issues of three; a third would make 9 > 7
        parse(json.dumps(page).encode())  # the reader's own parser takes every page


def test_rerun_reuses_state_and_keeps_ids(tmp_path: Path) -> None:
    source, out = archive(tmp_path / "in", 4), tmp_path / "out"
    import_archive(sources_of([str(source)]), out)
    first = (out / "feed.json").read_bytes()
    again = import_archive(sources_of([str(source)]), out)
    assert again.reused == 4
    assert (out / "feed.json").read_bytes() == first


def test_interrupted_import_resumes_where_it_stopped(tmp_path: Path) -> None:
    source, out = archive(tmp_path / "in", 5), tmp_path / "out"
    calls: list[str] = []

    def stop_after_three(done: int, total: int, _: str) -> None:
        calls.append(str(done))
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_archive(sources_of([str(source)]), out, progress=stop_after_three)
    assert not (out / "feed.json").exists()  # nothing half: no page before the end
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    assert import_archive(sources_of([str(source)]), out).reused == 3


def test_smaller_archive_removes_the_old_tail(tmp_path: Path) -> None:
    source, out = archive(tmp_path / "in", 6), tmp_path / "out"
    import_archive(sources_of([str(source)]), out, page_size=3)
    assert (out / "feed-6.json").exists()
    for path in sorted(source.iterdir())[3:]:
        path.unlink()
    import_archive(sources_of([str(source)]), out, page_size=3)
    assert sorted(p.name for p in out.glob("feed*.json")) == [
        "feed-2.json", "feed-3.json", "feed.json"]


def test_same_issue_twice_is_skipped_and_counted(tmp_path: Path) -> None:
    source, out = archive(tmp_path / "in", 2), tmp_path / "out"
    shutil.copy(source / "issue-000.txt", source / "issue-copy.txt")
    summary = import_archive(sources_of([str(source)]), out)
    assert summary.issues == 2 and summary.by_kind["issue-skipped"] == 1


def test_import_command_summary_and_exit_status(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["import", str(FIXTURES), "--out", str(out)]) == 2  # one item has no office
    captured = capsys.readouterr()
    assert "imported 8 issues, 25 items into 1 page" in captured.out
    assert "item-skipped 1" in captured.out and "office-from-heading 4" in captured.out
    assert "[##############################]     8/8 issues" in captured.err
    assert "どこの話か分からない記事" in captured.err
    assert "どこの話か分からない記事" in (out / "import-report.txt").read_text(encoding="utf-8")


def test_import_of_a_folder_with_no_bulletin_is_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.txt").write_text("メモ\n", encoding="utf-8")
    assert main(["import", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 1
    assert "no issue date line" in (tmp_path / "out" / "import-report.txt").read_text(
        encoding="utf-8")
    assert not (tmp_path / "out" / "feed.json").exists()


def test_first_page_is_renamed_into_place_last(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # A reader polling feed.json must never follow its next_url to a page not yet written.
    from flash_reader.convert import archive as module

    renamed: list[str] = []
    real = module.os.replace

    def recording(source: str, target: Path) -> None:
        renamed.append(Path(target).name)
        real(source, target)

    monkeypatch.setattr(module.os, "replace", recording)
    import_archive(sources_of([str(archive(tmp_path / "in", 6))]), tmp_path / "out", page_size=3)
    pages_written = [name for name in renamed if name.startswith("feed")]
    assert pages_written[-1] == "feed.json"
    assert pages_written[:-1] == [f"feed-{n}.json" for n in range(6, 1, -1)]

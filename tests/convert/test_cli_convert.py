"""`flash-reader convert`: files and URLs in, exit status per outcome, --preview, --strict, -o."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flash_reader.cli import main
from tests.convert.conftest import FIXTURES
from tests.feed.httpserver import feed_server

HTML = "text/html; charset=utf-8"


def test_page_at_a_url_with_photos_resolved_against_its_address(
        capsys: pytest.CaptureFixture[str]) -> None:
    with feed_server() as server:
        server.serve("/flash/2022/1005.html",
                     (FIXTURES / "page-table.html").read_bytes().replace(
                         b'<link rel="canonical" href="https://flash.example.lg.jp/flash/2022/'
                         b'1005.html">', b""),
                     content_type=HTML)
        assert main(["convert", server.url("/flash/2022/1005.html")]) == 0
    feed = json.loads(capsys.readouterr().out)
    assert feed["items"][0]["image"] == server.url("/flash/2022/img/01PAR148.jpg")


def test_url_that_answers_404_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with feed_server() as server:
        server.serve("/gone.html", b"no", status=404, content_type=HTML)
        assert main(["convert", server.url("/gone.html")]) == 1
    assert "the server answered 404" in capsys.readouterr().err


def test_url_larger_than_the_limit_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with feed_server() as server:
        server.serve("/big.html", b" " * (9 * 1024 * 1024), content_type=HTML)
        assert main(["convert", server.url("/big.html")]) == 1
    assert "right file" in capsys.readouterr().err


def test_some_item_skipped_writes_the_rest_and_exits_2(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(FIXTURES / "office-not-written.txt")]) == 2
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["items"]) == 7
    assert "line 38: error [item-skipped]" in captured.err
    assert "line 9: warning [office-from-heading]" in captured.err


def test_strict_turns_every_guess_into_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--strict", str(FIXTURES / "office-not-written.txt")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("error [item-skipped]") == 8


def test_preview_prints_a_table_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "feed.json"
    code = main(["convert", "--preview", "-o", str(out), str(FIXTURES / "headings-unmarked.txt")])
    assert code == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["id", "title", "office", "date", "photos",
                                             "captions", "warnings"]
    assert "果物を選ぶ家族連れ / 売り場に並んだ果物" in table
    assert "SEL ソウル事務所" in table
    assert not out.exists()


def test_preview_marks_inferred_offices_and_their_warnings(
        capsys: pytest.CaptureFixture[str]) -> None:
    main(["convert", "--preview", str(FIXTURES / "office-not-written.txt")])
    rows = capsys.readouterr().out.splitlines()
    assert "LON?" in rows[1] and "office-from-body" in rows[1]
    assert any(line.startswith("skipped: line 38") for line in rows)


def test_output_file_is_written_whole(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "feed.json"
    assert main(["convert", "-o", str(out), str(FIXTURES / "page-list.html")]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["items"][0]["_flash"]["office"] == "PAR"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.json"]
    assert capsys.readouterr().out == ""


def test_every_item_broken_writes_nothing(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "feed.json"
    bulletin = tmp_path / "b.txt"
    bulletin.write_text("2020年10月28日配信\n◇見出し\n本文だけ\n", encoding="utf-8")
    assert main(["convert", "-o", str(out), str(bulletin)]) == 1
    assert not out.exists()
    assert "nothing written" in capsys.readouterr().err


def test_broken_first_item_leaves_the_second_its_id(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bulletin = tmp_path / "b.txt"
    bulletin.write_text("2020年10月28日配信\n◇一つ目\n本文だけ\n◇二つ目\n本文。(パリ事務所)\n",
                        encoding="utf-8")
    assert main(["convert", str(bulletin)]) == 2
    assert [i["id"] for i in json.loads(capsys.readouterr().out)["items"]] == ["2020-10-28-02"]

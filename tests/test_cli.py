"""`flash-reader convert` and `validate`: exit codes and messages, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flash_reader.cli import main
from tests.conftest import DEFAULT_FEED, SEED
from tests.feed.httpserver import feed_server

CLI = Path(sys.executable).with_name("flash-reader")


def test_convert_seed_prints_the_default_feed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED)]) == 0
    assert capsys.readouterr().out == DEFAULT_FEED.read_text(encoding="utf-8")


def test_convert_broken_bulletin_names_the_line(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bulletin = tmp_path / "broken.txt"
    bulletin.write_text("2020年10月28日配信\n◇見出し\n本文だけ\n", encoding="utf-8")
    assert main(["convert", str(bulletin)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{bulletin}: line 2:" in captured.err


def test_convert_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "none.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_convert_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bulletin = tmp_path / "sjis.txt"
    bulletin.write_bytes("2020年10月28日配信".encode("shift_jis"))
    assert main(["convert", str(bulletin)]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_validate_default_feed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(DEFAULT_FEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ")
    assert "7 items, 1 issues, 7 offices (PAR, SIN, LON, BEJ, NYC, SYD, SEL)" in out


def test_validate_over_http() -> None:
    with feed_server() as server:
        url = server.serve("/feed.json", DEFAULT_FEED.read_bytes())
        result = subprocess.run([str(CLI), "validate", url], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "7 items" in result.stdout


def test_validate_reports_dropped_items(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    feed = json.loads(DEFAULT_FEED.read_text(encoding="utf-8"))
    del feed["items"][0]["id"]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert "6 items" in captured.out
    assert "item 1 has no 'id'" in captured.err


@pytest.mark.parametrize(("content", "expected"), [
    ("{", "not a JSON document"),
    ('{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": []}]}',
     "item 1: field 'id'"),
    ("[]", "Expected `object`".replace("`", "")),
])
def test_validate_broken_feed_exit_1_without_traceback(tmp_path: Path, content: str,
                                                       expected: str) -> None:
    path = tmp_path / "feed.json"
    path.write_text(content, encoding="utf-8")
    result = subprocess.run([str(CLI), "validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("invalid: ")
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_unreachable_url_exit_1() -> None:
    result = subprocess.run([str(CLI), "validate", "http://127.0.0.1:9/feed.json"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "cannot connect" in result.stderr
    assert "Traceback" not in result.stderr

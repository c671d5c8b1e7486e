"""`flash-reader convert` and `validate`: exit codes and messages, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flash_reader.cli import main
from flash_reader.demo import ArchiveShape, write_archive
from tests.conftest import DEFAULT_FEED, PROJECT_ROOT, SEED
from tests.feed.feeds import encode, feed, item
from tests.feed.httpserver import feed_server


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command as staff run it, in a fresh process — from this checkout's code (the
    installed `flash-reader` script would import whichever checkout the venv was built from)."""
    return subprocess.run([sys.executable, "-m", "flash_reader.cli", *args], capture_output=True,
                          text=True, cwd=PROJECT_ROOT, timeout=120)


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
    assert "7 items, 1 issue, 7 offices (PAR, SIN, LON, BEJ, NYC, SYD, SEL)" in out


def test_validate_over_http() -> None:
    with feed_server() as server:
        url = server.serve("/feed.json", DEFAULT_FEED.read_bytes())
        result = run_cli("validate", url)
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
    ('{"version": 1.1, "title": "t", "items": []}', "feed: field 'version'"),
    ("[]", "Expected `object`".replace("`", "")),
])
def test_validate_broken_feed_exit_1_without_traceback(tmp_path: Path, content: str,
                                                       expected: str) -> None:
    path = tmp_path / "feed.json"
    path.write_text(content, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith("invalid: ")
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_unreachable_url_exit_1() -> None:
    result = run_cli("validate", "http://127.0.0.1:9/feed.json")
    assert result.returncode == 1 and "cannot connect" in result.stderr
    assert result.stderr.startswith("invalid: no answer from the server: ")
    assert "Traceback" not in result.stderr


def test_validate_error_answer_says_the_server_answered() -> None:
    from tests.feed.httpserver import feed_server

    with feed_server() as server:
        result = run_cli("validate", server.url("/missing.json"))
    assert result.returncode == 1
    assert result.stderr.startswith("invalid: the server answered with an error: ")
    assert "404" in result.stderr


BAD_BYTES = {
    "Shift_JIS": (lambda path: path.write_bytes(json.dumps(
        feed(item("1", title="日本語の見出し")), ensure_ascii=False).encode("shift_jis")),
        "UTF-8 ではありません（Shift_JIS のようです）"),
    "nested 100,000 deep": (lambda path: path.write_bytes(encode(feed(item(title="X"))).replace(
        b'"X"', b"[" * 100_000 + b"]" * 100_000)), "nested too deeply"),
    "/dev/zero": (None, "over the limit of 5,242,880 bytes"),
}


@pytest.mark.parametrize("bad", BAD_BYTES, ids=list(BAD_BYTES))
def test_validate_bad_bytes_one_line_exit_1(bad: str, tmp_path: Path) -> None:
    write, expected = BAD_BYTES[bad]
    path = tmp_path / "feed.json"
    if write is None:
        path = Path("/dev/zero")
    else:
        write(path)
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("invalid: ")
    assert expected in result.stderr


def test_validate_reports_skipped_items(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_bytes(encode(feed(item("a"), item("b", title=123), item("c", tags="x"))))
    result = run_cli("validate", str(path))
    assert result.returncode == 0
    assert result.stdout.startswith(f"ok: {path}: 1 item, 0 issues, 0 offices")
    assert "note: item 2 (id 'b'): field 'title'" in result.stderr
    assert "note: item 3 (id 'c'): field 'tags'" in result.stderr


def test_validate_all_follows_the_whole_archive(tmp_path: Path) -> None:
    pages = write_archive(tmp_path / "a", ArchiveShape(1, 6, 5, 10))  # 30 items, 3 pages
    broken = json.loads(pages[2].read_text(encoding="utf-8"))
    broken["items"][0]["title"] = 5
    pages[2].write_text(json.dumps(broken), encoding="utf-8")
    with feed_server() as server:
        server.serve_directory(tmp_path / "a")
        url = server.url("/feed.json")
        first_only = run_cli("validate", url)
        result = run_cli("validate", "--all", url)
    assert first_only.returncode == 0 and "10 items" in first_only.stdout
    assert "--all" in first_only.stderr
    assert result.returncode == 0, result.stderr
    progress = [line for line in result.stderr.splitlines() if line.startswith("page ")]
    assert progress == ["page 1: 10 items", "page 2: 10 items", "page 3: 9 items"]
    assert "feed-3.json: item 1 (id " in result.stderr and "field 'title'" in result.stderr
    assert "29 items, 6 issues" in result.stdout and "3 pages" in result.stdout


def test_validate_all_stops_at_a_broken_older_page(tmp_path: Path) -> None:
    pages = write_archive(tmp_path / "a", ArchiveShape(1, 6, 5, 10))
    document = json.loads(pages[1].read_text(encoding="utf-8"))
    pages[1].write_bytes(json.dumps(document, ensure_ascii=False).encode("shift_jis"))
    with feed_server() as server:
        server.serve_directory(tmp_path / "a")
        result = run_cli("validate", "--all", server.url("/feed.json"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("invalid: page 2: ")
    assert "UTF-8 ではありません" in result.stderr


def test_validate_all_refuses_another_site(tmp_path: Path) -> None:
    with feed_server() as server, feed_server() as elsewhere:
        url = server.serve("/feed.json", encode(feed(item("a"), next_url=elsewhere.url("/x"))))
        result = run_cli("validate", "--all", url)
        assert elsewhere.hits == {}
    assert result.returncode == 1 and "another site" in result.stderr


def test_accept_lets_the_next_load_take_a_smaller_page(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from flash_reader.feed.page_cache import PageCache
    from flash_reader.feed.page_loader import PageLoader

    with feed_server() as server:
        url = server.serve("/feed.json", encode(feed(*(item(str(n)) for n in range(12)))))
        loader = PageLoader(PageCache(tmp_path))
        good = loader.load(url)
        server.serve("/feed.json", encode(feed(item("only"))))
        assert loader.load(url, good).from_cache
        assert main(["accept", "--cache-dir", str(tmp_path), url]) == 0
        assert "accepted" in capsys.readouterr().out
        assert [i.id for i in loader.load(url, good).feed.items] == ["only"]


def test_accept_unknown_url_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["accept", "--cache-dir", str(tmp_path), "https://example.org/feed.json"]) == 1
    assert "no copy of https://example.org/feed.json" in capsys.readouterr().err


def test_accept_with_the_cache_off(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FLASH_CACHE_DIR", "off")
    assert main(["accept", "https://example.org/feed.json"]) == 1
    assert "cache is off" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "-3", "x"])
def test_validate_max_pages_must_be_a_positive_number(value: str) -> None:
    result = run_cli("validate", "--all", "--max-pages", value, str(DEFAULT_FEED))
    assert result.returncode == 2 and "at least 1" in result.stderr
    assert "Traceback" not in result.stderr

"""/accessibility is rendered from the suite's own recorded results; /about says what the reader
keeps. Both are linked from the footer of every page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from flash_reader import i18n
from flash_reader.render import freshness, page_views, statement
from flash_reader.render.client import CONFIG as CLIENT_CONFIG
from flash_reader.render.wcag import CRITERIA, NUMBERS
from flash_reader.store import FeedStore
from tests import wcag
from tests.conftest import PROJECT_ROOT

HTML = {"Accept": "text/html"}
ROW = re.compile(r'<tr data-criterion="([0-9.]+)" data-status="([^"]+)">')


def record(tests: list[dict], **extra: object) -> dict:
    return {"schema": 1, "finished": "2026-11-30T09:00:00+00:00", "whole_suite": True,
            "tools": {"Chromium": "131.0", "axe-core": "4.14.1"}, "pages": ["/", "/about"],
            "tests": tests, **extra}


def entry(nodeid: str, outcome: str, *criteria: str, method: str = "試験") -> dict:
    return {"id": nodeid, "outcome": outcome, "criteria": list(criteria), "method": method}


def statuses(run: statement.Run | None) -> dict[str, str]:
    return {row.number: row.status for row in statement.judge(run)}


def test_wcag_22_list_has_every_a_and_aa_criterion_once() -> None:
    assert len(CRITERIA) == len(NUMBERS) == 55  # WCAG 2.2 A + AA (4.1.1 removed in 2.2)
    assert "4.1.1" not in NUMBERS and {"2.4.11", "2.5.8", "3.3.8", "3.2.6"} <= NUMBERS
    assert {c.level for c in CRITERIA} == {"A", "AA"}


def test_criterion_is_conforming_only_with_passed_tests_behind_it() -> None:
    run = statement.parse(record([
        entry("tests/a.py::test_pass", "passed", "1.4.3"),
        entry("tests/a.py::test_fail", "failed", "2.1.1"),
        entry("tests/a.py::test_pass_too", "passed", "2.1.1"),
        entry("tests/a.py::test_skipped", "skipped", "2.4.7"),
        entry("tests/a.py::test_media", "passed", "1.2.1"),
        entry("tests/a.py::test_lang", "passed", "3.1.2"),
        entry("tests/a.py::test_made_up", "passed", "9.9.9"),
    ]))
    got = statuses(run)
    assert got["1.4.3"] == "適合"
    assert got["2.1.1"] == "不適合"  # one failing test is enough, whatever else passed
    assert got["2.4.7"] == "未試験"  # mapped but not run
    assert got["1.4.10"] == "未試験"  # nothing mapped
    assert got["1.2.1"] == "非適用"
    assert got["3.1.2"] == "適合（例外事項あり）"
    assert "9.9.9" not in got
    assert set(statuses(None).values()) == {"未試験", "非適用"}


def test_record_that_is_not_a_run_is_not_used(tmp_path: Path) -> None:
    for name, body in {"garbage": b"\xff{", "list": b"[]", "schema": b'{"schema": 2}',
                       "huge": b" " * (statement.MAX_BYTES + 1)}.items():
        path = tmp_path / name
        path.write_bytes(body)
        assert statement.load(path) is None, name
    good = tmp_path / "good.json"
    good.write_text(json.dumps(record([entry("tests/a.py::t", "passed", "1.4.3")])))
    assert statement.current((tmp_path / "garbage", tmp_path / "missing", good)) == (
        statement.load(good), good)


@pytest.fixture
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "results.json"
    monkeypatch.setattr(statement, "RESULTS", path)
    return path


def rows_of(html: str) -> dict[str, str]:
    return dict(ROW.findall(html))


def test_statement_page_shows_what_the_recorded_run_says(client: TestClient, seeded: FeedStore,
                                                         results: Path) -> None:
    results.write_text(json.dumps(record([
        entry("tests/a.py::test_contrast", "passed", "1.4.3", method="コントラストを測定"),
        entry("tests/a.py::test_keys", "failed", "2.1.1", method="キーボード<script>"),
    ])), encoding="utf-8")
    response = client.get("/accessibility", headers=HTML)
    assert response.status_code == 200
    html = response.text
    rows = rows_of(html)
    assert len(rows) == 55
    assert rows["1.4.3"] == "適合" and rows["2.1.1"] == "不適合" and rows["1.4.10"] == "未試験"
    assert "コントラストを測定（1件合格）" in html
    assert "キーボード&lt;script&gt;（1件不合格）" in html  # the record is text, never markup
    assert "準拠" not in html.split('id="a11y-result"')[1]  # the project's run claims nothing
    assert "2026年11月30日" in html and "Chromium 131.0" in html and "<code>/about</code>" in html
    assert "<title>アクセシビリティ方針・試験結果｜海外事務所フラッシュ</title>" in html

    results.write_text(json.dumps(record([entry("tests/a.py::test_keys", "passed", "2.1.1")])))
    assert rows_of(client.get("/accessibility", headers=HTML).text)["2.1.1"] == "適合"


def test_statement_without_a_fresh_run_falls_back_to_the_committed_one(
        client: TestClient, seeded: FeedStore, results: Path) -> None:
    results.write_text("{not json", encoding="utf-8")
    html = client.get("/accessibility", headers=HTML).text
    assert "docs/accessibility-results.json" in html
    baseline = statement.load(statement.BASELINE)
    assert baseline is not None
    assert rows_of(html) == statuses(baseline)


def test_every_criterion_the_committed_record_calls_conforming_has_a_test_behind_it() -> None:
    for path in (statement.BASELINE, statement.RESULTS):
        run = statement.load(path)
        if run is None:
            assert path != statement.BASELINE, "docs/accessibility-results.json is missing"
            continue
        assert wcag.unbacked(run) == [], path
        assert any(row.status == "適合" for row in statement.judge(run)), path


def test_record_claiming_conformance_without_a_test_of_the_suite_is_caught() -> None:
    run = statement.parse(record([
        entry("tests/render/test_statement.py::test_that_does_not_exist", "passed", "1.4.3"),
        entry("tests/browser/test_reader.py::test_reader_skip_link_is_first_and_moves_focus_to_main",
             "passed", "1.4.10"),  # a real test, not mapped to 1.4.10
        entry("/etc/passwd::x", "passed", "2.4.7"),
    ]))
    problems = wcag.unbacked(run)
    assert [p.split(":")[0] for p in problems] == ["1.4.3", "1.4.10", "2.4.7"]


def test_axe_criteria_are_what_the_pinned_axe_core_checks() -> None:
    node = shutil.which("node")
    axe = PROJECT_ROOT / "tools" / "node_modules" / "axe-core"
    if node is None or not axe.is_dir():
        pytest.skip("needs node and tools/node_modules (npm ci --prefix tools)")
    script = """
        const axe = require(process.argv[1]);
        const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
        const found = new Set();
        for (const rule of axe.getRules(tags)) {
          if (rule.tags.includes("experimental")) continue;
          for (const tag of rule.tags) {
            const m = /^wcag(\\d)(\\d)(\\d+)$/.exec(tag);
            if (m) found.add(`${m[1]}.${m[2]}.${m[3]}`);
          }
        }
        console.log(JSON.stringify([...found]));"""
    out = subprocess.run([node, "-e", script, str(axe)], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    # Every criterion credited to axe has a rule that runs (experimental ones do not).
    assert set(json.loads(out)) & NUMBERS == set(wcag.AXE_CRITERIA)


def test_axe_matrix_pages_are_the_ones_listed_as_tested() -> None:
    from tests.browser import test_axe_matrix as matrix

    assert (*matrix.READER_PAGES, matrix.BUILDER, *matrix.WIDGETS) == wcag.AXE_MATRIX_PAGES


def footer_of(html: str) -> str:
    match = re.search(r"<footer class=\"site-footer\">.*?</footer>", html, re.S)
    assert match, "no footer"
    return match.group(0)


PAGES = ("/", "/?q=自治体", "/items/2020-10-28-01", "/issues/2020-10-28", "/issues",
         "/accessibility", "/about", "/no-such-page")


@pytest.mark.wcag("3.2.3", "3.2.6", method="出力の検査：すべての種類のページで、フッターの"
                  "リンク（このサイトについて・アクセシビリティ・キーボード操作）が同じ順序で同じ")
def test_every_page_has_the_same_footer_with_both_links(client: TestClient,
                                                        seeded: FeedStore) -> None:
    footers = {path: footer_of(client.get(path, headers=HTML).text) for path in PAGES}
    first = footers["/"]
    assert '<a href="/about">このサイトについて</a>' in first
    assert '<a href="/accessibility">アクセシビリティ方針・試験結果</a>' in first
    assert "data-open-shortcuts" in first
    assert {path for path, footer in footers.items() if footer != first} == set()


@pytest.mark.wcag("1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "2.2.1", "3.3.8",
                  method="出力の検査：音声・映像・自動更新・パスワード入力がどのページにもない")
def test_no_page_has_media_a_refresh_or_a_login(client: TestClient, seeded: FeedStore) -> None:
    for path in PAGES:
        html = client.get(path, headers=HTML).text.lower()
        for made_of in ("<video", "<audio", 'http-equiv="refresh"', 'type="password"'):
            assert made_of not in html, (path, made_of)


def test_about_page_names_publisher_contact_and_exactly_what_is_stored(
        client: TestClient, seeded: FeedStore) -> None:
    response = client.get("/about", headers=HTML)
    assert response.status_code == 200
    html = response.text
    assert "<title>このサイトについて｜海外事務所フラッシュ</title>" in html
    assert "一般財団法人自治体国際化協会（CLAIR）" in html
    assert 'href="https://www.clair.or.jp/"' in html
    assert re.findall(r"mailto:|tel:", html) == []  # no invented addresses
    # Every localStorage key the scripts use is one of the config's (test_client.py checks
    # that no script writes one by hand).
    client = PROJECT_ROOT / "flash_reader" / "client"
    scripts = "".join(p.read_text() for p in client.glob("*.js"))
    used = set(re.findall(r"localStorage\.\w+\(\s*config\.storage\.(\w+)", scripts))
    assert used == set(CLIENT_CONFIG["storage"])
    stored = set(CLIENT_CONFIG["storage"].values())
    # "theme" is Reflex's colour mode (its theme provider writes it on every page load).
    for key in (*stored, "theme", i18n.COOKIE):
        assert f"<code>{key}</code>" in html


def test_statement_and_about_need_no_feed(client: TestClient, feed_store: FeedStore) -> None:
    assert feed_store.current().feed is None
    for path in ("/accessibility", "/about"):
        assert client.get(path, headers=HTML).status_code == 200, path
    assert client.get("/", headers=HTML).status_code == 503


def test_statement_view_alone_for_client_navigation(client: TestClient, seeded: FeedStore) -> None:
    version = seeded.current().version
    response = client.get("/_view/accessibility")
    assert response.status_code == 200 and response.text.startswith('<div id="view"')
    assert f'data-version="{version}"' in response.text
    assert response.headers["cache-control"] == freshness.shared()
    assert page_views.statement_page(False)[1].canonical == "/accessibility"


def test_plugin_records_outcomes_and_criteria_of_a_run(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(textwrap.dedent("""
        from tests import wcag

        def pytest_addoption(parser):
            wcag.addoption(parser)

        def pytest_configure(config):
            wcag.configure(config)
        """))
    (tmp_path / "test_inner.py").write_text(textwrap.dedent("""
        import pytest

        @pytest.mark.wcag("1.4.3", method="passes")
        def test_passes(record_property):
            record_property("wcag-tool:Chromium", "999.0")

        @pytest.mark.wcag("2.1.1")
        def test_fails():
            assert False

        @pytest.mark.wcag("2.4.7")
        @pytest.mark.xfail(strict=True)
        def test_known_failure():
            assert False

        @pytest.mark.wcag("1.4.10")
        @pytest.mark.parametrize("n", [1, 2])
        def test_skipped(n):
            pytest.skip("no browser")

        def test_unmapped():
            pass
        """))
    out = tmp_path / "out.json"
    env = {"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "--wcag-results", str(out), "test_inner.py"], cwd=tmp_path, env=env,
                   capture_output=True, text=True, timeout=120)
    data = json.loads(out.read_text(encoding="utf-8"))
    outcomes = {t["id"]: (t["outcome"], t["criteria"]) for t in data["tests"]}
    assert outcomes == {
        "test_inner.py::test_passes": ("passed", ["1.4.3"]),
        "test_inner.py::test_fails": ("failed", ["2.1.1"]),
        "test_inner.py::test_known_failure": ("failed", ["2.4.7"]),
        "test_inner.py::test_skipped[1]": ("skipped", ["1.4.10"]),
        "test_inner.py::test_skipped[2]": ("skipped", ["1.4.10"]),
    }
    assert data["tools"]["Chromium"] == "999.0" and data["whole_suite"] is False
    got = statuses(statement.parse(data))
    assert (got["1.4.3"], got["2.1.1"], got["2.4.7"], got["1.4.10"]) == (
        "適合", "不適合", "不適合", "未試験")


def test_only_a_whole_run_writes_the_record_a_selection_never_replaces_it(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\ntestpaths = suite\n")
    (tmp_path / "suite").mkdir()
    (tmp_path / "suite" / "conftest.py").write_text(textwrap.dedent("""
        from pathlib import Path
        from tests import wcag

        wcag.RESULTS = Path(__file__).parents[1] / "var" / "results.json"

        def pytest_addoption(parser):
            wcag.addoption(parser)

        def pytest_configure(config):
            wcag.configure(config)
        """))
    (tmp_path / "suite" / "test_one.py").write_text(textwrap.dedent("""
        import pytest

        @pytest.mark.wcag("1.4.3")
        def test_passes():
            pass
        """))
    written = tmp_path / "var" / "results.json"
    env = {"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"}

    def run(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)

    for selection in (("-k", "passes"), ("suite/test_one.py",), ("-m", "wcag"),
                      ("--ignore", "suite/other"), ("--deselect", "suite/x.py::y"), ("-x",),
                      ("--co",)):
        run(*selection)
        assert not written.exists(), selection
    run()  # what `make test` runs
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["whole_suite"] is True
    assert [t["outcome"] for t in data["tests"]] == ["passed"]

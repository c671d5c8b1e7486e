"""Which tests stand behind which WCAG 2.2 success criteria, and the pytest plugin that records
how they did (the accessibility statement at /accessibility is rendered from that record).

A test is mapped either here (its file and function; every parametrised case counts) or by a
`@pytest.mark.wcag("1.4.3", ..., method="…")` marker on the test. `method` is what the statement
says under 確認方法. The recorded run is written by `make test` (the whole suite) to
var/accessibility/results.json, or to the file given with `--wcag-results`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import importlib.metadata
import json
import os
from pathlib import Path

import pytest

from flash_reader.render import statement

PROJECT_ROOT = Path(__file__).resolve().parents[1]
RESULTS = PROJECT_ROOT / "var" / "accessibility" / "results.json"

# Criteria axe-core checks with WCAG_TAGS (tests/browser/axe.py), non-experimental rules only;
# tests/render/test_statement.py compares this with the pinned axe-core's own rule tags.
AXE_CRITERIA = ("1.1.1", "1.2.1", "1.2.2", "1.3.1", "1.3.5", "1.4.1", "1.4.2", "1.4.3",
                "1.4.4", "1.4.12", "2.1.1", "2.2.1", "2.2.2", "2.4.1", "2.4.2", "2.4.4",
                "2.5.3", "2.5.8", "3.1.1", "3.1.2", "3.3.2", "4.1.2")


@dataclasses.dataclass(frozen=True)
class Mapping:
    criteria: tuple[str, ...]
    method: str
    pages: tuple[str, ...] = ()  # the pages it opens (listed as tested once it has run)


def _m(method: str, *criteria: str, pages: tuple[str, ...] = ()) -> Mapping:
    return Mapping(tuple(criteria), method, pages)


# The axe matrix's pages (tests/browser/test_axe_matrix.py), kept equal by a test.
AXE_MATRIX_PAGES = ("/", "/?office=PAR,SIN", "/?q=自治体", "/?q=zzzz", "/items/2020-10-28-01",
                    "/issues/2020-10-28", "/no-such-page", "/items/no-such-item",
                    "/embed/builder", "/embed", "/embed?office=PAR,SIN&limit=2",
                    "/embed?lang=en", "/embed?limit=abc")


_AXE = "axe-core による自動検査（実際のブラウザで表示したページ）"
_B = "tests/browser/"
MAPPING: dict[str, Mapping] = {
    _B + "test_axe_matrix.py::test_axe_every_page_theme_and_size": _m(
        "axe-core による自動検査（全ページ×全テーマ×文字サイズ100・200%×幅320・1280px）",
        *AXE_CRITERIA, pages=AXE_MATRIX_PAGES),
    _B + "test_reader.py::test_reader_has_no_axe_violations": _m(_AXE, *AXE_CRITERIA),
    _B + "test_filters.py::test_filtered_and_permalink_pages_have_no_axe_violations": _m(
        _AXE, *AXE_CRITERIA),
    _B + "test_embed.py::test_every_widget_variant_passes_axe": _m(_AXE, *AXE_CRITERIA),
    _B + "test_embed.py::test_builder_passes_axe_in_each_widget_language": _m(
        _AXE, *AXE_CRITERIA),
    _B + "test_reader.py::test_reader_image_alt_is_the_caption_and_shown_as_figcaption": _m(
        "ブラウザ試験：写真の代替テキストが配信のキャプションであること", "1.1.1"),
    _B + "test_reader.py::test_reader_page_is_japanese_with_one_h1_title_and_landmarks": _m(
        "ブラウザ試験：ページの言語・見出し・ランドマーク・タイトル",
        "1.3.1", "2.4.2", "2.4.6", "3.1.1"),
    _B + "test_reader.py::test_reader_skip_link_is_first_and_moves_focus_to_main": _m(
        "ブラウザ試験：「本文へスキップ」が最初のリンクで本文へ移動すること", "2.4.1"),
    _B + "test_display.py::test_display_theme_and_size_pass_axe_and_aaa_contrast": _m(
        "ブラウザ試験：全テーマ×文字サイズでコントラスト比を測定", "1.4.3", "1.4.4"),
    _B + "test_display.py::test_display_focus_ring_contrast_in_every_theme": _m(
        "ブラウザ試験：全テーマでフォーカス枠のコントラスト比を測定", "1.4.11", "2.4.7"),
    _B + "test_display.py::test_display_reflows_at_320px_with_200_percent_text": _m(
        "ブラウザ試験：幅320pxで文字200%のとき横スクロールが出ないこと", "1.4.4", "1.4.10"),
    _B + "test_display.py::test_display_300_percent_text_still_reflows_at_320px": _m(
        "ブラウザ試験：幅320pxで文字300%のとき横スクロールが出ないこと", "1.4.4", "1.4.10"),
    _B + "test_display.py::test_display_wcag_text_spacing_clips_nothing": _m(
        "ブラウザ試験：WCAG のテキスト間隔を適用しても文字が欠けないこと", "1.4.12"),
    _B + "test_display.py::test_display_controls_by_keyboard_alone": _m(
        "ブラウザ試験：表示設定をキーボードだけで操作", "2.1.1", "2.1.2"),
    _B + "test_display.py::test_display_controls_semantics": _m(
        "ブラウザ試験：表示設定の部品の名前・役割・状態", "1.3.1", "4.1.2"),
    _B + "test_display.py::test_display_targets_are_at_least_24px": _m(
        "ブラウザ試験：操作できる部品が24px以上であること", "2.5.8"),
    _B + "test_display.py::test_display_focused_control_is_never_hidden": _m(
        "ブラウザ試験：フォーカスした部品が他の要素に隠れないこと", "2.4.11"),
    _B + "test_display.py::test_display_question_mark_with_single_key_shortcuts_off_opens_nothing":
        _m("ブラウザ試験：1文字のショートカットキーを無効にできること", "2.1.4"),
    _B + "test_display.py::test_display_escape_in_open_settings_closes_them_and_focuses_summary":
        _m("ブラウザ試験：Esc で表示設定を閉じ、フォーカスが戻ること", "2.1.2", "2.4.3"),
    _B + "test_display.py::test_display_placeholder_photo_in_theme_colours_compact_and_aaa": _m(
        "ブラウザ試験：仮の写真の文字と枠のコントラスト比", "1.4.3", "1.4.11"),
    _B + "test_display.py::test_display_furigana_choice_and_status_use_the_same_words": _m(
        "ブラウザ試験：選択肢と状態表示が同じ言葉であること", "3.2.4", "4.1.3"),
    _B + "test_filters.py::test_shortcuts_j_k_slash_and_help": _m(
        "ブラウザ試験：キーボードで記事の移動・検索・ヘルプ", "2.1.1"),
    _B + "test_filters.py::test_shortcuts_can_be_turned_off": _m(
        "ブラウザ試験：ショートカットキーを無効にできること", "2.1.4"),
    _B + "test_filters.py::test_item_permalink_has_its_own_title": _m(
        "ブラウザ試験：記事ページのタイトルと移動後のフォーカス", "2.4.2", "2.4.3"),
    _B + "test_filters.py::test_search_without_result_says_so_and_offers_to_clear": _m(
        "ブラウザ試験：該当なしの検索結果を知らせ、解除の方法を示すこと", "4.1.3"),
    _B + "test_plain_pages.py::test_back_after_a_filter_restores_the_place_and_the_control": _m(
        "ブラウザ試験：戻る・進むで元の位置と使った操作部品にフォーカスが戻ること", "2.4.3"),
    _B + "test_reading_aids.py::test_read_aloud_whole_issue_by_keyboard": _m(
        "ブラウザ試験：読み上げをキーボードで操作", "2.1.1"),
    _B + "test_reading_aids.py::test_furigana_chosen_in_the_panel_by_keyboard": _m(
        "ブラウザ試験：ふりがなの設定をキーボードで操作", "2.1.1"),
    _B + "test_small_screens.py::test_320px_unchecking_the_last_office_keeps_focus_on_it": _m(
        "ブラウザ試験：幅320pxで絞り込みを解除してもフォーカスが失われないこと", "2.4.3", "3.2.2"),
    _B + "test_timeline.py::test_archive_index_reaches_any_year_at_once": _m(
        "ブラウザ試験：バックナンバー一覧からどの年にも移動できること", "2.4.5"),
    _B + "test_builder.py::test_builder_height_typed_from_200_to_2000_and_a_wrong_one_explained":
        _m("ブラウザ試験：埋め込みの高さの入力誤りを特定し、直し方を示すこと", "3.3.1", "3.3.3"),
    "tests/display/test_palette.py::test_palette_every_text_pair_reaches_7_to_1": _m(
        "配色の計算：全テーマの文字と背景のコントラスト比", "1.4.3"),
    "tests/display/test_palette.py::test_palette_boundaries_and_focus_reach_3_to_1": _m(
        "配色の計算：全テーマの枠線・フォーカス表示のコントラスト比", "1.4.11"),
    "tests/embed/test_feeds_out.py::test_english_widget_has_no_japanese_outside_lang_ja": _m(
        "出力の検査：英語表示のウィジェットで日本語部分に lang=\"ja\" があること", "3.1.2"),
}


def mapping_of(item: pytest.Item) -> Mapping | None:
    """The criteria behind `item`: its `wcag` marker, else MAPPING by file and function."""
    marker = item.get_closest_marker("wcag")
    if marker is not None:
        return Mapping(tuple(marker.args), marker.kwargs.get("method", item.name),
                       tuple(marker.kwargs.get("pages", ())))
    base = item.nodeid.split("[", 1)[0]
    return MAPPING.get(base)


def _tools(properties: dict[str, str]) -> dict[str, str]:
    # Browser tests add what they ran (Chromium, axe-core) as `wcag-tool:` user properties.
    tools = {"pytest": pytest.__version__,
             "Playwright (Python)": importlib.metadata.version("playwright")}
    return {**tools, **properties}


class Recorder:
    """Records the outcome of every mapped test; writes the run at the end of the session."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.mapped: dict[str, Mapping] = {}
        self.outcomes: dict[str, str] = {}
        self.tools: dict[str, str] = {}
        self.pages: list[str] = []

    def whole_suite(self) -> bool:
        """`make test`: no paths, no selection (a run of one file must not replace the
        record of the whole suite)."""
        option = self.config.getoption
        selected = any(option(name, None) for name in (
            "keyword", "markexpr", "lf", "ignore", "ignore_glob", "deselect", "maxfail",
            "collectonly"))
        return self.config.args_source is pytest.Config.ArgsSource.TESTPATHS and not selected

    def target(self) -> Path | None:
        chosen = self.config.getoption("wcag_results", None)
        if chosen:
            return Path(chosen)
        return RESULTS if self.whole_suite() else None

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            found = mapping_of(item)
            if found is not None:
                self.mapped[item.nodeid] = found

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for name, value in report.user_properties:
            if name.startswith("wcag-tool:"):
                self.tools[name.removeprefix("wcag-tool:")] = str(value)
        if report.nodeid not in self.mapped:
            return
        if report.failed or hasattr(report, "wasxfail"):
            outcome = "failed"  # an xfail is a known failure, not a pass
        elif report.skipped:
            outcome = "skipped"
        elif report.when == "call":
            outcome = "passed"
        else:
            return
        if self.outcomes.get(report.nodeid) != "failed":
            self.outcomes[report.nodeid] = outcome
        if outcome != "skipped":
            for page in self.mapped[report.nodeid].pages:
                if page not in self.pages:
                    self.pages.append(page)

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        path = self.target()
        if path is None or exitstatus == pytest.ExitCode.INTERRUPTED:
            return
        tests = [{"id": nodeid, "outcome": self.outcomes.get(nodeid, "skipped"),
                  "criteria": list(found.criteria), "method": found.method}
                 for nodeid, found in self.mapped.items()]
        data = {"schema": 1,
                "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "whole_suite": self.whole_suite(),
                "tools": _tools(self.tools), "pages": self.pages, "tests": tests}
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")
        partial.replace(path)  # readers of the file never see half a run


def addoption(parser: pytest.Parser) -> None:
    parser.addoption("--wcag-results", default=None, metavar="PATH",
                     help="write the accessibility test record here (default: "
                          "var/accessibility/results.json, on a whole run only)")


def configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "wcag(*criteria, method=...): the WCAG success "
                            "criteria this test checks (see tests/wcag.py)")
    if not hasattr(config, "workerinput"):
        config.pluginmanager.register(Recorder(config), "wcag-recorder")


def criteria_in_suite(test_id: str) -> tuple[str, ...] | None:
    """What the suite as it is now maps `test_id` to (None: no such test function)."""
    base = test_id.split("[", 1)[0]
    path, _, name = base.partition("::")
    file = PROJECT_ROOT / path
    if not (path.startswith("tests/") and path.endswith(".py") and file.is_file()
            and name.isidentifier()):
        return None
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    function = getattr(module, name, None)
    if not callable(function) or not name.startswith("test"):
        return None
    for mark in getattr(function, "pytestmark", ()):
        if mark.name == "wcag":
            return tuple(mark.args)
    found = MAPPING.get(base)
    return found.criteria if found else ()


def unbacked(run: statement.Run) -> list[str]:
    """Criteria the statement would call 適合 without a test of the suite behind them."""
    problems = []
    for row in statement.judge(run):
        if row.status not in (statement.CONFORMS, statement.CONFORMS_WITH_EXCEPTION):
            continue
        behind = [t for t in run.tests
                  if row.number in t.criteria and t.outcome == statement.PASSED]
        if not behind:
            problems.append(f"{row.number}: 適合 with no passed test")
        for test in behind:
            criteria = criteria_in_suite(test.id)
            if criteria is None:
                problems.append(f"{row.number}: {test.id} is not a test of this suite")
            elif row.number not in criteria:
                problems.append(f"{row.number}: {test.id} is not mapped to it (tests/wcag.py)")
    return problems

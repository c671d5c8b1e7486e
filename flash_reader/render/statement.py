"""The accessibility statement's results: read the recorded test run, judge each criterion.

`make test` records every test mapped to WCAG success criteria (tests/wcag.py) with its outcome
in var/accessibility/results.json; docs/accessibility-results.json is a committed run the page
falls back to when there is no fresh one. A criterion is 適合 only when its mapped tests ran and
passed in that run: nothing here can mark it otherwise. The file is read as untrusted input
(bounded, unknown keys and criteria dropped); a bad file is skipped for the next one.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from pathlib import Path

from flash_reader.render.wcag import CRITERIA, EXCEPTIONS, NOT_APPLICABLE, NUMBERS

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESULTS = PROJECT_ROOT / "var" / "accessibility" / "results.json"
BASELINE = PROJECT_ROOT / "docs" / "accessibility-results.json"
MAX_BYTES = 4 * 1024 * 1024
MAX_TESTS = 20_000
MAX_TEXT = 300
MAX_LIST = 100

PASSED = "passed"
FAILED = "failed"  # failed, errored, or a known failure (xfail)
NOT_RUN = "skipped"

CONFORMS = "適合"
CONFORMS_WITH_EXCEPTION = "適合（例外事項あり）"
NOT_APPLICABLE_LABEL = "非適用"
NOT_TESTED = "未試験"
FAILS = "不適合"
STATUSES = (CONFORMS, CONFORMS_WITH_EXCEPTION, NOT_APPLICABLE_LABEL, FAILS, NOT_TESTED)
# Stable names of the statuses and claims, for the catalogues (flash_reader/i18n): the
# Japanese words above are also the values the record and the page's data-status carry.
STATUS_KEYS = {CONFORMS: "conforms", CONFORMS_WITH_EXCEPTION: "exception",
               NOT_APPLICABLE_LABEL: "not_applicable", FAILS: "fails", NOT_TESTED: "not_tested",
               "準拠": "full", "一部準拠": "partial", "配慮": "considered",
               "未確認": "unchecked"}


@dataclasses.dataclass(frozen=True, slots=True)
class TestRecord:
    id: str
    outcome: str
    criteria: tuple[str, ...]
    method: str


@dataclasses.dataclass(frozen=True, slots=True)
class Run:
    finished: str  # ISO 8601, UTC
    tools: tuple[tuple[str, str], ...]  # (name, version)
    pages: tuple[str, ...]
    tests: tuple[TestRecord, ...]
    whole_suite: bool


@dataclasses.dataclass(frozen=True, slots=True)
class CriterionResult:
    number: str
    level: str
    title: str
    status: str
    how: tuple[str, ...]  # how it was checked (methods with their test counts) or why not
    note: str = ""  # the exception or the reason it does not apply


def _text(value: object) -> str:
    return " ".join(value.split())[:MAX_TEXT] if isinstance(value, str) else ""


def parse(data: object) -> Run | None:
    """A recorded run from decoded JSON, or None when it is not one."""
    if not isinstance(data, dict) or data.get("schema") != 1:
        return None
    tests = []
    raw_tests = data.get("tests")
    if not isinstance(raw_tests, list):
        return None
    for raw in raw_tests[:MAX_TESTS]:
        if not isinstance(raw, dict):
            continue
        outcome = raw.get("outcome")
        criteria = raw.get("criteria")
        if outcome not in (PASSED, FAILED, NOT_RUN) or not isinstance(criteria, list):
            continue
        known = tuple(c for c in criteria[:MAX_LIST] if isinstance(c, str) and c in NUMBERS)
        tests.append(TestRecord(_text(raw.get("id")), outcome, known, _text(raw.get("method"))))
    tools = data.get("tools") if isinstance(data.get("tools"), dict) else {}
    pages = data.get("pages") if isinstance(data.get("pages"), list) else []
    return Run(_text(data.get("finished")),
               tuple((_text(k), _text(v)) for k, v in list(tools.items())[:MAX_LIST]
                     if _text(k) and _text(v)),
               tuple(p for p in (_text(p) for p in pages[:MAX_LIST]) if p.startswith("/")),
               tuple(tests), data.get("whole_suite") is True)


def load(path: Path) -> Run | None:
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_BYTES:
        log.warning("Accessibility results %s are larger than %d bytes; not used.", path,
                    MAX_BYTES)
        return None
    try:
        run = parse(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, RecursionError):
        run = None
    if run is None:
        log.warning("Accessibility results %s are not a recorded test run; not used.", path)
    return run


_cache: dict[Path, tuple[float, Run | None]] = {}


def _cached(path: Path) -> Run | None:
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return None
    hit = _cache.get(path)
    if hit is None or hit[0] != mtime:
        hit = (mtime, load(path))
        _cache[path] = hit
    return hit[1]


def current(paths: tuple[Path, ...] = (RESULTS, BASELINE)) -> tuple[Run | None, Path | None]:
    """The first good run of `paths` (the fresh one, then the committed baseline)."""
    for path in paths:
        run = _cached(path)
        if run is not None:
            return run, path
    return None, None


def judge(run: Run | None) -> tuple[CriterionResult, ...]:
    """Each WCAG 2.2 A/AA criterion's result in `run` (all 未試験 without one)."""
    tests = run.tests if run else ()
    results = []
    for criterion in CRITERIA:
        behind = [t for t in tests if criterion.number in t.criteria]
        failed = [t for t in behind if t.outcome == FAILED]
        passed = [t for t in behind if t.outcome == PASSED]
        note = ""
        if failed:
            status, how = FAILS, _methods(failed, "不合格")
        elif criterion.number in NOT_APPLICABLE:
            status, note = NOT_APPLICABLE_LABEL, NOT_APPLICABLE[criterion.number]
            how = _methods(passed, "合格") or (
                "設計上、該当する機能・コンテンツがありません（試験なし）",)
        elif passed:
            status, how = CONFORMS, _methods(passed, "合格")
            if criterion.number in EXCEPTIONS:
                status, note = CONFORMS_WITH_EXCEPTION, EXCEPTIONS[criterion.number]
        else:
            status = NOT_TESTED
            how = ("対応する試験が実行されていません",) if behind else ("対応する試験がありません",)
        results.append(CriterionResult(criterion.number, criterion.level, criterion.title,
                                       status, how, note))
    return tuple(results)


def _methods(tests: list[TestRecord], word: str) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for test in tests:
        counts[test.method or test.id] = counts.get(test.method or test.id, 0) + 1
    return tuple(f"{method}（{count}件{word}）" for method, count in counts.items())


def counts(results: tuple[CriterionResult, ...]) -> tuple[tuple[str, int], ...]:
    return tuple((status, sum(r.status == status for r in results)) for status in STATUSES)

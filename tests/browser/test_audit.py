"""`flash-reader audit` on the real app: a small WAIC sample in real Chromium, the record, the
report (itself axe-clean) and the claim from the record plus a complete human record."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, Page

from flash_reader.audit import checklist, claim, human, methods, sample
from flash_reader.audit.run import Settings, check_pages, plan, record_of, version, write
from tests.browser.axe import axe_violations, format_violations


def _complete_human() -> str:
    return "\n".join(
        f'[criteria."{n}"]\nresult = "適合"\ndate = 2026-12-01\nwho = "試験"\npages = ["/"]\n'
        for n, m in methods.METHODS.items() if m != methods.AUTOMATED)


def test_an_audit_of_the_app_records_every_kind_and_its_report_is_axe_clean(
        app_url: str, browser: Browser, page: Page, tmp_path: Path) -> None:
    settings = Settings(app_url, seed=24, random_pages=3, page_seconds=60, total_seconds=600)
    pages = plan(settings)
    assert pages == plan(settings)
    assert {p.kind for p in pages} >= set(sample.KINDS)
    results, tools = check_pages(settings, pages, progress=lambda *_: None,
                                 browser=browser)
    assert [r["status"] for r in results] == ["ok"] * len(pages), results
    assert tools["axe-core"] and tools["Chromium"]
    record = record_of(settings, results, tools)
    checks = human.parse(_complete_human())
    json_path, html_path = write(record, tmp_path, checklist.report(record, checks))

    loaded, problems = checklist.latest(tmp_path, version())
    assert loaded == json.loads(json_path.read_text(encoding="utf-8")), problems
    assert claim.judge(loaded, checks).wording == claim.FULL, claim.judge(loaded, checks).missing
    del checks["2.4.6"]
    partial = claim.judge(loaded, checks)
    assert (partial.wording, partial.missing) == (claim.PARTIAL, ("2.4.6",))

    page.goto(html_path.as_uri())
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

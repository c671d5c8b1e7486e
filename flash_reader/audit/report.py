"""The audit's readable report: every sampled page × WCAG criterion, in HTML (Jinja with
autoescape: every value from the pages tested is hostile)."""

from __future__ import annotations

import jinja2

from flash_reader.audit.claim import Claim
from flash_reader.audit.methods import AUTOMATED, AUTOMATED_THEN_HUMAN, HUMAN
from flash_reader.render.wcag import CRITERIA

METHOD_LABELS = {AUTOMATED: "自動", AUTOMATED_THEN_HUMAN: "自動＋人", HUMAN: "人のみ"}
VIOLATION, REVIEW, PASSED, NOT_CHECKED = "違反", "要確認", "ツールで合格", "ツール対象外"

_ENV = jinja2.Environment(loader=jinja2.PackageLoader("flash_reader.audit", "templates"),
                          autoescape=True, undefined=jinja2.StrictUndefined)


def cells(page: dict) -> dict[str, str]:
    """Per criterion, what the tool said on this page."""
    out = {c.number: NOT_CHECKED for c in CRITERIA}
    for number in page.get("passed", []):
        if number in out:
            out[number] = PASSED
    for key, label in (("incomplete", REVIEW), ("violations", VIOLATION)):
        for result in page.get(key, []):
            for number in result.get("criteria", []):
                if number in out:
                    out[number] = label
    return out


def render(record: dict, claim: Claim, still_to_check: list[str]) -> str:
    return _ENV.get_template("report.html").render(
        record=record, claim=claim, criteria=CRITERIA, cells=cells,
        methods=record.get("criteria_methods", {}), method_labels=METHOD_LABELS,
        still_to_check=still_to_check)

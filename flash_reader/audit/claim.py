"""The statement's claim, computed from the deployment's audit record and the human record.

準拠 only when every A/AA criterion is 適合 or 非適用 by the method WAIC assigns it: a tool's
pass for an automated criterion, a person's result for the others (after the tool found no
failure). Otherwise 一部準拠, naming what is missing; without an audit record, 配慮.
"""

from __future__ import annotations

import dataclasses

from flash_reader.audit.human import HumanCheck
from flash_reader.audit.methods import AUTOMATED, METHODS
from flash_reader.render.wcag import CRITERIA

FULL = "準拠"
PARTIAL = "一部準拠"
CONSIDERED = "配慮"
CONFORMS = "適合"
NOT_APPLICABLE = "非適用"
FAILS = "不適合"
UNCHECKED = "未確認"  # a person's check is still to be recorded


@dataclasses.dataclass(frozen=True, slots=True)
class Verdict:
    number: str
    level: str
    method: str
    status: str
    how: str


@dataclasses.dataclass(frozen=True, slots=True)
class Claim:
    wording: str  # FULL, PARTIAL or CONSIDERED
    verdicts: tuple[Verdict, ...]
    missing: tuple[str, ...]  # criteria not yet 適合/非適用


def tool_failures(record: dict) -> dict[str, list[str]]:
    """criterion → the sampled paths where the tool found a violation."""
    failures: dict[str, list[str]] = {}
    for page in record.get("pages", []):
        for violation in page.get("violations", []):
            for number in violation.get("criteria", []):
                failures.setdefault(number, []).append(page.get("path", ""))
    return failures


def judge(record: dict | None, human: dict[str, HumanCheck]) -> Claim:
    if record is None:
        return Claim(CONSIDERED, (), tuple(c.number for c in CRITERIA))
    failures = tool_failures(record)
    verdicts = []
    for criterion in CRITERIA:
        method = METHODS[criterion.number]
        check = human.get(criterion.number)
        if criterion.number in failures:
            status = FAILS
            how = "axe-core が違反を検出: " + ", ".join(sorted(set(failures[criterion.number])))
        elif method == AUTOMATED:
            status, how = CONFORMS, "axe-core（全標本ページで違反なし）"
        elif check is None:
            status, how = UNCHECKED, "人による確認の記録がありません"
        else:
            status = check.result
            how = f"人による確認（{check.date.isoformat()}、{check.who}）"
        verdicts.append(Verdict(criterion.number, criterion.level, method, status, how))
    missing = tuple(v.number for v in verdicts if v.status not in (CONFORMS, NOT_APPLICABLE))
    return Claim(PARTIAL if missing else FULL, tuple(verdicts), missing)

"""Numbers measured by browser tests, printed at the end of the run (see conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPORT = "browser-report.json"


def record(tmp_path_factory: pytest.TempPathFactory, section: str, key: str, row: dict) -> None:
    path = Path(tmp_path_factory.getbasetemp()) / REPORT
    report = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    report.setdefault(section, {})[key] = row
    path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


def load(base: Path) -> dict[str, dict[str, dict]]:
    path = base / REPORT
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

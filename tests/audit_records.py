"""Audit records and human records as `flash-reader audit` and staff leave them, for the
statement's and the embed block's tests (the audit folder is FLASH_AUDIT_DIR)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from flash_reader.audit import checklist, methods


def human_text(skip: tuple[str, ...] = ()) -> str:
    return "\n".join(
        f'[criteria."{n}"]\nresult = "適合"\ndate = 2026-12-02\nwho = "広報課"\npages = ["/"]\n'
        for n, method in methods.METHODS.items() if method != methods.AUTOMATED and n not in skip)


def audit_record(**changes: object) -> dict:
    record = {"schema": checklist.SCHEMA, "version": checklist.version(),
              "date": "2026-12-01T10:00:00+00:00", "base_url": "https://flash.example.lg.jp",
              "seed": 24, "method": "WAIC 試験実施方法: 選択 11 種のページ + 無作為抽出 25 ページ",
              "tools": {"axe-core": "4.11.0", "Chromium": "131.0"},
              "pages": [{"kind": "top", "path": "/", "status": "ok", "violations": []},
                        {"kind": "about", "path": "/about", "status": "ok", "violations": []}]}
    record.update(changes)
    return record


def publish(record: dict, human: str | None) -> None:
    """What `flash-reader audit` and the staff leave in the audit folder."""
    folder = Path(os.environ["FLASH_AUDIT_DIR"])
    name = f"audit-{record['date'][:19].replace(':', '')}.json"
    (folder / name).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (folder / "LATEST").write_text(name, encoding="utf-8")
    if human is not None:
        write_changed(Path(os.environ["FLASH_AUDIT_HUMAN"]), human)


def write_changed(path: Path, text: str) -> None:
    # A new mtime even within the file system's clock tick: the statement sees the change.
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, max(before + 10**9, path.stat().st_mtime_ns)))

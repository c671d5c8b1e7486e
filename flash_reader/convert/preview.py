"""`flash-reader convert --preview`: the items as a table staff check before writing."""

from __future__ import annotations

import unicodedata

from flash_reader.convert.feed import item_id
from flash_reader.convert.model import Issue, Kind

COLUMNS = (("id", 13), ("title", 36), ("office", 20), ("date", 10), ("photos", 6),
           ("captions", 44), ("warnings", 0))


def width(text: str) -> int:
    """Columns on a terminal: full-width (Japanese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, columns: int) -> str:
    """`text` cut (with 「…」) and padded to exactly `columns` terminal columns."""
    if not columns:
        return text
    if width(text) > columns:
        while width(text) > columns - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (columns - width(text))


def table(issue: Issue) -> str:
    warnings: dict[str, list[str]] = {}
    for problem in issue.problems:
        for item in issue.items:
            if item.where == problem.where:
                warnings.setdefault(item_id(issue.date, item.position), []).append(
                    str(problem.kind))
    rows = [[name for name, _ in COLUMNS]]
    for item in issue.items:
        ident = item_id(issue.date, item.position)
        office = f"{item.office_code}{'?' if item.office_inferred_from else ''}"
        rows.append([ident, item.title, f"{office} {item.office_name or ''}",
                     issue.date.isoformat(), str(len(item.photos)),
                     " / ".join(p.caption or "(none)" for p in item.photos) or "-",
                     ", ".join(warnings.get(ident, [])) or "-"])
    lines = ["  ".join(fit(cell, w) for cell, (_, w) in zip(row, COLUMNS, strict=True)).rstrip()
             for row in rows]
    skipped = [p for p in issue.problems if p.kind is Kind.ITEM_SKIPPED or p.kind.is_error]
    lines.append("")
    lines.append(f"{len(issue.items)} items; {len(skipped)} skipped; office? = inferred "
                 "(see the warnings above); nothing written")
    lines.extend(f"skipped: {p}" for p in skipped)
    return "\n".join(lines) + "\n"

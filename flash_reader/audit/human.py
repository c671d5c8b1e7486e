"""The human checks staff record, one TOML table per criterion that needs a person:

    [criteria."1.1.1"]
    result = "適合"            # 適合, 非適用 or 不適合
    date = 2026-12-01
    who = "広報課 山田"
    note = "写真の代替テキストは記事の内容と同等"
    pages = ["/items/abc", "/"]

Read as untrusted input: every problem is reported with its line, and a record with any
problem is not used (the previous good statement stays).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib

from flash_reader.audit.methods import METHODS

RESULTS = ("適合", "非適用", "不適合")
MAX_TEXT = 500
MAX_PAGES = 100
_FIELDS = {"result", "date", "who", "note", "pages"}


@dataclasses.dataclass(frozen=True, slots=True)
class HumanCheck:
    number: str
    result: str
    date: dt.date
    who: str
    note: str
    pages: tuple[str, ...]


class HumanRecordError(ValueError):
    """Every problem of a human record, each as "line N: what"."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _header_lines(text: str) -> dict[str, int]:
    lines = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r'\s*\[\s*criteria\s*\.\s*["\']?([0-9.]+)["\']?\s*\]', line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def _field_line(text: str, start: int, field: str) -> int:
    for number, line in enumerate(text.splitlines()[start:], start=start + 1):
        if line.lstrip().startswith("["):
            break
        if re.match(rf"\s*{field}\s*=", line):
            return number
    return start


def parse(text: str) -> dict[str, HumanCheck]:
    """The checks in `text`, or HumanRecordError naming each problem's line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise HumanRecordError([str(error)]) from None
    headers = _header_lines(text)
    problems: list[str] = []
    criteria = data.get("criteria", {})
    if not isinstance(criteria, dict):
        raise HumanRecordError(["line 1: [criteria] must be tables such as [criteria.\"1.1.1\"]"])
    checks = {}
    for number, entry in criteria.items():
        line = headers.get(number, 1)
        if number not in METHODS:
            problems.append(f"line {line}: {number!r} is not a WCAG 2.2 A/AA success criterion")
            continue
        if not isinstance(entry, dict):
            problems.append(f"line {line}: criterion {number} must be a table")
            continue
        for extra in sorted(set(entry) - _FIELDS):
            problems.append(f"line {_field_line(text, line, extra)}: unknown field {extra!r} "
                            f"in criterion {number}")
        found = len(problems)
        result, date = entry.get("result"), entry.get("date")
        who, note, pages = entry.get("who"), entry.get("note", ""), entry.get("pages")
        if result not in RESULTS:
            problems.append(f"line {_field_line(text, line, 'result')}: criterion {number}: "
                            f"result must be one of {', '.join(RESULTS)}")
        if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
            problems.append(f"line {_field_line(text, line, 'date')}: criterion {number}: "
                            "date must be a date such as 2026-12-01")
        if not isinstance(who, str) or not who.strip():
            problems.append(f"line {_field_line(text, line, 'who')}: criterion {number}: "
                            "who must name the person who checked")
        if not isinstance(note, str):
            problems.append(f"line {_field_line(text, line, 'note')}: criterion {number}: "
                            "note must be text")
        if (not isinstance(pages, list) or not pages or len(pages) > MAX_PAGES
                or not all(isinstance(p, str) and p.startswith("/") for p in pages)):
            problems.append(f"line {_field_line(text, line, 'pages')}: criterion {number}: "
                            "pages must list the paths looked at, such as [\"/\"]")
        if len(problems) == found:
            checks[number] = HumanCheck(number, result, date, who.strip()[:MAX_TEXT],
                                        note.strip()[:MAX_TEXT],
                                        tuple(p[:MAX_TEXT] for p in pages))
    if problems:
        raise HumanRecordError(problems)
    return checks

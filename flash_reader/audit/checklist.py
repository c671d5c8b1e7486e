"""What the audit tells staff, and what the statement reads: the latest good record, the human
record, the claim from both, and the checklist of what a person still has to check."""

from __future__ import annotations

import contextlib
import json
import logging
from importlib import metadata
from pathlib import Path

from flash_reader.audit import claim as claims
from flash_reader.audit.human import HumanCheck, HumanRecordError, parse
from flash_reader.audit.methods import METHODS, needs_person
from flash_reader.render.wcag import CRITERIA

log = logging.getLogger(__name__)
SCHEMA = "flash-reader-audit/1"
MAX_BYTES = 8 * 1024 * 1024
TITLES = {c.number: c.title for c in CRITERIA}


def version() -> str:
    """This flash-reader's version: a record made by another one is not used."""
    try:
        return metadata.version("flash-reader")
    except metadata.PackageNotFoundError:
        return "unknown"


def read_human(path: Path) -> tuple[dict[str, HumanCheck], list[str]]:
    """The staff's checks, and the problems that stopped the file being used (line-numbered)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        return {}, [f"cannot be read: {error}"]
    try:
        return parse(text), []
    except HumanRecordError as error:
        return {}, error.problems


def still_to_check(record: dict | None, checks: dict[str, HumanCheck]) -> list[str]:
    failures = claims.tool_failures(record or {})
    return [n for n in METHODS if needs_person(n) and n not in checks and n not in failures]


def text(record: dict | None, checks: dict[str, HumanCheck]) -> str:
    """The checklist printed after an audit."""
    todo = still_to_check(record, checks)
    if not todo:
        return "Every criterion that needs a person has a recorded result.\n"
    lines = [f"Still to be checked by a person ({len(todo)}); record each in the human file:"]
    lines += [f"  [ ] {n} {TITLES[n]} ({METHODS[n]})" for n in todo]
    return "\n".join(lines) + "\n"


def report(record: dict, checks: dict[str, HumanCheck]) -> str:
    from flash_reader.audit.report import render

    return render(record, claims.judge(record, checks), still_to_check(record, checks))


def load_record(path: Path, version: str) -> tuple[dict | None, str]:
    """A record fit for the statement, or None and why not."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None, f"{path.name} is larger than {MAX_BYTES} bytes"
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        return None, f"{path.name} cannot be read: {error}"
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return None, f"{path.name} is not a flash-reader audit record"
    if data.get("version") != version:
        return None, (f"{path.name} was made by flash-reader {data.get('version')!s:.40}, "
                      f"this is {version}: run flash-reader audit again")
    pages = data.get("pages")
    if not isinstance(pages, list) or not pages or not all(
            isinstance(p, dict) and p.get("status") == "ok" for p in pages):
        return None, f"{path.name} has pages that were not tested"
    return data, ""


def latest(folder: Path, version: str) -> tuple[dict | None, list[str]]:
    """The record LATEST names, else the newest good one: a bad newer record never replaces a
    good older statement."""
    problems = []
    names = []
    with contextlib.suppress(OSError):
        names.append((folder / "LATEST").read_text(encoding="utf-8").strip()[:100])
    try:
        names += sorted((p.name for p in folder.glob("audit-*.json")), reverse=True)
    except OSError:
        return None, problems
    for name in dict.fromkeys(n for n in names if n and "/" not in n):
        record, problem = load_record(folder / name, version)
        if record is not None:
            return record, problems
        problems.append(problem)
    return None, problems


_last_good_human: dict[Path, dict[str, HumanCheck]] = {}


def site_claim(folder: Path, human_path: Path, version: str) -> tuple[claims.Claim, dict | None,
                                                                      list[str]]:
    """The deployment's claim for the statement: its latest good audit record and the staff's
    human record. A malformed human record keeps the last good one read by this process (the
    previous statement stays) and is named in the problems."""
    record, problems = latest(folder, version)
    checks, human_problems = human_checks(human_path)
    return claims.judge(record, checks), record, problems + human_problems


def human_checks(human_path: Path) -> tuple[dict[str, HumanCheck], list[str]]:
    """The staff's checks; a malformed file gives the last good ones this process read."""
    checks, problems = read_human(human_path)
    if problems:
        return (_last_good_human.get(human_path, {}),
                [f"{human_path.name}: {p}" for p in problems])
    _last_good_human[human_path] = checks
    return checks, []


def _files_key(folder: Path, human_path: Path) -> tuple:
    """What the claim is made from, as (name, mtime, size): it is worked out again only when
    one of these files changes, not on every request for the statement."""
    paths = [folder / "LATEST", human_path]
    with contextlib.suppress(OSError):
        paths += sorted(folder.glob("audit-*.json"))
    key = []
    for path in paths:
        try:
            stat = path.stat()
            key.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            key.append((str(path), None, None))
    return tuple(key)


_claims: dict[tuple[Path, Path, str], tuple[tuple, tuple]] = {}


def current_claim(folder: Path, human_path: Path, version: str) -> tuple[
        claims.Claim, dict | None, list[str]]:
    """site_claim, kept until its files change; its problems are logged once per change."""
    key = _files_key(folder, human_path)
    kept = _claims.get((folder, human_path, version))
    if kept is None or kept[0] != key:
        made = site_claim(folder, human_path, version)
        for problem in made[2]:
            log.warning("Accessibility statement: %s", problem)
        kept = (key, made)
        _claims[(folder, human_path, version)] = kept
    return kept[1]

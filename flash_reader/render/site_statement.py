"""The deployment's own conformance statement (JIS X 8341-3 result display, JB.3 items): its
latest `flash-reader audit` record and the staff's human record, judged by
flash_reader/audit/claim.py. The record is read as untrusted input: only bounded text, paths
that are this site's own, and an http(s) scope reach the page."""

from __future__ import annotations

import dataclasses
import datetime as dt
from urllib.parse import urlsplit

from flash_reader import config, i18n
from flash_reader.audit import checklist
from flash_reader.audit.claim import Claim
from flash_reader.render.wcag import CRITERIA

MAX_TEXT = 300
MAX_PAGES = 200
MAX_TOOLS = 20
TITLES = {c.number: c.title for c in CRITERIA}


@dataclasses.dataclass(frozen=True, slots=True)
class SamplePage:
    kind: str
    path: str  # this site's own path: linked as it stands


@dataclasses.dataclass(frozen=True, slots=True)
class SiteRow:
    number: str
    level: str
    title: str
    status: str
    method: str  # WAIC's way of checking it, in the page's language
    how: str  # what decided it, as judged (Japanese: the tool's or the person's record)


@dataclasses.dataclass(frozen=True, slots=True)
class SiteStatement:
    claim: str  # 準拠, 一部準拠 or 配慮
    missing: tuple[str, ...]  # criteria not yet 適合 or 非適用 (一部準拠 names them)
    audited: bool
    date: str  # the record's date, in the page's language ("" without a record)
    scope: str  # the audited site's address (http(s)), "" when the record has none usable
    method: str  # how the sample was drawn, as the record says (Japanese)
    tools: tuple[tuple[str, str], ...]
    pages: tuple[SamplePage, ...]
    rows: tuple[SiteRow, ...]


def _text(value: object) -> str:
    return " ".join(value.split())[:MAX_TEXT] if isinstance(value, str) else ""


def _own_path(value: object) -> str:
    path = _text(value)
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else ""


def _scope(value: object) -> str:
    url = _text(value)
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.hostname else ""


def _date(lang: str, stamp: object) -> str:
    try:
        day = dt.date.fromisoformat(_text(stamp)[:10])
    except ValueError:
        return ""
    return i18n.date_text(lang, day.year, day.month, day.day)


def view(claim: Claim, record: dict | None, lang: str) -> SiteStatement:
    record = record or {}
    tools = record.get("tools") if isinstance(record.get("tools"), dict) else {}
    pages = record.get("pages") if isinstance(record.get("pages"), list) else []
    sample = tuple(SamplePage(_text(p.get("kind")), path) for p in pages[:MAX_PAGES]
                   if isinstance(p, dict) and (path := _own_path(p.get("path"))))
    rows = tuple(SiteRow(v.number, v.level, TITLES[v.number], v.status,
                         i18n.text(lang, f"method.{v.method}"), _text(v.how))
                 for v in claim.verdicts)
    return SiteStatement(
        claim.wording, claim.missing if claim.verdicts else (), bool(claim.verdicts),
        _date(lang, record.get("date")), _scope(record.get("base_url")),
        _text(record.get("method")),
        tuple((_text(k), _text(v)) for k, v in list(tools.items())[:MAX_TOOLS]
              if _text(k) and _text(v)),
        sample, rows)


def current(lang: str) -> SiteStatement:
    """This deployment's statement now (re-judged only when its files change)."""
    claim, record, _ = checklist.current_claim(config.audit_dir(), config.human_record(),
                                               checklist.version())
    return view(claim, record, lang)

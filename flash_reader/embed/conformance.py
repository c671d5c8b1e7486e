"""The embed conformance block (issue 24): what a host site cites in its own accessibility
results for the widget it embeds — what the widget is, the criteria, the provider's latest
audit results for that exact setting, and the wording for third-party content (partial
conformance). The same facts as JSON for CMS tooling, and as text in Japanese and English.

Plain functions over the audit record and the human record (flash_reader/audit)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from flash_reader import config, i18n, routes
from flash_reader.audit import checklist
from flash_reader.audit import claim as claims
from flash_reader.audit.human import HumanCheck
from flash_reader.embed.builder_choices import LANG_LABELS, THEME_LABELS
from flash_reader.embed.params import WidgetParams

SCHEMA = "flash-reader-embed-conformance/1"
STANDARD = "JIS X 8341-3:2016"
CRITERIA = "WCAG 2.2 level A and AA"
OK = (claims.CONFORMS, claims.NOT_APPLICABLE)


def _setting(path: str) -> tuple[str, str] | None:
    """(theme, lang) of a sampled widget page's path, or None for another page."""
    parts = urlsplit(path)
    if parts.path != routes.EMBED:
        return None
    query = parse_qs(parts.query)
    return ((query.get("theme") or ["auto"])[0], (query.get("lang") or [i18n.DEFAULT])[0])


def tested_pages(record: dict | None, params: WidgetParams) -> list[dict]:
    """The record's widget pages in the theme and language of `params` (the other choices
    change which articles show and the frame's size, not the widget's markup or colours)."""
    pages = (record or {}).get("pages", [])
    return [p for p in pages if isinstance(p, dict) and isinstance(p.get("path"), str)
            and p.get("kind") == "widget" and _setting(p["path"]) == (params.theme, params.lang)]


def facts(params: WidgetParams, record: dict | None, checks: dict[str, HumanCheck],
          public: str, title: str) -> dict:
    """The block as data: the JSON answer, and what the texts are written from."""
    widget = {"url": f"{public}{routes.EMBED}?{params.query()}", "title": title,
              "offices": list(params.offices), "limit": params.limit, "theme": params.theme,
              "lang": params.lang, "width": params.width, "height": params.height}
    answer: dict = {"schema": SCHEMA, "widget": widget, "provider": public, "third_party": True,
                    "standard": STANDARD, "criteria": CRITERIA,
                    "statement": f"{public}{routes.ACCESSIBILITY}", "audit": None}
    if record is None:
        return answer
    pages = tested_pages(record, params)
    audit = {"date": str(record.get("date", ""))[:10], "tested": bool(pages),
             "tested_urls": [f"{public}{p['path']}" for p in pages]}
    if pages:
        verdicts = claims.judge({"pages": pages}, checks).verdicts
        audit["results"] = [{"criterion": v.number, "level": v.level, "status": v.status,
                             "method": v.method} for v in verdicts]
        audit["conforming"] = sum(v.status in OK for v in verdicts)
        audit["failing"] = [v.number for v in verdicts if v.status == claims.FAILS]
        audit["unchecked"] = [v.number for v in verdicts if v.status == claims.UNCHECKED]
    answer["audit"] = audit
    return answer


def _date(lang: str, iso: str) -> str:
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return i18n.date_text(lang, day.year, day.month, day.day)


def text(block: dict, lang: str) -> str:
    """The block as a host pastes it into its results page, in `lang`."""
    widget, audit = block["widget"], block["audit"]
    lines = [i18n.text(lang, "conformance.what", title=widget["title"], provider=block["provider"],
                       theme=i18n.text(lang, THEME_LABELS[widget["theme"]]),
                       lang=i18n.text(lang, LANG_LABELS[widget["lang"]]))]
    if audit is None:
        lines.append(i18n.text(lang, "conformance.no_audit"))
    elif not audit["tested"]:
        lines.append(i18n.text(lang, "conformance.not_in_sample",
                               date=_date(lang, audit["date"])))
    else:
        none = i18n.text(lang, "conformance.none")
        lines.append(i18n.text(lang, "conformance.results", date=_date(lang, audit["date"]),
                               total=len(audit["results"]), conforming=audit["conforming"],
                               failing=", ".join(audit["failing"]) or none,
                               unchecked=", ".join(audit["unchecked"]) or none))
    lines.append(i18n.text(lang, "conformance.details", url=block["statement"]))
    lines.append(i18n.text(lang, "conformance.partial"))
    return "\n".join(lines)


def current(params: WidgetParams, title: str) -> dict:
    """The block for `params` from this deployment's latest good audit and human record."""
    _, record, _ = checklist.current_claim(config.audit_dir(), config.human_record(),
                                           checklist.version())
    checks, _ = checklist.human_checks(config.human_record())
    block = facts(params, record, checks, config.public_url(), title)
    block["text"] = {lang: text(block, lang) for lang in i18n.LANGS}
    return block

"""Run the audit: sample the deployment's live archive, test each page with axe-core in a real
Chromium, write a dated JSON record and an HTML report. Needs the `audit` extra (Playwright);
serving never imports this module."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from flash_reader import routes
from flash_reader.audit import sample as sampling
from flash_reader.audit.checklist import SCHEMA, version
from flash_reader.audit.methods import METHODS, criteria_of_tags

CHROMIUM = os.environ.get("FLASH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
MAX_FEED_PAGES = 400
MAX_ARCHIVE_BYTES = 8 * 1024 * 1024


class AuditError(RuntimeError):
    """A problem that stops the audit, said plainly for the staff member running it."""


def _get(client: httpx.Client, url: str) -> httpx.Response:
    response = client.get(url)
    response.raise_for_status()
    if len(response.content) > MAX_ARCHIVE_BYTES:
        raise AuditError(f"{url} is larger than {MAX_ARCHIVE_BYTES} bytes")
    return response


def archive(base: str, *, timeout: float = 30.0) -> tuple[list[str], list[str], list[str]]:
    """The live archive's item paths, issue paths and office codes, read from the deployment
    itself: its /feed.json pages, followed through next_url."""
    items: list[str] = []
    issues: dict[str, None] = {}
    offices: dict[str, None] = {}
    with httpx.Client(timeout=timeout, follow_redirects=False) as client:
        url: str | None = urljoin(base, routes.FEED_JSON)
        seen = set()
        while url and url not in seen and len(seen) < MAX_FEED_PAGES:
            seen.add(url)
            document = _get(client, url).json()
            if not isinstance(document, dict):
                break
            for item in document.get("items", [])[:10_000]:
                if not isinstance(item, dict) or not isinstance(item.get("url"), str):
                    continue
                path = urlsplit(item["url"]).path
                if path.startswith(routes.ITEM_PREFIX):
                    items.append(path)
                flash = item.get("_flash") if isinstance(item.get("_flash"), dict) else {}
                if isinstance(flash.get("office"), str) and flash["office"].isalnum():
                    offices[flash["office"][:20]] = None
                with contextlib.suppress(TypeError, ValueError):
                    issues[routes.issue_url(dt.date.fromisoformat(flash.get("issue_date")))] = None
            nxt = document.get("next_url")
            url = urljoin(url, nxt) if isinstance(nxt, str) else None
    return items, sorted(issues), sorted(offices)


@dataclasses.dataclass(frozen=True, slots=True)
class Settings:
    base: str
    seed: int
    random_pages: int = sampling.MIN_RANDOM
    page_seconds: float = 30.0
    total_seconds: float = 1800.0
    word: str = "日本"


def plan(settings: Settings) -> tuple[sampling.SamplePage, ...]:
    items, issues, offices = archive(settings.base)
    if not items:
        raise AuditError(f"{settings.base}/feed.json lists no items: nothing to sample")
    chosen = sampling.chosen(office=offices[0] if offices else "", word=settings.word,
                             item_path=items[0], issue_path=issues[-1] if issues else routes.ISSUES)
    return sampling.sample(chosen, items + issues, settings.seed, settings.random_pages)


def _criteria_of(results: list[dict]) -> list[dict]:
    return [{"rule": r["id"], "help": r.get("help", ""), "impact": r.get("impact"),
             "criteria": list(criteria_of_tags(r.get("tags", []))),
             "nodes": [{"target": n.get("target"), "summary": n.get("summary")}
                       for n in r.get("nodes", [])]} for r in results]


def _progress(done: int, total: int, path: str) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {path[:50]:<50}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def check_pages(settings: Settings, pages: Sequence[sampling.SamplePage],
                progress: Callable[[int, int, str], None] = _progress,
                browser: Any = None) -> tuple[list[dict], dict]:
    """Each page's axe results (or its error), and the tools' versions. `browser`: one already
    running (the tests'); otherwise Chromium is started here."""
    if browser is not None:
        return _check(settings, pages, progress, browser)
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).is_file():
        raise AuditError(f"Chromium was not found at {CHROMIUM}: install it (apt-get install "
                         "chromium) or set FLASH_CHROMIUM to its path")
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise AuditError("the audit needs Playwright: pip install 'flash-reader[audit]'") from None
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                 headless=True)
        except PlaywrightError as error:
            raise AuditError(f"Chromium at {CHROMIUM} did not start: {error}") from None
        try:
            return _check(settings, pages, progress, browser)
        finally:
            browser.close()


def _check(settings: Settings, pages: Sequence[sampling.SamplePage],
           progress: Callable[[int, int, str], None], browser: Any) -> tuple[list[dict], dict]:
    from playwright.sync_api import Error as PlaywrightError

    from flash_reader.audit.axe import AXE_VERSION, axe_results

    results = []
    deadline = time.monotonic() + settings.total_seconds
    tools = {"axe-core": AXE_VERSION, "Chromium": browser.version, "flash-reader": version()}
    # The pages' script-src policy forbids the injected axe-core.
    context = browser.new_context(bypass_csp=True)
    try:
        for number, entry in enumerate(pages, start=1):
            progress(number - 1, len(pages), entry.path)
            record = {"kind": entry.kind, "path": entry.path,
                      "url": urljoin(settings.base, entry.path)}
            left = deadline - time.monotonic()
            if left <= 0:
                record.update(status="timeout", error="the audit's overall time ran out")
                results.append(record)
                continue
            page = context.new_page()
            page.set_default_timeout(min(settings.page_seconds, left) * 1000)
            try:
                response = page.goto(record["url"], wait_until="load")
                record["http_status"] = response.status if response else None
                found = axe_results(page)
                record.update(status="ok", violations=_criteria_of(found["violations"]),
                              incomplete=_criteria_of(found["incomplete"]),
                              passed=sorted({c for r in found["passes"]
                                             for c in criteria_of_tags(r.get("tags", []))}))
            except (PlaywrightError, RuntimeError) as error:
                timed_out = "Timeout" in type(error).__name__ or "Timeout" in str(error)
                record.update(status="timeout" if timed_out else "error",
                              error=(str(error).splitlines() or [""])[0][:300])
            finally:
                page.close()
            results.append(record)
        progress(len(pages), len(pages), "")
    finally:
        context.close()
    return results, tools


def record_of(settings: Settings, pages: list[dict], tools: dict,
              now: dt.datetime | None = None) -> dict:
    now = now or dt.datetime.now(dt.UTC)
    return {"schema": SCHEMA, "version": version(), "date": now.isoformat(timespec="seconds"),
            "base_url": settings.base, "seed": settings.seed,
            "method": (f"WAIC 試験実施方法: 選択 {len(sampling.KINDS)} 種のページ（埋め込み表示は"
                       f"配色と言語の {len(sampling.widget_variants()) + 1} 通り）+ 無作為抽出 "
                       f"{settings.random_pages} ページ（乱数の種 {settings.seed}）"),
            "tools": tools, "criteria_methods": METHODS, "pages": pages}


def write(record: dict, out: Path, report_html: str) -> tuple[Path, Path]:
    """The dated record and report, written whole; LATEST (the current record's name) is
    replaced only when every page was tested (a page that errored or timed out keeps the
    previous good record)."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = record["date"][:19].replace(":", "")
    json_path, html_path = out / f"audit-{stamp}.json", out / f"audit-{stamp}.html"
    for path, text in ((json_path, json.dumps(record, ensure_ascii=False, indent=1)),
                       (html_path, report_html)):
        temp = path.with_suffix(path.suffix + ".tmp")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    if all(p.get("status") == "ok" for p in record["pages"]):
        temp = out / "LATEST.tmp"
        temp.write_text(json_path.name, encoding="utf-8")
        os.replace(temp, out / "LATEST")
    return json_path, html_path

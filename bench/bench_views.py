"""Websocket bytes on load and server CPU per navigation: the seed feed vs the demo archive.

    .venv/bin/python -m bench.bench_views [--events 200] [--no-archive]

For each feed (the bundled 7-item seed, then `flash-reader demo-archive`'s 2,520 items served by
a local HTTP server) the real app is started as `make run` serves it, and:
  - a real chromium loads `/`, `/?office=SEL` and `/items/<id>` (fresh context, furigana off)
    and counts the websocket bytes it receives until Reflex has hydrated the page;
  - what the browser sends for a click on an office filter is printed (websocket frames: none
    expected; the view requests it makes), so the bench's own requests can be checked
    against them;
  - an HTTP client then navigates as the browser's island does (GET /_view/<path>),
    alternating a filter view and `/`, and the app's CPU time (utime+stime of its process
    group, from /proc) over those requests is divided by their number — for views already
    rendered (cached), and for views never rendered before (a render each).
Prints tables and the archive/seed ratios; not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from playwright.sync_api import Browser, sync_playwright

from bench.bench_load import group_cpu_seconds
from bench.reflex_client import NAMESPACE
from flash_reader import routes
from flash_reader.cli import main as flash_reader_cli
from tests.browser.app_server import running_app, serving_pids
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.feed.httpserver import feed_server

ALL_LOADED = "すべてのバックナンバー"
WORDS = ["自治体", "しんがぽーる", "cuf", "ウェビナー", "交流", "観光", "存在しない", "日本"]
EVENT_PREFIX = f"42{NAMESPACE},"
CONNECT_PREFIX = f"40{NAMESPACE},"  # carries the hydrate event


def wait_until_html_says(url: str, text: str, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        with contextlib.suppress(httpx.HTTPError):
            if text in httpx.get(url, timeout=10).text:
                return time.monotonic() - started
        time.sleep(1)
    raise RuntimeError(f"{url} never said {text!r} within {timeout:.0f} s")


def ws_on_load(browser: Browser, url: str) -> dict:
    """Websocket bytes received/sent by a cold load of `url` once its modules are in charge,
    plus half a second for trailing frames (reader pages open no websocket: all zero)."""
    context = browser.new_context()
    page = context.new_page()
    received: list[int] = []
    texts: list[str] = []
    sent: list[str] = []

    def on_ws(ws) -> None:
        ws.on("framereceived", lambda payload: (received.append(_size(payload)),
                                                texts.append(str(payload))))
        ws.on("framesent", lambda payload: sent.append(str(payload)))

    page.on("websocket", on_ws)
    response = page.goto(url)
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached", timeout=60_000)
    page.wait_for_load_state("networkidle")
    document = len(response.body()) if response else 0
    context.close()
    events = [f for f in sent if f.startswith((EVENT_PREFIX, CONNECT_PREFIX))]
    return {"received": sum(received), "frames": len(received), "sent": sum(map(len, sent)),
            "document": document, "sent_events": events}


def _size(payload: str | bytes) -> int:
    return len(payload.encode("utf-8") if isinstance(payload, str) else payload)


def browser_navigation(browser: Browser, url: str) -> tuple[dict, list[str]]:
    """What a real browser sends when a reader ticks an office filter on `/` (websocket event
    frames and view requests), and every filter URL the page offers (the `data-href` of its
    office checkboxes)."""
    context = browser.new_context()
    page = context.new_page()
    sent: list[str] = []
    views: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda p: sent.append(str(p))))
    page.on("request", lambda r: routes.VIEW_PREFIX + "/" in r.url and views.append(r.url))
    page.goto(url)
    page.locator("flash-page[data-enhanced=ready]").wait_for(state="attached", timeout=60_000)
    hrefs = page.eval_on_selector_all("input[name=office][data-href]",
                                      "els => els.map(e => e.getAttribute('data-href'))")
    page.wait_for_timeout(1000)  # the load's own events, so they are not counted below
    before = len(sent)
    title = page.title()
    page.locator("input[name=office][data-href]").first.check()
    page.wait_for_function("old => document.title !== old", arg=title, timeout=30_000)
    frames = [f for f in sent[before:] if f.startswith(EVENT_PREFIX)]
    context.close()
    return {"frames": frames, "views": [v[len(url):] for v in views]}, hrefs


async def cpu_per_navigation(url: str, pgid: int, events: int, filters: list[str]) -> dict:
    fetched = 0

    async def navigate(path: str, http: httpx.AsyncClient) -> None:
        nonlocal fetched
        answer = await http.get(routes.VIEW_PREFIX + path)
        answer.raise_for_status()
        if "data-version=" not in answer.text:
            raise AssertionError(f"{path} did not answer a view")
        fetched += len(answer.content)

    async def measured(paths: list[str], http: httpx.AsyncClient) -> float:
        before = group_cpu_seconds(pgid)
        for path in paths:
            await navigate(path, http)
        return 1000 * (group_cpu_seconds(pgid) - before) / len(paths)

    filter_view = filters[0]
    alternating = [filter_view if n % 2 == 0 else "/" for n in range(events)]
    # Every path differs from every other, so each view is rendered once.
    fresh = [f"/?q={word}" for word in WORDS]
    fresh += [f"{href}&q={word}" for href in filters[1:] for word in WORDS[:3]]
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        await measured(alternating[:20], http)  # warm-up: both views rendered and cached
        cached_ms = await measured(alternating, http)
        fetched_cached = fetched / events
        fetched = 0
        render_ms = await measured(fresh, http)  # all distinct: each one is rendered once
        fetched_fresh = fetched / len(fresh)
    return {"cached_ms": cached_ms, "render_ms": render_ms, "fresh_views": len(fresh),
            "view_kb_cached": fetched_cached / 1024, "view_kb_fresh": fetched_fresh / 1024,
            "filter_view": filter_view}


@contextlib.contextmanager
def archive_feed(tmp: Path) -> Iterator[str]:
    outdir = tmp / "archive"
    if flash_reader_cli(["demo-archive", str(outdir)]) != 0:
        raise RuntimeError("flash-reader demo-archive failed")
    with feed_server() as server:
        server.serve_directory(outdir)
        yield server.url("/feed.json")


def measure_app(browser: Browser, tmp: Path, name: str, events: int, feed_url: str | None,
                expect: str) -> dict:
    env = {"FLASH_CACHE_DIR": str(tmp / f"cache-{name}")}
    if feed_url:
        env["FLASH_FEED_URL"] = feed_url
    with running_app(tmp / f"reflex-{name}.log", **env) as url:
        loaded_s = wait_until_html_says(url + "/", expect, timeout=600)
        page = browser.new_page()
        page.goto(url)
        item = page.eval_on_selector("a[href^='/items/']", "a => a.getAttribute('href')")
        page.close()
        loads = {path: ws_on_load(browser, url + path)
                 for path in ("/", "/?office=SEL", item)}
        click, filters = browser_navigation(browser, url + "/")
        pgid = os.getpgid(min(serving_pids(url)))
        # Playwright's sync API runs an event loop in this thread: the clients get their own.
        with concurrent.futures.ThreadPoolExecutor(1) as thread:
            cpu = thread.submit(asyncio.run, cpu_per_navigation(url, pgid, events,
                                                                 filters)).result()
    return {"name": name, "loaded_s": loaded_s, "loads": loads, "item": item,
            "click": click, "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=200, help="navigations per CPU measure")
    parser.add_argument("--no-archive", action="store_true")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as playwright:
        tmp = Path(tmp_name)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results.append(measure_app(browser, tmp, "seed", args.events, None, ALL_LOADED))
        report_one(results[-1])
        if not args.no_archive:
            with archive_feed(tmp) as feed_url:
                results.append(measure_app(browser, tmp, "archive", args.events, feed_url,
                                           "2,520件の記事"))
            report_one(results[-1])
        browser.close()
    if len(results) == 2:
        report_ratios(*results)


def report_one(r: dict) -> None:
    print(f"\n== {r['name']} feed (whole archive in the served HTML after {r['loaded_s']:.1f} s)")
    load = r["loads"]["/"]["sent_events"]
    print("browser's frames on load (connect with hydrate; events):",
          *(f[:300] for f in load), sep="\n  ")
    print(f"browser's office click: {len(r['click']['frames'])} websocket events "
          f"{[f[:120] for f in r['click']['frames']]}; view requests {r['click']['views']}")
    print(f"{'page':<34}{'ws KB recv':>11}{'frames':>8}{'ws KB sent':>11}{'HTML KB':>9}"
          f"{'goal':>10}")
    for path, load in r["loads"].items():
        goal = "<=10 KB" if path == "/" else ""
        print(f"{path[:34]:<34}{load['received'] / 1024:>11.2f}{load['frames']:>8}"
              f"{load['sent'] / 1024:>11.2f}{load['document'] / 1024:>9.1f}{goal:>10}")
    c = r["cpu"]
    print(f"server CPU per navigation = one view fetch ({c['filter_view']} <-> /), ms:")
    print(f"  view already rendered (cached)      {c['cached_ms']:8.2f}"
          f"   view {c['view_kb_cached']:.1f} KB")
    print(f"  {c['fresh_views']} views never rendered before   {c['render_ms']:8.2f}"
          f"   view {c['view_kb_fresh']:.1f} KB")


def report_ratios(seed: dict, archive: dict) -> None:
    print("\n== archive / seed (goal <= 1.5x)")
    rows = [(f"ws bytes on load {path}", seed["loads"][p]["received"],
             archive["loads"][q]["received"])
            for path, p, q in (("/", "/", "/"), ("/?office=SEL", "/?office=SEL", "/?office=SEL"),
                               ("/items/<id>", seed["item"], archive["item"]))]
    rows += [(f"CPU per {name}", seed["cpu"][key], archive["cpu"][key])
             for name, key in (("navigation, cached view", "cached_ms"),
                               ("navigation, new view", "render_ms"))]
    for name, a, b in rows:
        ratio = b / a if a else float("nan")
        print(f"  {name:<34}{a:>10.2f}{b:>10.2f}{ratio:>8.2f}x  "
              f"{'met' if ratio <= 1.5 else 'MISSED'}")


if __name__ == "__main__":
    main()

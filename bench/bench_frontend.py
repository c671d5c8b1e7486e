"""What a reader's browser sees: first item, interactivity, bytes, filter and display latency.

    .venv/bin/python -m bench.bench_frontend [--runs 10] [--clicks 50]
                                             [--no-blank] [--no-lighthouse]

Compares the reader (production build, as `make run` serves it) with a static HTML file of the
same issue served by the same machine, and a blank Reflex app. Prints tables; not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from bench.pages import serve_directory, write_blank_app, write_static_issue
from flash_reader import routes
from flash_reader.display.palette import CHOOSABLE, parse_colour
from flash_reader.feed.fetch import FetchLimits
from flash_reader.feed.page_cache import PageCache
from flash_reader.feed.page_loader import PageLoader
from flash_reader.store import FeedStore
from tests.browser.app_server import app_env, free_port, running_app
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.feed.httpserver import feed_server

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "bench" / "tools" / "node_modules" / ".bin" / "lighthouse"

# Recorded in the page from its very start: when the first item's title was painted (Element
# Timing: the browser's own paint time for <h2 elementtiming="item-title">), when the websocket
# opened and first answered.
TIMING_SCRIPT = """
(() => {
  const t = window.__timing = {};
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === 'item-title' && t.painted === undefined) {
        t.painted = entry.renderTime || entry.loadTime;
      }
    }
  }).observe({type: 'element', buffered: true});
  const seen = () => {
    if (t.article) return;
    const a = document.querySelector('article h2');
    if (a && a.textContent.trim()) {
      t.article_inserted = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => { t.article = performance.now(); }));
    }
  };
  new MutationObserver(seen).observe(document, {childList: true, subtree: true});
  document.addEventListener('DOMContentLoaded', seen);
  const Native = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.addEventListener('open', () => { t.ws_open = t.ws_open || performance.now(); });
    ws.addEventListener('message', () => { t.ws_message = t.ws_message || performance.now(); });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();
"""


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def cold_load(browser: Browser, url: str, interactive: bool) -> dict[str, float]:
    """One load in a fresh context (empty cache): first item painted, websocket answered."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(TIMING_SCRIPT)
    page.goto(url)
    page.wait_for_function("() => window.__timing.painted !== undefined", timeout=30_000)
    if interactive:
        page.wait_for_function("() => window.__timing.ws_message !== undefined", timeout=30_000)
    timing = page.evaluate("window.__timing")
    context.close()
    return {"first_item_ms": timing["painted"],
            "interactive_ms": timing["ws_message"] if interactive else float("nan")}


def first_item_rounds(browser: Browser, pages: dict[str, tuple[str, bool]], runs: int
                      ) -> dict[str, dict[str, float]]:
    """`runs` rounds; each round loads every page once, in order (interleaved, so all pages
    see the same machine). Medians per page."""
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in pages}
    for _ in range(runs):
        for name, (url, interactive) in pages.items():
            samples[name].append(cold_load(browser, url, interactive))
    return {name: {key: median([s[key] for s in runs_of]) for key in runs_of[0]}
            for name, runs_of in samples.items()}


def transferred(browser: Browser, url: str) -> dict[str, int]:
    """Bytes on the wire for a cold load of `url`, by resource type (as served, compressed)."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    types: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.responseReceived",
           lambda e: types.__setitem__(e["requestId"], e.get("type", "Other")))
    cdp.on("Network.loadingFinished",
           lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images too
    page.wait_for_timeout(1000)
    context.close()
    totals: dict[str, int] = {}
    for request_id, size in sizes.items():
        kind = types.get(request_id, "Other")
        totals[kind] = totals.get(kind, 0) + size
    totals["total"] = sum(sizes.values())
    return totals


def filter_latency(browser: Browser, url: str, clicks: int) -> list[float]:
    page = browser.new_page()
    page.goto(url)
    page.locator("article").first.wait_for()
    page.wait_for_timeout(500)
    samples = []
    for n in range(clicks):
        expected = 1 if n % 2 == 0 else 7
        samples.append(page.evaluate("""async ([expected]) => {
            const box = [...document.querySelectorAll('input[type=checkbox][value=PAR]')][0];
            const start = performance.now();
            box.click();
            await new Promise(resolve => {
                const done = () => document.querySelectorAll('article').length === expected;
                const obs = new MutationObserver(() => {
                    if (done()) { obs.disconnect(); resolve(); }
                });
                obs.observe(document.body, {childList: true, subtree: true});
            });
            await new Promise(r => requestAnimationFrame(r));
            return performance.now() - start;
        }""", [expected]))
    page.close()
    return samples


def display_latency(browser: Browser, url: str, changes: int = 20) -> list[float]:
    page = browser.new_page()
    page.goto(url)
    page.locator("article").first.wait_for()
    samples = []
    backgrounds = {theme.name: _rgb(theme.palette.bg) for theme in CHOOSABLE}
    for n in range(changes):
        theme = ["dark-high", "blue-yellow", "light-high", "default"][n % 4]
        # In the first frame after the change, is the new theme's background already in
        # effect (i.e. painted in that frame)? And how long until that frame?
        samples.append(page.evaluate("""async ([theme, expected]) => {
            const start = performance.now();
            window.flashDisplay.set('theme', theme);
            const next = await new Promise(r => requestAnimationFrame(() => r(
                getComputedStyle(document.documentElement).backgroundColor)));
            return {ms: performance.now() - start, changed: next === expected};
        }""", [theme, backgrounds[theme]]))
    page.close()
    return samples


def _rgb(hex_colour: str) -> str:
    r, g, b, _ = parse_colour(hex_colour)
    return f"rgb({int(r)}, {int(g)}, {int(b)})"


def ten_thousand_items() -> dict[str, float]:
    from bench.synthetic import synthetic_feed

    body = synthetic_feed(10_000)
    with tempfile.TemporaryDirectory() as tmp, feed_server() as server:
        server.serve("/feed.json", body)
        limits = FetchLimits(max_bytes=32 * 1024 * 1024)  # one 10 MB page, for this measure
        times = []
        for _ in range(5):
            store = FeedStore(loader=PageLoader(PageCache(Path(tmp)), limits=limits))
            started = time.perf_counter()
            snapshot = store.load(server.url("/feed.json"))
            times.append(time.perf_counter() - started)
        assert len(snapshot.items) == 10_000
    return {"median_s": median(times), "bytes": len(body)}


def lighthouse(url: str, desktop: bool = True) -> dict[str, float] | str:
    if not LIGHTHOUSE.exists():
        return "not installed (npm ci --prefix bench/tools)"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
             "--only-categories=performance,accessibility,best-practices",
             f"--chrome-flags={flags}", *(["--preset=desktop"] if desktop else [])],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True,
            timeout=300)
        if not report.exists():
            return f"failed: {result.stderr[-300:]}"
        categories = json.loads(report.read_text())["categories"]
    return {name: round(100 * c["score"]) for name, c in categories.items()}


def run_blank_app(directory: Path, log: Path):
    port = free_port()
    command = [sys.executable, "-m", "reflex", "run", "--env", "prod", "--single-port",
               "--frontend-port", str(port), "--backend-port", str(port)]
    return port, subprocess.Popen(command, cwd=directory, env=app_env(), stdout=log.open("wb"),
                                  stderr=subprocess.STDOUT, start_new_session=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--clicks", type=int, default=50)
    parser.add_argument("--no-blank", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--first-item-only", action="store_true",
                        help="only the first-item-visible rounds (issue 13's measure)")
    args = parser.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright, \
            running_app(Path(tmp) / "reflex.log") as app, \
            serve_directory(write_static_issue(Path(tmp) / "static")) as static:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        item_id = (Path(tmp) / "static" / "item-id.txt").read_text(encoding="utf-8")
        rounds = first_item_rounds(browser, {
            # Reader pages open no websocket (issue 21): nothing to wait for after the paint.
            "reader /": (app + "/", False), "static issue": (static + "/", False),
            "reader /items/<id>": (app + routes.item_url(item_id), False),
            "static item": (static + "/item.html", False)}, args.runs)
        results["rounds"], results["runs"] = rounds, args.runs
        results["reader"], results["static"] = rounds["reader /"], rounds["static issue"]
        if args.first_item_only:
            browser.close()
            report_first_item(rounds, args.runs)
            return
        results["reader_bytes"] = transferred(browser, app)
        results["static_bytes"] = transferred(browser, static)
        results["filter_ms"] = filter_latency(browser, app, args.clicks)
        results["display_ms"] = display_latency(browser, app)
        if not args.no_blank:
            blank_dir = write_blank_app(Path(tmp) / "blank")
            port, process = run_blank_app(blank_dir, Path(tmp) / "blank.log")
            try:
                import httpx
                deadline = time.monotonic() + 600
                while time.monotonic() < deadline:
                    try:
                        if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    time.sleep(1)
                results["blank_bytes"] = transferred(browser, f"http://127.0.0.1:{port}/")
            finally:
                os.killpg(process.pid, 15)
                process.wait(timeout=30)
        browser.close()
        if not args.no_lighthouse:
            results["lighthouse"] = lighthouse(app)
            results["lighthouse_static"] = lighthouse(static + "/")
    results["ten_thousand"] = ten_thousand_items()
    report(results)


def report_first_item(rounds: dict[str, dict[str, float]], runs: int) -> None:
    print(f"date: {time.strftime('%Y-%m-%d')}; machine: {os.cpu_count()} cores; chromium headless;"
          f" {runs} interleaved rounds, medians")
    print(f"{'first item visible (Element Timing)':<40}{'ms':>8}{'ratio':>8}{'goal':>10}"
          f"{'websocket answered ms':>24}")
    for reader, static in (("reader /", "static issue"), ("reader /items/<id>", "static item")):
        r, s = rounds[reader], rounds[static]
        ratio = r["first_item_ms"] / s["first_item_ms"]
        print(f"{reader:<40}{r['first_item_ms']:>8.0f}{ratio:>8.2f}{'<=1.2x':>10}"
              f"{r['interactive_ms']:>24.0f}")
        print(f"{static:<40}{s['first_item_ms']:>8.0f}")


def report(r: dict) -> None:
    kb = lambda n: n / 1024  # noqa: E731
    report_first_item(r["rounds"], r["runs"])
    rb, sb = r["reader_bytes"], r["static_bytes"]
    blank = r.get("blank_bytes")
    goal = "<=195 KB"
    ratio = f"{rb['total'] / blank['total']:.2f}" if blank else "-"
    print(f"{'bytes for / as served (KB)':<44}{goal:>14}{kb(rb['total']):>12.1f}{ratio:>9}")
    for kind in sorted(k for k in rb if k != "total"):
        print(f"{'  ' + kind:<44}{'':>14}{kb(rb[kind]):>12.1f}")
    if blank:
        print(f"{'bytes, blank Reflex app (KB)':<44}{'':>14}{kb(blank['total']):>12.1f}")
    print(f"{'bytes, static page (KB)':<44}{'':>14}{kb(sb['total']):>12.1f}")
    f = r["filter_ms"]
    print(f"{'filter click -> DOM updated p50 (ms)':<44}{'':>14}{median(f):>12.1f}")
    print(f"{'filter click -> DOM updated p95 (ms)':<44}{'<=100':>14}{percentile(f, 95):>12.1f}")
    d = r["display_ms"]
    in_next_frame = sum(sample["changed"] for sample in d)
    print(f"{'display change shown in the next frame':<44}{'every time':>14}"
          f"{in_next_frame:>9}/{len(d)}")
    print(f"{'display change -> that frame p95 (ms)':<44}{'<=16.7':>14}"
          f"{percentile([x['ms'] for x in d], 95):>12.1f}")
    t = r["ten_thousand"]
    print(f"{'10,000 items fetch+validate+index (s)':<44}{'<=0.5':>14}{t['median_s']:>12.3f}")
    for key in ("lighthouse", "lighthouse_static"):
        if key in r:
            print(f"{key:<44}{'95/100/95':>14}  {r[key]}")


if __name__ == "__main__":
    main()

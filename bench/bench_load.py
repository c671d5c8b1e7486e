"""N concurrent socket.io clients against the reader and a blank Reflex app, interleaved.

    .venv/bin/python -m bench.bench_load [--clients 1 100 500] [--duration 60] [--think 2.0]

Both apps run side by side for the whole run: the reader exactly as `make run` serves it, and a
blank Reflex 0.10.1 app with one counter event (written, built and started by this bench, with
the same memory state manager). At each level the two are measured one after the other (the
order alternates per level), so both see the same machine.

Reader clients hydrate with the payload a real chromium sent and stay connected, then loop: a
navigation to a filter view (`/?office=…`, one to three offices) and a navigation to `/`,
alternately — as the browser's island navigates: one GET of the view (`/_view/<path>`, gzip),
no websocket event (tests/browser/test_server_pages.py checks that a real browser sends none).
Blank clients send the counter event and wait for the new count, and every other time GET
Reflex's own `/ping` instead (the floor of an HTTP answer on this server stack, as a second
anchor for the reader's HTTP navigations). Both think (exponential, mean `--think` s) between
navigations.

Reports p50/p95/p99 of the navigation (reader) and of the counter event and /ping (blank), errors,
and app process-group RSS growth per idle connected client; then the reader/blank ratios. The app
counts the on_load events it handled itself (FLASH_EVENT_COUNT_DIR): none are expected while
readers navigate.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import random
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import httpx

from bench.pages import COUNTER_EVENT, COUNTER_STATE, running_reflex_app, write_counter_app
from bench.reflex_client import ON_LOAD, ReflexClient, capture_auth
from flash_reader import routes
from flash_reader.event_count import ENV as EVENT_COUNT_ENV
from flash_reader.event_count import read_counts
from tests.browser.app_server import running_app, serving_pids
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS


def group_cpu_seconds(pgid: int) -> float:
    """utime + stime of every process in the group (/proc/<pid>/stat)."""
    ticks = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def group_rss_mb(pgid: int) -> float:
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.getpgid(int(pid)) != pgid:
                continue
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except (OSError, ProcessLookupError):
            continue
    return total / 1024


@dataclass
class Target:
    name: str
    url: str
    auth: dict
    pgid: int
    offices: list[str] = field(default_factory=list)  # empty: the blank app

    @property
    def reader(self) -> bool:
        return bool(self.offices)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return 1000 * ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def run_level(target: Target, clients: int, duration: float, think: float) -> dict:
    rss_before = group_rss_mb(target.pgid)
    pool = [ReflexClient(target.url, target.auth) for _ in range(clients)]
    gate = asyncio.Semaphore(50)
    errors = 0
    reasons: collections.Counter[str] = collections.Counter()
    samples: dict[str, list[float]] = {"filter": [], "home": [], "counter": [], "ping": []}

    async def connect(client: ReflexClient) -> None:
        nonlocal errors
        async with gate:
            try:
                await client.connect(timeout=60)
            except Exception:
                errors += 1

    await asyncio.gather(*(connect(c) for c in pool))
    await asyncio.sleep(2)
    rss_idle = group_rss_mb(target.pgid)
    server_cpu, bench_cpu = group_cpu_seconds(target.pgid), time.process_time()
    started = time.monotonic()
    deadline = started + duration
    last_answer = started
    # aiohttp, not httpx: with 500 clients httpx's async pool kept the load generator's one
    # core busy, and its queueing showed up as the server's latency.
    http = aiohttp.ClientSession(base_url=target.url, timeout=aiohttp.ClientTimeout(total=30),
                                 connector=aiohttp.TCPConnector(limit=1000))  # ~one per browser

    async def navigate(kind: str) -> None:
        if kind == "filter":
            codes = ",".join(random.sample(target.offices, random.randint(1, 3)))
            path = f"/?office={codes}"
        else:
            path = "/"
        t0 = time.perf_counter()
        async with http.get(routes.VIEW_PREFIX + path) as answer:
            answer.raise_for_status()
            if "data-version=" not in await answer.text():
                raise ValueError("not a view")
        samples[kind].append(time.perf_counter() - t0)

    async def ping() -> float:
        # The floor of any HTTP answer on this server stack: Reflex's own /ping.
        t0 = time.perf_counter()
        async with http.get("/ping") as answer:
            answer.raise_for_status()
            await answer.read()
        return time.perf_counter() - t0

    async def user(client: ReflexClient) -> None:
        nonlocal errors, last_answer
        await asyncio.sleep(random.uniform(0, think))
        turn = 0  # reader: a filter view, then `/`, …; blank: the counter event, then /ping, …
        while time.monotonic() < deadline:
            try:
                if target.reader:
                    await navigate("filter" if turn % 2 == 0 else "home")
                    turn += 1
                elif turn % 2 == 0:
                    samples["counter"].append(await client.send(
                        COUNTER_EVENT, until=COUNTER_STATE, timeout=30))
                    turn += 1
                else:
                    samples["ping"].append(await ping())
                    turn += 1
                last_answer = max(last_answer, time.monotonic())
            except Exception as error:
                errors += 1
                reasons[type(error).__name__ + ": " + str(error)[:60]] += 1
            pause = random.expovariate(1 / think) if think else 0
            if time.monotonic() + pause >= deadline:
                break  # a pause past the deadline sends nothing: not part of the run
            await asyncio.sleep(pause)

    await asyncio.gather(*(user(c) for c in pool if c.sio.connected))
    elapsed = last_answer - started  # from the start to the last answer
    server_cpu = group_cpu_seconds(target.pgid) - server_cpu
    bench_cpu = time.process_time() - bench_cpu
    wall = time.monotonic() - started
    await http.close()
    await asyncio.gather(*(c.close() for c in pool if c.sio.connected), return_exceptions=True)
    events = sum(len(samples[k]) for k in ("filter", "home", "counter", "ping"))
    row = {"app": target.name, "clients": clients, "events": events, "elapsed": elapsed,
           "rate": events / elapsed if elapsed else float("nan"), "errors": errors,
           "kb_per_client": 1024 * (rss_idle - rss_before) / clients, "rss_idle": rss_idle,
           "reasons": reasons, "server_busy": server_cpu / wall, "bench_busy": bench_cpu / wall,
           "cpu_ms_per_event": 1000 * server_cpu / events if events else float("nan")}
    for kind, values in samples.items():
        if values:
            row[kind] = {"n": len(values), "p50": pct(values, 50), "p95": pct(values, 95),
                         "p99": pct(values, 99)}
    return row


def print_row(row: dict, server_events: int | None) -> None:
    kinds = [k for k in ("counter", "ping", "filter", "home") if k in row]
    for n, kind in enumerate(kinds):
        s = row[kind]
        head = (f"{row['app']:<8}{row['clients']:>8}{row['events']:>8}"
                f"{server_events if server_events is not None else '-':>8}{row['rate']:>8.1f}"
                f"{row['errors']:>7}{row['kb_per_client']:>9.1f}{row['rss_idle']:>9.1f}"
                if n == 0 else " " * 65)
        print(f"{head}  {kind:<12}{s['n']:>6}{s['p50']:>9.1f}{s['p95']:>9.1f}{s['p99']:>9.1f}",
              flush=True)
    print(f"{'':>8}server CPU {100 * row['server_busy']:.0f}% of a core "
          f"({row['cpu_ms_per_event']:.2f} ms per navigation or event); load generator "
          f"{100 * row['bench_busy']:.0f}%; machine load average {os.getloadavg()[0]:.1f}")
    for reason, count in row["reasons"].most_common(3):
        print(f"{'':>8}error x{count}: {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 100, 500])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between events")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        counts_dir = Path(tmp) / "event-counts"
        counts_dir.mkdir()
        with running_app(Path(tmp) / "reflex.log", **{EVENT_COUNT_ENV: str(counts_dir)}) as url, \
                running_reflex_app(write_counter_app(Path(tmp) / "counter"),
                                   Path(tmp) / "counter.log") as blank_url:
            offices = re.findall(r'name="office" value="([A-Z]+)"', httpx.get(url + "/").text)
            reader = Target("reader", url, capture_auth(url, CHROMIUM, CHROMIUM_ARGS),
                            os.getpgid(min(serving_pids(url))), offices)
            blank = Target("blank", blank_url,
                           capture_auth(blank_url, CHROMIUM, CHROMIUM_ARGS, ready="#count",
                                        path="/"),
                           os.getpgid(min(serving_pids(blank_url))))
            print(f"reader {url}; blank counter app {blank_url}; {args.duration:.0f} s per level "
                  f"and app; mean think time {args.think} s; offices {','.join(offices)}")
            print("events: answers received; server: on_load events the reader counted (none "
                  "expected); KB/idle: RSS growth per connected idle client; ms: p50 p95 p99")
            print(f"{'app':<8}{'clients':>8}{'events':>8}{'server':>8}{'ev/s':>8}{'errors':>7}"
                  f"{'KB/idle':>9}{'RSS MB':>9}  {'measure':<12}{'n':>6}{'p50':>9}{'p95':>9}"
                  f"{'p99':>9}")
            rows: dict[tuple[str, int], dict] = {}
            for level, clients in enumerate(args.clients):
                order = (blank, reader) if level % 2 == 0 else (reader, blank)
                for target in order:
                    before = read_counts(counts_dir)[ON_LOAD]
                    row = asyncio.run(run_level(target, clients, args.duration, args.think))
                    server = read_counts(counts_dir)[ON_LOAD] - before if target.reader else None
                    print_row(row, server)
                    rows[(target.name, level)] = row
            print_ratios(rows, args.clients)


def print_ratios(rows: dict, levels: list[int]) -> None:
    """Per level (the same client count may be given twice: `--clients 500 500` measures both
    orders); RSS per idle client is meaningful on a level's first measure of each app only."""
    print("\nreader / blank (same run): p95 of the reader's navigation over the counter event's"
          " p95 (goal <= 2x), and over the blank app's HTTP /ping p95 (the floor of an HTTP"
          " answer here); RSS per idle client (goal <= 1.5x)")
    for level, clients in enumerate(levels):
        reader, blank = rows[("reader", level)], rows[("blank", level)]
        base = blank["counter"]["p95"]
        floor = blank["ping"]["p95"]
        parts = [f"{kind} {reader[kind]['p95'] / base:.2f}x "
                 f"(/ping {reader[kind]['p95'] / floor:.2f}x)"
                 for kind in ("filter", "home") if kind in reader]
        memory = (reader["kb_per_client"] / blank["kb_per_client"]
                  if blank["kb_per_client"] > 0 else float("nan"))
        print(f"{clients:>5} clients: blank p95 {base:.1f} ms, /ping {floor:.1f} ms; "
              + "; ".join(parts)
              + f"; RSS/idle {reader['kb_per_client']:.1f} vs {blank['kb_per_client']:.1f} KB"
              f" = {memory:.2f}x")


if __name__ == "__main__":
    main()

"""N concurrent clients speaking Reflex's socket.io protocol against the real app.

    .venv/bin/python -m bench.bench_load [--clients 1 100 500] [--duration 60] [--think 2.0]

Each client hydrates, then loops: an office filter or a search (sent as the navigation
event the browser sends) and waits for the reader's state in answer, then "thinks".
Reports throughput, p50/p95/p99 latency, errors, and backend memory per idle client.

Throughput is events answered over the time from the start to the last answer (no client's
final think time counted). The app counts the events it handled itself (FLASH_EVENT_COUNT_DIR,
flash_reader/event_count.py); both counts are printed, and they should agree.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.reflex_client import ON_LOAD, READER, ReflexClient, capture_auth
from flash_reader.event_count import ENV as EVENT_COUNT_ENV
from flash_reader.event_count import read_counts
from tests.browser.app_server import running_app, serving_pids
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

OFFICES = ["PAR", "SIN", "LON", "BEJ", "NYC", "SYD", "SEL"]
WORDS = ["自治体", "しんがぽーる", "cuf", "ウェビナー", "交流", "存在しない"]


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


def random_view() -> tuple[str, dict[str, str]]:
    query: dict[str, str] = {}
    if random.random() < 0.6:
        query["office"] = ",".join(random.sample(OFFICES, random.randint(1, 3)))
    if random.random() < 0.5 or not query:
        query["q"] = random.choice(WORDS)
    return "/?" + urlencode(query), query


async def run_level(url: str, auth: dict, clients: int, duration: float, think: float,
                    pgid: int, counts_dir: Path) -> dict:
    rss_before = group_rss_mb(pgid)
    pool = [ReflexClient(url, auth) for _ in range(clients)]
    gate = asyncio.Semaphore(50)
    errors = 0

    async def connect(client: ReflexClient) -> None:
        nonlocal errors
        async with gate:
            try:
                await client.connect()
            except Exception:
                errors += 1

    await asyncio.gather(*(connect(c) for c in pool))
    await asyncio.sleep(2)
    rss_idle = group_rss_mb(pgid)
    latencies: list[float] = []
    server_before = read_counts(counts_dir)[ON_LOAD]
    started = time.monotonic()
    deadline = started + duration
    last_answer = started

    async def user(client: ReflexClient) -> None:
        nonlocal errors, last_answer
        await asyncio.sleep(random.uniform(0, think))
        while time.monotonic() < deadline:
            path, query = random_view()
            try:
                latencies.append(await client.send(ON_LOAD, path=path, query=query,
                                                   until=READER, timeout=10))
                last_answer = max(last_answer, time.monotonic())
            except Exception:
                errors += 1
            pause = random.expovariate(1 / think) if think else 0
            if time.monotonic() + pause >= deadline:
                break  # a pause past the deadline sends nothing: not part of the run
            await asyncio.sleep(pause)

    await asyncio.gather(*(user(c) for c in pool if c.sio.connected))
    # From the start to the last answer: the time in which these events were handled.
    elapsed = last_answer - started
    server_events = read_counts(counts_dir)[ON_LOAD] - server_before
    await asyncio.gather(*(c.close() for c in pool if c.sio.connected), return_exceptions=True)
    ordered = sorted(latencies) or [float("nan")]

    def pct(p: float) -> float:
        return 1000 * ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    return {"clients": clients, "events": len(latencies), "server_events": server_events,
            "elapsed": elapsed, "rate": len(latencies) / elapsed if elapsed else float("nan"),
            "p50": pct(50), "p95": pct(95), "p99": pct(99),
            "mean": 1000 * statistics.fmean(ordered), "errors": errors,
            "kb_per_client": 1024 * (rss_idle - rss_before) / clients}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 100, 500])
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between events")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        counts_dir = Path(tmp) / "event-counts"
        counts_dir.mkdir()
        with running_app(Path(tmp) / "reflex.log", **{EVENT_COUNT_ENV: str(counts_dir)}) as url:
            auth = capture_auth(url, CHROMIUM, CHROMIUM_ARGS)
            pgid = _app_pgid(url)
            print(f"app {url}; {args.duration:.0f} s per level; mean think time {args.think} s")
            print("events: answers the clients received; server: filter events the app counted")
            print(f"{'clients':>8}{'events':>8}{'server':>8}{'secs':>7}{'ev/s':>8}{'p50 ms':>9}"
                  f"{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'KB/idle client':>16}")
            for clients in args.clients:
                row = asyncio.run(run_level(url, auth, clients, args.duration, args.think, pgid,
                                            counts_dir))
                print(f"{row['clients']:>8}{row['events']:>8}{row['server_events']:>8}"
                      f"{row['elapsed']:>7.1f}{row['rate']:>8.1f}{row['p50']:>9.1f}"
                      f"{row['p95']:>9.1f}{row['p99']:>9.1f}{row['errors']:>8}"
                      f"{row['kb_per_client']:>16.1f}", flush=True)


def _app_pgid(url: str) -> int:
    return os.getpgid(min(serving_pids(url)))


if __name__ == "__main__":
    main()

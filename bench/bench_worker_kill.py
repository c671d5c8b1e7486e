"""`kill -9` of a granian worker of `make run-scaled` under simulated readers (issue 23, item 1).

    .venv/bin/python -m bench.bench_worker_kill [--readers 500] [--workers 2] [--duration 40]

`--readers` readers (HTTP keep-alive, no websocket: reader pages open none) loop over the home
page, a filter page and their views with an exponential think time. A third of the way in, one
worker is killed with SIGKILL; granian's supervisor starts another. Prints the answers and
failures before, around and after the kill, the time until every worker serves again, and p95
per phase. Not a test (tests/scale/test_worker_respawn.py is).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.bench_load import pct
from flash_reader import routes
from tests.scale.scaled_app import run_scaled, workers

PATHS = ["/", "/?office=PAR", f"{routes.VIEW_PREFIX}/", f"{routes.VIEW_PREFIX}/?office=PAR"]


async def load(url: str, readers: int, duration: float, think: float,
               worker_count: int) -> dict:
    events: list[tuple[float, bool, float]] = []  # (when, answered, seconds)
    started = time.monotonic()
    stop = started + duration
    kill_at = started + duration / 3
    killed: dict[str, float] = {}
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout,
                                     headers={"Accept-Encoding": "gzip"}) as session:
        async def reader(n: int) -> None:
            await asyncio.sleep(random.uniform(0, think))
            step = n
            while time.monotonic() < stop:
                path = PATHS[step % len(PATHS)]
                step += 1
                begun = time.perf_counter()
                try:
                    async with session.get(url + path) as response:
                        await response.read()
                        good = response.status == 200
                except (TimeoutError, aiohttp.ClientError):
                    good = False
                events.append((time.monotonic(), good, time.perf_counter() - begun))
                await asyncio.sleep(random.expovariate(1 / think))

        async def killer() -> None:
            await asyncio.sleep(kill_at - time.monotonic())
            before = workers(url)
            victim = min(before)
            os.kill(victim, signal.SIGKILL)
            killed["at"] = time.monotonic()
            while len(workers(url) - {victim}) < worker_count:
                await asyncio.sleep(0.05)
            killed["back"] = time.monotonic() - killed["at"]

        await asyncio.gather(killer(), *(reader(n) for n in range(readers)))
    at = killed["at"]
    phases = {"before": lambda t: t < at, "kill +0..5 s": lambda t: at <= t < at + 5,
              "after": lambda t: t >= at + 5}
    summary = {}
    for name, within in phases.items():
        chosen = [(good, s) for t, good, s in events if within(t)]
        failed = sum(1 for good, _ in chosen if not good)
        summary[name] = (len(chosen), failed, pct([s for good, s in chosen if good], 95))
    return {"phases": summary, "back_s": killed["back"],
            "total": len(events), "failed": sum(1 for _, good, _ in events if not good)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readers", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=float, default=40)
    parser.add_argument("--think", type=float, default=2.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, run_scaled(Path(tmp), args.workers) as url:
        result = asyncio.run(load(url, args.readers, args.duration, args.think, args.workers))
    print(f"date: {time.strftime('%Y-%m-%d')}; {os.cpu_count()} cores; {args.readers} readers, "
          f"think {args.think} s, {args.workers} workers, {args.duration:.0f} s, one kill -9 "
          f"at {args.duration / 3:.0f} s")
    print(f"{'phase':<14}{'requests':>10}{'failed':>8}{'p95 ms':>9}")
    for name, (count, failed, p95) in result["phases"].items():
        print(f"{name:<14}{count:>10}{failed:>8}{p95:>9.0f}")
    share = 100 * result["failed"] / max(1, result["total"])
    print(f"failed: {result['failed']} of {result['total']} ({share:.2f} %, goal <= 1 %); "
          f"every worker serving again {result['back_s']:.1f} s after the kill (goal <= 5 s)")


if __name__ == "__main__":
    main()

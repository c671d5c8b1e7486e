"""Reader navigations under load against nginx serving the same bytes (issue 21's goals).

    .venv/bin/python -m bench.bench_navigation_load [--readers 500] [--duration 30] [--think 2]

Starts the reader as `make run` serves it (one process) and Debian's nginx (one worker,
`apt-get install nginx-light`) serving from files a copy of the very bytes, gzipped beforehand
(`gzip_static`, as the reader keeps its answers gzipped in memory), the reader answers for the
navigations readers make: a filter view and the home view (`/_view/…`, what navigate.js
fetches) and the same two pages whole. `--readers` simulated readers (HTTP keep-alive, no
websocket: reader pages open none) loop over those four with an exponential think time; the
two servers are measured one after the other, twice, alternating. Prints p50/p95 of a
navigation, errors, and server CPU per answer (utime+stime from /proc), with the reader/nginx
ratios. Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import aiohttp
import httpx

from bench.bench_load import group_cpu_seconds, pct
from flash_reader import routes
from tests.browser.app_server import free_port, running_app, serving_pids

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = """worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  keepalive_requests 100000;
  gzip_static on;
  types {{ text/html html; }}
  server {{ listen 127.0.0.1:{port}; root {root}/www; }}
}}
"""


def targets(office: str) -> dict[str, str]:
    """Reader path -> the file nginx serves the same bytes under."""
    return {f"{routes.VIEW_PREFIX}/?office={office}": "/view-filter.html",
            f"{routes.VIEW_PREFIX}/": "/view-home.html",
            f"/?office={office}": "/page-filter.html", "/": "/page-home.html"}


def start_nginx(root: Path, app: str, paths: dict[str, str]) -> tuple[str, subprocess.Popen]:
    (root / "www").mkdir(parents=True)
    for path, name in paths.items():
        body = httpx.get(app + path, timeout=30).content
        (root / "www" / name.lstrip("/")).write_bytes(body)
        (root / "www" / (name.lstrip("/") + ".gz")).write_bytes(gzip.compress(body, 6))
    port = free_port()
    (root / "nginx.conf").write_text(CONF.format(root=root, port=port))
    process = subprocess.Popen([NGINX, "-p", str(root), "-c", str(root / "nginx.conf"),
                                "-g", "daemon off;"], start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(url + "/view-home.html", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    return url, process


async def run(url: str, paths: list[str], readers: int, duration: float, think: float,
              pgid: int) -> dict:
    samples: list[float] = []
    errors = 0
    stop = time.monotonic() + duration
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    async with aiohttp.ClientSession(connector=connector,
                                     headers={"Accept-Encoding": "gzip"}) as session:
        async def reader(n: int) -> None:
            nonlocal errors
            await asyncio.sleep(random.uniform(0, think))
            step = n
            while time.monotonic() < stop:
                path = paths[step % len(paths)]
                step += 1
                started = time.perf_counter()
                try:
                    async with session.get(url + path) as response:
                        await response.read()
                        if response.status != 200:
                            errors += 1
                        else:
                            samples.append(time.perf_counter() - started)
                except aiohttp.ClientError:
                    errors += 1
                await asyncio.sleep(random.expovariate(1 / think))

        cpu = group_cpu_seconds(pgid)
        await asyncio.gather(*(reader(n) for n in range(readers)))
        cpu = group_cpu_seconds(pgid) - cpu
    return {"p50": pct(samples, 50), "p95": pct(samples, 95), "n": len(samples),
            "errors": errors, "cpu_ms": 1000 * cpu / max(1, len(samples))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readers", type=int, default=500)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--think", type=float, default=2.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, running_app(Path(tmp) / "reflex.log") as app:
        office = "PAR"
        paths = targets(office)
        os.chmod(tmp, 0o755)  # nginx's worker runs as another user
        nginx_url, nginx = start_nginx(Path(tmp) / "nginx", app, paths)
        try:
            app_pgid = os.getpgid(min(serving_pids(app)))
            results: dict[str, list[dict]] = {"reader": [], "nginx": []}
            for round_ in range(2):
                order = [("reader", app, list(paths)), ("nginx", nginx_url,
                                                        list(paths.values()))]
                for name, url, wanted in (order if round_ == 0 else order[::-1]):
                    pgid = app_pgid if name == "reader" else os.getpgid(nginx.pid)
                    results[name].append(asyncio.run(run(url, wanted, args.readers,
                                                         args.duration, args.think, pgid)))
        finally:
            os.killpg(nginx.pid, signal.SIGTERM)
            nginx.wait(timeout=10)
    print(f"date: {time.strftime('%Y-%m-%d')}; {os.cpu_count()} cores; {args.readers} readers, "
          f"think {args.think} s, {args.duration:.0f} s per server and round, 2 rounds")
    print(f"{'server':<10}{'round':>6}{'answers':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'CPU ms/answer':>15}")
    for name, runs in results.items():
        for n, r in enumerate(runs, 1):
            print(f"{name:<10}{n:>6}{r['n']:>9}{r['errors']:>8}{r['p50']:>9.1f}{r['p95']:>9.1f}"
                  f"{r['cpu_ms']:>15.3f}")
    for n in range(2):
        r, s = results["reader"][n], results["nginx"][n]
        print(f"round {n + 1}: p95 reader/nginx {r['p95'] / s['p95']:.2f} (goal <= 1.5); "
              f"CPU per answer reader/nginx {r['cpu_ms'] / max(s['cpu_ms'], 1e-9):.1f}")


if __name__ == "__main__":
    main()

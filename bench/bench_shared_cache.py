"""Readers through a shared cache (issue 23.1): a real nginx running the shipped
deploy/nginx-cache.conf in front of `make run-scaled`, against nginx serving the same bytes as
files.

    .venv/bin/python -m bench.bench_shared_cache [--readers 2000] [--duration 30] [--think 5]
                                                 [--workers 2]

1. `make run-scaled` (own Redis, `--workers` workers) reads its feed from a local HTTP server,
   with FLASH_CACHE_MAX_AGE=10 and FLASH_REFRESH_SECONDS=5; nginx (one worker) runs
   deploy/nginx-cache.conf in front of it, and a second nginx server serves, as files, the very
   bytes the cache sends (gzip) for every URL readers ask for: the anchor.
2. `--readers` simulated readers, each with random cookies (analytics, a session, our language
   cookie), loop over the reader's URLs (pages of every kind, views, the feed, the page's
   scripts and styles) with an exponential think time; through the cache and from the files,
   one after the other, twice, alternating. Hit ratio from X-Cache-Status, p50/p95, errors.
3. Throughput with no think time (100 connections, 10 s): the origin alone and the cache, for
   the capacity estimate, which is worked from these figures and printed.
4. A new issue is published on the feed server: seconds until `/` through the cache shows it,
   against FLASH_REFRESH_SECONDS + max-age.
5. Every app process is killed: for 30 s every URL is asked again through the cache; how many
   answers were a page the cache gave readers in the seconds before (status and bytes).

Not a test (tests/scale/test_shared_cache.py is): it prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import gzip
import hashlib
import json
import os
import random
import re
import secrets
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp
import httpx

from bench.bench_load import pct
from flash_reader import routes
from flash_reader.config import BUNDLED_FEED
from tests.browser.app_server import kill_app, wait_for
from tests.feed.httpserver import feed_server
from tests.scale.nginx import HIT, running_nginx
from tests.scale.scaled_app import run_scaled

MAX_AGE_S = 10
DEPLOYED_MAX_AGE_S = 60  # FLASH_CACHE_MAX_AGE's default
REFRESH_S = 5
NOT_FOUND = "/no/such/page"
NEW_TITLE = "ベンチマーク用の新しい号の記事"


def visitor_headers() -> dict[str, str]:
    return {"Accept": "text/html,*/*", "Accept-Encoding": "gzip",
            "Cookie": f"_ga=GA1.{secrets.token_hex(6)}; PHPSESSID={secrets.token_hex(16)}; "
                      f"fr_lang={random.choice(['ja', 'en'])}"}


def reader_paths(feed: dict, home_html: str) -> list[str]:
    """What readers of this feed ask for: every page kind, views, feeds, and the assets the
    home page loads. The home page and filters are asked most, as readers do."""
    items = feed["items"]
    offices = sorted({item["_flash"]["office"] for item in items})
    issue = items[0]["_flash"]["issue_date"]
    home = routes.READER
    pages = [home, home, home, f"{home}?lang=en", f"{home}?furigana=1", routes.ISSUES,
             routes.ISSUE_PREFIX + issue, routes.ABOUT, routes.ACCESSIBILITY, routes.FEED_JSON,
             routes.FEED_ATOM, NOT_FOUND]
    pages += [f"{home}?office={code}" for code in offices]
    pages += [f"{routes.VIEW_PREFIX}{home}?office={code}" for code in offices]
    pages += [routes.ITEM_PREFIX + item["id"] for item in items]
    assets = re.findall(r'(?:src|href)="(/[^"/][^"]*\.(?:js|css|woff2))"', home_html)
    return pages + sorted(set(assets))


def raw_get(client: httpx.Client, path: str) -> tuple[int, bytes, str]:
    """Status, the bytes as sent (gzip if the server gzipped) and X-Cache-Status."""
    with client.stream("GET", path, headers=visitor_headers()) as answer:
        body = b"".join(answer.iter_raw())
        if answer.headers.get("content-encoding") != "gzip":
            body = gzip.compress(body, 6, mtime=0)
        return answer.status_code, body, answer.headers.get("x-cache-status", "")


def file_name(path: str) -> str:
    return "/f" + hashlib.sha1(path.encode()).hexdigest()[:16]


async def readers_run(url: str, paths: list[str], readers: int, duration: float,
                      think: float) -> dict:
    samples: list[float] = []
    statuses: Counter[str] = Counter()
    errors = 0
    stop = time.monotonic() + duration
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector, auto_decompress=False,
                                     timeout=aiohttp.ClientTimeout(total=30)) as session:
        async def reader() -> None:
            nonlocal errors
            headers = visitor_headers()  # one reader keeps its cookies
            await asyncio.sleep(random.uniform(0, think))
            while time.monotonic() < stop:
                path = random.choice(paths)
                started = time.perf_counter()
                try:
                    async with session.get(url + path, headers=headers) as answer:
                        await answer.read()
                        if answer.status >= 500:
                            errors += 1
                        else:
                            samples.append(time.perf_counter() - started)
                            statuses[answer.headers.get("X-Cache-Status", "-")] += 1
                except (TimeoutError, aiohttp.ClientError):
                    errors += 1
                await asyncio.sleep(random.expovariate(1 / think))

        await asyncio.gather(*(reader() for _ in range(readers)))
    answered = sum(statuses.values())
    hits = sum(n for status, n in statuses.items() if status in HIT)
    return {"n": len(samples), "errors": errors, "p50": pct(samples, 50),
            "p95": pct(samples, 95), "hit": hits / answered if answered else float("nan"),
            "statuses": dict(statuses), "rate": len(samples) / duration}


async def throughput(url: str, paths: list[str], connections: int = 100,
                     duration: float = 10) -> float:
    """Answers per second with no think time (the load generator shares the two cores)."""
    done = 0
    stop = time.monotonic() + duration
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0),
                                     auto_decompress=False) as session:
        async def loop() -> None:
            nonlocal done
            while time.monotonic() < stop:
                async with session.get(url + random.choice(paths),
                                       headers=visitor_headers()) as answer:
                    await answer.read()
                    done += answer.status < 500
        await asyncio.gather(*(loop() for _ in range(connections)))
    return done / duration


def new_issue_feed(feed: dict) -> dict:
    newer = copy.deepcopy(feed)
    item = copy.deepcopy(feed["items"][0])
    item["id"], item["title"] = "2020-11-11-01", NEW_TITLE
    item["date_published"] = "2020-11-11T00:00:00+09:00"
    item["_flash"]["issue_date"] = "2020-11-11"
    newer["items"].insert(0, item)
    return newer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readers", type=int, default=2000)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--think", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    feed = json.loads(BUNDLED_FEED.read_text(encoding="utf-8"))
    report: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, feed_server() as server:
        tmp_path = Path(tmp)
        os.chmod(tmp, 0o755)
        feeds = tmp_path / "feeds"
        feeds.mkdir()
        (tmp_path / "var").mkdir()
        (feeds / "feed.json").write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")
        server.serve_directory(feeds)
        settings = {"FLASH_FEED_URL": server.url("/feed.json"),
                    "FLASH_CACHE_MAX_AGE": str(MAX_AGE_S),
                    "FLASH_REFRESH_SECONDS": str(REFRESH_S),
                    "FLASH_CACHE_DIR": str(tmp_path / "app-cache"),
                    # No speech made ahead: the synthesis pool would share the two cores with
                    # the servers measured here (bench_speech measures it on its own).
                    "FLASH_AUDIO_PRERENDER": "off",
                    "FLASH_AUDIO_DIR": str(tmp_path / "audio")}
        with (run_scaled(tmp_path / "var", args.workers, **settings) as origin,
              running_nginx(tmp_path / "nginx", origin, static=True) as (cache, static)):
            home = httpx.get(origin + "/", timeout=30).text
            paths = reader_paths(feed, home)
            names: dict[str, str] = {}
            # The files are the origin's answers; the cache starts cold (round 1 counts its
            # misses).
            with httpx.Client(base_url=origin, timeout=30) as client:
                for path in paths:
                    status, body, _ = raw_get(client, path)
                    assert status in (200, 404), (path, status)
                    names[path] = file_name(path)
                    (tmp_path / "nginx" / "static" / names[path].lstrip("/")).write_bytes(body)
            files = [names[p] for p in paths]

            results: dict[str, list[dict]] = {"cache": [], "files": []}
            for round_ in range(2):
                order = [("cache", cache, paths), ("files", static, files)]
                for name, url, wanted in (order if round_ == 0 else order[::-1]):
                    results[name].append(asyncio.run(readers_run(
                        url, wanted, args.readers, args.duration, args.think)))

            origin_rps = asyncio.run(throughput(origin, [p for p in paths if p != NOT_FOUND]))
            cache_rps = asyncio.run(throughput(cache, paths))

            # A new issue on the feed server: how long until readers see it through the cache.
            (feeds / "feed.json").write_text(
                json.dumps(new_issue_feed(feed), ensure_ascii=False), encoding="utf-8")
            published = time.monotonic()
            with httpx.Client(base_url=cache, timeout=30) as client:
                wait_for(lambda: NEW_TITLE in client.get("/", headers=visitor_headers()).text,
                         timeout=4 * (REFRESH_S + MAX_AGE_S), what="the new issue", interval=0.2)
            new_issue_s = time.monotonic() - published

            # Every app process gone: what the cache still gives readers.
            with httpx.Client(base_url=cache, timeout=30) as client:
                # What readers have: every copy the cache gave for each URL over the last
                # seconds (a copy being refreshed in the background is an older page).
                before: dict[str, set[tuple[int, bytes]]] = {p: set() for p in paths}
                for _ in range(3):
                    for path in paths:
                        status, body, _ = raw_get(client, path)
                        before[path].add((status, gzip.decompress(body)))
                    time.sleep(1)
                kill_app(origin)
                served = asked = 0
                stale_statuses: Counter[str] = Counter()
                missed: Counter[str] = Counter()
                until = time.monotonic() + 30
                while time.monotonic() < until:
                    for path in paths:
                        status, body, cache_status = raw_get(client, path)
                        asked += 1
                        stale_statuses[cache_status] += 1
                        same = (status, gzip.decompress(body)) in before[path]
                        served += same
                        if not same:
                            missed[f"{path} {status} {cache_status}"] += 1
                    time.sleep(0.5)

    hits = [r["hit"] for r in results["cache"]]
    report.append(f"date: {time.strftime('%Y-%m-%d')}; {os.cpu_count()} cores; nginx 1 worker; "
                  f"make run-scaled with {args.workers} workers; {args.readers} readers with "
                  f"random cookies, think {args.think} s, {args.duration:.0f} s per server and "
                  f"round, 2 rounds; {len(paths)} URLs")
    report.append(f"{'server':<8}{'round':>6}{'answers':>9}{'per s':>8}{'errors':>8}"
                  f"{'hit %':>8}{'p50 ms':>9}{'p95 ms':>9}")
    for name, runs in results.items():
        for n, r in enumerate(runs, 1):
            hit = f"{100 * r['hit']:.2f}" if name == "cache" else "-"
            report.append(f"{name:<8}{n:>6}{r['n']:>9}{r['rate']:>8.0f}{r['errors']:>8}"
                          f"{hit:>8}{r['p50']:>9.1f}{r['p95']:>9.1f}")
    for n in range(2):
        c, f = results["cache"][n], results["files"][n]
        report.append(f"round {n + 1}: hit ratio {100 * c['hit']:.2f} % (goal >= 95); "
                      f"p95 cache/files {c['p95'] / f['p95']:.2f} (goal <= 1.2); "
                      f"cache statuses {c['statuses']}")
    report.append(f"throughput, 100 connections, no think: origin alone {origin_rps:.0f}/s "
                  f"({origin_rps / args.workers:.0f}/s per worker), through the cache "
                  f"{cache_rps:.0f}/s (both bound by this 2-core machine, load generator included)")
    report.append(f"new issue published -> on / through the cache: {new_issue_s:.1f} s "
                  f"(goal <= FLASH_REFRESH_SECONDS + max-age = {REFRESH_S + MAX_AGE_S} s)")
    report.append(f"every app process killed: {served}/{asked} answers over 30 s were the page "
                  f"readers had before ({dict(stale_statuses)})")
    if missed:
        report.append(f"  not as before: {missed.most_common(8)}")

    # Capacity, from the figures above. A reader's visit: the bench's own mix, one request per
    # think time; a day of 100,000 readers of `visit` requests each, the peak ten times the mean.
    # A visit: a page, its scripts and styles, a few navigations (bench_plain_pages counts them).
    hit, visit, archive_urls = min(hits), 20, 3_000
    per_worker = origin_rps / args.workers
    mean_rps = 100_000 * visit / 86_400
    peak_rps = 10 * mean_rps
    # Behind the cache the origin sees the misses, and at most one revalidation per URL per
    # max-age (proxy_cache_lock, background update) whatever the number of readers: worked
    # with the shipped max-age (FLASH_CACHE_MAX_AGE's default), not the bench's short one.
    origin_peak = peak_rps * (1 - hit) + archive_urls / DEPLOYED_MAX_AGE_S
    report.append(
        f"capacity: uncached, one worker answers {per_worker:.0f}/s = {per_worker * args.think:.0f}"
        f" readers asking every {args.think} s; 100,000 readers a day x {visit} requests = "
        f"{mean_rps:.1f}/s mean, {peak_rps:.0f}/s at a 10x peak; behind the cache at "
        f"{100 * hit:.2f} % hits, with {archive_urls} URLs revalidated every {DEPLOYED_MAX_AGE_S}"
        f" s, the "
        f"origin sees <= {origin_peak:.0f}/s at peak = {origin_peak / per_worker:.2f} of one "
        f"worker; the cache's peak is {peak_rps / cache_rps:.2f} of one nginx worker here")
    print("\n".join(report))


if __name__ == "__main__":
    main()

"""Reader pages against a static copy of the same served bytes (issue 21's goals).

    .venv/bin/python -m bench.bench_plain_pages [--rounds 20] [--connections 500]

Starts the reader as `make run` serves it, saves what it serves for `/`, `/items/<id>` and
`/?office=PAR` (the HTML without its two script tags, the style sheets and the photos it shows)
into a directory and serves that with a plain static server (gzip, as any web server would).
Then, in interleaved rounds (each round loads every page once, cold, in a fresh context):
bytes on the wire, the first article's title painted (Element Timing), websockets opened; and
the server's memory per open, idle keep-alive connection to a reader page. Prints a table with
the ratios against the static copy; not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

from bench.bench_frontend import TIMING_SCRIPT, lighthouse, transferred
from bench.pages import serve_directory
from flash_reader import routes
from flash_reader.render.client import CLIENT, READER_ENTRY
from tests.browser.app_server import running_app
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

ITEM_ID = "2020-10-28-01"
PAGES = {"/": "index.html", routes.item_url(ITEM_ID): "item.html", "/?office=PAR": "office.html"}


def static_copy(app: str, directory: Path) -> None:
    """What the reader serves, without its scripts: the bytes a static host would send."""
    directory.mkdir(parents=True, exist_ok=True)
    assets: set[str] = {"/themes.css", "/reader.css"}
    for path, name in PAGES.items():
        html = httpx.get(app + path, timeout=30).text
        html = html.replace(f"<script>{CLIENT.prepaint}</script>", "")
        html = html.replace(f'<script type="module" src="{CLIENT.url(READER_ENTRY)}"></script>', "")
        assert "<script>" not in html and "type=\"module\"" not in html, "scripts left in the copy"
        (directory / name).write_text(html, encoding="utf-8")
        assets |= set(re.findall(r'src="(/placeholder/[^"?]+)"', html))
    for asset in assets:
        target = directory / asset.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(httpx.get(app + asset, timeout=30).content)


def first_article(browser, url: str) -> tuple[float, int]:
    context = browser.new_context()
    page = context.new_page()
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.add_init_script(TIMING_SCRIPT)
    page.goto(url)
    page.wait_for_function("() => window.__timing.painted !== undefined", timeout=30_000)
    page.wait_for_load_state("networkidle")
    painted = page.evaluate("window.__timing.painted")
    context.close()
    return painted, len(sockets)


def app_pids(port: int) -> list[int]:
    """The app's processes: `reflex run` and its granian workers carry the port on their
    command line."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if str(port).encode() in cmdline and any(b"reflex" in part for part in cmdline):
                pids.append(int(entry.name))
    return pids


def rss_kb(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def memory_per_open_page(app: str, connections: int) -> float:
    """KB of server memory per open, idle reader page: each connection loaded `/` once and
    stays open (keep-alive), as a browser tab with the page does."""
    host, port = app.removeprefix("http://").split(":")
    pids = app_pids(int(port))
    before = rss_kb(pids)
    held = []
    request = (f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Encoding: gzip\r\n"
               "Connection: keep-alive\r\n\r\n").encode()
    for _ in range(connections):
        sock = socket.create_connection((host, int(port)))
        sock.sendall(request)
        sock.settimeout(30)
        received = b""
        while b"\r\n\r\n" not in received:
            received += sock.recv(65536)
        head, _, body = received.partition(b"\r\n\r\n")
        length = int(re.search(rb"content-length: (\d+)", head, re.I).group(1))
        while len(body) < length:
            body += sock.recv(65536)
        held.append(sock)
    time.sleep(2)  # let the server settle: a reading, not an assertion
    after = rss_kb(pids)
    for sock in held:
        sock.close()
    return (after - before) / connections


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=500)
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright, \
            running_app(Path(tmp) / "reflex.log") as app:
        static_dir = Path(tmp) / "static"
        static_copy(app, static_dir)
        with serve_directory(static_dir) as static:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pairs = {path: (app + path, f"{static}/{name}") for path, name in PAGES.items()}
            sizes = {path: (transferred(browser, a)["total"], transferred(browser, s)["total"])
                     for path, (a, s) in pairs.items()}
            ratios: dict[str, list[float]] = {path: [] for path in pairs}
            painted: dict[str, list[tuple[float, float]]] = {path: [] for path in pairs}
            sockets = 0
            for _ in range(args.rounds):
                for path, (a, s) in pairs.items():
                    reader, opened = first_article(browser, a)
                    plain, _ = first_article(browser, s)
                    sockets += opened
                    painted[path].append((reader, plain))
                    ratios[path].append(reader / plain)
            browser.close()
            scores = None if args.no_lighthouse else (lighthouse(app + "/", desktop=False),
                                                     lighthouse(f"{static}/index.html",
                                                                desktop=False))
        memory = memory_per_open_page(app, args.connections)
    print(f"date: {time.strftime('%Y-%m-%d')}; {os.cpu_count()} cores; chromium headless; "
          f"{args.rounds} interleaved rounds")
    print(f"{'page':<28}{'KB reader':>10}{'KB static':>10}{'ratio':>7}{'goal':>7}"
          f"{'first article ms':>18}{'static ms':>10}{'ratio':>7}{'goal':>7}")
    for path in pairs:
        r, s = sizes[path]
        reader = statistics.median(p[0] for p in painted[path])
        plain = statistics.median(p[1] for p in painted[path])
        print(f"{path:<28}{r / 1024:>10.1f}{s / 1024:>10.1f}{r / s:>7.2f}{'<=2':>7}"
              f"{reader:>18.0f}{plain:>10.0f}{statistics.median(ratios[path]):>7.2f}{'<=1.1':>7}")
    print(f"websockets opened by {args.rounds * len(pairs)} reader page loads: {sockets} (goal 0)")
    print(f"server memory per open reader page ({args.connections} idle keep-alive): "
          f"{memory:.1f} KB (goal <= 10 KB)")
    if scores:
        print(f"lighthouse (mobile, the default) reader /: {scores[0]}; static copy: {scores[1]}")


if __name__ == "__main__":
    main()

"""A real Debian nginx running deploy/nginx-cache.conf (the config docs/deploy.md ships), for
the shared-cache test and bench. Optionally a second server serving files, the bench's anchor."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import string
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx

from tests.browser.app_server import PROJECT_ROOT, free_port, stop_group, wait_for

CONFIG = PROJECT_ROOT / "deploy" / "nginx-cache.conf"
HIT = frozenset({"HIT", "STALE", "UPDATING"})  # answered from the cache, not by the app


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if Path(p).exists()), None)
    if not found:
        raise RuntimeError("nginx is not installed: `make nginx-deps` (Debian nginx-light)")
    return found


def _main_config(prefix: Path, origin: str, port: int, static_port: int | None) -> str:
    # safe_substitute: nginx's own $variables stay as they are; ours must all be filled.
    server = string.Template(CONFIG.read_text()).safe_substitute(
        cache_dir=prefix / "cache", origin=origin, listen=f"127.0.0.1:{port}")
    unfilled = re.findall(r"\$\{(\w+)\}", server)
    assert not unfilled, f"deploy/nginx-cache.conf has values this harness leaves: {unfilled}"
    # The anchor: the same bytes as files (gzip, as the cache sends them to these readers).
    static = "" if static_port is None else f"""
    server {{
        listen 127.0.0.1:{static_port};
        root {prefix / 'static'};
        default_type text/html;
        add_header Content-Encoding gzip;
    }}"""
    # As root (CI), nginx's workers would run as nobody, who cannot enter pytest's private
    # temporary directories: keep them as the user who started nginx.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
error_log {prefix / 'error.log'} warn;
pid {prefix / 'nginx.pid'};
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {prefix / 'tmp'};
    proxy_temp_path {prefix / 'tmp'};
{server}
{static}
}}
"""


@contextlib.contextmanager
def running_nginx(prefix: Path, origin: str, static: bool = False
                  ) -> Iterator[tuple[str, str]]:
    """nginx with our cache config in front of `origin` (http://host:port); yields the cache's
    URL and the static anchor's ("" without `static`)."""
    port = free_port()
    static_port = free_port() if static else None
    for part in ("cache", "tmp", "static"):
        (prefix / part).mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(_main_config(prefix, origin.removeprefix("http://"), port, static_port))
    binary = nginx_binary()
    subprocess.run([binary, "-t", "-q", "-c", str(conf), "-p", str(prefix)], check=True)
    process = subprocess.Popen([binary, "-c", str(conf), "-p", str(prefix), "-g", "daemon off;"],
                               start_new_session=True)
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        assert process.poll() is None, (prefix / "error.log").read_text(errors="replace")
        try:
            httpx.get(url + "/_nginx_probe", timeout=2)
            return True
        except httpx.HTTPError:
            return False

    try:
        wait_for(up, timeout=20, what="nginx to listen")
        yield url, (f"http://127.0.0.1:{static_port}" if static_port else "")
    finally:
        stop_group(process, timeout=10)

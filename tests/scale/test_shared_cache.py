"""Pages a shared cache can serve (issue 23.1): a real nginx running the shipped
deploy/nginx-cache.conf in front of the real app.

Readers with different cookies share one cached copy per URL (the language and readings are
in the URL), and with the app gone the cache goes on serving what it had (stale-if-error)."""

from __future__ import annotations

import secrets

import httpx
import pytest

from tests.browser.app_server import kill_app, running_app, wait_for
from tests.scale.nginx import HIT, running_nginx

ITEM = "2020-10-28-01"
# A page of each kind, a view, a feed and a script: everything a reader's visit fetches.
PATHS = ["/", "/?office=PAR", "/?office=PAR&lang=en", "/?furigana=1", f"/items/{ITEM}",
         "/issues/2020-10-28?lang=en", "/issues", "/about", "/accessibility", "/_view/?office=SIN",
         "/feed.json", "/no/such/page"]


def visitor() -> dict[str, str]:
    # What municipal visitors carry: analytics and session cookies, and our own language one.
    return {"Accept": "text/html", "Accept-Encoding": "gzip",
            "Cookie": f"_ga=GA1.{secrets.token_hex(6)}; PHPSESSID={secrets.token_hex(16)}; "
                      f"fr_lang={secrets.choice(['ja', 'en'])}"}


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory):
    var = tmp_path_factory.mktemp("shared-cache")
    with (running_app(var / "app.log", FLASH_CACHE_MAX_AGE="1", FLASH_STALE_IF_ERROR="600",
                      FLASH_CACHE_DIR="off", REFLEX_WEB_WORKDIR=".web-embed") as origin,
          running_nginx(var / "nginx", origin) as (url, _)):
        yield origin, url


def test_readers_with_any_cookies_share_one_cached_copy_and_get_it_when_the_app_is_gone(
        cache) -> None:
    origin, url = cache
    first: dict[str, httpx.Response] = {}
    with httpx.Client(base_url=url, timeout=10) as client:
        for path in PATHS:
            first[path] = client.get(path, headers=visitor())
            assert first[path].status_code in (200, 404), path
            assert "set-cookie" not in first[path].headers, path
        for path in PATHS:
            again = client.get(path, headers=visitor())
            assert again.headers["x-cache-status"] in HIT, (path, again.headers)
            assert again.content == first[path].content, path

        kill_app(origin)

        def served_stale() -> bool:
            return client.get("/", headers=visitor()).headers["x-cache-status"] == "STALE"

        # Fresh for max-age (1 s), then stale: the app is gone, the copies are still served.
        wait_for(served_stale, timeout=30, what="the cache to serve its stale copy")
        for path in PATHS:
            stale = client.get(path, headers=visitor())
            assert stale.status_code == first[path].status_code, path
            assert stale.headers["x-cache-status"] in HIT and stale.content == first[
                path].content, path

"""Scale-out: two processes behind one Redis agree on the content version, and each view is
rendered from one version (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page

from bench.reflex_client import ON_LOAD, READER, ReflexClient, capture_auth_with
from tests.browser.app_server import in_thread, running_app
from tests.scale.redis_server import redis_server

pytestmark = pytest.mark.browser
SRC = re.compile(r'<div id="view"[^>]*? data-src="([^"]*)"')



def version_of(src: str) -> str:
    return src.rsplit("v=", 1)[1]


def test_two_processes_agree_on_the_content_version(page: Page, tmp_path: Path) -> None:
    with redis_server(tmp_path) as redis_url:
        env = {"REFLEX_REDIS_URL": redis_url, "GRANIAN_WORKERS": "1",
               "REFLEX_WEB_WORKDIR": ".web-scale"}
        with running_app(tmp_path / "a.log", **env) as a, \
                running_app(tmp_path / "b.log", backend_only=True, **env) as b:
            pages = {url: httpx.get(url + "/?office=SEL").text for url in (a, b)}
            sources = {url: SRC.search(html).group(1) for url, html in pages.items()}
            versions = {version_of(src) for src in sources.values()}
            assert len(versions) == 1 and "" not in versions, sources
            version = versions.pop()
            # Each view answers with the version it was rendered from, and names only it.
            for url in (a, b):
                answer = httpx.get(f"{url}/_view/?office=SEL&v={version}")
                assert answer.headers["x-content-version"] == version
                assert {version_of(s) for s in SRC.findall(answer.text)} == {version}

            auth = capture_auth_with(page, a)

            async def choose_on_a() -> tuple[str, str]:
                client = ReflexClient(a, auth)
                await client.connect()
                await client.send(ON_LOAD, path="/?office=SEL", query={"office": "SEL"},
                                  until=READER)
                # The load's own on_load (for "/") may answer after connect(): wait for ours.
                for _ in range(10):
                    src = client.state_value(READER, "view_src") or ""
                    if "office=SEL" in src:
                        break
                    await client.wait_for_delta_after(len(client.deltas), READER)
                await client.close()
                return client.token, src

            async def state_on_b(token: str) -> str:
                # The same reader reconnecting to the other process: its state from Redis.
                client = ReflexClient(b, auth, token=token)
                await client.connect()
                await client.wait_for_state(READER)
                src = client.state_value(READER, "view_src")
                await client.close()
                return src

            token, on_a = in_thread(choose_on_a())
            on_b = in_thread(state_on_b(token))
            assert "office=SEL" in on_a and on_a == on_b, (on_a, on_b)
            assert version_of(on_a) == version

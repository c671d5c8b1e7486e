"""Scale-out: two processes behind one Redis agree on the content version, each view is
rendered from one version, and the state a reader does keep (the embed builder's choices)
follows it from one process to the other (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page

from bench.reflex_client import BUILDER, ReflexClient, capture_auth_with
from tests.browser.app_server import in_thread, running_app
from tests.scale.redis_server import redis_server

pytestmark = pytest.mark.browser
VERSION = re.compile(r'<div id="view"[^>]*? data-version="([^"]*)"')


def test_two_processes_agree_on_the_content_version(page: Page, tmp_path: Path) -> None:
    with redis_server(tmp_path) as redis_url:
        env = {"REFLEX_REDIS_URL": redis_url, "GRANIAN_WORKERS": "1",
               "REFLEX_WEB_WORKDIR": ".web-scale"}
        with running_app(tmp_path / "a.log", **env) as a, \
                running_app(tmp_path / "b.log", backend_only=True, **env) as b:
            pages = {url: httpx.get(url + "/?office=SEL").text for url in (a, b)}
            versions = {VERSION.search(html).group(1) for html in pages.values()}
            assert len(versions) == 1 and "" not in versions, versions
            version = versions.pop()
            # Each view answers with the version it was rendered from, and names only it;
            # both processes send the same bytes, so a browser's copy from one is fresh on
            # the other.
            views = {url: httpx.get(f"{url}/_view/?office=SEL") for url in (a, b)}
            for answer in views.values():
                assert answer.headers["x-content-version"] == version
                assert set(VERSION.findall(answer.text)) == {version}
            assert views[a].headers["etag"] == views[b].headers["etag"]
            again = httpx.get(f"{b}/_view/?office=SEL",
                              headers={"If-None-Match": views[a].headers["etag"]})
            assert again.status_code == 304

            auth = capture_auth_with(page, a)

            async def choose_on_a() -> str:
                client = ReflexClient(a, auth)
                await client.connect()
                await client.send(f"{BUILDER}.toggle_office", {"code": "SEL"}, until=BUILDER)
                await client.close()
                return client.token

            async def offices_on_b(token: str) -> list[str]:
                # The same staff member reconnecting to the other process: state from Redis.
                client = ReflexClient(b, auth, token=token)
                await client.connect()
                await client.wait_for_state(BUILDER)
                offices = client.state_value(BUILDER, "offices")
                await client.close()
                return offices

            token = in_thread(choose_on_a())
            assert in_thread(offices_on_b(token)) == ["SEL"]

"""Scale-out: two backends share Redis; one dies; the client's state lives on in the other."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page

from bench.reflex_client import BUILDER, ReflexClient, capture_auth_with
from tests.browser.app_server import in_thread, kill_app, running_app
from tests.scale.redis_server import redis_server

pytestmark = pytest.mark.browser



def test_state_survives_the_backend_that_held_it(page: Page, tmp_path: Path) -> None:
    with redis_server(tmp_path) as redis_url:
        env = {"REFLEX_REDIS_URL": redis_url, "GRANIAN_WORKERS": "1",
               "REFLEX_WEB_WORKDIR": ".web-scale"}
        with running_app(tmp_path / "a.log", **env) as backend_a, \
                running_app(tmp_path / "b.log", backend_only=True, **env) as backend_b:
            auth = capture_auth_with(page, backend_a)

            async def choose_on_a() -> str:
                client = ReflexClient(backend_a, auth)
                await client.connect()
                await client.send(f"{BUILDER}.set_theme", {"value": "dark-high"}, until=BUILDER)
                # The page's own on_load (in the hydrate) answers with the same substate.
                await client.wait_for_field(BUILDER, "theme", "dark-high")
                await client.close()
                return client.token

            token = in_thread(choose_on_a())
            kill_app(backend_a)
            with pytest.raises(httpx.HTTPError):
                httpx.get(backend_a + "/ping", timeout=2)

            async def theme_on_b(token: str | None) -> object:
                client = ReflexClient(backend_b, auth, token=token)
                await client.connect()
                # The builder's state as B loaded it from Redis: wait until its theme arrives.
                await client.wait_for_field(BUILDER, "theme")
                value = client.state_value(BUILDER, "theme")
                await client.close()
                return value

            assert in_thread(theme_on_b(token)) == "dark-high"

            async def stranger_on_b() -> object:
                client = ReflexClient(backend_b, auth)
                await client.connect()
                # Opening the builder loads this reader's builder state on B; the snippet it
                # sends back is computed from that state's theme.
                await client.send(f"{BUILDER}.on_load", path="/embed/builder", until=BUILDER)
                value = client.state_value(BUILDER, "snippet")
                await client.close()
                return value

            # A new reader on B gets a state of its own: the default theme (none in the
            # snippet), not someone else's choice.
            snippet = in_thread(stranger_on_b())
            assert isinstance(snippet, str) and "/embed?limit=5" in snippet
            assert "theme=" not in snippet

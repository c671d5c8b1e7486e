"""A reader page is a whole document the app renders itself: its own <head>, one small inline
script (allowed by hash), its modules from the app — no framework runtime, no build output."""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.testclient import TestClient

from flash_reader.render.client import CLIENT, READER_ENTRY
from flash_reader.render.document import page_policy

INLINE = re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>",
                    re.S)


def _inline_scripts(html: str) -> list[str]:
    return INLINE.findall(html)


def test_reader_page_is_a_complete_document_with_its_own_head(seeded, client: TestClient) -> None:
    html = client.get("/").text
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"ja\">")
    assert html.count("<head>") == 1 and html.count("<body>") == 1
    assert html.rstrip().endswith("</html>")
    head = html.split("</head>", 1)[0]
    assert "<title>" in head and 'rel="canonical"' in head and 'property="og:title"' in head


def test_reader_page_loads_no_framework_and_nothing_of_the_build(seeded,
                                                                  client: TestClient) -> None:
    for path in ("/", "/items/2020-10-28-01", "/issues", "/about", "/no-such-page"):
        html = client.get(path, headers={"accept": "text/html"}).text
        sources = re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)
        assert sources == [CLIENT.url(READER_ENTRY)], (path, sources)
        # Nothing of React Router's build: its hashed assets, its globals, its preloads.
        for built in ("/assets/", "__reactRouter", "modulepreload", "__spa-fallback"):
            assert built not in html, (path, built)


def test_only_inline_script_is_small_and_allowed_by_its_hash(seeded, client: TestClient) -> None:
    response = client.get("/")
    scripts = _inline_scripts(response.text)
    assert len(scripts) == 1
    # The display settings and the address's language and readings (what a shared cache keys
    # on) must be decided before the first paint, so this much cannot wait for a module
    # (2,328 bytes with the reading ruler and the scripts-run mark for the no-script panel).
    assert len(scripts[0].encode()) <= 2400
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    policy = response.headers["content-security-policy"]
    assert f"'sha256-{digest}'" in policy
    assert "script-src 'self' 'sha256-" in policy and "unsafe-inline" not in policy.split(
        "script-src", 1)[1].split(";", 1)[0]
    assert policy == page_policy()


def test_english_page_is_marked_english_with_the_same_inline_script(seeded,
                                                                   client: TestClient) -> None:
    ja, en = client.get("/"), client.get("/?lang=en")
    assert en.text.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert _inline_scripts(ja.text) == _inline_scripts(en.text)


def test_reader_page_is_cacheable_by_the_back_forward_cache(seeded, client: TestClient) -> None:
    # no-store would keep every reader page out of the browsers' back/forward cache.
    for path in ("/", "/items/2020-10-28-01"):
        assert "no-store" not in client.get(path).headers["cache-control"]


def test_about_page_credits_the_voice_and_the_engine(seeded, client: TestClient) -> None:
    # Mei is CC BY 3.0: the credit is a condition of its use (issue 22), in both languages.
    for lang, heading in (("ja", "音声"), ("en", "Speech")):
        html = client.get(f"/about?lang={lang}").text
        assert f'id="about-speech">{heading}</h2>' in html, lang
        assert "Open JTalk" in html and "Mei" in html and "CC BY 3.0" in html

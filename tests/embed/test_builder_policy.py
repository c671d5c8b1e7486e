"""The builder page's script policy, from its built HTML, without a server."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route
from starlette.testclient import TestClient

from flash_reader import routes
from flash_reader.embed import headers
from flash_reader.embed.builder_policy import BuilderPolicy, inline_script_hashes, policy_for

BUILT = """<!DOCTYPE html><html lang="ja"><head>
<script>window.__ctx = {"a": "&amp;<\\/b>"};</script>
<script type="module">import "/assets/entry.js";</script>
<script src="/assets/app.js"></script>
<script type="application/json" id="fr-messages">{"x": 1}</script>
<script type="text/javascript">prepaint()</script>
<script>window.__ctx = {"a": "&amp;<\\/b>"};</script>
</head><body><div style="color: red">x</div></body></html>"""


def sha(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_every_inline_script_that_runs_is_hashed_as_written_once() -> None:
    # Character references stay as written: a browser hashes the raw text of a script.
    assert inline_script_hashes(BUILT) == [
        sha('window.__ctx = {"a": "&amp;<\\/b>"};'),
        sha('import "/assets/entry.js";'),
        sha("prepaint()"),
    ]


def test_a_json_data_block_and_a_script_with_src_get_no_hash() -> None:
    assert inline_script_hashes('<script type="application/json">{"x": 1}</script>') == []
    assert inline_script_hashes('<script src="/a.js">ignored()</script>') == []


def test_policy_allows_self_and_the_hashes_and_nothing_inline_else() -> None:
    policy = policy_for(BUILT)
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"].split() == ["'self'", *inline_script_hashes(BUILT)]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in policy
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert directives["default-src"] == "'self'"


def test_a_missing_build_allows_no_inline_script(tmp_path: Path) -> None:
    policy = BuilderPolicy(tmp_path / "absent.html")()
    assert policy.startswith("script-src 'self';") and "sha256" not in policy


def test_a_rebuilt_page_gets_the_hashes_of_its_new_scripts(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text("<script>one()</script>", encoding="utf-8")
    policy = BuilderPolicy(page)
    assert sha("one()") in policy()
    page.write_text("<script>two(2)</script>", encoding="utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000))
    assert sha("two(2)") in policy() and sha("one()") not in policy()
    page.write_bytes(b"\xff\xfe<script>x()</script>")  # not UTF-8: refuse, never guess
    assert "sha256" not in policy()


def test_builder_answers_carry_its_policy_and_other_pages_do_not(tmp_path: Path) -> None:
    built = tmp_path / routes.EMBED_BUILDER.strip("/")
    built.mkdir(parents=True)
    (built / "index.html").write_text(BUILT, encoding="utf-8")

    async def page(request):
        return Response("<p>x</p>", media_type="text/html")

    inner = Starlette(routes=[Route("/{path:path}", page)])
    client = TestClient(headers.SecurityHeaders(inner, origins=(), public="",
                                                static_dir=tmp_path))
    for path in (routes.EMBED_BUILDER, routes.EMBED_BUILDER + "/"):
        policies = client.get(path).headers.get_list("content-security-policy")
        assert len(policies) == 1
        assert policies[0].startswith(policy_for(BUILT))
        assert policies[0].endswith("frame-ancestors 'self'")
    assert "sha256" not in client.get("/").headers["content-security-policy"]

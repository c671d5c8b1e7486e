"""The page shell: React starts after the server-rendered page's first paint."""

from __future__ import annotations

import base64
import hashlib

from flash_reader.render.document import Shell, start_after_first_paint

# The start script as React Router 7 builds it (SPA mode), in a minimal shell.
START = ('import "/assets/manifest-1.js";\n'
         'import * as route0 from "/assets/root-2.js";\n'
         '  window.__reactRouterRouteModules = {"root":route0};\n\n'
         'import("/assets/entry.client-3.js");')
BUILT = ('<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"/>'
         '<link rel="modulepreload" href="/assets/root-2.js"/></head><body>'
         f'<script type="module" async="">{START}</script></body></html>')


def test_start_script_imports_run_after_the_first_paint_in_their_order() -> None:
    deferred = start_after_first_paint(START)
    assert deferred is not None and "\nimport " not in "\n" + deferred.replace("await import", "")
    order = [deferred.index(name) for name in ("manifest-1", "root-2", "entry.client-3")]
    assert order == sorted(order)
    assert 'const route0 = await import("/assets/root-2.js");' in deferred
    assert "requestAnimationFrame" in deferred  # started from a frame after the paint
    assert "setTimeout(once, 1000)" in deferred  # a hidden tab gets no frames


def test_start_script_with_an_unknown_import_form_is_left_as_built() -> None:
    assert start_after_first_paint('import { x } from "/assets/y.js";\nx();') is None


def test_rewritten_start_script_is_allowed_by_the_page_policy() -> None:
    shell = Shell.parse(BUILT)
    body = shell.tail.split('<script type="module" async="">', 1)[1].split("</script>", 1)[0]
    assert body == start_after_first_paint(START)
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in shell.script_hashes


def test_module_preloads_do_not_compete_with_the_stylesheet() -> None:
    # React starts after the first paint; its preloads only delayed the stylesheet.
    shell = Shell.parse(BUILT)
    assert "modulepreload" not in shell.head + shell.middle + shell.tail

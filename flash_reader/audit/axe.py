"""axe-core (npm, pinned in tools/package.json) run inside a page: the one runner the browser
tests and `flash-reader audit` share."""

from __future__ import annotations

import json
from typing import Any

from flash_reader.config import PROJECT_ROOT

TOOLS = PROJECT_ROOT / "tools"
AXE_JS = TOOLS / "node_modules" / "axe-core" / "axe.min.js"
# The exact version pinned in tools/package.json: a stale tools/node_modules (an older axe
# that lacks or has as experimental a rule) must not pass silently.
AXE_VERSION = json.loads((TOOLS / "package.json").read_text(encoding="utf-8"))[
    "dependencies"]["axe-core"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

_RUN = """async ([tags, include, disable, types, most]) => {
    const rules = Object.fromEntries(disable.map(id => [id, {enabled: false}]));
    const result = await axe.run(include || document,
        {runOnly: {type: "tag", values: tags}, rules, resultTypes: types});
    const plain = list => list.map(v => ({id: v.id, impact: v.impact, help: v.help,
        tags: v.tags, nodes: v.nodes.slice(0, most).map(n => ({target: n.target,
        summary: n.failureSummary}))}));
    return {violations: plain(result.violations), incomplete: plain(result.incomplete),
            passes: result.passes.map(v => ({id: v.id, tags: v.tags}))};
}"""


def _load(page: Any) -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    loaded = page.evaluate("axe.version")
    if loaded != AXE_VERSION:
        raise RuntimeError(f"axe-core {loaded} in tools/node_modules, {AXE_VERSION} pinned: "
                           "run npm ci --prefix tools")


def axe_results(page: Any, *, tags: list[str] | None = None, include: str | None = None,
                disable: tuple[str, ...] = ()) -> dict[str, list[dict]]:
    """axe's violations, incomplete (needs review) and passed rules for the page."""
    _load(page)
    return page.evaluate(_RUN, [tags or WCAG_TAGS, include, list(disable),
                                ["violations", "incomplete", "passes"], 20])


def axe_violations(page: Any, *, tags: list[str] | None = None, include: str | None = None,
                   disable: tuple[str, ...] = ()) -> list[dict]:
    """axe's violations for the page (or the `include` selector), as plain dicts."""
    _load(page)
    return page.evaluate(_RUN, [tags or WCAG_TAGS, include, list(disable),
                                ["violations"], 100_000])["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}: {node['summary']}" for node in violation["nodes"][:5])
    return "\n".join(lines)

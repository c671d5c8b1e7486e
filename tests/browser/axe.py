"""Run axe-core (npm, pinned in tools/package.json) inside the page under test."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page

TOOLS = Path(__file__).resolve().parents[2] / "tools"
AXE_JS = TOOLS / "node_modules" / "axe-core" / "axe.min.js"
# The exact version pinned in tools/package.json: a stale tools/node_modules (an older axe
# that lacks or has as experimental a rule) must not pass silently.
AXE_VERSION = json.loads((TOOLS / "package.json").read_text(encoding="utf-8"))[
    "dependencies"]["axe-core"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page: Page, *, tags: list[str] | None = None, include: str | None = None,
                   disable: tuple[str, ...] = ()) -> list[dict]:
    """axe's violations for the page (or the `include` selector), as plain dicts."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    loaded = page.evaluate("axe.version")
    assert loaded == AXE_VERSION, (
        f"axe-core {loaded} in tools/node_modules, {AXE_VERSION} pinned: run npm ci --prefix tools")
    return page.evaluate(
        """async ([tags, include, disable]) => {
            const rules = Object.fromEntries(disable.map(id => [id, {enabled: false}]));
            const result = await axe.run(include || document,
                {runOnly: {type: "tag", values: tags}, rules, resultTypes: ["violations"]});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}));
        }""",
        [tags or WCAG_TAGS, include, list(disable)],
    )


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}: {node['summary']}" for node in violation["nodes"][:5])
    return "\n".join(lines)

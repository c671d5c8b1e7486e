"""assets/themes.css is generated from the palettes and must not drift from them."""

from __future__ import annotations

import re

from flash_reader.display import stylesheet
from flash_reader.display.palette import ALL


def test_themes_css_is_up_to_date() -> None:
    assert stylesheet.STYLESHEET.read_text(encoding="utf-8") == stylesheet.render(), (
        "assets/themes.css is stale: run "
        "`python -m flash_reader.display.stylesheet > assets/themes.css`")


def test_every_theme_sets_foreground_and_background_together() -> None:
    css = stylesheet.render()
    for block in re.findall(r"\{([^{}]*--fr-[^{}]*)\}", css):
        assert "--fr-bg:" in block and "--fr-fg:" in block


def test_every_theme_has_a_rule() -> None:
    css = stylesheet.render()
    for theme in ALL:
        assert f':root[data-theme="{theme.name}"]' in css


def test_system_preferences_only_apply_without_a_choice() -> None:
    css = stylesheet.render()
    for media in ("(prefers-color-scheme: dark)", "(prefers-contrast: more)"):
        assert f"@media {media} {{\n  :root:not([data-theme])" in css


def test_sizes_cover_100_to_300_percent() -> None:
    css = stylesheet.render()
    assert 'html[data-size="300"] { font-size: 300%; }' in css
    assert stylesheet.SIZE_STEPS == {"標準": 100, "大": 150, "特大": 200}
    assert all(f'data-size="{size}"' in css for size in stylesheet.SIZE_STEPS.values())

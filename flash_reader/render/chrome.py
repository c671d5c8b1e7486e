"""The chrome every page shares (header, 表示設定, footer, help dialog): its fixed data.

Element ids live here once: the templates, the browser scripts (through the island's props
and data attributes) and the tests all take them from this module.
"""

from __future__ import annotations

import types

from flash_reader import routes
from flash_reader.display.palette import CHOOSABLE
from flash_reader.display.stylesheet import SIZE_MAX, SIZE_MIN, SIZE_STEP, SIZE_STEPS
from flash_reader.feed.search import MAX_QUERY_CHARS

IDS = types.MappingProxyType({
    "page": "page",  # <flash-page>: the server-rendered page
    "view": "view",  # the part that changes between reader URLs
    "view_status": "view-status",  # announces the new view after client-side navigation
    "search": "search-q",
    "panel": "display-settings",
    "display_status": "display-status",
    "fine_size": "display-size-fine",
    "speech_status": "speech-status",
    "dialog": "shortcut-help",
    "shortcuts_toggle": "shortcuts-enabled",
    "result_status": "result-status",
    "messages": "fr-messages",  # the browser scripts' words, as JSON (from flash_reader/i18n)
})

# Radios, not selects: a select cannot wrap its text, and at 320 px with 300% text the longer
# choices were cut off. Labels are catalogue keys (flash_reader/i18n); scripts/display.js
# announces the same entries (it reads them from the page: one source).
FURIGANA_LEGEND = "furigana.legend"
FURIGANA_OPTIONS = (("", "furigana.none"), ("all", "furigana.all"),
                    *((f"grade-{g}", f"furigana.grade-{g}") for g in range(1, 7)))
RATE_LEGEND = "rate.legend"
RATE_OPTIONS = (("0.7", "rate.0.7"), ("0.85", "rate.0.85"), ("", "rate.normal"),
                ("1.2", "rate.1.2"), ("1.5", "rate.1.5"))
SHORTCUT_KEYS = (
    ("j", "shortcut.next"),
    ("k", "shortcut.previous"),
    ("/", "shortcut.search"),
    ("?", "shortcut.open"),
    ("Esc", "shortcut.close"),
)
SIZE_CHOICES = tuple((f"size.{percent}", percent) for percent in SIZE_STEPS.values())

DISPLAY = types.SimpleNamespace(
    sizes=SIZE_CHOICES, size_min=SIZE_MIN, size_max=SIZE_MAX, size_step=SIZE_STEP,
    themes=CHOOSABLE, furigana=FURIGANA_OPTIONS, rates=RATE_OPTIONS,
    furigana_legend=FURIGANA_LEGEND, rate_legend=RATE_LEGEND)

TEMPLATE_GLOBALS = {"ids": IDS, "display": DISPLAY, "shortcut_keys": SHORTCUT_KEYS,
                    "max_query": MAX_QUERY_CHARS}
# The subscribe links (footer, office-filtered views): the feeds of flash_reader/api.py.
TEMPLATE_GLOBALS["feeds"] = types.SimpleNamespace(atom=routes.FEED_ATOM, json=routes.FEED_JSON)

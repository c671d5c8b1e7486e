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
})

# Radios, not selects: a select cannot wrap its text, and at 320 px with 300% text the longer
# choices were cut off. The words are the ones scripts/display.js announces (a test compares).
FURIGANA_LEGEND = "ふりがなを付ける漢字"
FURIGANA_OPTIONS = (("", "なし"), ("all", "すべての漢字"),
                    *((f"grade-{g}", f"小学{g}年より上の漢字") for g in range(1, 6)),
                    ("grade-6", "小学校で習わない漢字"))
RATE_LEGEND = "読み上げの速さ"
RATE_OPTIONS = (("0.7", "ゆっくり"), ("0.85", "少しゆっくり"), ("", "ふつう"), ("1.2", "少し速く"),
                ("1.5", "速く"))
SHORTCUT_KEYS = (
    ("j", "次の記事へ"),
    ("k", "前の記事へ"),
    ("/", "サイト内検索へ移動"),
    ("?", "この一覧を開く"),
    ("Esc", "この一覧を閉じる"),
)

DISPLAY = types.SimpleNamespace(
    sizes=tuple(SIZE_STEPS.items()), size_min=SIZE_MIN, size_max=SIZE_MAX, size_step=SIZE_STEP,
    themes=CHOOSABLE, furigana=FURIGANA_OPTIONS, rates=RATE_OPTIONS,
    furigana_legend=FURIGANA_LEGEND, rate_legend=RATE_LEGEND)

TEMPLATE_GLOBALS = {"ids": IDS, "display": DISPLAY, "shortcut_keys": SHORTCUT_KEYS,
                    "max_query": MAX_QUERY_CHARS}
# The subscribe links (footer, office-filtered views): the feeds of flash_reader/api.py.
TEMPLATE_GLOBALS["feeds"] = types.SimpleNamespace(atom=routes.FEED_ATOM, json=routes.FEED_JSON)

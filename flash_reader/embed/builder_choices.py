"""The embed builder's choices, checked before the builder's state keeps them.

Any client can send EmbedBuilderState any event with any JSON payload over the websocket, so a
handler never stores an argument as given: it keeps a value only when it is one of the fixed
choices offered on the page (and otherwise keeps what it had). Plain functions, so they are
tested without Reflex.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from flash_reader.embed.params import LIMIT_MAX, LIMIT_MIN

THEME_LABELS = {"auto": "閲覧者の端末に合わせる", "default": "標準", "light-high": "白地に黒",
                "dark-high": "黒地に白", "blue-yellow": "青地に黄"}
HEIGHTS = (300, 400, 480, 600, 800)
LIMITS = tuple(range(LIMIT_MIN, LIMIT_MAX + 1))
ORIGIN_MAX_CHARS = 200

# Keyed by the exact text the page's <select> sends: a lookup, never int() on client text
# (int() accepts "٣", " 3", "3_0" and 5,000-digit numbers).
_LIMIT_BY_TEXT = {str(n): n for n in LIMITS}
_HEIGHT_BY_TEXT = {str(h): h for h in HEIGHTS}
_ORIGIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")


def toggled_offices(current: Sequence[str], code: object, known: Sequence[str]) -> list[str]:
    """`current` with `code` added (at the end) or removed. An unknown code changes nothing;
    codes the feed no longer has are dropped, so the list never outgrows the feed's offices."""
    kept = kept_offices(current, known)
    if not isinstance(code, str) or code not in known:
        return kept
    return [c for c in kept if c != code] if code in kept else [*kept, code]


def kept_offices(current: Sequence[str], known: Sequence[str]) -> list[str]:
    """The known codes of `current`, once each, in the order they were chosen."""
    known_set = set(known)
    kept: list[str] = []
    for code in current:
        if isinstance(code, str) and code in known_set and code not in kept:
            kept.append(code)
    return kept


def chosen_limit(value: object, current: int) -> int:
    return _LIMIT_BY_TEXT.get(value, current) if isinstance(value, str) else current


def chosen_height(value: object, current: int) -> int:
    return _HEIGHT_BY_TEXT.get(value, current) if isinstance(value, str) else current


def chosen_theme(value: object, current: str) -> str:
    return value if isinstance(value, str) and value in THEME_LABELS else current


def page_origin(value: object) -> str:
    """`scheme://host[:port]` of the page the builder runs on (for the snippet's src), or ""
    when the value is not a plain http(s) origin of a sane length."""
    if not isinstance(value, str) or not value or len(value) > ORIGIN_MAX_CHARS:
        return ""
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:  # a bad port or bracket
        return ""
    if (parts.scheme not in ("http", "https") or not parts.netloc or not port_ok
            or parts.path not in ("", "/") or parts.query or parts.fragment
            or not set(parts.netloc) <= _ORIGIN_CHARS):
        return ""
    return f"{parts.scheme}://{parts.netloc}"

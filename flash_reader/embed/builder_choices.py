"""The embed builder's choices, checked before the builder's state keeps them.

Any client can send EmbedBuilderState any event with any JSON payload over the websocket, so a
handler never stores an argument as given: it keeps a value only when it is one of the fixed
choices offered on the page, or a size in its bounds (and otherwise keeps what it had).
Plain functions, so they are tested without Reflex.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import SplitResult, urlsplit

from flash_reader import i18n
from flash_reader.embed.params import (
    HEIGHT_MAX,
    HEIGHT_MIN,
    LIMIT_MAX,
    LIMIT_MIN,
    WIDTH_MAX,
    WIDTH_MIN,
)

# The choices and their names' catalogue keys (flash_reader/i18n): the builder's own words
# come in the language of the builder's page.
THEME_LABELS = {"auto": "builder.theme.auto", "default": "theme.default",
                "light-high": "theme.light-high", "dark-high": "theme.dark-high",
                "blue-yellow": "theme.blue-yellow"}
LANG_LABELS = {"ja": "builder.lang.ja", "en": "builder.lang.en"}
SIZE_DIGITS = 4  # every size we take is below 10,000 px; int() never sees a long string
LIMITS = tuple(range(LIMIT_MIN, LIMIT_MAX + 1))
ORIGIN_MAX_CHARS = 200

# Keyed by the exact text the page's <select> sends: a lookup, never int() on client text
# (int() accepts "٣", " 3", "3_0" and 5,000-digit numbers).
_LIMIT_BY_TEXT = {str(n): n for n in LIMITS}
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


def chosen_size(value: object, current: int, low: int, high: int) -> int:
    """A typed number of pixels: ASCII digits only, at most SIZE_DIGITS of them, in bounds."""
    if (isinstance(value, str) and 0 < len(value) <= SIZE_DIGITS and value.isascii()
            and value.isdigit() and low <= int(value) <= high):
        return int(value)
    return current


def chosen_height(value: object, current: int) -> int:
    return chosen_size(value, current, HEIGHT_MIN, HEIGHT_MAX)


def chosen_width(value: object, current: int) -> int:
    return chosen_size(value, current, WIDTH_MIN, WIDTH_MAX)


def size_problem(value: object, name_key: str, low: int, high: int,
                 lang: str = i18n.DEFAULT) -> str:
    """What to say next to a size box whose text is not a size we take ("" when it is)."""
    if chosen_size(value, -1, low, high) != -1:
        return ""
    return i18n.text(lang, "builder.size_problem", name=i18n.text(lang, name_key), low=low,
                     high=high)


def height_problem(value: object, lang: str = i18n.DEFAULT) -> str:
    return size_problem(value, "builder.height", HEIGHT_MIN, HEIGHT_MAX, lang)


def width_problem(value: object, lang: str = i18n.DEFAULT) -> str:
    return size_problem(value, "builder.width", WIDTH_MIN, WIDTH_MAX, lang)


def chosen_theme(value: object, current: str) -> str:
    return value if isinstance(value, str) and value in THEME_LABELS else current


def chosen_lang(value: object, current: str) -> str:
    return value if isinstance(value, str) and value in LANG_LABELS else current


def typed_origin(value: object) -> str:
    """`scheme://host[:port]` of a site, lower-cased and without a default port, or "" when
    the value is not a plain http(s) origin of a sane length. A page address (with a path) is
    not an origin: the caller may offer its origin part (`origin_part`)."""
    parts = _split(value)
    if parts is None or parts.path not in ("", "/") or parts.query or parts.fragment:
        return ""
    return _origin_of(parts)


def origin_part(value: object) -> str:
    """The origin of a page address (`https://www.city.example.lg.jp/kokusai/`), or ""."""
    parts = _split(value)
    return _origin_of(parts) if parts is not None else ""


def _split(value: object) -> SplitResult | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > ORIGIN_MAX_CHARS:
        return None
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:  # a bad port or bracket
        return None
    if (parts.scheme not in ("http", "https") or not parts.hostname or not port_ok
            or "@" in parts.netloc or not set(parts.netloc) <= _ORIGIN_CHARS):
        return None
    return parts


def _origin_of(parts: SplitResult) -> str:
    host = parts.netloc.lower()
    if parts.port is not None and parts.port == {"http": 80, "https": 443}[parts.scheme]:
        host = host.rsplit(":", 1)[0]
    return f"{parts.scheme}://{host}"


def origin_verdict(value: object, allowed: Sequence[str], own: str,
                   lang: str = i18n.DEFAULT) -> tuple[bool, str]:
    """「このサイトで試す」: may the typed site frame the widget? (allowed, what to tell staff).

    `allowed` is FLASH_EMBED_ORIGINS, `own` the reader's public URL (always allowed). The typed
    text is echoed only once it is a valid origin, so the message stays short and plain."""
    origin = typed_origin(value)
    note = ""
    if not origin:
        origin = origin_part(value)
        if not origin:
            return False, i18n.text(lang, "builder.origin.unreadable")
        note = i18n.text(lang, "builder.origin.from_page", origin=origin)
    known = {typed_origin(o) for o in (*allowed, own)} - {""}
    if origin in known:
        return True, i18n.text(lang, "builder.origin.allowed", origin=origin, note=note)
    other = ("http" if origin.startswith("https:") else "https") + origin[origin.index(":"):]
    scheme_hint = ""
    if typed_origin(other) in known:
        scheme_hint = i18n.text(lang, "builder.origin.scheme", other=other)
    return False, i18n.text(lang, "builder.origin.refused", origin=origin, note=note,
                            scheme_hint=scheme_hint)

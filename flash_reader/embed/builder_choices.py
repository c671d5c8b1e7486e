"""The embed builder's choices, checked before the builder's state keeps them.

Any client can send EmbedBuilderState any event with any JSON payload over the websocket, so a
handler never stores an argument as given: it keeps a value only when it is one of the fixed
choices offered on the page, or a size in its bounds (and otherwise keeps what it had).
Plain functions, so they are tested without Reflex.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import SplitResult, urlsplit

from flash_reader.embed.params import (
    HEIGHT_MAX,
    HEIGHT_MIN,
    LIMIT_MAX,
    LIMIT_MIN,
    WIDTH_MAX,
    WIDTH_MIN,
)

THEME_LABELS = {"auto": "閲覧者の端末に合わせる", "default": "標準", "light-high": "白地に黒",
                "dark-high": "黒地に白", "blue-yellow": "青地に黄"}
LANG_LABELS = {"ja": "日本語", "en": "英語（English）"}
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


def size_problem(value: object, label: str, low: int, high: int) -> str:
    """What to say next to a size box whose text is not a size we take ("" when it is)."""
    if chosen_size(value, -1, low, high) != -1:
        return ""
    return (f"{label}は {low}〜{high} の整数（ピクセル）で入力してください。"
            "今のコードは前の値のままです。")


def height_problem(value: object) -> str:
    return size_problem(value, "高さ", HEIGHT_MIN, HEIGHT_MAX)


def width_problem(value: object) -> str:
    return size_problem(value, "幅", WIDTH_MIN, WIDTH_MAX)


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


def origin_verdict(value: object, allowed: Sequence[str], own: str) -> tuple[bool, str]:
    """「このサイトで試す」: may the typed site frame the widget? (allowed, what to tell staff).

    `allowed` is FLASH_EMBED_ORIGINS, `own` the reader's public URL (always allowed). The typed
    text is echoed only once it is a valid origin, so the message stays short and plain."""
    origin = typed_origin(value)
    note = ""
    if not origin:
        origin = origin_part(value)
        if not origin:
            return False, ("サイトのアドレスとして読めませんでした。"
                           "https://www.city.example.lg.jp のように、https:// から始まる"
                           "アドレスを半角で入力してください。")
        note = f"（入力されたページのアドレスから、サイトのアドレス {origin} で確かめました）"
    known = {typed_origin(o) for o in (*allowed, own)} - {""}
    if origin in known:
        return True, (f"{origin} は埋め込みが許可されています。コードを貼り付ければ、"
                      f"プレビューと同じように表示されます。{note}")
    other = ("http" if origin.startswith("https:") else "https") + origin[origin.index(":"):]
    scheme_hint = ""
    if typed_origin(other) in known:
        scheme_hint = (f"{other} は許可されていますが、"
                       "http:// と https:// は別のサイトとして扱われます。")
    return False, (f"{origin} はまだ許可されていません。このままコードを貼り付けると、"
                   "枠の中が空白（またはブラウザーのエラー表示）になります。"
                   f"{scheme_hint}この閲覧サイトの管理者に、{origin} を埋め込み許可サイト"
                   f"（FLASH_EMBED_ORIGINS）に加えるよう依頼してください。{note}")

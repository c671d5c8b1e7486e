"""Security and cache headers on every response.

A plain ASGI middleware around the whole app (Reflex's pages, its static files, our routes):
- `/embed` may be framed by the origins in FLASH_EMBED_ORIGINS; everything else only by us;
- `X-Content-Type-Options: nosniff` and a strict `Referrer-Policy` everywhere.
"""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from flash_reader import routes

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

REFERRER_POLICY = "strict-origin-when-cross-origin"
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")
# The widget loads nothing but our own style sheets.
WIDGET_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
              "form-action 'none'")


def embed_origins(value: str | None = None) -> tuple[str, ...]:
    """FLASH_EMBED_ORIGINS: origins (scheme://host[:port]) allowed to frame /embed."""
    raw = os.environ.get("FLASH_EMBED_ORIGINS", "") if value is None else value
    origins = []
    for part in re.split(r"[\s,]+", raw.strip()):
        if not part:
            continue
        origin = part.rstrip("/")
        if not _ORIGIN.match(origin):
            raise SystemExit(f"FLASH_EMBED_ORIGINS: {part!r} is not an origin such as "
                             "https://www.example.lg.jp")
        origins.append(origin)
    return tuple(origins)


def frame_ancestors(path: str, origins: tuple[str, ...]) -> str:
    if path == routes.EMBED:
        return " ".join(("'self'", *origins))
    return "'self'"


def security_headers(path: str, origins: tuple[str, ...]) -> list[tuple[bytes, bytes]]:
    csp = f"frame-ancestors {frame_ancestors(path, origins)}"
    if path == routes.EMBED:
        csp = f"{WIDGET_CSP}; {csp}"
    return [(b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", REFERRER_POLICY.encode())]


HASHED_ASSETS = "/assets/"  # Vite's content-hashed build output: never changes under a name
LONG_CACHE = b"public, max-age=31536000, immutable"
HTML_CACHE = b"no-cache"  # always revalidate (ETag/Last-Modified), so a new issue shows at once
OTHER_CACHE = b"public, max-age=3600"


def cache_control(path: str, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """Add Cache-Control where the response has none: long for hashed assets, short for HTML."""
    if any(name.lower() == b"cache-control" for name, _ in headers):
        return headers
    content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
    if path.startswith(HASHED_ASSETS):
        value = LONG_CACHE
    elif content_type.startswith(b"text/html"):
        value = HTML_CACHE
    else:
        value = OTHER_CACHE
    return [*headers, (b"cache-control", value)]


class SecurityHeaders:
    def __init__(self, app: ASGIApp, origins: tuple[str, ...] | None = None) -> None:
        self.app = app
        self.origins = embed_origins() if origins is None else origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        extra = security_headers(path, self.origins)
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = _merge(message.get("headers", []), extra)
                if message.get("status") == 200:
                    headers = cache_control(path, headers)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _merge(headers: list[tuple[bytes, bytes]],
           extra: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    # A route's own Content-Security-Policy stays: browsers enforce every CSP header sent, so
    # ours (frame-ancestors) only adds to it.
    names = {name for name, _ in extra} - {b"content-security-policy"}
    return [(k, v) for k, v in headers if k.lower() not in names] + extra

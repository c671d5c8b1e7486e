"""Remember the language a page was asked for: `?lang=ja|en` on any HTML page (reader pages,
404s, the builder) sets the fr_lang cookie, so later pages are in that language without it.

A plain ASGI middleware around the whole app, because the builder's page is Reflex's static
file, not one of our routes. Only a known value is remembered (anything else is ignored)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

from flash_reader import i18n, routes

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]
MAX_QUERY = 4_000


def cookie_header(lang: str) -> bytes:
    return (f"{i18n.COOKIE}={lang}; Max-Age={i18n.COOKIE_MAX_AGE}; Path=/; "
            "SameSite=Lax").encode("ascii")


def asked_in(query_string: bytes) -> str:
    """The language `?lang=` names in a raw query string ("" when none we have)."""
    values = parse_qs(query_string[:MAX_QUERY].decode("latin-1")).get("lang") or [""]
    return i18n.asked(values[0])


def remembers(path: str) -> bool:
    """Pages a reader opens. Not /_view/… fetches (the island names the page's language on
    each, and a view answer stays shareable by caches), nor the widget and cards, whose
    `lang=` is the embedding site's choice (the builder's preview must not switch the reader)."""
    if path.startswith(routes.VIEW_PREFIX + "/"):
        return False
    return path == routes.EMBED_BUILDER or not (
        path == routes.EMBED or path.startswith(routes.EMBED + "/"))


class RememberLanguage:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        lang = (asked_in(scope.get("query_string", b""))
                if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD")
                and remembers(scope.get("path", "")) else "")
        if not lang:
            await self.app(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                html = any(name.lower() == b"content-type" and value.startswith(b"text/html")
                           for name, value in headers)
                if html:
                    message["headers"] = [*headers, (b"set-cookie", cookie_header(lang))]
            await send(message)

        await self.app(scope, receive, send_with_cookie)

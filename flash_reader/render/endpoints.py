"""HTTP endpoints for reader pages: the whole document per URL, the view alone, and 404s.

Every reader URL is answered with its own content, rendered at request time from the current
store (never at build time): `/`, `/?office=…&q=…`, `/items/<id>`, `/issues/<date>`. Unknown
items, dates and paths get the site's own page (in the reader's language) with status 404.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from flash_reader import config, i18n, routes
from flash_reader.render import freshness
from flash_reader.render.cache import SizedCache
from flash_reader.render.client import CLIENT, READINGS_PARAM, SCRIPTS_PREFIX
from flash_reader.render.document import VIEW_POLICY, document, page_policy
from flash_reader.render.html import render_view
from flash_reader.render.page_views import RenderedView
from flash_reader.render.request import Kind, ViewRequest, from_url
from flash_reader.store import Snapshot, store

HTML = "text/html; charset=utf-8"


def known_offices(snapshot: Snapshot) -> tuple[str, ...]:
    """The feed's office codes, in its order."""
    return tuple(o.code for o in snapshot.feed.offices) if snapshot.feed else ()


def request_of(path: str, request: Request, snapshot: Snapshot) -> ViewRequest:
    params: dict[str, list[str]] = {}
    for name, value in request.query_params.multi_items():
        if name in ("office", "q", "limit") and len(params.get(name, ())) < 50:
            params.setdefault(name, []).append(value)
    return from_url(path, params, known_offices(snapshot))


def _raw_path(request: Request, prefix: str = "") -> str:
    # The path as sent (percent-encoded), so an id holding "/" or "%" is decoded exactly once.
    raw = request.scope.get("raw_path") or request.url.path.encode()
    path = raw.decode("latin-1").split("?", 1)[0]
    return path[len(prefix):] if prefix and path.startswith(prefix) else path


def language(request: Request) -> str:
    """The chrome's language: `?lang=ja|en`, else Japanese. Only the URL, never a cookie, so a
    shared cache keys every answer on its URL alone (the browser remembers the choice and
    asks with `?lang=` itself: client/prepaint.js)."""
    return i18n.choose(request.query_params.get("lang"), None)


def wants_readings(request: Request) -> bool:
    """Furigana in the server's HTML: `?furigana=1` (added by the browser for a reader who
    turned it on, like `?lang=`)."""
    return request.query_params.get(READINGS_PARAM) == "1"


@dataclasses.dataclass(frozen=True, slots=True)
class Encoded:
    """A rendered answer as sent: UTF-8, gzip, and its ETag — made once, sent many times."""

    body: bytes
    gzipped: bytes
    etag: str

    @classmethod
    def of(cls, text: str) -> Encoded:
        body = text.encode("utf-8")
        return cls(body, gzip.compress(body, compresslevel=6),
                   '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


# Encoded answers by the same keys as the rendered views.
_encoded: SizedCache[Encoded] = SizedCache(96 * 1024 * 1024,
                                           lambda e: len(e.body) + len(e.gzipped))


def _respond(request: Request, encoded: Encoded, status: int, cache: str,
             extra: dict[str, str] | None = None) -> Response:
    headers = {"ETag": encoded.etag, "Cache-Control": cache,
               "Vary": freshness.VARY, **(extra or {})}
    if status == 200 and encoded.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(encoded.gzipped, status_code=status, media_type=HTML,
                        headers={**headers, "Content-Encoding": "gzip"})
    return Response(encoded.body, status_code=status, media_type=HTML, headers=headers)


def _rendered(request: Request, path: str) -> tuple[Snapshot, tuple, RenderedView]:
    snapshot = store.current()
    view_request = request_of(path, request, snapshot)
    readings, lang = wants_readings(request), language(request)
    key = (snapshot.version, view_request, readings, lang, config.shown_contact())
    return snapshot, key, render_view(
        snapshot, view_request, readings, lang)


def page_response(request: Request, key: tuple, rendered: RenderedView) -> Response:
    public = config.public_url()
    if rendered.kind is Kind.STATEMENT:  # follows the test record: rendered every time
        encoded = Encoded.of(document(rendered, public))
    else:
        encoded = _encoded.get_or_make(("page", *key, public),
                                       lambda: Encoded.of(document(rendered, public)))
    return _respond(request, encoded, rendered.meta.status, freshness.shared(),
                    {"Content-Security-Policy": page_policy()})


async def page(request: Request) -> Response:
    _, key, rendered = _rendered(request, _raw_path(request))
    return page_response(request, key, rendered)


async def view(request: Request) -> Response:
    """The #view element of a reader URL, for client-side navigation: what the browser fetches
    when the reader follows a link. Always the current content; a browser that holds the same
    view revalidates it (ETag) and gets a 304."""
    path = _raw_path(request, routes.VIEW_PREFIX) or routes.READER
    snapshot, key, rendered = _rendered(request, path)
    # The statement follows the test record, not the content version: encoded every time.
    encoded = (Encoded.of(rendered.html) if rendered.kind is Kind.STATEMENT
               else _encoded.get_or_make(("view", *key), lambda: Encoded.of(rendered.html)))
    return _respond(request, encoded, rendered.meta.status, freshness.shared(),
                    {"X-Content-Version": snapshot.version,
                     "Content-Security-Policy": VIEW_POLICY})


SCRIPT = "text/javascript; charset=utf-8"
IMMUTABLE = freshness.IMMUTABLE


async def script(request: Request) -> Response:
    """A client module (render/client.py). Only this release's path answers: an old page
    asking for its old modules gets a 404, never today's module under yesterday's name."""
    module = CLIENT.modules.get(request.path_params["name"])
    if module is None or request.path_params["digest"] != CLIENT.digest:
        return Response("Not found", status_code=404, media_type="text/plain")
    headers = {"ETag": module.etag, "Cache-Control": IMMUTABLE, "Vary": "Accept-Encoding"}
    if module.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(module.gzipped, media_type=SCRIPT,
                        headers={**headers, "Content-Encoding": "gzip"})
    return Response(module.body, media_type=SCRIPT, headers=headers)


def not_found_document(lang: str = i18n.DEFAULT) -> tuple[str, str]:
    rendered = render_view(store.current(), ViewRequest(Kind.NOT_FOUND), False, lang)
    return document(rendered, config.public_url()), page_policy()


def page_routes() -> list[Route]:
    return [
        Route(routes.READER, page, methods=["GET", "HEAD"]),
        Route(routes.ITEM_PREFIX + "{rest:path}", page, methods=["GET", "HEAD"]),
        Route(routes.ISSUE_PREFIX + "{rest:path}", page, methods=["GET", "HEAD"]),
        Route(routes.ISSUES, page, methods=["GET", "HEAD"]),
        Route(routes.ACCESSIBILITY, page, methods=["GET", "HEAD"]),
        Route(routes.ABOUT, page, methods=["GET", "HEAD"]),
        Route(routes.VIEW_PREFIX + "/{rest:path}", view, methods=["GET"]),
        Route(SCRIPTS_PREFIX + "/{digest}/{name}", script, methods=["GET", "HEAD"]),
    ]


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]


def ours(start: Message) -> bool:
    """A response our page routes rendered (an unknown item or date: its own words, 「配信号が
    見つかりません」): they alone carry a script policy at this point (SecurityHeaders adds the
    rest's later)."""
    return any(name.lower() == b"content-security-policy" for name, _ in start.get("headers", []))


class NotFoundPages:
    """Any other 404 for a page request (Reflex's bare English "404: Page not found") becomes
    the site's own page (Japanese, or English for ?lang=en), still with
    status 404."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD") or (
                "text/html" not in Headers(scope=scope).get("accept", "")):
            await self.app(scope, receive, send)
            return
        replaced = False

        async def send_or_replace(message: Message) -> None:
            nonlocal replaced
            if message["type"] == "http.response.start" and message.get("status") == 404 and (
                    not ours(message)):
                replaced = True
                body, policy = not_found_document(language(Request(scope)))
                data = body.encode("utf-8")
                await send({"type": "http.response.start", "status": 404, "headers": [
                    (b"content-type", HTML.encode()), (b"content-length", str(len(data)).encode()),
                    (b"cache-control", freshness.shared().encode()),
                    (b"content-security-policy", policy.encode())]})
                await send({"type": "http.response.body",
                            "body": b"" if scope["method"] == "HEAD" else data})
                return
            if replaced:
                return  # the original 404 body (and any pathsend) is dropped
            await send(message)

        await self.app(scope, receive, send_or_replace)

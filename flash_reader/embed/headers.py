"""Security and cache headers on every response.

A plain ASGI middleware around the whole app (Reflex's pages, its static files, our routes):
- `/embed` and its cards (`/embed/items/…`, `/embed/issues/…`) may be framed by the origins
  in FLASH_EMBED_ORIGINS; everything else only by us;
- `X-Content-Type-Options: nosniff`, a strict `Referrer-Policy` and a `Permissions-Policy`
  everywhere; HSTS when FLASH_PUBLIC_URL is https;
- `/ping` and `/_health` are never cached.
And `PublicCors`, outside Reflex's own CORS middleware: no CORS but `*` on the feeds and oEmbed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from flash_reader import routes
from flash_reader.config import configured_public_url
from flash_reader.embed.builder_policy import BuilderPolicy

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

REFERRER_POLICY = "strict-origin-when-cross-origin"
# Nothing here uses these; an injected script or a framed page must not ask for them either.
PERMISSIONS_POLICY = ("accelerometer=(), camera=(), display-capture=(), geolocation=(), "
                      "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
                      "usb=(), browsing-topics=()")
HSTS = b"max-age=31536000"
HEALTH_PATHS = ("/ping", "/_health")  # Reflex's own liveness routes: a cached answer lies
NO_STORE = b"no-store"
# Readable from any page (no cookies, nothing private): what other sites are meant to fetch.
PUBLIC_PATHS = (routes.FEED_JSON, routes.FEED_ATOM, routes.OEMBED)
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")
# Cards of one article or issue (flash_reader/embed/widget.py): framed like the widget.
CARD_PREFIXES = (routes.EMBED + "/items/", routes.EMBED + "/issues/")
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


def own_origins(public: str, *ports: int | str) -> list[str]:
    """The origins whose pages may open the websocket: the public URL if there is one, else
    the addresses the app listens on (`reflex run` in development serves pages from the
    frontend port, the websocket from the backend port; production uses one port)."""
    if public:
        return [public]
    return [f"http://{host}:{port}" for port in dict.fromkeys(str(p) for p in ports)
            for host in ("localhost", "127.0.0.1")]


def is_embeddable(path: str) -> bool:
    """The list widget and the single-article and issue cards (never the builder)."""
    return path == routes.EMBED or path.startswith(CARD_PREFIXES)


def frame_ancestors(path: str, origins: tuple[str, ...]) -> str:
    if is_embeddable(path):
        return " ".join(("'self'", *origins))
    return "'self'"


def builder_files(static_dir: Path) -> dict[str, BuilderPolicy]:
    """The builder's paths and the built files the static files answer them with."""
    index = BuilderPolicy(static_dir / routes.EMBED_BUILDER.strip("/") / "index.html")
    return {routes.EMBED_BUILDER: index, routes.EMBED_BUILDER + "/": index,
            routes.EMBED_BUILDER + ".html":
                BuilderPolicy(static_dir / (routes.EMBED_BUILDER.strip("/") + ".html"))}


def security_headers(path: str, origins: tuple[str, ...],
                     page_policy: str = "") -> list[tuple[bytes, bytes]]:
    csp = f"frame-ancestors {frame_ancestors(path, origins)}"
    if is_embeddable(path):
        csp = f"{WIDGET_CSP}; {csp}"
    elif page_policy:
        csp = f"{page_policy}; {csp}"
    return [(b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", REFERRER_POLICY.encode())]


def built_pages() -> Path:
    """Where Reflex's production server finds the built pages (reflex.utils.exec)."""
    from reflex import constants
    from reflex.utils import prerequisites

    return prerequisites.get_web_dir() / constants.Dirs.STATIC


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


def transport_headers(https: bool) -> list[tuple[bytes, bytes]]:
    extra = [(b"permissions-policy", PERMISSIONS_POLICY.encode())]
    # Only when the public URL is https: HSTS over plain http would lock browsers out.
    return [*extra, (b"strict-transport-security", HSTS)] if https else extra


class SecurityHeaders:
    def __init__(self, app: ASGIApp, origins: tuple[str, ...] | None = None,
                 public: str | None = None, static_dir: Path | None = None) -> None:
        self.app = app
        self.origins = embed_origins() if origins is None else origins
        self.transport = transport_headers(
            configured_public_url(public).startswith("https://"))
        self.builder = builder_files(built_pages() if static_dir is None else static_dir)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        builder = self.builder.get(path)
        extra = security_headers(path, self.origins, builder() if builder else "")
        extra += self.transport
        if path in HEALTH_PATHS:
            extra.append((b"cache-control", NO_STORE))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                original = message.get("headers", [])
                headers = _merge(original, for_response(original, extra))
                if message.get("status") == 200:
                    headers = cache_control(path, headers)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def without_origin(headers: list[tuple[bytes, bytes]]) -> bytes:
    """The response's Vary, once each, without Origin: what this layer answers (`*` or no
    CORS at all) never depends on the Origin header, and each listed name splits a shared
    cache's copies."""
    names: dict[bytes, bytes] = {}
    for name, value in headers:
        if name.lower() == b"vary":
            for part in value.split(b","):
                if (token := part.strip()) and token.lower() != b"origin":
                    names.setdefault(token.lower(), token)
    return b", ".join(names.values())


class PublicCors:
    """Outermost layer: CORS as we mean it, whatever Reflex's CORS middleware added.

    Reflex 0.10.1 wraps the app in Starlette's CORSMiddleware with `allow_credentials=True`
    and `cors_allowed_origins` (which must list our own origins for the websocket), so every
    response to a request with an Origin says `Access-Control-Allow-Credentials: true`. That
    middleware is added last, outside any api_transformer, so only a layer around the whole
    ASGI app can take it off: the feeds and oEmbed get `Access-Control-Allow-Origin: *` without
    credentials, every other route no CORS headers at all (same-origin pages need none)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        public = scope.get("path", "") in PUBLIC_PATHS

        async def send_without_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if not k.lower().startswith(b"access-control-")
                           and k.lower() != b"vary"]
                if vary := without_origin(message.get("headers", [])):
                    headers.append((b"vary", vary))
                if public:
                    headers.append((b"access-control-allow-origin", b"*"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_without_cors)


# Framing and feature policies govern documents; on a script, style sheet or font they do
# nothing but add ~250 bytes to each of a page's answers (issue 21's byte budget).
SUBRESOURCE_TYPES = (b"text/javascript", b"application/javascript", b"text/css", b"font/")
DOCUMENT_ONLY = (b"content-security-policy", b"permissions-policy")


def for_response(headers: list[tuple[bytes, bytes]],
                 extra: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """`extra` without the document-only policies when the answer is a subresource."""
    content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
    if content_type.startswith(SUBRESOURCE_TYPES):
        return [(k, v) for k, v in extra if k not in DOCUMENT_ONLY]
    return extra


CSP = b"content-security-policy"


def _directives(policy: bytes) -> list[bytes]:
    return [part.strip() for part in policy.split(b";") if part.strip()]


def merge_policies(route: bytes, ours: bytes) -> bytes:
    """One policy: the route's directives, and ours for what the route does not name.

    Browsers enforce every Content-Security-Policy header sent, so two headers work, but a
    reader of the headers (a staff member, a scanner) sees two policies and has to intersect
    them; one header says the policy once."""
    named = {directive.split()[0].lower() for directive in _directives(route)}
    return b"; ".join([*_directives(route), *(directive for directive in _directives(ours)
                                              if directive.split()[0].lower() not in named)])


def _merge(headers: list[tuple[bytes, bytes]],
           extra: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    names = {name for name, _ in extra}
    kept = [(k, v) for k, v in headers if k.lower() not in names]
    ours = [v for k, v in extra if k == CSP]
    if ours:
        policy = ours[0]
        for name, value in headers:
            if name.lower() == CSP:
                policy = merge_policies(value, policy)
        extra = [(k, v) for k, v in extra if k != CSP] + [(CSP, policy)]
    return kept + extra


class BuilderWithoutRedirect:
    """`/embed/builder` served as `/embed/builder/` (its built index.html) without a redirect.

    Reflex's static files (html=True) answer the slash-less path with a 307 whose Location is
    built from the request's Host header: a hostile Host made our own link point elsewhere.
    Rewriting the path before the static files see it leaves nothing to redirect. Inside
    SecurityHeaders, which still sees (and sets its policies for) the path asked for."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path") == routes.EMBED_BUILDER:
            scope = {**scope, "path": routes.EMBED_BUILDER + "/",
                     "raw_path": (routes.EMBED_BUILDER + "/").encode()}
        await self.app(scope, receive, send)

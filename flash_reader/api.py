"""HTTP routes served beside the Reflex app (matched before Reflex's own).

Placeholder photos, the embeddable widget, oEmbed and the feeds out — all rendered from the
shared store, all with validated parameters and plain-language errors.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
from html import escape

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from flash_reader import config, i18n, routes
from flash_reader.embed import conformance, feeds_out, oembed, widget
from flash_reader.embed.oembed import widget_title
from flash_reader.embed.params import (
    ParamError,
    WidgetParams,
    echo,
    parse_widget_params,
    small_number,
    unknown_codes_problem,
)
from flash_reader.feed import query
from flash_reader.render import freshness
from flash_reader.render.endpoints import page_routes
from flash_reader.speech import encode as speech_encode
from flash_reader.speech import service as speech_service
from flash_reader.speech import store as speech_store
from flash_reader.store import Snapshot, store

_PLACEHOLDER_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" \
width="400" height="300" role="img" aria-label="{label}">
<rect width="400" height="300" fill="#e8ecef"/>
<rect x="6" y="6" width="388" height="288" fill="none" stroke="#5c6670" stroke-width="2" \
stroke-dasharray="10 6"/>
<text x="200" y="135" text-anchor="middle" font-family="sans-serif" font-size="30" \
fill="#1f2a33">{office}</text>
<text x="200" y="185" text-anchor="middle" font-family="sans-serif" font-size="20" \
fill="#1f2a33">{no_photo}</text>
</svg>
"""


# Served as a top-level document when opened on its own: no script may ever run in it.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def placeholder_svg(office_name: str, lang: str = i18n.DEFAULT) -> str:
    # quote=True: the office name comes from the feed and lands inside an attribute.
    return _PLACEHOLDER_SVG.format(
        office=escape(office_name, quote=True),
        label=escape(i18n.text(lang, "photo.svg_label", office=office_name), quote=True),
        no_photo=escape(i18n.text(lang, "photo.svg_text"), quote=True))


async def placeholder_photo(request: Request) -> Response:
    code = request.path_params["code"].upper()
    feed = store.current().feed
    # The image's words in the page's language (`?lang=en` from English pages, views.py).
    lang = i18n.choose(request.query_params.get("lang"), None)
    names = ({office.code: i18n.office_name(lang, office.code, office.name)
              for office in feed.offices} if feed else {})
    body = placeholder_svg(names.get(code, i18n.text(lang, "office.unknown")), lang)
    return Response(body, media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=3600",
                             "Content-Security-Policy": SVG_CSP})


def _base(request: Request) -> str:
    # Never the request's Host header (any client sets it): the configured public URL.
    return config.public_url()


def _cached(request: Request, body: bytes, media_type: str, cache: str | None = None,
            vary: str = "Accept-Encoding") -> Response:
    """A response with an ETag; 304 when the client already has this body."""
    etag = '"' + hashlib.sha256((media_type + "\n").encode() + body).hexdigest()[:32] + '"'
    # Feeds and widgets: the same freshness as the reader pages (render/freshness.py).
    headers = {"ETag": etag, "Cache-Control": cache or freshness.shared(), "Vary": vary}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def _lang(request: Request) -> str:
    # Only `?lang=`, never the reader's cookie: an embed's language is its snippet's, and these
    # answers are cached by URL.
    return i18n.choose(request.query_params.get("lang"), None)


def _html(request: Request, body: str, status: int = 200) -> Response:
    if status != 200:
        return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})
    return _cached(request, body.encode("utf-8"), "text/html; charset=utf-8")


async def embed_widget(request: Request) -> Response:
    snapshot = store.current()
    lang = _lang(request)
    if snapshot.feed is None:
        return _html(request, widget.unavailable_html(lang), 503)
    known = {office.code for office in snapshot.feed.offices}
    try:
        params = parse_widget_params(dict(request.query_params), known)
    except ParamError as exc:
        return _html(request, widget.error_html(exc.in_lang(lang), lang), 400)
    return _html(request, widget.widget_html(snapshot.feed, params))


async def embed_conformance(request: Request) -> Response:
    """The conformance block of the widget these parameters make (the widget's own query)."""
    snapshot = store.current()
    lang = _lang(request)
    if snapshot.feed is None:
        return _error(i18n.text(lang, "widget.unavailable"), 503, lang)
    known = {office.code for office in snapshot.feed.offices}
    try:
        params = parse_widget_params(dict(request.query_params), known)
    except ParamError as exc:
        return _error(" ".join(exc.in_lang(lang)), 400, lang)
    block = conformance.current(params, widget_title(snapshot, params))
    # It follows the audit record, which changes without the content: always revalidated.
    return JSONResponse(block, headers={"Cache-Control": "no-cache"})


def _card_params(request: Request) -> WidgetParams | Response:
    """A card takes the widget's lang and theme (nothing else)."""
    lang = _lang(request)
    query = {name: value for name, value in request.query_params.items()
             if name in ("lang", "theme")}
    try:
        return parse_widget_params(query, set())
    except ParamError as exc:
        return _html(request, widget.error_html(exc.in_lang(lang), lang), 400)


def _card_request(request: Request) -> tuple[Snapshot, WidgetParams] | Response:
    """What every card needs first: its parameters, and a loaded feed."""
    snapshot = store.current()
    params = _card_params(request)
    if isinstance(params, Response):
        return params
    if snapshot.feed is None:
        return _html(request, widget.unavailable_html(params.lang), 503)
    return snapshot, params


async def embed_item(request: Request) -> Response:
    asked = _card_request(request)
    if isinstance(asked, Response):
        return asked
    snapshot, params = asked
    item = snapshot.items_by_id.get(request.path_params["item_id"])
    if item is None:
        return _html(request, widget.not_found_html("item", params.lang), 404)
    return _html(request, widget.item_card_html(item, params))


async def embed_issue(request: Request) -> Response:
    asked = _card_request(request)
    if isinstance(asked, Response):
        return asked
    snapshot, params = asked
    raw = request.path_params["issue_date"]
    try:
        date = dt.date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        date = None
    if date is None or date not in snapshot.issues:
        return _html(request, widget.not_found_html("issue", params.lang), 404)
    return _html(request, widget.issue_card_html(date, snapshot.issues[date], params))


def _error(message: str, status: int, lang: str) -> JSONResponse:
    # `lang` says which language the message is in (a client may show it to a person).
    return JSONResponse({"error": message, "lang": lang}, status_code=status,
                        headers={"Content-Language": lang, "Cache-Control": "no-store"})


def _feed_selection(request: Request) -> tuple[tuple[str, ...], int] | Response:
    snapshot = store.current()
    lang = _lang(request)
    known = {office.code for office in snapshot.feed.offices} if snapshot.feed else set()
    raw_offices = request.query_params.get("office", "")
    offices = tuple(query.parse_office_codes(raw_offices, known))
    unknown = [c.strip() for c in raw_offices.split(",")
               if c.strip() and c.strip().upper() not in known]
    if unknown:
        return _error(unknown_codes_problem(unknown, known).say(lang), 400, lang)
    page_raw = request.query_params.get("page", "1")
    page = small_number(page_raw)
    if page is None or page < 1:
        return _error(i18n.text(lang, "api.page_not_number", page=echo(page_raw)), 400, lang)
    return offices, page


async def feed_json(request: Request) -> Response:
    snapshot = store.current()
    lang = _lang(request)
    if snapshot.feed is None:
        return _error(i18n.text(lang, "api.unavailable"), 503, lang)
    selection = _feed_selection(request)
    if isinstance(selection, Response):
        return selection
    offices, page = selection
    items = query.select_items(snapshot.feed, snapshot.search_index, offices, ())
    if page > 1 and (page - 1) * feeds_out.PAGE_SIZE >= len(items):
        return _error(i18n.text(lang, "api.no_page", page=page), 404, lang)
    document = feeds_out.json_feed(snapshot.feed, items, _base(request), offices, page,
                                   speech_service.enclosure)
    return _cached(request, feeds_out.dump_json_feed(document),
                   "application/feed+json; charset=utf-8")


async def feed_atom(request: Request) -> Response:
    snapshot = store.current()
    lang = _lang(request)
    if snapshot.feed is None:
        return _error(i18n.text(lang, "api.unavailable"), 503, lang)
    selection = _feed_selection(request)
    if isinstance(selection, Response):
        return selection
    offices, _ = selection
    items = query.select_items(snapshot.feed, snapshot.search_index, offices, ())
    body = feeds_out.atom_feed(snapshot.feed, items, _base(request), offices,
                               speech_service.enclosure)
    # Browsers show application/atom+xml as raw text (Chromium) or offer a download; as XML
    # they apply the feed's stylesheet. Feed readers do not ask for text/html.
    browser = "text/html" in request.headers.get("accept", "")
    media_type = "application/xml" if browser else "application/atom+xml"
    return _cached(request, body, media_type + "; charset=utf-8", vary="Accept, Accept-Encoding")


OEMBED_FORMATS = ("json", "xml")


_AUDIO_TYPES = {**{f.suffix: f.mime.split(";")[0] for f in speech_encode.FORMATS},
                "vtt": "text/vtt; charset=utf-8"}
_IMMUTABLE = "public, max-age=31536000, immutable"  # the name is the content's digest


async def audio_status(request: Request) -> Response:
    """An article's audio: 200 with its files when ready, 202 while it is being made."""
    snapshot = store.current()
    item = snapshot.items_by_id.get(request.path_params["item_id"])
    if item is None:
        return _error("no such item", 404, _lang(request))
    code, body = await asyncio.to_thread(speech_service.status, item)
    return JSONResponse(body, status_code=code, headers={"Cache-Control": "no-store"})


async def audio_file(request: Request) -> Response:
    name = request.path_params["name"]
    audio_key, _, suffix = name.partition(".")
    if suffix not in _AUDIO_TYPES or not speech_store.valid_key(audio_key):
        return Response("not found", status_code=404, media_type="text/plain")
    path = speech_service.jobs().store.path(audio_key, suffix)
    if not path.is_file():
        return Response("not found", status_code=404, media_type="text/plain")
    return FileResponse(path, media_type=_AUDIO_TYPES[suffix],
                        headers={"Cache-Control": _IMMUTABLE})


async def oembed_endpoint(request: Request) -> Response:
    params = request.query_params
    lang = _lang(request)
    answer_format = params.get("format") or "json"
    if answer_format not in OEMBED_FORMATS:
        # The oEmbed spec's answer for a format the provider does not offer.
        return _error(i18n.text(lang, "api.format"), 501, lang)
    url = params.get("url", "")
    if not url:
        return _error(i18n.text(lang, "api.url_missing"), 400, lang)
    bounds: dict[str, int | None] = {}
    for name in ("maxwidth", "maxheight"):
        raw = params.get(name, "")
        bounds[name] = small_number(raw) if raw else None
        if raw and not bounds[name]:
            return _error(i18n.text(lang, "api.not_positive", name=name, value=echo(raw)), 400,
                          lang)
    try:
        answer = oembed.oembed_response(store.current(), _base(request), url,
                                        bounds["maxwidth"], bounds["maxheight"], lang)
    except oembed.OEmbedNotFound as exc:
        return _error(exc.in_lang(lang), 404, lang)
    cache = f"public, max-age={oembed.CACHE_AGE}"
    if answer_format == "xml":
        return _cached(request, oembed.oembed_xml(answer), "text/xml; charset=utf-8", cache)
    body = json.dumps(answer, ensure_ascii=False).encode("utf-8")
    return _cached(request, body, "application/json; charset=utf-8", cache=cache)


def create_api() -> Starlette:
    """A fresh Starlette app per rx.App (Starlette refuses middleware once started)."""
    return Starlette(routes=[
        *page_routes(),
        Route(routes.PLACEHOLDER_PHOTO + "/{code}.svg", placeholder_photo, methods=["GET"]),
        Route(routes.EMBED, embed_widget, methods=["GET"]),
        Route(routes.EMBED_CONFORMANCE, embed_conformance, methods=["GET"]),
        Route(widget.EMBED_ITEM_PREFIX + "{item_id:path}", embed_item, methods=["GET"]),
        Route(widget.EMBED_ISSUE_PREFIX + "{issue_date}", embed_issue, methods=["GET"]),
        Route(routes.FEED_JSON, feed_json, methods=["GET"]),
        Route(routes.FEED_ATOM, feed_atom, methods=["GET"]),
        Route(routes.OEMBED, oembed_endpoint, methods=["GET"]),
        Route(speech_service.ITEM_PREFIX + "{item_id:path}", audio_status, methods=["GET"]),
        Route(speech_service.FILES_PREFIX + "{name}", audio_file, methods=["GET"]),
    ])

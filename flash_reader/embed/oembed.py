"""oEmbed (https://oembed.com/): a `rich` response whose html is the widget's iframe."""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from flash_reader import routes
from flash_reader.embed.params import WIDTH_DEFAULT, WidgetParams, parse_widget_params
from flash_reader.store import Snapshot

PROVIDER = "CLAIR 海外事務所フラッシュ（flash-reader）"
CACHE_AGE = 3600


class OEmbedNotFound(LookupError):
    """The URL is not one of ours, or names nothing we have."""


def _echo_url(url: str) -> str:
    # The url parameter is client text of any length: name it, do not repeat it whole.
    return repr(url[:100] + ("…" if len(url) > 100 else ""))


def iframe_snippet(base: str, params: WidgetParams, title: str) -> str:
    src = f"{base}{routes.EMBED}?{params.query()}"
    return (f'<iframe src="{escape(src)}" title="{escape(title)}" width="{params.width}" '
            f'height="{params.height}" loading="lazy" style="border:0;max-width:100%" '
            f'referrerpolicy="strict-origin-when-cross-origin"></iframe>')


def widget_title(snapshot: Snapshot, params: WidgetParams) -> str:
    names = {o.code: o.name for o in snapshot.feed.offices} if snapshot.feed else {}
    scope = "・".join(names.get(code, code) for code in params.offices) or "全事務所"
    return f"海外事務所フラッシュ（{scope}の新着{params.limit}件）"


def oembed_response(snapshot: Snapshot, base: str, url: str, maxwidth: int | None,
                    maxheight: int | None) -> dict[str, Any]:
    params, title = _params_for(snapshot, base, url)
    width = min(params.width, maxwidth) if maxwidth else params.width
    height = min(params.height, maxheight) if maxheight else params.height
    params = WidgetParams(params.offices, params.limit, params.theme, params.lang, height, width)
    return {
        "type": "rich",
        "version": "1.0",
        "title": title,
        "provider_name": PROVIDER,
        "provider_url": base + "/",
        "cache_age": CACHE_AGE,
        "html": iframe_snippet(base, params, widget_title(snapshot, params)),
        "width": width,
        "height": height,
    }


def _params_for(snapshot: Snapshot, base: str, url: str) -> tuple[WidgetParams, str]:
    parts = urlsplit(url)
    ours = urlsplit(base)
    if (parts.scheme, parts.netloc) != (ours.scheme, ours.netloc):
        raise OEmbedNotFound(f"{_echo_url(url)} is not a page of {base}")
    known = {o.code for o in snapshot.feed.offices} if snapshot.feed else set()
    path = parts.path or "/"
    query = dict(parse_qsl(parts.query))
    if path.startswith("/items/"):
        item = snapshot.items_by_id.get(unquote(path.removeprefix("/items/")))
        if item is None:
            raise OEmbedNotFound(f"no item at {_echo_url(url)}")
        offices = (item.office.code,) if item.office.code else ()
        return WidgetParams(offices=offices, width=WIDTH_DEFAULT), item.title
    if path.startswith("/issues/") or path == routes.READER:
        office = query.get("office", "")
        try:
            params = parse_widget_params({"office": office} if office else {}, known)
        except ValueError as exc:
            raise OEmbedNotFound(str(exc)) from None
        return params, "海外事務所フラッシュ"
    if path == routes.EMBED:
        try:
            params = parse_widget_params(query, known)
        except ValueError as exc:
            raise OEmbedNotFound(str(exc)) from None
        return params, "海外事務所フラッシュ"
    raise OEmbedNotFound(f"nothing to embed at {_echo_url(url)}")

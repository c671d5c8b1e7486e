"""HTTP routes served beside the Reflex app (matched before Reflex's own)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from flash_reader import routes
from flash_reader.store import store

_PLACEHOLDER_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" \
width="400" height="300" role="img" aria-label="{label}">
<rect width="400" height="300" fill="#e8ecef"/>
<rect x="6" y="6" width="388" height="288" fill="none" stroke="#5c6670" stroke-width="2" \
stroke-dasharray="10 6"/>
<text x="200" y="135" text-anchor="middle" font-family="sans-serif" font-size="30" \
fill="#1f2a33">{office}</text>
<text x="200" y="185" text-anchor="middle" font-family="sans-serif" font-size="20" \
fill="#1f2a33">写真は掲載されていません</text>
</svg>
"""


def placeholder_svg(office_name: str) -> str:
    office = escape(office_name)
    return _PLACEHOLDER_SVG.format(office=office, label=escape(f"{office_name}（写真なし）"))


async def placeholder_photo(request: Request) -> Response:
    code = request.path_params["code"].upper()
    feed = store.current().feed
    names = {office.code: office.name for office in feed.offices} if feed else {}
    body = placeholder_svg(names.get(code, "事務所不明"))
    return Response(body, media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=3600",
                             "X-Content-Type-Options": "nosniff"})


def create_api() -> Starlette:
    """A fresh Starlette app per rx.App (Starlette refuses middleware once started)."""
    return Starlette(routes=[
        Route(routes.PLACEHOLDER_PHOTO + "/{code}.svg", placeholder_photo, methods=["GET"]),
    ])

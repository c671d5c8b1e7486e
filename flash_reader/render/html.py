"""HTML from views, with Jinja2 (autoescaped: every feed text is escaped by the engine)."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from flash_reader.render.chrome import TEMPLATE_GLOBALS
from flash_reader.render.request import Kind, ViewRequest
from flash_reader.render.views import RenderedView, ViewCache, build
from flash_reader.store import Snapshot

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("flash_reader.render", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.globals.update(TEMPLATE_GLOBALS)

_views = ViewCache()


def render_view(snapshot: Snapshot, request: ViewRequest, readings: bool) -> RenderedView:
    """The #view element of `request`, built once per (content version, request, readings)."""
    key = (snapshot.version, request, readings)
    found = _views.get(key)
    if found is not None:
        return found
    view, meta = build(snapshot, request, readings)
    html = ENV.get_template("view.html").render(kind=request.kind.value if meta.status == 200
                                                else "not-found", v=view, meta=meta,
                                                version=snapshot.version).strip()
    rendered = RenderedView(request.kind, view, meta, snapshot.version, html)
    # The statement follows the test record, which changes without the content version.
    if request.kind is not Kind.STATEMENT:
        _views.put(key, rendered)
    return rendered


def render_page(rendered: RenderedView) -> str:
    """The whole visible page (<flash-page>) around a rendered view."""
    return ENV.get_template("page.html").render(v=rendered.view,
                                                view_html=Markup(rendered.html))


def render_chrome(part: str) -> str:
    """The shared header or footer alone (for pages React renders, such as the builder)."""
    module = ENV.get_template("chrome.html").module
    return str(getattr(module, part)())

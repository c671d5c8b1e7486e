"""The HTML document of a reader page, rendered whole from the templates (document.html).

Reader pages are not Reflex pages: they carry no React, no Reflex client and open no
websocket (docs/architecture.md says why, with the numbers). Their scripts are the small
modules of flash_reader/client, served by the app itself (render/client.py); nothing of the
Reflex build is read, parsed or rewritten to make them.
"""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup

from flash_reader import i18n, routes
from flash_reader.render.client import CLIENT, READER_ENTRY
from flash_reader.render.html import ENV, render_page
from flash_reader.render.page_views import RenderedView

# Scripts only from us and the one inline script (by hash); photos may come from the feed's
# https hosts; nothing but our own origin to connect to (the views navigate.js fetches).
POLICY = (f"default-src 'self'; script-src 'self' {CLIENT.prepaint_hash}; "
          "style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; connect-src 'self'; "
          "object-src 'none'; base-uri 'none'; form-action 'self'")

# A view (/_view/…) is a fragment navigate.js fetches and puts into a page that already has
# POLICY; opened on its own it needs nothing but our style sheets and photos, and runs nothing.
VIEW_POLICY = ("default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' https: data:; object-src 'none'; base-uri 'none'; "
               "form-action 'self'")


def document(rendered: RenderedView, public_url: str) -> str:
    """The complete HTML document for a rendered view."""
    canonical = public_url + rendered.meta.canonical if rendered.meta.canonical else ""
    oembed = (f"{public_url}{routes.OEMBED}?format=json&url={quote(canonical, safe='')}"
              if canonical else "")
    lang = rendered.lang
    return ENV.get_template("document.html").render(
        meta=rendered.meta, canonical=canonical, oembed=oembed, site=i18n.text(lang, "site"),
        locale=i18n.text(lang, "og.locale"), lang=lang, client=CLIENT, entry=READER_ENTRY,
        page_html=Markup(render_page(rendered)))


def page_policy() -> str:
    """Content-Security-Policy of a reader page."""
    return POLICY

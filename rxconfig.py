"""Reflex configuration: offline-friendly, no telemetry, no Radix Themes, no sitemap."""

import os

import reflex as rx
from reflex_base.plugins.sitemap import SitemapPlugin

from flash_reader.embed.headers import own_origins, public_url

config = rx.Config(
    app_name="flash_reader",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    disable_plugins=[SitemapPlugin],
    # Pre-compressed at build time and served as is: brotli for browsers that take it, else gzip.
    frontend_compression_formats=["brotli", "gzip"],
    # Who may open the websocket (socket.io checks the Origin) and whom Reflex's CORS
    # middleware answers: only our own pages. `reflex run --frontend-port F --backend-port B`
    # sets REFLEX_*_PORT before the app module (and this file, again) is loaded.
    cors_allowed_origins=own_origins(public_url(),
                                     os.environ.get("REFLEX_FRONTEND_PORT", "3000"),
                                     os.environ.get("REFLEX_BACKEND_PORT", "8000")),
)

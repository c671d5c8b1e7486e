"""Reflex configuration: offline-friendly, no telemetry, no Radix Themes, no sitemap."""

import reflex as rx
from reflex_base.plugins.sitemap import SitemapPlugin

config = rx.Config(
    app_name="flash_reader",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    disable_plugins=[SitemapPlugin],
    # Pre-compressed at build time and served as is: brotli for browsers that take it, else gzip.
    frontend_compression_formats=["brotli", "gzip"],
)

"""Reflex configuration: offline-friendly, no telemetry, no Radix Themes, no sitemap."""

import os

import reflex as rx
from reflex_base.plugins.sitemap import SitemapPlugin

from flash_reader.config import configured_public_url
from flash_reader.embed.headers import own_origins

# A reader's state is only the choices its URL names, restored by on_load from the URL: one
# process keeps it in memory (the default disk manager wrote 5 files per reader and listed the
# folder on every event). Several processes share it through Redis (make run-scaled).
STATE_MANAGER = {} if os.environ.get("REFLEX_REDIS_URL") else {"state_manager_mode": "memory"}

config = rx.Config(
    app_name="flash_reader",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    disable_plugins=[SitemapPlugin],
    # Pre-compressed at build time and served as is: brotli for browsers that take it, else gzip.
    frontend_compression_formats=["brotli", "gzip"],
    **STATE_MANAGER,
    # Who may open the websocket (socket.io checks the Origin) and whom Reflex's CORS
    # middleware answers: only our own pages. `reflex run --frontend-port F --backend-port B`
    # sets REFLEX_*_PORT before the app module (and this file, again) is loaded.
    cors_allowed_origins=own_origins(configured_public_url(),
                                     os.environ.get("REFLEX_FRONTEND_PORT", "3000"),
                                     os.environ.get("REFLEX_BACKEND_PORT", "8000")),
)

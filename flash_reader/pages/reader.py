"""Every reader URL (`/`, `/items/<id>`, `/issues/<date>`, unknown paths): the server sends
the page with its content (flash_reader/render); React adds only the island."""

from __future__ import annotations

import reflex as rx

from flash_reader.components.server_view import server_view
from flash_reader.render.views import DESCRIPTION, READER_TITLE

TITLE = READER_TITLE
__all__ = ["DESCRIPTION", "TITLE", "reader_page"]


def reader_page() -> rx.Component:
    return server_view()

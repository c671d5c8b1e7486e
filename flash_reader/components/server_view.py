"""The island (assets/server_view.jsx) that turns navigation inside the server-rendered page
into fetches of shared views: it renders nothing itself and reads no reader state."""

from __future__ import annotations

import reflex as rx

from flash_reader import routes
from flash_reader.render.chrome import IDS


class ServerView(rx.Component):
    library = "$/public/server_view.jsx"
    tag = "ServerView"

    ids: rx.Var[dict]
    view_prefix: rx.Var[str]


def server_view() -> rx.Component:
    return ServerView.create(ids=dict(IDS), view_prefix=routes.VIEW_PREFIX)

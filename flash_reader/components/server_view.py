"""The island (assets/server_view.jsx) that keeps the server-rendered page in step with the
reader's state: it renders nothing itself."""

from __future__ import annotations

import reflex as rx

from flash_reader.render.chrome import IDS
from flash_reader.state.view import ViewState


class ServerView(rx.Component):
    library = "$/public/server_view.jsx"
    tag = "ServerView"

    src: rx.Var[str]
    ids: rx.Var[dict]


def server_view() -> rx.Component:
    return ServerView.create(src=ViewState.view_src, ids=dict(IDS))

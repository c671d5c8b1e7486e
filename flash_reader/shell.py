"""The app class: rx.App with one layer around the whole ASGI app Reflex builds.

Reflex adds its CORS middleware (credentials allowed) outside every api_transformer; the one
place to wrap the final ASGI app is App.__call__, which the server calls once per worker.
"""

import reflex as rx

from flash_reader.embed.headers import ASGIApp, PublicCors


class FlashApp(rx.App):
    def __call__(self) -> ASGIApp:
        return PublicCors(super().__call__())

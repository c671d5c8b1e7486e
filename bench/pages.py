"""Pages to compare the reader against: a static HTML file of the same issue, a blank Reflex app."""

from __future__ import annotations

import contextlib
import functools
import shutil
import threading
from collections.abc import Iterator
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from flash_reader import views
from flash_reader.api import placeholder_svg
from flash_reader.config import BUNDLED_FEED, PROJECT_ROOT
from flash_reader.feed import query
from flash_reader.feed.load import load_feed

BLANK_APP = '''import reflex as rx


def index() -> rx.Component:
    # The body of `reflex init`'s blank template.
    return rx.container(
        rx.color_mode.button(position="top-right"),
        rx.vstack(
            rx.heading("Welcome to Reflex!", size="9"),
            rx.text("Get started by editing ", rx.code("blank/blank.py"), size="5"),
            rx.link(rx.button("Check out our docs!"), href="https://reflex.dev/docs/",
                    is_external=True),
            spacing="5", justify="center", min_height="85vh",
        ),
    )


app = rx.App()
app.add_page(index)
'''
BLANK_CONFIG = '''import reflex as rx

config = rx.Config(app_name="blank", telemetry_enabled=False)
'''


def write_blank_app(directory: Path) -> Path:
    (directory / "blank").mkdir(parents=True, exist_ok=True)
    (directory / "blank" / "__init__.py").write_text("")
    (directory / "blank" / "blank.py").write_text(BLANK_APP)
    (directory / "rxconfig.py").write_text(BLANK_CONFIG)
    (directory / "assets").mkdir(exist_ok=True)
    return directory


def write_static_issue(directory: Path) -> Path:
    """The latest issue as one plain HTML file with the reader's CSS: the physical limit."""
    feed = load_feed(str(BUNDLED_FEED))
    items = query.items_of_issue(feed, query.latest_issue(feed))
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("themes.css", "reader.css"):
        shutil.copy(PROJECT_ROOT / "assets" / name, directory / name)
    (directory / "placeholder").mkdir(exist_ok=True)
    articles = []
    for item in items:
        view = views.item_view(item)
        code = item.office.code
        (directory / "placeholder" / f"{code}.svg").write_text(placeholder_svg(item.office.name))
        body = "".join(f'<p class="item-paragraph">{escape("".join(s.text for s in p))}</p>'
                       for p in item.paragraphs)
        articles.append(
            f'<article class="item"><h2 class="item-title" elementtiming="item-title">'
            f'{escape(view.title)}</h2>'
            f'<p class="item-meta"><span class="item-office">{escape(view.office_name)}</span></p>'
            f'<figure class="item-figure"><img class="item-photo" src="placeholder/{code}.svg" '
            f'alt="{escape(view.photo_alt)}" width="400" height="300" loading="lazy">'
            f'<figcaption class="item-caption">{escape(view.caption)}</figcaption></figure>'
            f'{body}</article>')
    page = (f'<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>海外事務所フラッシュ</title><link rel="stylesheet" href="themes.css">'
            f'<link rel="stylesheet" href="reader.css"></head><body>'
            f'<header class="site-header"><div class="site-header-inner"><p class="site-brand">'
            f'海外事務所フラッシュ</p></div></header><main class="page-main">'
            f'<h1 class="issue-heading">海外事務所フラッシュ '
            f'{escape(views.issue_label(query.latest_issue(feed)))}</h1>'
            f'{"".join(articles)}</main></body></html>')
    (directory / "index.html").write_text(page, encoding="utf-8")
    return directory


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when asked (as any production web server would)."""

    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        import gzip
        import io

        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    handler = functools.partial(_GzipHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()

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

from flash_reader import item_views
from flash_reader.api import placeholder_svg
from flash_reader.config import BUNDLED_FEED, PROJECT_ROOT
from flash_reader.feed import query
from flash_reader.feed.parse import parse

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


# The blank app of the load bench: one state, one event (a counter). Same state manager as the
# reader (memory, rxconfig.py), so the comparison is Reflex's own cost against the reader's.
COUNTER_APP = '''import reflex as rx


class CounterState(rx.State):
    count: int = 0

    @rx.event
    def increment(self) -> None:
        self.count += 1


def index() -> rx.Component:
    return rx.el.main(
        rx.el.h1("Counter"),
        rx.el.button("+1", id="increment", on_click=CounterState.increment),
        rx.el.p(CounterState.count, id="count"),
    )


app = rx.App()
app.add_page(index)
'''
COUNTER_CONFIG = '''import reflex as rx

config = rx.Config(app_name="counter", telemetry_enabled=False, state_manager_mode="memory")
'''
COUNTER_STATE = "reflex___state____state.counter___counter____counter_state"
COUNTER_EVENT = f"{COUNTER_STATE}.increment"


def write_counter_app(directory: Path) -> Path:
    (directory / "counter").mkdir(parents=True, exist_ok=True)
    (directory / "counter" / "__init__.py").write_text("")
    (directory / "counter" / "counter.py").write_text(COUNTER_APP)
    (directory / "rxconfig.py").write_text(COUNTER_CONFIG)
    (directory / "assets").mkdir(exist_ok=True)
    return directory


def running_reflex_app(directory: Path, log: Path):
    """`reflex run --env prod --single-port` in `directory` (built there); yields its URL."""
    from tests.browser.app_server import running_app

    return running_app(log, cwd=directory)


def write_blank_app(directory: Path) -> Path:
    (directory / "blank").mkdir(parents=True, exist_ok=True)
    (directory / "blank" / "__init__.py").write_text("")
    (directory / "blank" / "blank.py").write_text(BLANK_APP)
    (directory / "rxconfig.py").write_text(BLANK_CONFIG)
    (directory / "assets").mkdir(exist_ok=True)
    return directory


def write_static_issue(directory: Path) -> Path:
    """The latest issue as one plain HTML file with the reader's CSS (index.html), and its first
    item alone (item.html): the physical limit. Returns the directory; the item's id is in
    item-id.txt (the reader's /items/<id> of the same item)."""
    feed = parse(BUNDLED_FEED.read_bytes())
    latest = query.latest_issue(feed)
    items = [item for item in feed.items if item.issue_date == latest]
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("themes.css", "reader.css"):
        shutil.copy(PROJECT_ROOT / "assets" / name, directory / name)
    (directory / "placeholder").mkdir(exist_ok=True)
    articles = []
    for item in items:
        view = item_views.item_view(item)
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
    heading = f"海外事務所フラッシュ {escape(item_views.issue_label(query.latest_issue(feed)))}"
    (directory / "index.html").write_text(_static_page(heading, articles), encoding="utf-8")
    (directory / "item.html").write_text(_static_page(heading, articles[:1]), encoding="utf-8")
    (directory / "item-id.txt").write_text(items[0].id, encoding="utf-8")
    return directory


def _static_page(heading: str, articles: list[str]) -> str:
    return (f'<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>海外事務所フラッシュ</title><link rel="stylesheet" href="themes.css">'
            f'<link rel="stylesheet" href="reader.css"></head><body>'
            f'<header class="site-header"><div class="site-header-inner"><p class="site-brand">'
            f'海外事務所フラッシュ</p></div></header><main class="page-main">'
            f'<h1 class="issue-heading">{heading}</h1>'
            f'{"".join(articles)}</main></body></html>')


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when asked (as any production web server would)."""

    def log_message(self, *args: object) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:  # type: ignore[override]
        # A browser context closed mid-image (the bench's cold loads) is not an error here.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().copyfile(source, outputfile)

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

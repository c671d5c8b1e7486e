"""A real local HTTP server for loader tests: each path answers as its handler says."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# A route returns (status, headers, body) for a request handler.
Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.not_modified: dict[str, int] = {}
        self.down = False  # answer 503 to everything, as a failing feed server would

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def serve_directory(self, directory: Path, prefix: str = "/") -> None:
        """Serve every *.json file of `directory` with an ETag; If-None-Match → 304."""
        for file in sorted(directory.glob("*.json")):
            self.routes[prefix + file.name] = self._etag_route(prefix + file.name, file)

    def _etag_route(self, path: str, file: Path) -> Route:
        def route(request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
            body = file.read_bytes()
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            if request.headers.get("If-None-Match") == etag:
                self.not_modified[path] = self.not_modified.get(path, 0) + 1
                return 304, {"ETag": etag, "Content-Length": ""}, b""
            return 200, {"Content-Type": "application/feed+json", "ETag": etag}, body
        return route

    def serve(self, path: str, body: bytes, *, status: int = 200,
              content_type: str = "application/feed+json", **headers: str) -> str:
        """Answer `path` with a fixed response; returns its full URL."""
        fixed = {"Content-Type": content_type, **headers}
        self.routes[path] = lambda _request: (status, fixed, body)
        return self.url(path)


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.hits[path] = self.server.hits.get(path, 0) + 1
        if self.server.down:
            self.send_error(503, "feed server down for the test")
            return
        route = self.server.routes.get(path)
        if route is None:
            self.send_error(404)
            return
        status, headers, body = route(self)
        self.send_response(status)
        for name, value in headers.items():
            if value:  # an empty value means "leave this header out"
                self.send_header(name, value)
        if "Content-Length" not in headers and status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


@contextlib.contextmanager
def feed_server(port: int = 0) -> Iterator[FeedServer]:
    server = FeedServer(port)
    # shutdown() waits for the loop's next poll: the default 0.5 s made every test half a
    # second slower.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()

"""Fetch a feed from an http(s) URL or a local path, within explicit limits."""

from __future__ import annotations

import dataclasses
import functools
import ssl
import stat
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import certifi
import httpcore
import httpx

from flash_reader.feed.errors import (
    FeedError,
    FeedFetchError,
    FeedFormatError,
    FeedOriginError,
    FeedStatusError,
    FeedTooLargeError,
)

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_TOTAL_SECONDS = 30.0  # a trickling server cannot hold a refresh for longer
USER_AGENT = "flash-reader/0.1 (+https://jsonfeed.org/)"
_JSON_TYPES = ("application/feed+json", "application/json", "text/json", "text/plain")


@dataclasses.dataclass(frozen=True, slots=True)
class FetchLimits:
    timeout: httpx.Timeout = dataclasses.field(default_factory=lambda: DEFAULT_TIMEOUT)
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    total_seconds: float = DEFAULT_TOTAL_SECONDS


@dataclasses.dataclass(frozen=True, slots=True)
class Validators:
    """What the server said identifies this version (for a conditional GET)."""

    etag: str | None = None
    last_modified: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Fetched:
    body: bytes
    url: str | None  # the final http(s) URL, used to resolve relative links; None for files
    validators: Validators = Validators()
    not_modified: bool = False  # 304: the copy we hold is current; body is empty


MAX_VALIDATOR_CHARS = 1024


def clean_validator(value: object) -> str | None:
    """An ETag or Last-Modified fit to send back in a header: printable ASCII, bounded.
    Anything else (a newline from a hand-edited cache file, Latin-1 from a server) is dropped:
    sent back, it would break every later request."""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_VALIDATOR_CHARS:
        return None
    return value if all(" " <= char <= "~" for char in value) else None


def origin(url: str | None) -> str | None:
    """scheme://host:port of an http(s) URL (default ports spelled out), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    return f"{scheme}://{parts.hostname}:{port or (443 if scheme == 'https' else 80)}"


def is_remote(source: str) -> bool:
    return urlsplit(source).scheme.lower() in ("http", "https")


DEFAULT_LIMITS = FetchLimits()


def fetch(source: str, *, limits: FetchLimits = DEFAULT_LIMITS,
          transport: httpx.BaseTransport | None = None,
          validators: Validators | None = None,
          origins: frozenset[str] | None = None) -> Fetched:
    """Return the raw bytes of the feed at `source` (URL, file:// URL or path).

    With `validators` an http(s) fetch is conditional: a 304 gives `not_modified=True`.
    With `origins` (scheme://host:port), every request — each redirect's too — must go to one
    of them, or FeedOriginError is raised before it is sent.
    """
    if is_remote(source):
        return _fetch_http(source, limits, transport, validators, origins)
    if origins is not None:
        raise FeedOriginError(f"{source}: not an http(s) URL of the archive's sites")
    return _read_file(source, limits)


def _read_file(source: str, limits: FetchLimits) -> Fetched:
    parts = urlsplit(source)
    path = Path(unquote(parts.path)) if parts.scheme == "file" else Path(source)
    try:
        info = path.stat()
        if stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode):
            raise FeedFetchError(f"{path}: is a pipe or socket, not a feed file")
        if info.st_size > limits.max_bytes:
            raise FeedTooLargeError(f"{path}: the file is {info.st_size:,} bytes, "
                                    f"over the limit of {limits.max_bytes:,}")
        # Devices such as /dev/zero report size 0 and never end: read one byte past the limit.
        with path.open("rb") as file:
            body = file.read(limits.max_bytes + 1)
        if len(body) > limits.max_bytes:
            raise FeedTooLargeError(
                f"{path}: the file is over the limit of {limits.max_bytes:,} bytes")
        return Fetched(body, None)
    except FeedError:
        raise
    except FileNotFoundError:
        raise FeedFetchError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FeedFetchError(f"{path}: is a folder, not a feed file") from None
    except OSError as exc:
        raise FeedFetchError(f"{path}: cannot be read ({exc.strerror})") from None


def _fetch_http(url: str, limits: FetchLimits, transport: httpx.BaseTransport | None,
                validators: Validators | None, origins: frozenset[str] | None) -> Fetched:
    headers = {"User-Agent": USER_AGENT,
               "Accept": "application/feed+json, application/json;q=0.9, */*;q=0.1"}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    deadline = time.monotonic() + limits.total_seconds
    client = httpx.Client(transport=transport or _DeadlineTransport(deadline),
                          timeout=limits.timeout, follow_redirects=True,
                          max_redirects=limits.max_redirects, headers=headers,
                          event_hooks={"request": [_only_to(url, origins)]} if origins else None)
    try:
        with client, client.stream("GET", url) as response:
            if response.status_code == 304 and validators:
                return Fetched(b"", str(response.url), validators, not_modified=True)
            _check_response(url, response)
            body = _read_limited(url, response, limits, deadline)
            return Fetched(body, str(response.url), Validators(
                clean_validator(response.headers.get("etag")),
                clean_validator(response.headers.get("last-modified"))))
    except httpx.TooManyRedirects:
        raise FeedStatusError(f"{url}: more than {limits.max_redirects} redirects (a redirect "
                              "loop?)") from None
    except httpx.TimeoutException:
        if time.monotonic() >= deadline:
            raise FeedFetchError(f"{url}: the server sent its answer too slowly (more than "
                                 f"{limits.total_seconds:g} s in total)") from None
        raise FeedFetchError(f"{url}: the server did not answer in time") from None
    except httpx.DecodingError:  # the server answered, with a broken compressed body
        raise FeedFormatError(f"{url}: the response could not be decompressed") from None
    except httpx.InvalidURL as exc:
        raise FeedFetchError(f"{url}: not a usable URL ({exc})") from None
    except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
        raise FeedFetchError(f"{url}: the connection broke before the whole answer arrived "
                             f"({exc.__class__.__name__}: {exc})") from None
    except httpx.HTTPError as exc:
        raise FeedFetchError(f"{url}: cannot connect ({exc.__class__.__name__}: {exc})") from None


def _only_to(url: str, origins: frozenset[str]):
    def check(request: httpx.Request) -> None:
        if origin(str(request.url)) not in origins:
            raise FeedOriginError(
                f"{url}: redirected to another site ({str(request.url)[:200]}); older pages "
                "are only read from the first page's site unless FLASH_FEED_ALLOWED_ORIGINS "
                "lists it")
    return check


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    # Building a context loads the CA bundle (tens of ms): do it once per process.
    return ssl.create_default_context(cafile=certifi.where())


def _check_response(url: str, response: httpx.Response) -> None:
    if response.status_code != 200:
        raise FeedStatusError(
            f"{url}: the server answered {response.status_code} {response.reason_phrase}")
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and not content_type.endswith(_JSON_TYPES):
        # It answered, but with something else (often an error or login page): bad data.
        raise FeedFormatError(
            f"{url}: the server sent {content_type!r}, not a JSON Feed (application/feed+json)")


def _read_limited(url: str, response: httpx.Response, limits: FetchLimits,
                  deadline: float) -> bytes:
    max_bytes = limits.max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FeedTooLargeError(
            f"{url}: the feed is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    chunks: list[bytes] = []
    received = 0
    # iter_bytes decompresses; counting after decompression also stops gzip bombs.
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > max_bytes:
            raise FeedTooLargeError(
                f"{url}: the feed is over the limit of {max_bytes:,} bytes (after decompression)")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise FeedFetchError(f"{url}: the server sent its answer too slowly "
                                 f"(more than {limits.total_seconds:g} s in total)")
    return b"".join(chunks)


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport, with one wall-clock deadline for the whole fetch.

    httpx's timeouts apply to each network operation, so a server that sends its headers one
    byte every few seconds is never "timed out". Every connect, read and write here waits at
    most until `deadline` (redirects included); then httpx raises its ReadTimeout as usual.
    """

    def __init__(self, deadline: float) -> None:
        super().__init__(verify=_ssl_context())
        # httpx builds its pool without a way to pass a network backend: build the same pool
        # (default limits, our TLS context) with one. Proxies from the environment are
        # mounted by the Client beside this transport and keep httpx's own.
        self._pool = httpcore.ConnectionPool(ssl_context=_ssl_context(),
                                             network_backend=_DeadlineBackend(deadline))


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline: float) -> None:
        self._inner = httpcore.SyncBackend()
        self.deadline = deadline

    def left(self, timeout: float | None) -> float:
        """The time an operation may take: its own timeout, but never past the deadline."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the whole fetch took longer than its limit")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options=None
                    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.connect_tcp(
            host, port, self.left(timeout), local_address, socket_options), self)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options=None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.connect_unix_socket(
            path, self.left(timeout), socket_options), self)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, backend: _DeadlineBackend) -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._backend.left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._backend.left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname,
                                                     self._backend.left(timeout)),
                               self._backend)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)

"""Reading one bulletin: a text or HTML file, or a page at an http(s) URL — within limits.

A bulletin page is tens of kilobytes; anything over MAX_BYTES is refused before it is parsed
(read one byte past the limit, never whole), so a huge or endless source costs bounded memory.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import httpx

from flash_reader.convert import html, items, text
from flash_reader.convert.model import Issue, Problem, SourceError
from flash_reader.feed.fetch import USER_AGENT, is_remote

MAX_BYTES = 8 * 1024 * 1024
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
TOTAL_SECONDS = 30.0  # a trickling server cannot hold a conversion for longer
MAX_REDIRECTS = 5


@dataclasses.dataclass(frozen=True, slots=True)
class Source:
    data: bytes
    url: str | None  # the page's final address, for relative photo addresses
    is_html: bool


def read(source: str, *, transport: httpx.BaseTransport | None = None) -> Source:
    """The bytes of `source` (a path or an http(s) URL). Raises SourceError."""
    if is_remote(source):
        data, url, content_type = _fetch(source, transport)
        return Source(data, url, "html" in content_type or html.looks_like_html(data))
    path = Path(source)
    data = _read_file(path)
    is_html = path.suffix.lower() in (".html", ".htm", ".xhtml") or html.looks_like_html(data)
    return Source(data, None, is_html)


def convert_source(src: Source, *, page_url: str | None = None,
                   strict: bool = False) -> Issue:
    """Read one issue from a source. Raises SourceError or IssueError; item problems are in
    the Issue's problems."""
    if src.is_html:
        problems: list[Problem] = []
        issue = items.assemble(html.tokens(src.data, page_url or src.url, problems),
                               strict=strict)
        issue.problems[:0] = problems
        return issue
    try:
        decoded = src.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(None, f"not UTF-8 text (byte 0x{src.data[exc.start]:02x} at "
                          f"position {exc.start:,}): save the text as UTF-8") from None
    return items.assemble(text.lines(decoded), strict=strict)


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(None, _too_large(f"{size / 1e6:.1f} MB"))
        with path.open("rb") as file:  # /dev/zero says 0 bytes and never ends
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SourceError(None, "no such file") from None
    except IsADirectoryError:
        raise SourceError(None, "is a folder; `flash-reader import` reads folders") from None
    except OSError as exc:
        raise SourceError(None, f"cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise SourceError(None, _too_large(f"over {MAX_BYTES // 2**20} MB"))
    return data


def _too_large(size: str) -> str:
    return (f"the file is {size}; a bulletin page is well under {MAX_BYTES // 2**20} MB — "
            "is this the right file?")


def _fetch(url: str, transport: httpx.BaseTransport | None) -> tuple[bytes, str, str]:
    client = httpx.Client(transport=transport, timeout=TIMEOUT, follow_redirects=True,
                          max_redirects=MAX_REDIRECTS, headers={"User-Agent": USER_AGENT})
    try:
        with client, client.stream("GET", url) as response:
            if response.status_code != 200:
                raise SourceError(None, f"the server answered {response.status_code} "
                                  f"{response.reason_phrase}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                raise SourceError(None, _too_large(f"{int(declared) / 1e6:.1f} MB"))
            chunks, received = [], 0
            deadline = time.monotonic() + TOTAL_SECONDS
            for chunk in response.iter_bytes():  # decompressed: a gzip bomb stops too
                received += len(chunk)
                if received > MAX_BYTES:
                    raise SourceError(None, _too_large(f"over {MAX_BYTES // 2**20} MB"))
                if time.monotonic() > deadline:
                    raise SourceError(None, f"the server sent the page too slowly (more "
                                      f"than {TOTAL_SECONDS:g} s)")
                chunks.append(chunk)
            return (b"".join(chunks), str(response.url),
                    response.headers.get("content-type", "").lower())
    except httpx.TooManyRedirects:
        raise SourceError(None, f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise SourceError(None, "the server did not answer in time") from None
    except httpx.HTTPError as exc:
        raise SourceError(None, f"cannot fetch ({exc.__class__.__name__}: {exc})") from None

"""The builder page's script policy: its inline scripts allowed by hash, nothing else inline.

The builder is a Reflex page: React Router's build writes its own inline scripts into the page
(hydration context, stream chunks, scroll restoration) besides our pre-paint script. The build
is served as built, so no nonce can be put in; instead the built HTML is read (never
changed) and each executable inline script's SHA-256 goes into `script-src`. The hashes are
taken again whenever the file changes (a rebuild at start), so the policy always matches the
bytes the static files send.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

# Types a browser runs (an absent or empty type is JavaScript); `application/json` data
# blocks are never run, so a policy says nothing about them.
RUN_TYPES = {"", "text/javascript", "application/javascript", "module"}
BASE = ("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")


class _InlineScripts(HTMLParser):
    """Collects the text of every inline script a browser would run, exactly as written."""

    def __init__(self) -> None:
        # Script text is raw text in HTML: no character references are decoded in it, and
        # the hash a browser checks is over those raw characters.
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = {name: (value or "") for name, value in attrs}
        runs = attributes.get("type", "").strip().lower() in RUN_TYPES
        self._current = [] if runs and "src" not in attributes else None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_script_hashes(html: str) -> list[str]:
    """`'sha256-…'` sources for each inline script of `html`, in order, once each."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    digests = (hashlib.sha256(text.encode("utf-8")).digest() for text in parser.scripts)
    return list(dict.fromkeys(f"'sha256-{base64.b64encode(d).decode()}'" for d in digests))


def policy_for(html: str) -> str:
    sources = " ".join(["script-src", "'self'", *inline_script_hashes(html)])
    return f"{sources}; {BASE}"


class BuilderPolicy:
    """The policy for the built page at `path`, re-read when the file changes.

    A missing or unreadable build (not built yet, a build in progress) gives `script-src
    'self'` only: the page's inline scripts are then refused rather than allowed unchecked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key: tuple[int, int] | None = None
        self._policy = policy_for("")

    def __call__(self) -> str:
        try:
            stat = self.path.stat()
            key = (stat.st_mtime_ns, stat.st_size)
            if key != self._key:
                self._policy = policy_for(self.path.read_text(encoding="utf-8"))
                self._key = key
        except (OSError, UnicodeDecodeError):
            self._key, self._policy = None, policy_for("")
        return self._policy

"""The HTML document of a reader page: Reflex's built SPA shell with the page filled in.

The shell (`__spa-fallback.html` of the production build) carries the head scripts, styles and
the module scripts that start React. The visible page goes in as the first child of <body>, as
a custom element React never renders (so hydration skips it and never replaces it); per-page
<title>, description, canonical and Open Graph tags go at the end of <head>.

The shell is the build's own output (trusted); everything inserted is rendered by Jinja2 with
autoescaping. The shell's inline scripts are hashed once for the pages' script-src policy.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import logging
import re
import threading
from pathlib import Path
from urllib.parse import quote

from flash_reader import i18n, routes
from flash_reader.render.html import ENV, render_page
from flash_reader.render.views import RenderedView

log = logging.getLogger(__name__)

SPA_SHELL = "__spa-fallback.html"
# Without a production build (unit tests, a backend started on its own): a plain document
# with the site's style sheets, still complete and readable.
MINIMAL_SHELL = ('<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
                 '<meta name="viewport" content="width=device-width, initial-scale=1">'
                 '<link rel="stylesheet" href="/themes.css"><link rel="stylesheet" '
                 'href="/reader.css"></head><body></body></html>')
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.S)
_MODULE_PRELOAD = re.compile(r'<link rel="modulepreload"[^>]*/?>')
_START_SCRIPT = re.compile(r'(<script type="module" async="">)(.*?)(</script>)', re.S)
_SIDE_EFFECT_IMPORT = re.compile(r'^import ("[^"\n]+");', re.M)
_NAMESPACE_IMPORT = re.compile(r'^import \* as (\w+) from ("[^"\n]+");', re.M)
_ANY_STATIC_IMPORT = re.compile(r"^\s*import\s(?!\()", re.M)
# React starts after the page's first paint: two frames, or a second in a hidden tab, which
# gets no animation frames.
_AFTER_FIRST_PAINT = """let started = false;
const once = () => { if (!started) { started = true; start(); } };
requestAnimationFrame(() => setTimeout(once, 0));
setTimeout(once, 1000);"""


def start_after_first_paint(script: str) -> str | None:
    """React Router's start script with its static imports made dynamic and run after the
    first paint; None if it holds an import form we do not know (left as built)."""
    body = _NAMESPACE_IMPORT.sub(r"const \1 = await import(\2);", script)
    body = _SIDE_EFFECT_IMPORT.sub(r"await import(\1);", body)
    if _ANY_STATIC_IMPORT.search(body):
        return None
    return f"const start = async () => {{\n{body}\n}};\n{_AFTER_FIRST_PAINT}"


def _defer_start(html: str) -> str:
    def replace(match: re.Match[str]) -> str:
        deferred = start_after_first_paint(match.group(2))
        if deferred is None:
            log.warning("the build's start script has an unknown import form: React is started"
                         " as built (before the first paint)")
            return match.group(0)
        return match.group(1) + deferred + match.group(3)
    return _START_SCRIPT.sub(replace, html, count=1)


@dataclasses.dataclass(frozen=True, slots=True)
class Shell:
    head: str  # up to, not including, </head>
    middle: str  # </head> … <body>
    tail: str  # the rest of <body> and the document
    script_hashes: tuple[str, ...]
    digest: str  # of the whole shell: names this build's shell in caches

    @classmethod
    def parse(cls, built: str) -> Shell:
        # The page is complete HTML: React (hydration, the island) starts after it is painted.
        # Until now its ~140 KB of modules arrived first and ran before the paint (measured:
        # CSS at 45–90 ms, scripts at 50–150 ms, the first item painted at 164–252 ms).
        html = _defer_start(built)
        head_end = html.index("</head>")
        body_start = html.index(">", html.index("<body", head_end)) + 1
        hashes = tuple(sorted({
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for body in _INLINE_SCRIPT.findall(html)}))
        head = html[:head_end]
        # React starts after the first paint (above), so its module preloads only competed
        # with the stylesheet for the server (measured: the stylesheet arrived at 109 ms
        # instead of 42): they are dropped, and the modules are fetched when React starts.
        head = _MODULE_PRELOAD.sub("", head)
        return cls(head, html[head_end:body_start], html[body_start:], hashes,
                   hashlib.sha256(html.encode()).hexdigest()[:16])


class ShellSource:
    """The built shell, read once and again only when the build changes it."""

    def __init__(self, static_dir: Path | None) -> None:
        self._static_dir = static_dir
        self._cached: tuple[float, Shell] | None = None
        self._minimal = Shell.parse(MINIMAL_SHELL)
        self._lock = threading.Lock()

    def get(self) -> Shell:
        path = self._static_dir / SPA_SHELL if self._static_dir else None
        try:
            mtime = path.stat().st_mtime if path else None
        except OSError:
            mtime = None
        if mtime is None:
            return self._minimal
        with self._lock:
            if self._cached is None or self._cached[0] != mtime:
                try:
                    self._cached = (mtime, Shell.parse(path.read_text(encoding="utf-8")))
                except (OSError, ValueError) as exc:
                    log.warning("cannot use the built page shell %s: %s", path, exc)
                    return self._minimal
            return self._cached[1]


def built_static_dir() -> Path | None:
    try:
        from reflex.utils import prerequisites
        from reflex_base import constants

        return prerequisites.get_web_dir() / constants.Dirs.STATIC
    except Exception:  # no Reflex project here (tools, tests): the minimal shell serves
        return None


shells = ShellSource(built_static_dir())


def document(rendered: RenderedView, public_url: str, shell: Shell | None = None) -> str:
    """The complete HTML document for a rendered view."""
    shell = shell or shells.get()
    canonical = public_url + rendered.meta.canonical if rendered.meta.canonical else ""
    oembed = (f"{public_url}{routes.OEMBED}?format=json&url={quote(canonical, safe='')}"
              if canonical else "")
    lang = rendered.lang
    head = ENV.get_template("head.html").render(
        meta=rendered.meta, canonical=canonical, oembed=oembed, site=i18n.text(lang, "site"),
        locale=i18n.text(lang, "og.locale"), lang=lang)
    return "".join((_html_lang(shell.head, lang), head, shell.middle, render_page(rendered),
                    shell.tail))


def _html_lang(head: str, lang: str) -> str:
    """The shell's <html lang="ja"> (Reflex's html_lang) in the page's language: the chrome's
    language; the feed's text carries its own lang="ja"."""
    if lang == i18n.DEFAULT:
        return head
    start = head.find("<html")
    end = head.find(">", start)
    if start < 0 or end < 0:
        return head
    tag = head[start:end].replace(f'lang="{i18n.DEFAULT}"', f'lang="{lang}"', 1)
    return head[:start] + tag + head[end:]


def page_policy(shell: Shell | None = None) -> str:
    """Content-Security-Policy of a reader page: scripts only from us (and the shell's own
    inline scripts, by hash); photos may come from the feed's https hosts."""
    shell = shell or shells.get()
    scripts = " ".join(("'self'", *shell.script_hashes))
    return (f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' https: data:; connect-src 'self'; object-src 'none'; "
            "base-uri 'none'; form-action 'self'")



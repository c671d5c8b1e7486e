"""What the browser runs on reader pages: small ES modules (flash_reader/client/*.js) and the
one inline script that applies the reader's display settings before the first paint.

Everything the scripts share with Python — element ids, cookie and storage names, the view
path, ranges, the fallback message — is written here once and reaches the modules as the
generated `config.js` (and the inline script as a JSON literal): no script names one by hand
(tests/render/test_client.py fails if one does).

The modules are served from memory under a path named by their digest
(`/scripts/<digest>/reader.js`), so a browser or shared cache keeps them for a year and a new
release is a new path; their relative imports stay inside that path.
"""

from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
import json
import types
from pathlib import Path

from markupsafe import Markup

from flash_reader import i18n, routes
from flash_reader.display.palette import CHOOSABLE
from flash_reader.display.stylesheet import SIZE_MAX, SIZE_MIN, SIZE_STEP
from flash_reader.render.chrome import FURIGANA_OPTIONS, IDS, RATE_OPTIONS

SOURCE_DIR = Path(__file__).resolve().parent.parent / "client"
SCRIPTS_PREFIX = "/scripts"
READER_ENTRY = "reader.js"
BUILDER_ENTRY = "builder.js"
CONFIG_MODULE = "config.js"
PREPAINT = "prepaint.js"  # inlined, not served

# The query parameters that change a page's bytes besides its view: a shared cache keys on
# the URL, so the reader's language and readings are asked for there, never in a cookie.
LANG_PARAM = "lang"
READINGS_PARAM = "furigana"
PAGE_LANGUAGE_ID = "page-language"  # the builder's marker of its language (components/layout.py)

CONFIG: types.MappingProxyType = types.MappingProxyType({
    "ids": {**IDS, "page_language": PAGE_LANGUAGE_ID, "font_link": "fr-font-faces"},
    "params": {"lang": LANG_PARAM, "readings": READINGS_PARAM},
    # The reader pages (render/endpoints.py): links to them keep those parameters.
    "readerPages": {"exact": [routes.READER, routes.ISSUES, routes.ABOUT, routes.ACCESSIBILITY],
                    "prefixes": [routes.ITEM_PREFIX, routes.ISSUE_PREFIX]},
    # The language the reader last chose, for pages that cannot ask for it in their URL (the
    # builder reads it from its websocket's Cookie header) and for prepaint.js.
    "cookies": {"lang": i18n.COOKIE},
    "cookieMaxAge": i18n.COOKIE_MAX_AGE,
    "storage": {"display": "flash-reader:display", "shortcuts": "flash-reader:shortcuts"},
    "viewPrefix": routes.VIEW_PREFIX,
    # speech.js says which sentence it is speaking (its Range as the detail); ruler.js follows.
    "events": {"speaking": "flash-reader:speaking"},
    "defaultLang": i18n.DEFAULT,
    # What the scripts say if the page's own words (#fr-messages) cannot be read.
    "fallbackError": i18n.text(i18n.DEFAULT, "view.error"),
    "display": {
        "themes": [theme.name for theme in CHOOSABLE],
        "sizeMin": SIZE_MIN, "sizeMax": SIZE_MAX, "sizeStep": SIZE_STEP,
        "furigana": [value for value, _ in FURIGANA_OPTIONS if value],
        "rates": [value for value, _ in RATE_OPTIONS if value],
        # The choices that live on <html> as data-* attributes (CSS keys on them).
        "attributes": {"theme": "data-theme", "size": "data-size", "spacing": "data-spacing",
                       "measure": "data-measure", "furigana": "data-furigana",
                       "layout": "data-layout", "font": "data-font", "ruler": "data-ruler"},
        "fontCss": "/fonts/biz-udpgothic/biz-udpgothic.css",
        # Set on <html> by prepaint.js: reader.css shows the panel's controls only then.
        "scriptsAttribute": "data-scripts",
    },
})


def _json(value: object) -> str:
    # `<`, `>` and `&` escaped: the literal can never close the <script> it sits in.
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def config_module() -> str:
    return f"export default Object.freeze({_json(dict(CONFIG))});\n"


def _without_comment_lines(source: str) -> str:
    # What is sent: the files' whole-line comments (a third of their bytes) stay in the repo.
    return "\n".join(line for line in source.splitlines()
                     if line.strip() and not line.lstrip().startswith("//")) + "\n"


def _prepaint_source() -> str:
    source = (SOURCE_DIR / PREPAINT).read_text(encoding="utf-8")
    display = {k: v for k, v in CONFIG["display"].items() if k != "rates"}
    settings = {"key": CONFIG["storage"]["display"], "fontLink": CONFIG["ids"]["font_link"],
                "params": CONFIG["params"], "cookie": i18n.COOKIE,
                "cookieMaxAge": i18n.COOKIE_MAX_AGE, "langs": list(i18n.LANGS),
                "defaultLang": i18n.DEFAULT, **display}
    # The file keeps a placeholder where the settings go, so it stays a valid script.
    return _without_comment_lines(source).strip().replace("/*SETTINGS*/{}", _json(settings), 1)


@dataclasses.dataclass(frozen=True, slots=True)
class Module:
    """One script as served: its bytes, gzipped once, and its ETag."""

    body: bytes
    gzipped: bytes
    etag: str

    @classmethod
    def of(cls, text: str) -> Module:
        body = text.encode("utf-8")
        return cls(body, gzip.compress(body, compresslevel=9),
                   '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


@dataclasses.dataclass(frozen=True, slots=True)
class Client:
    modules: types.MappingProxyType  # file name -> Module
    digest: str  # of every module: the path segment that versions them
    prepaint: Markup  # the inline script's text (trusted: our file and our constants)
    prepaint_hash: str  # for the pages' script-src

    def url(self, name: str) -> str:
        return f"{SCRIPTS_PREFIX}/{self.digest}/{name}"


def load(source_dir: Path = SOURCE_DIR) -> Client:
    texts = {path.name: _without_comment_lines(path.read_text(encoding="utf-8"))
             for path in sorted(source_dir.glob("*.js")) if path.name != PREPAINT}
    texts[CONFIG_MODULE] = config_module()
    digest = hashlib.sha256("\0".join(f"{n}\0{t}" for n, t in sorted(texts.items()))
                            .encode()).hexdigest()[:16]
    prepaint = _prepaint_source()
    script_hash = base64.b64encode(hashlib.sha256(prepaint.encode()).digest()).decode()
    return Client(types.MappingProxyType({n: Module.of(t) for n, t in texts.items()}), digest,
                  Markup(prepaint), f"'sha256-{script_hash}'")


CLIENT = load()

"""HTML from views, with Jinja2 (autoescaped: every feed text is escaped by the engine).

Templates take their words from the catalogues (flash_reader/i18n) through `t` and `tn`,
in the language the render was asked for (`lang` in the template's context; macros are
imported `with context` so they see it).
"""

from __future__ import annotations

import re

import jinja2
from markupsafe import Markup, escape

from flash_reader import config, i18n
from flash_reader.render.cache import SizedCache
from flash_reader.render.chrome import TEMPLATE_GLOBALS
from flash_reader.render.client import CONFIG as CLIENT_CONFIG
from flash_reader.render.page_views import RenderedView, build
from flash_reader.render.request import Kind, ViewRequest
from flash_reader.render.statement import STATUS_KEYS, CriterionResult
from flash_reader.store import Snapshot

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("flash_reader.render", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.globals.update(TEMPLATE_GLOBALS, client_config=CLIENT_CONFIG)


def _lang(context: jinja2.runtime.Context) -> str:
    return context.get("lang") or i18n.DEFAULT


@jinja2.pass_context
def _t(context: jinja2.runtime.Context, key: str, /, **values: object) -> Markup:
    return i18n.markup(_lang(context), key, **values)


@jinja2.pass_context
def _tn(context: jinja2.runtime.Context, key: str, n: int, /, **values: object) -> Markup:
    return Markup(escape(i18n.count(_lang(context), key, n, **values)))


@jinja2.pass_context
def _script_words(context: jinja2.runtime.Context) -> dict[str, str]:
    # The browser scripts' messages (components/scripts/*.js read this JSON): from the same
    # catalogue as everything else, written once.
    return i18n.script_words(_lang(context))


@jinja2.pass_context
def _criterion_title(context: jinja2.runtime.Context, row: CriterionResult) -> str:
    return row.title if _lang(context) == "ja" else i18n.text(_lang(context),
                                                               f"wcag.{row.number}")


@jinja2.pass_context
def _criterion_note(context: jinja2.runtime.Context, row: CriterionResult) -> str:
    return row.note if _lang(context) == "ja" else i18n.text(_lang(context),
                                                              f"wcag_note.{row.number}")


def _in_japanese(key: str) -> Markup:
    """The Japanese words for `key`, marked as Japanese (a name quoted inside English)."""
    return Markup('<span lang="ja">{}</span>').format(i18n.text("ja", key))


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


@jinja2.pass_context
def _words_marked(context: jinja2.runtime.Context, summary: str, query: str) -> Markup:
    """The result line; in English, the reader's Japanese search words in it marked lang="ja"
    (they are quoted “…” there, so only that place is marked)."""
    text = escape(summary)
    if _lang(context) == i18n.DEFAULT or not query or not _JAPANESE.search(query):
        return text
    quoted = Markup("“{}”").format(query)
    return text.replace(quoted, Markup('“<span lang="ja">{}</span>”').format(query), 1)


def _link(href: str, label: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, label)


@jinja2.pass_context
def _external_link(context: jinja2.runtime.Context, href: str, label: str) -> Markup:
    return Markup('<a href="{}" rel="external">{}<span class="visually-hidden">{}</span></a>'
                  ).format(href, label, i18n.text(_lang(context), "external"))


def _code(value: str) -> Markup:
    return Markup("<code>{}</code>").format(value)


@jinja2.pass_context
def _json_link(context: jinja2.runtime.Context, href: str) -> Markup:
    return _link(href, i18n.text(_lang(context), "subscribe.json_label"))


# Articles' HTML by their views' render_key (page_views.py): rendered once, shared by every
# view that shows them. Bounded like the other caches (docs/architecture.md).
# The same for the timeline (page_views.timeline_view), by (version, current issue, language).
_shared: SizedCache[Markup] = SizedCache(32 * 1024 * 1024, len)
_macros: dict[tuple[str, str, str], object] = {}


def _macro(template: str, name: str, lang: str):
    found = _macros.get((template, name, lang))
    if found is None:
        found = getattr(ENV.get_template(template).make_module({"lang": lang}), name)
        _macros[(template, name, lang)] = found
    return found


def _shared_html(kind: str, template: str, view, *args: object, lang: str) -> Markup:
    def render() -> Markup:
        return Markup(str(_macro(template, kind, lang)(view, *args)))

    if not view.render_key:
        return render()
    return _shared.get_or_make((kind, *view.render_key, *args, lang), render)


@jinja2.pass_context
def _article_html(context: jinja2.runtime.Context, item, readings: bool) -> Markup:
    return _shared_html("article", "article.html", item, readings, lang=_lang(context))


@jinja2.pass_context
def _timeline_html(context: jinja2.runtime.Context, line) -> Markup:
    return _shared_html("timeline", "timeline.html", line, lang=_lang(context))


ENV.globals.update(article_html=_article_html, timeline_html=_timeline_html)
ENV.globals.update(t=_t, tn=_tn, script_words=_script_words, criterion_title=_criterion_title,
                   criterion_note=_criterion_note, link=_link, in_japanese=_in_japanese,
                   code=_code, json_link=_json_link, status_key=STATUS_KEYS.__getitem__,
                   words_marked=_words_marked, external_link=_external_link,
                   contact=config.shown_contact)

# Rendered views by (content version, request, readings, language, contact).
_views: SizedCache[RenderedView] = SizedCache(64 * 1024 * 1024, lambda v: len(v.html))


def render_view(snapshot: Snapshot, request: ViewRequest, readings: bool,
                lang: str = i18n.DEFAULT) -> RenderedView:
    """The #view element of `request`, built once per (content version, request, readings,
    language, contact setting)."""
    key = (snapshot.version, request, readings, lang, config.shown_contact())
    found = _views.get(key)
    if found is not None:
        return found
    view, meta = build(snapshot, request, readings, lang)
    html = ENV.get_template("view.html").render(kind=request.kind.value if meta.status == 200
                                                else "not-found", v=view, meta=meta,
                                                version=snapshot.version, lang=lang).strip()
    rendered = RenderedView(request.kind, view, meta, snapshot.version, html, lang)
    # The statement follows the test record, which changes without the content version.
    if request.kind is not Kind.STATEMENT:
        _views.put(key, rendered)
    return rendered


def switch_href(path: str, lang: str) -> str:
    """The header's language link: this page (`path`, its query kept) in the other language."""
    other = "ja" if lang == "en" else "en"
    if not path:  # a 404: a query alone keeps the address the reader asked for
        return f"?lang={other}"
    return f"{path}{'&' if '?' in path else '?'}lang={other}"


def readings_href(path: str, lang: str, readings: bool) -> str:
    """This page with furigana on (or off, when they are on): the one reading setting that
    works without scripts, since the server adds the readings (?furigana=1)."""
    if not path:
        return ""
    query = [] if lang == i18n.DEFAULT else [f"{CLIENT_CONFIG['params']['lang']}={lang}"]
    if not readings:
        query.append(f"{CLIENT_CONFIG['params']['readings']}=1")
    if not query:
        return path
    return f"{path}{'&' if '?' in path else '?'}{'&'.join(query)}"


def render_page(rendered: RenderedView) -> str:
    """The whole visible page (<flash-page>) around a rendered view."""
    readings = rendered.view.readings
    return ENV.get_template("page.html").render(
        v=rendered.view, view_html=Markup(rendered.html), lang=rendered.lang,
        switch_href=switch_href(rendered.meta.canonical, rendered.lang),
        readings_href=readings_href(rendered.meta.canonical, rendered.lang, readings),
        readings=readings)


def render_chrome(part: str, lang: str = i18n.DEFAULT, path: str = "/") -> str:
    """The shared header or footer alone (for pages React renders, such as the builder)."""
    module = ENV.get_template("chrome.html").make_module({"lang": lang})
    if part == "header":
        return str(module.header(switch_href=switch_href(path, lang)))
    return str(getattr(module, part)())

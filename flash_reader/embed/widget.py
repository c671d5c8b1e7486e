"""The embeddable pages: server-rendered HTML from the shared store, no JavaScript.

- `/embed`: the list widget (the newest items of some offices);
- `/embed/items/<id>`: one article as a card (what oEmbed returns for an article's URL);
- `/embed/issues/<date>`: one issue's headlines as a card (oEmbed for an issue's URL).

Every link opens in the top window (`target="_top"`), which replaces the host page: the text
says so. The English pages are English throughout; the feed's Japanese text (titles, office
names, articles) keeps `lang="ja"`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from flash_reader import i18n, item_views, routes
from flash_reader.embed.params import WidgetParams
from flash_reader.feed import query
from flash_reader.feed.model import Feed, Item

EMBED_ITEM_PREFIX = routes.EMBED + "/items/"
EMBED_ISSUE_PREFIX = routes.EMBED + "/issues/"
ISSUE_CARD_MAX = 50  # headlines on an issue card: an issue has about ten


def text_for(lang: str) -> dict[str, str]:
    """The widget's words (flash_reader/i18n, keys `widget.*`) in `lang` (ja if unknown)."""
    return i18n.catalogue(lang if lang in i18n.LANGS else i18n.DEFAULT, "widget.")


def issue_label(date: dt.date | None, lang: str) -> str:
    return item_views.issue_label(date, lang if lang in i18n.LANGS else i18n.DEFAULT)


def _ja(text: str, lang: str) -> str:
    """Feed text (always Japanese), marked as such inside a page in another language."""
    if lang == i18n.FEED_LANG:
        return escape(text)
    return f'<span lang="{i18n.FEED_LANG}">{escape(text)}</span>'


def _chrome(words: str, lang: str) -> str:
    """The widget's own words inside the feed's Japanese text (marked as the page's language)."""
    if lang == i18n.FEED_LANG:
        return escape(words)
    return f'<span lang="{escape(lang)}">{escape(words)}</span>'


def _meta(item: Item, lang: str) -> str:
    return (f'<span class="widget-meta">{_ja(item.office.name, lang)}'
            f"{escape(text_for(lang)['separator'])}"
            f"{escape(issue_label(item.issue_date, lang))}</span>")


def _headline_list(items: Sequence[Item], lang: str) -> str:
    entries = "\n".join(
        f'<li><a href="{escape(routes.item_url(item.id))}" target="_top" lang="ja">'
        f"{escape(item.title)}</a>{_meta(item, lang)}</li>"
        for item in items)
    return f'<ul class="widget-items">\n{entries}\n</ul>'


def _leaving_link(href: str, label: str, lang: str) -> str:
    text = text_for(lang)
    return (f'<p class="widget-more"><a href="{escape(href)}" target="_top">'
            f"{escape(label)}{escape(text['leaves'])}</a></p>")


def widget_html(feed: Feed, params: WidgetParams) -> str:
    lang = params.lang
    text = text_for(lang)
    names = {office.code: office.name for office in feed.offices}
    chosen_names = [names.get(code, code) for code in params.offices]
    joiner = text["separator"]
    scope_html = joiner.join(_ja(name, lang) for name in chosen_names) or escape(
        text["all_offices"])
    # A <title> cannot mark a part as Japanese: in another language it names offices by code.
    scope_plain = joiner.join(chosen_names if lang == i18n.FEED_LANG else params.offices) or text[
        "all_offices"]
    items = query.select_items(feed, _NO_INDEX, params.offices, ())[: params.limit]
    body = (_headline_list(items, lang) if items
            else f'<p class="widget-empty">{escape(text["empty"])}</p>')
    count = f"{text['latest']} {len(items)}{text['unit']}"
    title = i18n.text(lang, "aside", text=text["site"], aside=scope_plain)
    return _page(params, title, f"""
<p class="widget-scope">{scope_html}　{escape(count)}</p>
<p class="widget-note">{escape(text['note'])}</p>
{body}
{_leaving_link(routes.reader_url(params.offices), text['more'], lang)}""")


def item_card_html(item: Item, params: WidgetParams) -> str:
    """One article, whole, as a card: its title, office and date, its text."""
    lang = params.lang
    text = text_for(lang)
    paragraphs = "\n".join(
        f"<p>{escape(''.join(span.text for span in paragraph))}</p>"
        for paragraph in item.paragraphs)
    caption = (f'<p class="widget-caption">{_chrome(text["photo"], lang)}'
               f"{escape(item.photo.caption)}</p>" if item.photo and item.photo.caption else "")
    href = routes.item_url(item.id)
    return _page(params, item.title, f"""
<article class="widget-card">
<h2 class="widget-card-title" lang="ja"><a href="{escape(href)}" target="_top">\
{escape(item.title)}</a></h2>
<p>{_meta(item, lang)}</p>
<div class="widget-card-text" lang="ja">
{paragraphs}
{caption}
</div>
</article>
{_leaving_link(href, text['read_article'], lang)}""", title_lang="ja")


def issue_card_html(date: dt.date, items: Sequence[Item], params: WidgetParams) -> str:
    """One issue's headlines as a card."""
    lang = params.lang
    text = text_for(lang)
    label = issue_label(date, lang)
    href = routes.issue_url(date)
    title = i18n.text(lang, "aside", text=text["site"], aside=label)
    return _page(params, title, f"""
<h2 class="widget-card-title"><a href="{escape(href)}" target="_top">{escape(label)}</a></h2>
<p class="widget-note">{escape(text['note'])}</p>
{_headline_list(items[:ISSUE_CARD_MAX], lang)}
{_leaving_link(href, text['read_issue'], lang)}""")


def not_found_html(what: str, lang: str = "ja") -> str:
    """`what` is "item" or "issue"."""
    text = text_for(lang)
    return _page(WidgetParams(lang=lang if lang in i18n.LANGS else "ja"), text["not_found_title"],
                 f'<p class="widget-error">{escape(text["no_" + what])}</p>')


def error_html(problems: list[str], params_lang: str = "ja") -> str:
    text = text_for(params_lang)
    items = "\n".join(f"<li>{escape(problem)}</li>" for problem in problems)
    return _page(WidgetParams(lang=params_lang if params_lang in i18n.LANGS else "ja"),
                 text["error_title"], f"""
<div role="alert" class="widget-error">
<p><strong>{escape(text['error_title'])}</strong></p>
<ul>{items}</ul>
</div>""")


def unavailable_html(lang: str = "ja") -> str:
    text = text_for(lang)
    return _page(WidgetParams(lang=lang if lang in i18n.LANGS else "ja"), text["site"],
                 f'<p role="status" class="widget-error">{escape(text["unavailable"])}</p>')


def _page(params: WidgetParams, title: str, content: str, title_lang: str = "") -> str:
    text = text_for(params.lang)
    theme = "" if params.theme == "auto" else f' data-theme="{escape(params.theme)}"'
    # An article's title is Japanese even on an English card.
    title_attr = f' lang="{title_lang}"' if title_lang and title_lang != params.lang else ""
    return f"""<!DOCTYPE html>
<html lang="{escape(params.lang)}"{theme}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title{title_attr}>{escape(title)}</title>
<link rel="stylesheet" href="/themes.css">
<link rel="stylesheet" href="/embed.css">
</head>
<body>
<main class="widget">
<h1 class="widget-title"><a href="/" target="_top">{escape(text['site'])}\
<span class="widget-leaves">{escape(text['leaves'])}</span></a></h1>
{content}
</main>
</body>
</html>
"""


class _NoIndex:
    """select_items without search terms never consults the index."""

    def matches(self, item, terms) -> bool:  # pragma: no cover - never called without terms
        return True


_NO_INDEX = _NoIndex()

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

from flash_reader import routes, views
from flash_reader.embed.params import WidgetParams
from flash_reader.feed import query
from flash_reader.feed.model import Feed, Item

EMBED_ITEM_PREFIX = routes.EMBED + "/items/"
EMBED_ISSUE_PREFIX = routes.EMBED + "/issues/"
ISSUE_CARD_MAX = 50  # headlines on an issue card: an issue has about ten

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

TEXT = {
    "ja": {"site": "海外事務所フラッシュ", "latest": "新着", "all_offices": "全事務所",
           "more": "すべての記事を海外事務所フラッシュで読む", "unit": "件",
           "leaves": "（このページから移動します）",
           "note": "見出しを押すと、このページに代わって海外事務所フラッシュの記事が開きます。",
           "read_article": "この記事を海外事務所フラッシュで読む",
           "read_issue": "この号を海外事務所フラッシュで読む",
           "error_title": "埋め込みの設定に問題があります",
           "empty": "該当する記事はまだありません。",
           "no_item": "この記事は見つかりません。削除されたか、アドレスが違います。",
           "no_issue": "この号は見つかりません。アドレスの日付を確かめてください。",
           "not_found_title": "見つかりません",
           "unavailable": "ニュースを読み込めませんでした。"
                          "しばらくしてからもう一度お試しください。"},
    "en": {"site": "CLAIR Overseas Office Flash", "latest": "latest", "all_offices": "All offices",
           "more": "Read all news on CLAIR Overseas Office Flash", "unit": " items",
           "leaves": " (leaves this page)",
           "note": "Headlines open the article on CLAIR Overseas Office Flash, in place of "
                   "this page.",
           "read_article": "Read this article on CLAIR Overseas Office Flash",
           "read_issue": "Read this issue on CLAIR Overseas Office Flash",
           "error_title": "This embed is not set up correctly", "empty": "No news yet.",
           "no_item": "This article was not found. It was removed, or the address is wrong.",
           "no_issue": "This issue was not found. Check the date in the address.",
           "not_found_title": "Not found",
           "unavailable": "The news could not be loaded. Please try again later."},
}


def text_for(lang: str) -> dict[str, str]:
    return TEXT.get(lang, TEXT["ja"])


def issue_label(date: dt.date | None, lang: str) -> str:
    if lang != "en":
        return views.issue_label(date)
    return f"Issue of {date.day} {MONTHS[date.month - 1]} {date.year}" if date else (
        "Issue date unknown")


def _ja(text: str, lang: str) -> str:
    """Feed text (always Japanese), marked as such inside an English page."""
    return f'<span lang="ja">{escape(text)}</span>' if lang == "en" else escape(text)


def _meta(item: Item, lang: str) -> str:
    return (f'<span class="widget-meta">{_ja(item.office.name, lang)}'
            f"{'・' if lang != 'en' else ', '}{escape(issue_label(item.issue_date, lang))}</span>")


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
    joiner = ", " if lang == "en" else "・"
    scope_html = joiner.join(_ja(name, lang) for name in chosen_names) or escape(
        text["all_offices"])
    # A <title> cannot mark a part as Japanese: the English one names the offices by code.
    scope_plain = joiner.join(params.offices if lang == "en" else chosen_names) or text[
        "all_offices"]
    items = query.select_items(feed, _NO_INDEX, params.offices, ())[: params.limit]
    body = (_headline_list(items, lang) if items
            else f'<p class="widget-empty">{escape(text["empty"])}</p>')
    count = f"{text['latest']} {len(items)}{text['unit']}"
    title = (f"{text['site']} ({scope_plain})" if lang == "en"
             else f"{text['site']}（{scope_plain}）")
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
    caption = (f'<p class="widget-caption">写真：{escape(item.photo.caption)}</p>'
               if item.photo and item.photo.caption else "")
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
    title = f"{text['site']} ({label})" if lang == "en" else f"{text['site']}（{label}）"
    return _page(params, title, f"""
<h2 class="widget-card-title"><a href="{escape(href)}" target="_top">{escape(label)}</a></h2>
<p class="widget-note">{escape(text['note'])}</p>
{_headline_list(items[:ISSUE_CARD_MAX], lang)}
{_leaving_link(href, text['read_issue'], lang)}""")


def not_found_html(what: str, lang: str = "ja") -> str:
    """`what` is "item" or "issue"."""
    text = text_for(lang)
    return _page(WidgetParams(lang=lang if lang in TEXT else "ja"), text["not_found_title"],
                 f'<p class="widget-error">{escape(text["no_" + what])}</p>')


def error_html(problems: list[str], params_lang: str = "ja") -> str:
    text = text_for(params_lang)
    items = "\n".join(f"<li>{escape(problem)}</li>" for problem in problems)
    return _page(WidgetParams(lang=params_lang if params_lang in TEXT else "ja"),
                 text["error_title"], f"""
<div role="alert" class="widget-error">
<p><strong>{escape(text['error_title'])}</strong></p>
<ul>{items}</ul>
</div>""")


def unavailable_html(lang: str = "ja") -> str:
    text = text_for(lang)
    return _page(WidgetParams(lang=lang if lang in TEXT else "ja"), text["site"],
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

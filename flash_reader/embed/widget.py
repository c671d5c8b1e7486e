"""The embeddable widget: server-rendered HTML from the shared store, no JavaScript."""

from __future__ import annotations

from html import escape

from flash_reader import routes, views
from flash_reader.embed.params import WidgetParams
from flash_reader.feed import query
from flash_reader.feed.model import Feed

TEXT = {
    "ja": {"site": "海外事務所フラッシュ", "latest": "新着", "all_offices": "全事務所",
           "more": "すべての記事を読む（新しいページで開きます）", "unit": "件",
           "error_title": "埋め込みの設定に問題があります",
           "empty": "該当する記事はまだありません。",
           "unavailable": "ニュースを読み込めませんでした。"
                          "しばらくしてからもう一度お試しください。"},
    "en": {"site": "CLAIR Overseas Office Flash", "latest": "latest", "all_offices": "all offices",
           "more": "Read all news (opens the reader)", "unit": " items",
           "error_title": "This embed is not set up correctly", "empty": "No news yet.",
           "unavailable": "The news could not be loaded. Please try again later."},
}


def widget_html(feed: Feed, params: WidgetParams) -> str:
    text = TEXT[params.lang]
    names = {office.code: office.name for office in feed.offices}
    scope = "・".join(names.get(code, code) for code in params.offices) or text["all_offices"]
    chosen = [item for item in query.select_items(feed, _NO_INDEX, params.offices, ())]
    items = chosen[: params.limit]
    entries = "\n".join(
        f'<li><a href="{escape(routes.item_url(item.id))}" target="_top" lang="ja">'
        f"{escape(item.title)}</a>"
        f'<span class="widget-meta" lang="ja">{escape(item.office.name)}'
        f"・{escape(views.issue_label(item.issue_date))}</span></li>"
        for item in items)
    body = (f'<ul class="widget-items">\n{entries}\n</ul>' if items
            else f'<p class="widget-empty">{escape(text["empty"])}</p>')
    more = routes.reader_url(params.offices)
    count = f"{text['latest']} {len(items)}{text['unit']}"
    return _page(params, f"{text['site']}（{scope}）", f"""
<p class="widget-scope">{escape(scope)}　{escape(count)}</p>
{body}
<p class="widget-more"><a href="{escape(more)}" target="_top">{escape(text['more'])}</a></p>""")


def error_html(problems: list[str], params_lang: str = "ja") -> str:
    text = TEXT.get(params_lang, TEXT["ja"])
    items = "\n".join(f"<li>{escape(problem)}</li>" for problem in problems)
    return _page(WidgetParams(lang=params_lang if params_lang in TEXT else "ja"),
                 text["error_title"], f"""
<div role="alert" class="widget-error">
<p><strong>{escape(text['error_title'])}</strong></p>
<ul>{items}</ul>
</div>""")


def unavailable_html(lang: str = "ja") -> str:
    text = TEXT.get(lang, TEXT["ja"])
    return _page(WidgetParams(lang=lang if lang in TEXT else "ja"), text["site"],
                 f'<p role="status" class="widget-error">{escape(text["unavailable"])}</p>')


def _page(params: WidgetParams, title: str, content: str) -> str:
    text = TEXT[params.lang]
    theme = "" if params.theme == "auto" else f' data-theme="{escape(params.theme)}"'
    return f"""<!DOCTYPE html>
<html lang="{params.lang}"{theme}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{escape(title)}</title>
<link rel="stylesheet" href="/themes.css">
<link rel="stylesheet" href="/embed.css">
</head>
<body>
<main class="widget">
<h1 class="widget-title"><a href="/" target="_top">{escape(text['site'])}</a></h1>
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

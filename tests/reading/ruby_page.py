"""A static page of the seed issue with furigana, marked up as the app emits it.

Same stylesheets (assets/themes.css + assets/reader.css), same classes and the same ruby as
`components/article.py` `word()`: <ruby data-grade="N">交流<rt aria-hidden="true">…</rt></ruby>.
It lets a browser test (and a person, from a screenshot) judge the ruby layout without
building the app.

    .venv/bin/python -m tests.reading.ruby_page > /tmp/ruby.html
"""

from __future__ import annotations

import html

from flash_reader.config import BUNDLED_FEED, PROJECT_ROOT
from flash_reader.feed.parse import parse
from flash_reader.reading.furigana import annotate

STYLESHEETS = ("assets/themes.css", "assets/reader.css")


def ruby_html(text: str) -> str:
    return "".join(
        f'<ruby data-grade="{s.grade}">{html.escape(s.text, quote=True)}'
        f'<rt aria-hidden="true">{html.escape(s.reading, quote=True)}</rt></ruby>'
        if s.reading else html.escape(s.text, quote=True)
        for s in annotate(text))


def page(furigana: str = "all", items: int | None = None) -> str:
    """The seed issue's articles; `furigana` is the <html data-furigana> value ("" for off)."""
    feed = parse(BUNDLED_FEED.read_bytes())
    css = "\n".join((PROJECT_ROOT / path).read_text(encoding="utf-8") for path in STYLESHEETS)
    articles = []
    for item in feed.items[:items]:
        caption = item.photo.caption if item.photo else ""
        body = "".join(
            '<p class="item-paragraph">' + "".join(ruby_html(span.text) for span in paragraph)
            + "</p>" for paragraph in item.paragraphs)
        articles.append(
            '<article class="item">'
            f'<h2 class="item-title">{ruby_html(item.title)}</h2>'
            '<p class="item-meta"><span class="item-office">'
            f'{ruby_html(item.office.name)}</span></p>'
            + (f'<figure class="item-figure"><figcaption class="item-caption">'
               f'{ruby_html(caption)}</figcaption></figure>' if caption else "")
            + body + "</article>")
    attribute = f' data-furigana="{html.escape(furigana, quote=True)}"' if furigana else ""
    return (f'<!doctype html><html lang="ja"{attribute}><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<style>{css}</style></head><body><main class=\"page-main\">"
            + "".join(articles) + "</main></body></html>")


if __name__ == "__main__":
    print(page())

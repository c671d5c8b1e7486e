"""Our JSON Feed and Atom: valid, complete, loadable by our own parser and by feedparser."""

from __future__ import annotations

import json
import re
from html import escape

import feedparser
import pytest

from flash_reader.embed import feeds_out, widget
from flash_reader.embed.params import WidgetParams
from flash_reader.feed import query
from flash_reader.feed.parse import parse
from flash_reader.feed.search import SearchIndex
from tests.conftest import DEFAULT_FEED
from tests.feed.feeds import encode, feed, item

BASE = "https://flash.example.jp"
SEED = parse(DEFAULT_FEED.read_bytes())


def all_items(source=SEED, offices=()):
    return query.select_items(source, SearchIndex.build(source.items), offices, ())


def test_json_feed_round_trips_through_our_parser() -> None:
    document = feeds_out.json_feed(SEED, all_items(), BASE, (), 1)
    again = parse(feeds_out.dump_json_feed(document))
    assert [i.id for i in again.items] == [i.id for i in SEED.items]
    for ours, original in zip(again.items, SEED.items, strict=True):
        assert ours.office == original.office
        assert ours.issue_date == original.issue_date
        assert ours.photo.caption == original.photo.caption
        # The caption is the article's last paragraph in our feed (feed readers show no
        # figure); our own parser reads it back as the photo's caption, not once more.
        assert ours.paragraphs == original.paragraphs
        assert ours.url == f"{BASE}/items/{original.id}"
    assert again.offices == SEED.offices


def test_json_feed_office_filter_and_pagination() -> None:
    big = parse(encode(feed(*(item(f"i{n}", _flash={"office": "PAR" if n % 2 else "SIN",
                                                        "issue_date": "2020-10-28"})
                              for n in range(120)))))
    pars = all_items(big, ("PAR",))
    first = feeds_out.json_feed(big, pars, BASE, ("PAR",), 1)
    assert len(first["items"]) == 50
    assert first["next_url"] == f"{BASE}/feed.json?office=PAR&page=2"
    last = feeds_out.json_feed(big, pars, BASE, ("PAR",), 2)
    assert len(last["items"]) == 10 and "next_url" not in last
    assert {i["_flash"]["office"] for i in first["items"]} == {"PAR"}


def test_atom_parses_with_feedparser() -> None:
    body = feeds_out.atom_feed(SEED, all_items(), BASE, ())
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "海外事務所フラッシュ"
    assert len(parsed.entries) == 7
    first = parsed.entries[0]
    assert first.link == f"{BASE}/items/2020-10-28-01"
    assert first.tags[0].term == "PAR" and first.tags[0].label == "パリ事務所"
    assert "フランス都市連合" in first.content[0].value


def test_hostile_text_is_escaped_in_atom_json_and_widget() -> None:
    hostile = parse(encode(feed(item("x", title="<script>alert(1)</script>",
                                     content_text="a & <b>b</b>",
                                     _flash={"office": "PAR", "office_name": "<img src=x>"}))))
    atom = feeds_out.atom_feed(hostile, all_items(hostile), BASE, ())
    assert b"<script>" not in atom and b"&lt;script&gt;" in atom
    assert not feedparser.parse(atom).bozo
    html = widget.widget_html(hostile, WidgetParams())
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    document = feeds_out.dump_json_feed(feeds_out.json_feed(hostile, all_items(hostile), BASE, (),
                                                            1))
    assert json.loads(document)["items"][0]["title"] == "<script>alert(1)</script>"


def test_widget_lists_newest_items_of_chosen_offices() -> None:
    html = widget.widget_html(SEED, WidgetParams(("PAR", "SIN"), limit=1))
    assert html.count("<li>") == 1
    assert 'href="/items/2020-10-28-01" target="_top"' in html
    assert "パリ事務所・シンガポール事務所" in html
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"ja\">")


def test_widget_theme_and_english_chrome() -> None:
    html = widget.widget_html(SEED, WidgetParams(theme="blue-yellow", lang="en"))
    assert '<html lang="en" data-theme="blue-yellow">' in html
    assert 'lang="ja">' in html  # the items stay Japanese


def test_english_widget_has_no_japanese_outside_lang_ja() -> None:
    html = widget.widget_html(SEED, WidgetParams(("PAR",), lang="en"))
    assert "Issue of 28 October 2020" in html and "配信" not in html
    assert '<span lang="ja">パリ事務所</span>' in html
    # Every Japanese character sits inside an element marked lang="ja".
    outside = re.sub(r'<(a|span|h2|div)[^>]*lang="ja"[^>]*>.*?</\1>', "", html, flags=re.S)
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", outside), outside


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_widget_links_say_they_replace_the_host_page(lang: str) -> None:
    html = widget.widget_html(SEED, WidgetParams(lang=lang))
    assert "新しいページで開きます" not in html and "opens the reader" not in html
    assert ("このページから移動します" if lang == "ja" else "leaves this page") in html
    assert html.count('target="_top"') == 2 + 5  # site title, more, 5 headlines


def test_item_card_is_that_one_article_with_its_caption() -> None:
    item = SEED.items[2]
    html = widget.item_card_html(item, WidgetParams(lang="en"))
    assert html.count("<article") == 1 and item.title in html
    # The widget's own word is English (marked so inside the Japanese text), the caption not.
    assert f'<span lang="en">Photo: </span>{item.photo.caption}' in html
    assert "写真：" not in html
    assert f'href="/items/{item.id}" target="_top"' in html
    assert "<script" not in html
    assert '<title lang="ja">' in html  # an English card, a Japanese title


@pytest.mark.parametrize("item", SEED.items, ids=lambda i: i.id)
def test_every_feed_entry_keeps_its_photo_caption(item) -> None:
    caption = f"写真：{item.photo.caption}"
    entry = feeds_out.json_feed(SEED, all_items(), BASE, (), 1)["items"][
        [i.id for i in all_items()].index(item.id)]
    assert entry["content_text"].endswith(caption)
    assert f"<figcaption>{escape(caption)}</figcaption>" in entry["content_html"]
    parsed = feedparser.parse(feeds_out.atom_feed(SEED, all_items(), BASE, ()))
    atom_entry = next(e for e in parsed.entries if e.link.endswith(item.id))
    assert escape(caption) in atom_entry.content[0].value


def test_atom_tells_a_person_in_a_browser_what_a_feed_is() -> None:
    body = feeds_out.atom_feed(SEED, all_items(), BASE, ("PAR",))
    assert b'<?xml-stylesheet type="text/css" href="/feed.css"?>' in body.split(b"<feed")[0]
    text = body.decode()
    assert "これは「フィード」です" in text
    assert f"<xhtml:code>{BASE}/feed.atom?office=PAR</xhtml:code>" in text
    assert not feedparser.parse(body).bozo


def test_widget_error_page_lists_problems() -> None:
    html = widget.error_html(["office=XXX という事務所はありません"])
    assert 'role="alert"' in html and "office=XXX" in html

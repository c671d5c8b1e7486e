"""Filtering, counting and issue navigation as plain functions."""

from __future__ import annotations

import datetime as dt

from flash_reader.feed import query
from flash_reader.feed.parse import parse
from flash_reader.feed.search import SearchIndex, terms_of
from tests.conftest import DEFAULT_FEED
from tests.feed.feeds import encode, feed, item

SEED = parse(DEFAULT_FEED.read_bytes())
INDEX = SearchIndex.build(SEED.items)


def archive():
    return parse(encode(feed(
        item("old-par", _flash={"office": "PAR", "issue_date": "2020-09-30"}),
        item("new-sin", _flash={"office": "SIN", "issue_date": "2020-10-28"}),
        item("new-par", _flash={"office": "PAR", "issue_date": "2020-10-28"}),
        item("undated", _flash={"office": "SEL"}),
        _flash={"offices": [{"code": "PAR", "name": "パリ事務所"},
                            {"code": "SIN", "name": "シンガポール事務所"}]})))


def test_office_counts_in_feed_order() -> None:
    assert query.office_counts(archive()) == {"PAR": 2, "SIN": 1, "SEL": 1}


def test_office_counts_include_unknown_office() -> None:
    assert query.office_counts(parse(encode(feed(item("x"))))) == {"": 1}


def test_parse_office_codes_from_url() -> None:
    known = {"PAR", "SIN"}
    assert query.parse_office_codes("sin,PAR,XXX,,par", known) == ["SIN", "PAR"]
    assert query.parse_office_codes("", known) == []
    assert query.parse_office_codes("PAR、SIN", known) == ["PAR", "SIN"]


def test_select_items_by_offices_newest_issue_first() -> None:
    feed_ = archive()
    index = SearchIndex.build(feed_.items)
    chosen = query.select_items(feed_, index, ["PAR"], ())
    assert [i.id for i in chosen] == ["new-par", "old-par"]
    assert [i.id for i in query.select_items(feed_, index, [], ())][-1] == "undated"


def test_select_items_office_and_search_combine() -> None:
    chosen = query.select_items(SEED, INDEX, ["PAR", "SIN"], terms_of("ウェビナー"))
    assert [i.office.code for i in chosen] == ["SIN"]
    assert query.select_items(SEED, INDEX, ["PAR"], terms_of("ウェビナー")) == []


def test_select_items_search_full_width_cuf() -> None:
    assert [i.office.code for i in query.select_items(SEED, INDEX, [], terms_of("ＣＵＦ"))] == [
        "PAR"]


def test_latest_issue() -> None:
    assert query.latest_issue(SEED) == dt.date(2020, 10, 28)

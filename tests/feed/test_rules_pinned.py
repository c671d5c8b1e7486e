"""Rules of the feed adapter that no other test held down: each of these survived a one-line
mutation in tests/scale/mutation_check.py (see docs/testing.md). Named after the input."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from flash_reader.feed import query, sanitize, timeline
from flash_reader.feed.errors import FeedFetchError
from flash_reader.feed.fetch import fetch
from flash_reader.feed.parse import parse
from tests.feed.feeds import encode, feed, item
from tests.feed.httpserver import FeedServer


def test_date_published_without_zone_late_in_the_evening_is_jst() -> None:
    # 23:30 with no zone is Tokyo time: the issue is that day. Read as UTC, it would be the
    # next day in Tokyo.
    only = parse(encode(feed(item("1", date_published="2020-10-28T23:30:00")))).items[0]
    assert only.published is not None
    assert only.published.utcoffset() == dt.timedelta(hours=9)
    assert only.issue_date == dt.date(2020, 10, 28)


def test_item_without_title_and_a_long_body_gets_a_cut_title() -> None:
    body = "あ" * 41 + "。"
    only = parse(encode(feed({"id": "1", "content_text": body}))).items[0]
    assert only.title == "あ" * 40 + "…"


def test_item_without_title_and_a_body_of_40_characters_keeps_it_whole() -> None:
    body = "い" * 40
    only = parse(encode(feed({"id": "1", "content_text": body}))).items[0]
    assert only.title == body


def test_lower_case_office_code_in_the_office_list_is_upper_cased() -> None:
    document = feed(item("1", _flash={"office": "PAR"}),
                    _flash={"offices": [{"code": "par", "name": "パリ事務所"}]})
    parsed = parse(encode(document))
    assert [office.code for office in parsed.offices] == ["PAR"]
    assert parsed.items[0].office.name == "パリ事務所"


def test_decomposed_kana_in_a_title_is_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "パリ事務所だより")
    assert decomposed != "パリ事務所だより"
    only = parse(encode(feed(item("1", title=decomposed)))).items[0]
    assert only.title == "パリ事務所だより"


def test_http_url_without_a_host_is_dropped() -> None:
    assert sanitize.safe_url("http:///etc/passwd", None, sanitize.SAFE_IMAGE_SCHEMES) is None
    assert sanitize.safe_url("https:", None, sanitize.SAFE_IMAGE_SCHEMES) is None
    assert sanitize.safe_url("mailto:staff@example.org", None,
                             sanitize.SAFE_LINK_SCHEMES) == "mailto:staff@example.org"


@pytest.mark.parametrize("status", [203, 206])
def test_feed_server_answering_2xx_other_than_200_is_not_a_feed(
        server: FeedServer, status: int) -> None:
    # 206 is part of a body (a proxy's range answer); 203 a proxy's rewrite: not the feed.
    url = server.serve("/feed.json", encode(feed(item("1"))), status=status)
    with pytest.raises(FeedFetchError, match=f"answered {status}"):
        fetch(url)


def dated_feed(*dates: str):
    return parse(encode(feed(*(item(str(n), _flash={"issue_date": d})
                               for n, d in enumerate(dates)))))


def test_issue_dates_of_items_in_mixed_order_are_newest_first() -> None:
    parsed = dated_feed("2024-05-01", "2025-01-02", "2023-12-31", "2025-01-02")
    assert query.issue_dates(parsed) == [dt.date(2025, 1, 2), dt.date(2024, 5, 1),
                                         dt.date(2023, 12, 31)]
    assert query.latest_issue(parsed) == dt.date(2025, 1, 2)


def test_latest_issue_of_a_feed_without_dates_is_none() -> None:
    assert query.latest_issue(parse(encode(feed(item("1"))))) is None


def test_timeline_months_carry_their_year() -> None:
    years = timeline.timeline(dated_feed("2025-03-01", "2024-03-01"))
    assert [(y.year, [(m.year, m.month) for m in y.months]) for y in years] == [
        (2025, [(2025, 3)]), (2024, [(2024, 3)])]

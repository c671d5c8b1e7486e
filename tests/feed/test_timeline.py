"""The timeline: years → months → issues, newest first."""

from __future__ import annotations

from flash_reader.feed import timeline
from flash_reader.feed.parse import parse
from tests.feed.feeds import encode, feed, item


def dated(item_id: str, date: str) -> dict:
    return item(item_id, _flash={"issue_date": date})


FEED = parse(encode(feed(
    dated("a", "2020-10-28"), dated("b", "2020-10-28"), dated("c", "2020-10-14"),
    dated("d", "2020-09-30"), dated("e", "2019-12-25"), dated("f", "2021-01-06"),
    item("undated"))))


def test_issues_group_items_by_issue_date_newest_first() -> None:
    entries = timeline.issues(FEED)
    assert [(e.date.isoformat(), e.item_count) for e in entries] == [
        ("2021-01-06", 1), ("2020-10-28", 2), ("2020-10-14", 1), ("2020-09-30", 1),
        ("2019-12-25", 1)]


def test_timeline_years_months_issues() -> None:
    years = timeline.timeline(FEED)
    assert [y.year for y in years] == [2021, 2020, 2019]
    year_2020 = years[1]
    assert [m.month for m in year_2020.months] == [10, 9]
    assert [i.date.day for i in year_2020.months[0].issues] == [28, 14]
    assert year_2020.issue_count == 3


def test_timeline_of_feed_without_dates_is_empty() -> None:
    assert timeline.timeline(parse(encode(feed(item("x"))))) == ()


"""URL helpers: what a shared link looks like."""

from __future__ import annotations

import datetime as dt

from flash_reader import routes


def test_reader_url() -> None:
    assert routes.reader_url() == "/"
    assert routes.reader_url(["PAR", "SIN"]) == "/?office=PAR,SIN"
    assert routes.reader_url([], " パリ ") == "/?q=%E3%83%91%E3%83%AA"
    assert routes.reader_url(["PAR"], "a&b") == "/?office=PAR&q=a%26b"


def test_item_and_issue_urls() -> None:
    assert routes.item_url("2020-10-28-01") == "/items/2020-10-28-01"
    assert routes.item_url("a/b?c") == "/items/a%2Fb%3Fc"
    assert routes.issue_url(dt.date(2020, 10, 28)) == "/issues/2020-10-28"

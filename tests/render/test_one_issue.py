"""The hook 見出しだけ表示 keys on (issue 17.2): `.items[data-one-issue]` when every article is
from the issue the page's heading names, so the compact list can leave out each one's date."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from flash_reader.store import FeedStore

ITEMS_DIV = re.compile(r'<div class="items"[^>]*>')


@pytest.mark.parametrize(("url", "one_issue"), [
    ("/", True), ("/issues/2020-10-28", True),
    # Headed 「絞り込み・検索の結果」 or by the article's title: the dates stay.
    ("/?q=ソウル", False), ("/?office=PAR,SIN", False), ("/items/2020-10-28-02", False)])
def test_items_of_the_heading_issue_are_marked_one_issue(
        client: TestClient, seeded: FeedStore, url: str, one_issue: bool) -> None:
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == 200
    (tag,) = ITEMS_DIV.findall(response.text)
    assert ("data-one-issue" in tag) is one_issue, tag

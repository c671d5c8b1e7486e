from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.feed.httpserver import FeedServer, feed_server


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running

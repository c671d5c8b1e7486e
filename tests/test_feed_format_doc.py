"""The documented example feed is itself a valid feed with the documented meaning."""

from __future__ import annotations

import json
import re

from flash_reader.feed.parse import parse
from tests.conftest import PROJECT_ROOT


def test_docs_example_parses() -> None:
    text = (PROJECT_ROOT / "docs" / "feed-format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)\n```", text, re.DOTALL)
    assert example, "docs/feed-format.md lost its JSON example"
    feed = parse(example.group(1).encode("utf-8"))
    document = json.loads(example.group(1))
    assert feed.items[0].office.code == document["items"][0]["_flash"]["office"]
    assert feed.items[0].photo.caption == document["items"][0]["_flash"]["photo_caption"]
    assert feed.next_url == document["next_url"]

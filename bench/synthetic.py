"""A synthetic feed of N items made from the seed issue's real sentences (clearly sample data)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_FEED = ROOT / "assets" / "feeds" / "default.json"


def synthetic_feed(count: int) -> bytes:
    """A JSON Feed with `count` items: the seed's 7 items repeated over weekly issues."""
    seed = json.loads(SEED_FEED.read_text(encoding="utf-8"))
    items = []
    first = dt.date(2026, 11, 18)
    for n in range(count):
        source = seed["items"][n % len(seed["items"])]
        issue = first - dt.timedelta(weeks=n // len(seed["items"]))
        flash = {**source["_flash"], "issue_date": issue.isoformat()}
        items.append({**source, "id": f"sample-{n:06d}", "title": f"【サンプル】{source['title']}",
                      "date_published": f"{issue.isoformat()}T00:00:00+09:00", "_flash": flash})
    document = {**seed, "title": "海外事務所フラッシュ（サンプルデータ）", "items": items}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")

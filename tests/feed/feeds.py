"""Small JSON Feed documents for tests, built as dicts and encoded on demand."""

from __future__ import annotations

import json
from typing import Any

V11 = "https://jsonfeed.org/version/1.1"


def item(item_id: Any = "1", **fields: Any) -> dict[str, Any]:
    return {"id": item_id, "title": f"記事 {item_id}", "content_text": "本文。", **fields}


def feed(*items: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"version": V11, "title": "テスト", "items": list(items), **fields}


def encode(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")

"""The audio routes (issue 22) over HTTP with a real job pool: 202 while the article's audio is
made off the request path, then 200 with its immutable files; nothing to say → a note."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from starlette.testclient import TestClient

from flash_reader.api import create_api
from flash_reader.speech import service
from flash_reader.speech.article import article_sentences
from flash_reader.speech.store import key
from flash_reader.store import store
from tests.browser.app_server import wait_for

ITEM = {"id": "2020-10-28-01", "title": "自治体の研修=パリ", "content_text": "職員が参加した。",
        "date_published": "2020-10-28T00:00:00+09:00", "language": "ja",
        "_flash": {"office": "PAR", "office_name": "パリ事務所", "issue_date": "2020-10-28"}}
SYMBOLS = {**ITEM, "id": "2020-10-28-02", "title": "※※※", "content_text": "😀・・・"}


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "t",
                                "items": [ITEM, SYMBOLS]}), encoding="utf-8")
    monkeypatch.setenv("FLASH_AUDIO_DIR", str(tmp_path / "audio"))
    service.jobs.cache_clear()
    store.load(str(feed))
    with TestClient(create_api()) as test_client:
        yield test_client
    service.jobs().shutdown()
    service.jobs.cache_clear()


def test_audio_is_prepared_off_the_request_path_then_served_immutable(client) -> None:
    first = client.get("/audio/items/2020-10-28-01")
    assert first.status_code == 202 and first.json() == {"status": "preparing"}
    wait_for(lambda: client.get("/audio/items/2020-10-28-01").status_code != 202, timeout=120,
             what="the article's audio to be made", interval=0.1)
    answer = client.get("/audio/items/2020-10-28-01")
    ready = answer.json()
    assert answer.status_code == 200 and ready["status"] == "ready" and ready["seconds"] > 1
    assert [s["type"] for s in ready["sources"]] == ["audio/ogg; codecs=opus", "audio/mpeg"]
    for source in ready["sources"]:
        audio = client.get(source["src"])
        assert audio.status_code == 200 and len(audio.content) == source["size"]
        assert audio.headers["content-type"] == source["type"].split(";")[0]
        assert "immutable" in audio.headers["cache-control"]
    track = client.get(ready["track"])
    assert track.text.startswith("WEBVTT") and "職員が参加した。" in track.text

    # Feeds out: the article whose audio exists carries it, the other does not.
    mp3 = ready["sources"][1]
    items = {i["id"]: i for i in client.get("/feed.json").json()["items"]}
    [attachment] = items["2020-10-28-01"]["attachments"]
    assert attachment["url"].endswith(mp3["src"]) and attachment["mime_type"] == "audio/mpeg"
    assert attachment["size_in_bytes"] == mp3["size"]
    assert abs(attachment["duration_in_seconds"] - ready["seconds"]) < 0.1
    assert "attachments" not in items["2020-10-28-02"]
    atom = feedparser.parse(client.get("/feed.atom").content)
    assert not atom.bozo
    entries = {entry.link.rsplit("/", 1)[1]: entry for entry in atom.entries}
    [enclosure] = entries["2020-10-28-01"].enclosures
    assert enclosure.href.endswith(mp3["src"]) and enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == mp3["size"]
    assert entries["2020-10-28-02"].enclosures == []


def test_nothing_to_say_is_said_so(client) -> None:
    answer = client.get("/audio/items/2020-10-28-02")
    assert answer.status_code == 200 and answer.json()["status"] == "none"


@pytest.mark.parametrize("path", ["/audio/files/../../etc/passwd", "/audio/files/x.opus",
                                  "/audio/files/" + "0" * 32 + ".py", "/audio/items/nope"])
def test_unknown_audio_is_not_found(client, path: str) -> None:
    assert client.get(path).status_code == 404


def test_the_latest_issue_is_spoken_in_the_background(client) -> None:
    items = store.current().items
    assert service.speak_latest(items) == 1  # the symbols-only article has nothing to make
    made = key(article_sentences(items[0]))
    # No request asked for it.
    wait_for(lambda: service.jobs().store.record(made) is not None, timeout=120,
             what="the latest issue's audio to be made", interval=0.1)

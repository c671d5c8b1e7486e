"""`flash-reader audio` (issue 22): the articles of a date range made, with a summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flash_reader.cli import main
from tests.speech.test_audio_routes import ITEM, SYMBOLS

OLDER = {**ITEM, "id": "2020-10-14-01", "content_text": "別の記事。",
         "_flash": {**ITEM["_flash"], "issue_date": "2020-10-14"}}


def test_a_date_range_is_made_then_found_made(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "t",
                                "items": [ITEM, SYMBOLS, OLDER]}), encoding="utf-8")
    audio = tmp_path / "audio"
    args = ["audio", str(feed), "--since", "2020-10-20", "--audio-dir", str(audio)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert out.strip().startswith("audio: 2 articles: 1 made")
    assert "1 with nothing to say, 0 failed" in out and "2/2" in err
    assert len(list(audio.glob("*.json"))) == 1
    assert main(args) == 0
    assert "0 made (0.0 min of speech), 1 already made" in capsys.readouterr().out

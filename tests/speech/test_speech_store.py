"""Audio files and cues (issue 22): real synthesis and encoding of a sentence or two; sizes per
minute, cue times vs the synthesizer's durations, digest names, a worker killed mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import av
import pytest

from flash_reader.speech.encode import FORMATS, MP3, OPUS, Cue, webvtt
from flash_reader.speech.store import AudioStore, key
from flash_reader.speech.synth import synthesize
from flash_reader.speech.text import sentences
from tests.browser.app_server import wait_for

TEXT = "自治体の職員が2日間、研修を受けた。パリ事務所が報告した。"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory):
    store = AudioStore(tmp_path_factory.mktemp("audio"), 10_000_000)
    return store, store.make(list(sentences(TEXT)))


def test_files_are_named_by_their_content_and_play(made) -> None:
    store, record = made
    assert record.key == key(sentences(TEXT)) != key(sentences(TEXT + "報告。"))
    for fmt in FORMATS:
        path = store.path(record.key, fmt.suffix)
        assert path.stat().st_size == record.sizes[fmt.suffix]
        with av.open(str(path)) as container:  # a real decoder reads the whole file back
            decoded = sum(frame.samples / frame.sample_rate
                          for frame in container.decode(audio=0))
        assert abs(decoded - record.seconds) < 0.1, fmt
        # ≤ 200 KB per minute of speech
        assert record.sizes[fmt.suffix] / record.seconds * 60 <= 200_000, fmt
    assert store.record(record.key) == record
    assert not list(store.root.glob(".part-*"))


def test_cues_are_the_synthesizers_sentence_times(made) -> None:
    store, record = made
    said = list(synthesize(sentences(TEXT)))
    vtt = store.path(record.key, "vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n")
    at = 0.0
    for number, spoken in enumerate(said, 1):
        start, end = at, at + spoken.seconds
        line = vtt.split(f"\n{number}\n", 1)[1].split("\n", 2)
        stamps = [_seconds(part) for part in line[0].split(" --> ")]
        assert abs(stamps[0] - start) <= 0.05 and abs(stamps[1] - end) <= 0.05
        assert line[1] == spoken.sentence.text
        at = end


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def test_cue_text_cannot_break_the_track() -> None:
    vtt = webvtt([Cue(0, 1, "a --> b\n\n<c>&")])
    assert vtt.splitlines()[4] == "a → b &lt;c&gt;&amp;"


def test_oldest_audio_is_evicted(tmp_path: Path) -> None:
    store = AudioStore(tmp_path, 10**9)
    first = store.make(list(sentences("研修。")))
    store.max_bytes = sum(p.stat().st_size for p in tmp_path.glob(first.key + ".*")) + 100
    os.utime(store.path(first.key, "json"), (1, 1))
    for fmt in FORMATS:
        os.utime(store.path(first.key, fmt.suffix), (1, 1))
    second = store.make(list(sentences("報告。")))
    assert store.record(first.key) is None
    assert not any(tmp_path.glob(first.key + ".*"))
    assert second.key != first.key


def test_a_worker_killed_mid_synthesis_leaves_no_broken_file(tmp_path: Path) -> None:
    text = "自治体の職員が研修を受けた。" * 200
    code = ("import sys; from pathlib import Path;"
            "from flash_reader.speech.store import AudioStore;"
            "from flash_reader.speech.text import sentences;"
            f"AudioStore(Path(sys.argv[1]), 10**9).make(list(sentences({text!r})))")
    worker = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)],
                              cwd=Path(__file__).parents[2])
    def writing() -> bool:
        assert worker.poll() is None, "the worker ended before it was killed"
        return any(p.stat().st_size > 10_000 for p in tmp_path.glob(".part-*.opus"))

    wait_for(writing, timeout=120, what="the worker to be writing its audio", interval=0.05)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    finals = [p for p in tmp_path.iterdir() if not p.name.startswith(".part-")]
    assert finals == []
    store = AudioStore(tmp_path, 10**9)
    assert store.record(key(sentences(text))) is None


def test_formats_are_what_browsers_play() -> None:
    assert OPUS.mime.startswith("audio/ogg") and MP3.mime == "audio/mpeg"

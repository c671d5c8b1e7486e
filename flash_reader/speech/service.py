"""The app's one audio cache and job pool, and what the audio routes answer about an article."""

from __future__ import annotations

import functools

from flash_reader import config
from flash_reader.embed.feeds_out import Enclosure
from flash_reader.feed.model import Item
from flash_reader.speech.article import article_sentences
from flash_reader.speech.encode import FORMATS, MP3
from flash_reader.speech.jobs import AudioJobs
from flash_reader.speech.store import AudioStore, key

FILES_PREFIX = "/audio/files/"  # + key.suffix: immutable, named by the content's digest
ITEM_PREFIX = "/audio/items/"  # + item id: the article's audio status (JSON)


@functools.cache
def jobs() -> AudioJobs:
    return AudioJobs(AudioStore(config.audio_dir(), config.audio_max_bytes()))


def status(item: Item, start: bool = True) -> tuple[int, dict]:
    """(HTTP status, body) for an article's audio: ready (its files), being prepared (202, the
    job started), or nothing to say (an article of symbols only: a note, no audio)."""
    sentences = article_sentences(item)
    if not sentences:
        return 200, {"status": "none", "note": "no speakable text"}
    pool = jobs()
    audio_key = pool.submit(sentences) if start else ""
    record = pool.store.record(audio_key) if audio_key else None
    if record is None:
        return 202, {"status": "preparing"}
    return 200, {
        "status": "ready",
        "seconds": round(record.seconds, 3),
        "sources": [{"src": f"{FILES_PREFIX}{record.key}.{f.suffix}", "type": f.mime,
                     "size": record.sizes[f.suffix]} for f in FORMATS],
        "track": f"{FILES_PREFIX}{record.key}.vtt",
    }


def speak_latest(items: tuple[Item, ...]) -> int:
    """Queue the latest issue's articles (those not made yet); how many were queued."""
    dates = [item.issue_date for item in items if item.issue_date is not None]
    if not dates:
        return 0
    latest = max(dates)
    queued = 0
    for item in items:
        if item.issue_date == latest and (sentences := article_sentences(item)):
            jobs().submit(sentences)
            queued += 1
    return queued


@functools.lru_cache(maxsize=4096)
def _key(item: Item) -> str:
    sentences = article_sentences(item)
    return key(sentences) if sentences else ""


def enclosure(item: Item) -> Enclosure | None:
    """The article's MP3 (what every podcast app plays) when it has been made; never starts a
    job: a feed request only reports what exists."""
    audio_key = _key(item)
    record = jobs().store.record(audio_key) if audio_key else None
    if record is None:
        return None
    return Enclosure(f"{FILES_PREFIX}{record.key}.{MP3.suffix}", MP3.mime,
                     record.sizes[MP3.suffix], record.seconds)

"""Synthesis off the request path: a bounded pool of processes at a lower CPU priority than
the pages, one job per article at a time (an in-process table, and a lock file shared by
every worker process of the app on the same cache)."""

from __future__ import annotations

import concurrent.futures
import contextlib
import fcntl
import logging
import os
import threading
from pathlib import Path

from flash_reader.speech.store import AudioStore, Record, key
from flash_reader.speech.text import Sentence

log = logging.getLogger(__name__)
NICENESS = 10  # pages first: synthesis takes what CPU they leave


def _lower_priority() -> None:
    with contextlib.suppress(OSError):
        os.nice(NICENESS)


def make(root: str, max_bytes: int, sentences: list[Sentence]) -> Record:
    """In a pool process: the article's audio, made once across processes (lock file)."""
    store = AudioStore(Path(root), max_bytes)
    store.root.mkdir(parents=True, exist_ok=True)
    with open(store.root / f".lock-{key(sentences)}", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process making it: wait, then find it made
        return store.make(sentences)


class AudioJobs:
    def __init__(self, store: AudioStore, workers: int = 1) -> None:
        self.store = store
        self.workers = workers
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._running: dict[str, concurrent.futures.Future] = {}
        self._lock = threading.Lock()

    def submit(self, sentences: list[Sentence]) -> str:
        """Start making `sentences`' audio unless it exists or is being made; its key."""
        audio_key = key(sentences)
        with self._lock:
            if audio_key in self._running or self.store.record(audio_key) is not None:
                return audio_key
            if self._pool is None:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    self.workers, initializer=_lower_priority)
            future = self._pool.submit(make, str(self.store.root), self.store.max_bytes,
                                       sentences)
            self._running[audio_key] = future
        future.add_done_callback(lambda done: self._finished(audio_key, done))
        return audio_key

    def preparing(self, audio_key: str) -> bool:
        with self._lock:
            return audio_key in self._running

    def _finished(self, audio_key: str, future: concurrent.futures.Future) -> None:
        with self._lock:
            self._running.pop(audio_key, None)
        if not future.cancelled() and future.exception() is not None:
            log.error("audio for %s failed: %r", audio_key, future.exception())

    def shutdown(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

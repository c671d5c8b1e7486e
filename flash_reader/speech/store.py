"""The audio cache: one article's audio files and cues under a name made from its content's
digest (so the URL never changes meaning and can be cached forever), bounded, oldest evicted.

Every file is written to a temporary name in the same directory, flushed, then renamed, and
the `.json` record is renamed last: a worker killed mid-synthesis leaves at most temporary files
(removed on the next write), never a file under a final name that is cut short.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from flash_reader.speech.encode import FORMATS, Format, encode, webvtt
from flash_reader.speech.synth import synthesize
from flash_reader.speech.text import Sentence

VOICE = "openjtalk-mei-normal/1"  # in the digest: a change of voice or rules makes new names
_KEY = re.compile(r"^[0-9a-f]{32}$")
_TEMP = ".part-"


def key(sentences: Iterable[Sentence]) -> str:
    """The digest of what is said (voice included): the name of the article's audio."""
    digest = hashlib.sha256(VOICE.encode())
    for sentence in sentences:
        digest.update(b"\x1e" + sentence.text.encode() + b"\x1f" + sentence.spoken.encode())
    return digest.hexdigest()[:32]


def valid_key(value: str) -> bool:
    return bool(_KEY.match(value))


@dataclasses.dataclass(frozen=True, slots=True)
class Record:
    key: str
    seconds: float
    sizes: dict[str, int]  # format suffix → bytes
    cues: int


class AudioStore:
    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def path(self, audio_key: str, suffix: str) -> Path:
        if not valid_key(audio_key) or not re.fullmatch(r"[a-z0-9]{2,5}", suffix):
            raise ValueError("not an audio name")
        return self.root / f"{audio_key}.{suffix}"

    def record(self, audio_key: str) -> Record | None:
        """The finished audio for `audio_key`, or None (not made, or not finished)."""
        try:
            data = json.loads(self.path(audio_key, "json").read_text(encoding="utf-8"))
            record = Record(audio_key, float(data["seconds"]),
                            {str(k): int(v) for k, v in data["sizes"].items()}, int(data["cues"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if not all(self.path(audio_key, f.suffix).is_file() for f in FORMATS):
            return None
        return record

    def make(self, sentences: list[Sentence]) -> Record:
        """Synthesize and store `sentences` (if not stored already); returns the record."""
        audio_key = key(sentences)
        found = self.record(audio_key)
        if found is not None:
            return found
        self.root.mkdir(parents=True, exist_ok=True)
        self._sweep()
        temps: dict[Format, Path] = {f: self._temp(f.suffix) for f in FORMATS}
        vtt, record_temp = self._temp("vtt"), self._temp("json")
        try:
            cues = encode(synthesize(sentences), temps)
            _write(vtt, webvtt(cues).encode())
            for path in temps.values():
                _flush(path)
            sizes = {f.suffix: temps[f].stat().st_size for f in FORMATS}
            seconds = cues[-1].end if cues else 0.0
            for fmt, path in temps.items():
                os.replace(path, self.path(audio_key, fmt.suffix))
            os.replace(vtt, self.path(audio_key, "vtt"))
            _write(record_temp, json.dumps(
                {"seconds": seconds, "sizes": sizes, "cues": len(cues)}).encode())
            os.replace(record_temp, self.path(audio_key, "json"))  # last: marks it finished
        finally:
            for path in [*temps.values(), vtt, record_temp]:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
        self.evict(keep=audio_key)
        return Record(audio_key, seconds, sizes, len(cues))

    def evict(self, keep: str = "") -> None:
        """Remove the oldest articles' audio (never `keep`'s) until the cache is within bound."""
        files = [p for p in self.root.glob("*.*") if valid_key(p.stem)]
        total = sum(p.stat().st_size for p in files)
        by_key: dict[str, list[Path]] = {}
        for path in files:
            by_key.setdefault(path.stem, []).append(path)
        oldest = sorted(by_key, key=lambda k: min(p.stat().st_mtime for p in by_key[k]))
        for audio_key in oldest:
            if audio_key == keep:
                continue
            if total <= self.max_bytes:
                break
            for path in by_key[audio_key]:
                total -= path.stat().st_size
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()

    def _temp(self, suffix: str) -> Path:
        handle, name = tempfile.mkstemp(prefix=_TEMP, suffix="." + suffix, dir=self.root)
        os.close(handle)
        return Path(name)

    def _sweep(self) -> None:
        """Temporary files a killed worker left behind (older than a minute: not a live job's)."""
        for path in self.root.glob(_TEMP + "*"):
            with contextlib.suppress(OSError):
                if time.time() - path.stat().st_mtime > 60:
                    path.unlink()


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _flush(path: Path) -> None:
    with open(path, "rb+") as out:
        os.fsync(out.fileno())

"""Sentences → samples with Open JTalk (pyopenjtalk-plus bundles the dictionary and the Mei
voice, so nothing is downloaded at run time). Each sentence's own duration is kept for the cues.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import threading
from collections.abc import Iterable, Iterator

import numpy as np

from flash_reader.speech.text import Sentence

SAMPLE_RATE = 48_000  # Open JTalk's Mei voice; also Opus's native rate
GAP = 0.25  # seconds of silence after each sentence, part of its cue
_lock = threading.Lock()  # Open JTalk's engine is one global per process


@dataclasses.dataclass(frozen=True, slots=True)
class Spoken:
    sentence: Sentence
    samples: np.ndarray  # int16 mono at SAMPLE_RATE, gap included

    @property
    def seconds(self) -> float:
        return len(self.samples) / SAMPLE_RATE


@functools.cache
def _engine():
    # pyopenjtalk-plus prints a notice about an optional ONNX model on stdout at import: kept
    # out of the CLI's output (its stdout is a summary scripts read).
    with contextlib.redirect_stdout(io.StringIO()):
        import pyopenjtalk
    return pyopenjtalk


def phonemes(spoken: str) -> str:
    """The synthesizer's own reading (katakana, as read, not as pronounced) of `spoken`."""
    return "".join(node["read"] for node in _engine().run_frontend(spoken)
                   if node["pos"] != "記号")


def synthesize(sentences: Iterable[Sentence]) -> Iterator[Spoken]:
    """One `Spoken` per sentence; a sentence the engine makes no sound for is skipped."""
    gap = np.zeros(int(GAP * SAMPLE_RATE), dtype=np.int16)
    for sentence in sentences:
        with _lock:
            wave, rate = _engine().tts(sentence.spoken)
        if rate != SAMPLE_RATE or len(wave) == 0:
            continue
        samples = np.clip(wave, -32768, 32767).astype(np.int16)
        yield Spoken(sentence, np.concatenate([samples, gap]))

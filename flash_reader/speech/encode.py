"""Spoken sentences → compressed audio files and a WebVTT track of sentence cues.

Encoding goes through PyAV (FFmpeg's libopus and libmp3lame, bundled in its wheel); nothing is
hand-written here but the cue text. Sentences are written as they come, so an article of any
length holds one sentence of samples at a time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

import av
import numpy as np

from flash_reader.speech.synth import SAMPLE_RATE, Spoken


@dataclasses.dataclass(frozen=True, slots=True)
class Format:
    suffix: str  # file name ending
    mime: str  # the <source type>, the feed attachment's mime_type
    container: str
    codec: str
    rate: int  # samples per second the codec is fed
    bit_rate: int


# Primary: Opus in Ogg (Chromium, Firefox, Safari 18.4+); fallback: MP3, which every browser,
# iOS Safari and podcast apps included, plays. Bit rates keep both ≤ 200 KB per minute.
OPUS = Format("opus", "audio/ogg; codecs=opus", "ogg", "libopus", 48_000, 24_000)
MP3 = Format("mp3", "audio/mpeg", "mp3", "libmp3lame", 24_000, 24_000)
FORMATS = (OPUS, MP3)


@dataclasses.dataclass(frozen=True, slots=True)
class Cue:
    start: float
    end: float
    text: str


class _Writer:
    def __init__(self, path: Path, fmt: Format) -> None:
        self.container = av.open(str(path), "w", format=fmt.container)
        self.stream = self.container.add_stream(fmt.codec, rate=fmt.rate, layout="mono")
        self.stream.bit_rate = fmt.bit_rate
        self.resampler = av.AudioResampler(format=self.stream.format.name, layout="mono",
                                           rate=fmt.rate, frame_size=self.stream.frame_size or None)
        self.pts = 0

    def write(self, samples: np.ndarray | None) -> None:
        frame = None
        if samples is not None:
            frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = SAMPLE_RATE
        for out in self.resampler.resample(frame):
            out.pts = self.pts
            self.pts += out.samples
            self.container.mux(self.stream.encode(out))

    def close(self) -> None:
        self.write(None)  # what the resampler still holds
        self.container.mux(self.stream.encode(None))
        self.container.close()


def encode(said: Iterable[Spoken], paths: dict[Format, Path]) -> list[Cue]:
    """Write every format at once; the cues are timed from the synthesizer's own durations."""
    writers = {fmt: _Writer(path, fmt) for fmt, path in paths.items()}
    cues: list[Cue] = []
    at = 0
    try:
        for spoken in said:
            for writer in writers.values():
                writer.write(spoken.samples)
            end = at + len(spoken.samples)
            cues.append(Cue(at / SAMPLE_RATE, end / SAMPLE_RATE, spoken.sentence.text))
            at = end
    finally:
        for writer in writers.values():
            writer.close()
    return cues


def _stamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"


def webvtt(cues: Iterable[Cue]) -> str:
    """A WebVTT track; cue text has "-->" and blank lines removed, &, < escaped as VTT asks."""
    lines = ["WEBVTT", ""]
    for number, cue in enumerate(cues, 1):
        text = " ".join(cue.text.split()).replace("-->", "→")
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        lines += [str(number), f"{_stamp(cue.start)} --> {_stamp(cue.end)}", text, ""]
    return "\n".join(lines)

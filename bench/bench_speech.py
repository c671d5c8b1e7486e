"""Server speech on the seed issue (issue 22): real-time factor, bytes per minute of speech,
first-sentence latency, and cue boundaries vs the synthesizer's times. Prints; not a test.

    .venv/bin/python -m bench.bench_speech [--chars 0]

--chars bounds how much of the seed is read (0: all of it).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from flash_reader.speech.encode import FORMATS
from flash_reader.speech.store import AudioStore
from flash_reader.speech.synth import synthesize
from flash_reader.speech.text import sentences
from tests.conftest import SEED


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=0)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    text = text[:args.chars] if args.chars else text
    list(synthesize(sentences("準備。")))  # load the dictionary and voice outside the timings

    started = time.perf_counter()
    first = next(synthesize(sentences(text)))
    latency = time.perf_counter() - started

    started = time.perf_counter()
    said = list(synthesize(sentences(text)))
    synth_seconds = time.perf_counter() - started
    speech = sum(s.seconds for s in said)

    with tempfile.TemporaryDirectory() as root:
        store = AudioStore(Path(root), 10**10)
        started = time.perf_counter()
        record = store.make([s.sentence for s in said])
        total_seconds = time.perf_counter() - started
        vtt = store.path(record.key, "vtt").read_text(encoding="utf-8")
    ends = [line.split(" --> ")[1] for line in vtt.splitlines() if " --> " in line]
    at, worst = 0.0, 0.0
    for spoken, stamp in zip(said, ends, strict=True):
        at += spoken.seconds
        hours, minutes, seconds = stamp.split(":")
        worst = max(worst, abs(int(hours) * 3600 + int(minutes) * 60 + float(seconds) - at))

    print(f"seed: {len(text)} characters, {len(said)} sentences, {speech:.1f} s of speech")
    print(f"first sentence ready in {latency:.2f} s ({first.seconds:.1f} s of speech)")
    print(f"synthesis only: {synth_seconds:.1f} s, real-time factor {synth_seconds / speech:.3f}")
    print(f"synthesis + encoding + files: {total_seconds:.1f} s, "
          f"real-time factor {total_seconds / speech:.3f}")
    for fmt in FORMATS:
        size = record.sizes[fmt.suffix]
        print(f"{fmt.suffix}: {size} bytes, {size / record.seconds * 60 / 1000:.1f} KB per minute")
    print(f"cue ends vs the synthesizer's sentence times: worst {worst * 1000:.1f} ms apart")


if __name__ == "__main__":
    main()

"""How many events of each name this process handled, for bench/bench_load.py to check its own
arithmetic against (issue 14.15). Off unless FLASH_EVENT_COUNT_DIR names a directory."""

from __future__ import annotations

import collections
import json
import os
from pathlib import Path

from reflex.middleware import Middleware

ENV = "FLASH_EVENT_COUNT_DIR"


class EventCounter(Middleware):
    """Counts each event before its handler runs; one small file per process (a worker's
    answer is sent only after its count is written)."""

    def __init__(self, directory: Path) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self.path = directory / f"{os.getpid()}.json"

    async def preprocess(self, app, state, event) -> None:
        self.counts[event.name] += 1
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.counts))
        temporary.replace(self.path)  # readers never see half a file
        return None


def counter_from_env() -> EventCounter | None:
    directory = os.environ.get(ENV)
    return EventCounter(Path(directory)) if directory else None


def read_counts(directory: Path) -> collections.Counter[str]:
    """The sum over every process that wrote into `directory`."""
    total: collections.Counter[str] = collections.Counter()
    for path in directory.glob("*.json"):
        total.update(json.loads(path.read_text()))
    return total

"""One least-recently-used cache bounded by the total size of what it holds: rendered views
(html.py) and their encoded answers (endpoints.py) both live in one."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class SizedCache(Generic[V]):
    def __init__(self, max_bytes: int, size_of: Callable[[V], int]) -> None:
        self._entries: OrderedDict[Hashable, V] = OrderedDict()
        self._bytes = 0
        self._max_bytes = max_bytes
        self._size_of = size_of
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: Hashable, value: V) -> V:
        """Keep `value` (the one already held, if another thread was first); the oldest
        entries go while the total is over the bound (the newest always stays)."""
        with self._lock:
            held = self._entries.get(key)
            if held is not None:
                return held
            self._entries[key] = value
            self._bytes += self._size_of(value)
            while self._bytes > self._max_bytes and len(self._entries) > 1:
                _, old = self._entries.popitem(last=False)
                self._bytes -= self._size_of(old)
            return value

    def get_or_make(self, key: Hashable, make: Callable[[], V]) -> V:
        found = self.get(key)
        # Made outside the lock: other keys are not held up by a slow render.
        return found if found is not None else self.put(key, make())

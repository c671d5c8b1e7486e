"""Client events that would put unbounded data into Reflex's own state are dropped.

Any client can send any event with any payload over the websocket. Our handlers validate their
arguments; Reflex 0.10.1's root `State.set_is_hydrated` (and `setvar("is_hydrated", …)`) store
whatever they are given — a 400 KB string stayed in a reader's state until its next hydrate
(tests/scale/test_every_handler_hostile.py). `is_hydrated` is only ever a bool.

Before any of that, two bounds apply to every event as it arrives, because Reflex stores an
event's `router_data` (the page address the client claims, its query, and any other key it
sends) in the reader's state *before* any middleware runs: a client sending 900 KB addresses
parked megabytes per token (in Redis 3 MB a key, evicting other readers' states).
- the whole websocket frame: engine.io refuses a longer one and closes that socket (Reflex's
  `REFLEX_SOCKET_MAX_HTTP_BUFFER_SIZE`, 1 MB by default);
- `router_data`: only the keys Reflex's client sends (pathname, asPath, query), strings, and
  short; an event with anything else is dropped unanswered (no legitimate client sends one).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from reflex.middleware import Middleware
from reflex.state import StateUpdate
from reflex_base.environment import environment

# The builder's largest event (a hydrate with its address and query) is under 1 KB.
MAX_FRAME_CHARS = 16_384
MAX_ROUTER_CHARS = 4_096  # pathname + asPath + query together, as JSON
ROUTER_KEYS = frozenset({"pathname", "asPath", "query"})  # what Reflex's state.js sends


def bound_event_frames() -> None:
    """Make engine.io refuse websocket frames over MAX_FRAME_CHARS (set before the app exists:
    Reflex reads it when it builds its socket server; EnvVar.set writes the environment, so
    every granian worker sees it too)."""
    environment.REFLEX_SOCKET_MAX_HTTP_BUFFER_SIZE.set(MAX_FRAME_CHARS)


def bounded_router_data(router_data: object) -> dict[str, Any] | None:
    """The router data Reflex may store, or None when the event must be dropped."""
    if router_data is None:
        return {}
    if not isinstance(router_data, dict) or not set(router_data) <= ROUTER_KEYS:
        return None
    for key in ("pathname", "asPath"):
        if not isinstance(router_data.get(key, ""), str):
            return None
    query = router_data.get("query", {})
    if not isinstance(query, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in query.items()):
        return None
    if len(json.dumps(router_data, ensure_ascii=False)) > MAX_ROUTER_CHARS:
        return None
    return router_data


def bounded_event(data: object) -> object | None:
    """The event data to hand to Reflex, or None to drop it. Reflex itself rejects data that is
    not an object (or a JSON string of one); only the router data is ours to bound."""
    fields = data
    if isinstance(fields, str):
        try:
            fields = json.loads(fields)
        except ValueError:
            return data  # Reflex answers it with its own deserialisation error
    if not isinstance(fields, dict):
        return data
    router_data = bounded_router_data(fields.get("router_data"))
    return None if router_data is None else {**fields, "router_data": router_data}


def guard_router_data(namespace: Any) -> None:
    """Put `bounded_event` in front of Reflex's socket.io `on_event` handler.

    python-socketio finds a namespace's handler by attribute (`on_<event>`) at each event, so an
    instance attribute takes its place; Reflex offers no hook that runs before it stores the
    router data (middleware runs after)."""
    reflex_on_event: Callable[[str, Any], Awaitable[None]] = namespace.on_event

    async def on_event(sid: str, data: Any) -> None:
        if (bounded := bounded_event(data)) is not None:
            await reflex_on_event(sid, bounded)

    namespace.on_event = on_event


def is_hostile(name: str, payload: object) -> bool:
    """Whether an event from a client would store a non-bool in `is_hydrated`."""
    handler = name.rsplit(".", 1)[-1]
    if not isinstance(payload, dict):
        return False
    if handler == "set_is_hydrated":
        return not isinstance(payload.get("value"), bool)
    if handler == "setvar" and payload.get("var_name") == "is_hydrated":
        return not isinstance(payload.get("value"), bool)
    return False


class EventGuard(Middleware):
    async def preprocess(self, app, state, event) -> StateUpdate | None:
        # An empty update: the event is answered and nothing is stored.
        return StateUpdate() if is_hostile(event.name, event.payload) else None

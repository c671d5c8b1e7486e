"""Client events that would put unbounded data into Reflex's own state are dropped.

Any client can send any event with any payload over the websocket. Our handlers validate their
arguments; Reflex 0.10.1's root `State.set_is_hydrated` (and `setvar("is_hydrated", …)`) store
whatever they are given — a 400 KB string stayed in a reader's state until its next hydrate
(tests/scale/test_every_handler_hostile.py). `is_hydrated` is only ever a bool.
"""

from __future__ import annotations

from reflex.middleware import Middleware
from reflex.state import StateUpdate


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

"""Events that would store a non-bool in Reflex's own `is_hydrated` are recognised."""

from __future__ import annotations

import pytest

from flash_reader.event_guard import is_hostile

ROOT = "reflex___state____state"


@pytest.mark.parametrize(("name", "payload"), [
    (f"{ROOT}.set_is_hydrated", {"value": "x" * 400_000}),
    (f"{ROOT}.set_is_hydrated", {"value": [1] * 20_000}),
    (f"{ROOT}.set_is_hydrated", {}),
    (f"{ROOT}.setvar", {"var_name": "is_hydrated", "value": {"a": 1}}),
])
def test_hostile_is_hydrated_is_refused(name: str, payload: dict) -> None:
    assert is_hostile(name, payload)


@pytest.mark.parametrize(("name", "payload"), [
    (f"{ROOT}.set_is_hydrated", {"value": True}),
    (f"{ROOT}.setvar", {"var_name": "is_hydrated", "value": False}),
    (f"{ROOT}.reflex___state____on_load_internal_state.on_load_internal", {}),
    (f"{ROOT}.flash_reader___state___view____view_state.on_load", {"x": "y"}),
])
def test_ordinary_events_pass(name: str, payload: dict) -> None:
    assert not is_hostile(name, payload)
